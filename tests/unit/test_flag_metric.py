"""missing_metric: is there a quantified outcome, a number attached to what changed?

Dates, head counts, options, plan estimates, targets and version numbers are numbers too, but
not outcomes.
"""

from __future__ import annotations

import pytest

from .helpers import raised, typed

NO_METRIC = [
    # Every number is context: a year, a team size, options, a plan estimate.
    "In 2019 I joined a team of five. We had two options for the new search backend, and I "
    "picked Elasticsearch because the team already knew it. The migration took six weeks and "
    "search got a lot faster afterwards.",
    # An outcome with no number.
    "Training was too slow for the research team. I switched the jobs to mixed precision and "
    "fixed the data loader, and training time dropped significantly.",
    # Version numbers.
    "I upgraded our serving stack to Python 3.11 and PyTorch 2, cleaned up the Dockerfiles, and "
    "things were much more stable after that.",
    # A duration spent, not saved.
    "I spent two weeks profiling the ranking service. I found that most of the time went into "
    "JSON parsing, so I replaced it with a binary format, and the service became noticeably "
    "quicker.",
    # A target that is never reported back.
    "The goal was to reduce our cloud costs by twenty percent this year. I audited every "
    "cluster, turned off the idle ones, and moved the batch jobs to spot instances.",
    # A plan with numbers.
    "We planned to cut latency by thirty percent in Q3. I built a caching layer and a load "
    "test harness, and we rolled the cache out to all regions.",
    # Counts of things done.
    "I set up three dashboards and fifteen alerts for the new feature store, wrote the "
    "runbook, and trained the on-call rotation on it.",
    # A promise of later improvement.
    "We estimated the new model would be about 2x faster. I wrote the export script, "
    "validated the outputs against the old model, and handed it to the platform team.",
    # Delivered on time, no figure.
    "The team of twelve was spread over three time zones. I coordinated the release plan, ran "
    "the go or no go meeting, and we delivered on time.",
]

METRIC = [
    "I replaced the synchronous feature lookups with a batched call, and p99 latency went "
    "from 800 ms to 120 ms.",
    "I moved the nightly training to spot instances with checkpointing, which cut our monthly "
    "GPU bill by $40k.",
    "We cut inference cost by twenty two percent while keeping accuracy steady.",
    "After I rewrote the join, the report generation was three times faster.",
    "I added a second-stage model for borderline scores, and the false positive rate dropped "
    "to 4%.",
    "The self-serve tool I built saved the analysts about ten hours a week.",
    "I rewrote the clustering step in Spark, and it now runs in twelve minutes instead of two "
    "hours.",
    "With the new scheduler I built, we doubled the number of experiments we could run each "
    "week.",
    "I retrained the ranker on fresh labels and recall went up 8 points.",
    "After my change to the alert rules the on-call rotation had zero pages for a month.",
]


@pytest.mark.parametrize("text", NO_METRIC)
def test_answers_without_a_quantified_outcome_are_flagged(text: str) -> None:
    assert raised(typed(text), "missing_metric")


@pytest.mark.parametrize("text", METRIC)
def test_answers_with_a_quantified_outcome_are_not_flagged(text: str) -> None:
    report = typed(text)
    assert report.flag("missing_metric") is None
    assert report.signals["metric"]


def test_an_unquantified_result_is_quoted_and_a_missing_result_fails() -> None:
    vague = typed("I fixed the retry logic in the exporter, and after that it failed a lot "
                  "less, I think.").flag("missing_metric")
    assert vague is not None and vague.severity == "warn"
    assert "less" in vague.evidence[0].text and "hedged" in vague.message
    none = typed("We set up the new cluster and copied the tables over. Then we moved the "
                 "jobs and turned off the old system.").flag("missing_metric")
    assert none is not None and none.severity == "fail" and not none.evidence
