"""missing_decision: does the answer show a choice with its reason, a rejected option or a
trade-off? A team arguing, an order followed, or "I decided" with no why is not enough.
"""

from __future__ import annotations

import pytest

from .helpers import raised, typed

NO_DECISION = [
    # A debate with no outcome said.
    "Some of the team wanted to move the training cluster to Kubernetes and others wanted to "
    "stay on plain VMs. We discussed it in a few meetings and wrote up the pros of each. In "
    "the end the migration happened over the summer and it went fine.",
    # Someone else chose.
    "My manager told me to use BigQuery for the new reporting pipeline, so I built the "
    "ingestion jobs there, wrote the transformations in dbt, and set up the dashboards.",
    # A decision word with no reason or alternative.
    "I decided to rewrite the scoring job in Go. I ported the feature code, wrote tests against "
    "the Python outputs, and deployed it behind a flag.",
    # A ticket done well.
    "I was assigned the bug about duplicated events. I reproduced it locally, wrote a fix and a "
    "regression test, and it was deployed the next day.",
    # Options mentioned, someone else picked.
    "There were two options on the table for the vector store, and the team lead picked the "
    "managed one. I wrote the ingestion code and the backfill.",
    # Process followed.
    "When the alert fired I followed the runbook, restarted the consumers, drained the dead "
    "letter queue, and wrote up the incident for the weekly review.",
    # Tasks in a row.
    "We were asked to migrate our feature store to the new platform. We set up the new cluster "
    "and copied the tables over. We moved the training jobs and updated the dashboards.",
    # Monitoring story with a learning but no choice.
    "I took over the model monitoring, added drift alerts for the top twenty features, and the "
    "next time the input data shifted we caught it within an hour. I learned to treat "
    "monitoring as part of the model.",
    # An instruction from above, not a choice.
    "Leadership wanted everything on the new data platform by March. I mapped our jobs, "
    "migrated them one team at a time, and kept a tracker that everyone could see.",
]

DECISION = [
    "Distillation would have taken six weeks and risked accuracy, so I chose caching first, "
    "because it was reversible.",
    "Instead of rewriting the service, I put a queue in front of it and scaled the consumers.",
    "Rather than retraining the whole model, I fine-tuned only the last two layers, which was "
    "much cheaper and good enough for the launch.",
    "We considered sharding the database, but the operational cost was too high, so I pushed "
    "for read replicas.",
    "The trade-off was a little accuracy for half the latency, and I was comfortable with that "
    "for a search box.",
    "I had two options: patch the old exporter or write a new one on the streaming API. I went "
    "with the new one because the old API was being retired in a year.",
    "I went with a simple rules-based filter first, since we had no labels yet and needed "
    "something live in a week.",
    "I picked Postgres over DynamoDB because our queries were relational and the team knew SQL.",
    "I made the call to roll back the release rather than hotfix it on a Friday evening.",
    "I proposed we ship the simpler logistic model first, since it was far easier to explain to "
    "the risk team.",
]


@pytest.mark.parametrize("text", NO_DECISION)
def test_answers_without_a_reasoned_choice_are_flagged(text: str) -> None:
    assert raised(typed(text), "missing_decision")


@pytest.mark.parametrize("text", DECISION)
def test_answers_with_a_reasoned_choice_are_not_flagged(text: str) -> None:
    report = typed(text)
    assert report.flag("missing_decision") is None
    assert report.signals["decision"]


def test_a_team_debate_is_named_as_the_evidence() -> None:
    flag = typed(NO_DECISION[0]).flag("missing_decision")
    assert flag is not None
    assert "debated" in flag.message
    assert any("wanted" in span.text for span in flag.evidence)
