"""missing_stakes: does the answer say why the problem mattered to the business or its users?

Stakes are a risk or a consequence (money, customers, a deadline, an outage, compliance), not
the word "customer" in passing or a purely technical reason.
"""

from __future__ import annotations

import pytest

from .helpers import raised, typed

NO_STAKES = [
    # A task list with a clean finish.
    "I was asked to migrate our feature pipelines from Airflow to Dagster. I wrote a migration "
    "plan, moved the DAGs over in batches, and added an integration test for each one. It took "
    "three weeks and then the old scheduler was turned off.",
    # "customer" only as the name of a service.
    "I worked on the customer segmentation service. I rewrote the clustering step in Spark "
    "instead of pandas, because the data no longer fit in memory on one machine, and now it "
    "runs in twelve minutes instead of two hours.",
    # A metric and a decision, but nothing about why anyone needed it.
    "In 2021 I joined a team of five engineers working on search ranking. I was asked to add a "
    "freshness feature to the ranker. I chose a gradient boosted model over a neural one "
    "because it was easier to debug, and the new feature improved NDCG by two points.",
    # Users appear, nothing is at risk.
    "A few users of our internal analytics app asked for a dark mode. I implemented it with "
    "CSS variables, tested it on the three browsers we support, and shipped it in a week. "
    "People seemed to like it.",
    # A technical bottleneck, no business consequence.
    "We were rewriting the data loader for our training jobs. I profiled it, found that image "
    "decoding was the slowest step, and moved decoding onto the GPU with DALI. Epoch time "
    "dropped from forty minutes to fifteen.",
    # Housekeeping.
    "My manager asked me to clean up our experiment tracking. I consolidated three tracking "
    "tools into MLflow, wrote a short guide, and ran two lunch sessions to show people how to "
    "use it. Now everyone logs their runs the same way.",
    # Tooling for colleagues, told with enthusiasm.
    "I built a small labelling tool for our image data. I talked to the annotators, designed "
    "a keyboard driven interface, and deployed it on our cluster. Throughput went up by about "
    "thirty percent and I learned a lot about designing for power users.",
    # Numbers everywhere, none of them a stake.
    "Our team had twelve people across three time zones. I set up a weekly sync, created a "
    "shared roadmap doc with two sections per squad, and moved our standup to fifteen minutes. "
    "After two months the meetings felt a lot more focused.",
    # A failing job, but only an annoyance to the team.
    "We had an old nightly job that sometimes failed, and someone had to restart it in the "
    "morning. I rewrote the retry logic and added a health check, and it has not needed a "
    "manual restart since.",
]

STAKES = [
    # Money.
    "Our fraud model was blocking about two percent of legitimate checkouts, which was costing "
    "us roughly a million dollars a month. I retrained it with the last quarter's labels and "
    "added a second stage for borderline scores.",
    # A deadline with a partner.
    "We had a hard launch date with a partner in six weeks, and the ranking service could not "
    "handle the traffic they expected. I load tested it, found a lock in the feature cache, and "
    "replaced it with a sharded map.",
    # A consequence construction.
    "If we didn't retrain the model before the holiday season, the recommendations would have "
    "been weeks out of date during our busiest period. I set up a weekly retraining job with "
    "automatic evaluation gates.",
    # An outage.
    "Last year a bad config push caused a two hour outage of our inference API. I led the "
    "postmortem and added config validation to the deploy pipeline.",
    # Compliance.
    "Legal told us that we had to delete user data within thirty days to comply with GDPR, and "
    "our feature store kept everything forever. I designed a retention job with audit logs.",
    # Users affected by a failure.
    "About fifteen percent of our Android users were getting stale recommendations because the "
    "nightly export kept failing. I traced it to a schema change upstream and added a contract "
    "test.",
    # On-call pain.
    "Our on-call engineers were getting paged three or four times a night by the ingestion "
    "service, and two people had already asked to leave the rotation. I went through a month "
    "of alerts and found most were duplicates.",
    # Counterfactual with a customer.
    "Without a fix we would have missed the quarterly release for our biggest customer. I "
    "paired with their engineer for two days and we found the memory leak in the tokenizer.",
    # Stated as why it mattered.
    "This mattered because the sales team had already promised the feature to three enterprise "
    "clients. I scoped it down to the one workflow they all used and built that first.",
]


@pytest.mark.parametrize("text", NO_STAKES)
def test_answers_without_stakes_are_flagged(text: str) -> None:
    assert raised(typed(text), "missing_stakes")


@pytest.mark.parametrize("text", STAKES)
def test_answers_with_stakes_are_not_flagged(text: str) -> None:
    report = typed(text)
    assert report.flag("missing_stakes") is None
    assert report.signals["stakes"]


def test_stakes_stated_only_at_the_end_get_a_hint_not_a_failure() -> None:
    text = (
        "I took over the batch scoring job last spring. I profiled it and found that most of "
        "the time went into loading the model for every partition, so I switched to loading it "
        "once per executor instead. I also moved the job to spot instances and added a "
        "checkpoint so a lost node only cost a few minutes. The run time went from six hours to "
        "forty minutes. That mattered because the scores feed the morning credit decisions, and "
        "a late run meant the risk team was approving loans on stale data.")
    flag = typed(text).flag("missing_stakes")
    assert flag is not None
    assert flag.severity == "info"
    assert "mattered" in flag.evidence[0].text
