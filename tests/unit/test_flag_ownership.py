"""weak_ownership: 'we' in the action clauses, not in the context.

"We had a pipeline" and "our team was small" set the scene; "we changed the retries" is an
action the listener can't credit to the speaker.
"""

from __future__ import annotations

import pytest

from .helpers import raised, typed

WE_DID_IT = [
    "We were asked to migrate our feature store. We set up the new cluster and copied the "
    "tables over. We wrote scripts to check the data and we fixed the schema differences.",
    "We looked at the logs, we looked at the code, and then we changed the retries and the "
    "timeouts. We also added some alerts.",
    "My team and I built a new ranking service. We trained the model on click data, we "
    "deployed it behind a feature flag, and we ran an A/B test for two weeks.",
    "The team rewrote the ingestion layer in Rust. We benchmarked it against the old one and "
    "we rolled it out region by region. I wrote the rollout checklist.",
    "Our group owned the feature store. We redesigned the schema, we migrated the consumers, "
    "and we deprecated the old API over a quarter.",
    "So we sat down and profiled the service, and we found the hot loop, and we rewrote it in "
    "NumPy, and then we cached the embeddings.",
    "We decided to move to streaming. We built the Kafka topics, we wrote the consumers, and "
    "we backfilled a month of events.",
    "After the incident we ran a postmortem, we added canary deploys, we wrote a runbook, and "
    "we trained the whole on-call rotation.",
]

I_DID_IT = [
    # "we" sets the scene; the actions are "I".
    "We had a nightly pipeline that our whole team depended on. I profiled it, found the slow "
    "join, and rewrote it with a broadcast. I then added a data quality check.",
    "Our team was only three people, so I took the on-call rotation for the new service. I "
    "wrote the runbook, set up the alerts, and tuned the thresholds over a month.",
    # Implicit subjects continue the "I".
    "I wrote the design, got sign off from the platform team, and ran an A/B test against the "
    "old path. We were all pleased with the result.",
    "I owned the serving stack, so I took the lead. I profiled the pipeline and chose caching "
    "over distillation. We cut cost by a fifth.",
    "The team had tried twice to fix the flaky tests. I collected a month of failures, grouped "
    "them by cause, and fixed the top three myself.",
    # "we" in a stake, "I" in the work.
    "If we missed the deadline we would lose the contract. I cut the scope to one workflow, "
    "I built it in two weeks, and I demoed it to the client myself.",
    "Our models were retrained by hand every month. I automated the retraining, I added "
    "evaluation gates, and I set up a weekly report.",
    # Few actions at all: nothing to judge.
    "We were a small team working on search at the time. It was a busy quarter.",
]


@pytest.mark.parametrize("text", WE_DID_IT)
def test_we_in_the_action_clauses_is_flagged(text: str) -> None:
    report = typed(text)
    assert raised(report, "weak_ownership")
    flag = report.flag("weak_ownership")
    assert flag is not None
    # The evidence is the we-action clauses themselves.
    assert len(flag.evidence) == report.metrics["ownership"]["we_actions"]
    assert any("we" in span.text.lower().split() for span in flag.evidence)


@pytest.mark.parametrize("text", I_DID_IT)
def test_we_for_context_and_i_for_actions_is_not_flagged(text: str) -> None:
    assert typed(text).flag("weak_ownership") is None


def test_ownership_metrics_count_action_clauses() -> None:
    own = typed(I_DID_IT[2]).metrics["ownership"]
    assert own["i_actions"] == 3 and own["we_actions"] == 0 and own["i_share"] == 1.0
