"""rambling is structural: a long set-up, repetition and restarts, a long run of steps with no
decision or outcome, talk that trails on after the result, or an answer that never touches the
question. The message names each cause found.
"""

from __future__ import annotations

import pytest

from .helpers import raised, typed
from .sample_stories import CACHE, CHURN, MIGRATION, STORIES, TRAINING_COST

BACKSTORY = (
    "So this was at my second job, at a mid-sized logistics company in Rotterdam. I had "
    "joined the data team about a year earlier, after a couple of years doing analytics, and "
    "the team was going through a reorganisation at the time. There were about eight of us, "
    "split between the warehouse and the machine learning side, and I sat somewhere in the "
    "middle of the two. Our manager had just left and the new one was still finding her feet. ")

STEPS = (
    "I opened the repository and read through all of the job definitions one by one. I "
    "listed every table the job touched in a spreadsheet. I checked the permissions on each "
    "bucket and wrote them down. I rewrote the config loader so it read from one file. I "
    "renamed the environment variables so they matched the other services. I updated the "
    "Dockerfile and bumped the base image to the current one. I ran the unit tests locally "
    "and fixed two flaky tests along the way. I opened a pull request, addressed the review "
    "comments from two people, and deployed it to staging and then to production. ")

TRAIL = (
    " Anyway, a few months after that I moved to the search team, which was a completely "
    "different kind of work, mostly relevance tuning, and I still have lunch with some of "
    "the people from that team now and then.")

RAMBLING = [
    # A long set-up before anything happens.
    (BACKSTORY + CACHE.told("s", "a", "r", "l"), None, "setup"),
    (BACKSTORY + MIGRATION.told("s", "a:3", "r", "l"), None, "setup"),
    # Phrases said again and restarts.
    ("We, we, we had a slow API. I looked at the traces, and I looked at the logs, and I "
     "looked at the dashboards, and then I looked at the database. I, I, I found a missing "
     "index. I added the index, and then I added the index to staging too, and latency "
     "dropped by half. Since then I always check the query plan first.", None, "repetition"),
    ("So the model, the model was drifting, and the fraud team, the fraud team was worried "
     "about it. I checked the features and the labels, I mean I checked the features first, "
     "and then I retrained it, I retrained it on fresh data, and precision went back up by "
     "four points. Now I always check the labels first.", None, "repetition"),
    # Many steps, no decision or outcome between them.
    (CHURN.told("s") + " " + STEPS + CHURN.told("r", "l"), None, "detail"),
    (TRAINING_COST.told("s") + " " + STEPS + TRAINING_COST.told("r", "l"), None, "detail"),
    # Trailing talk after the result and the lesson.
    (CACHE.told("s", "a", "r", "l") + TRAIL, None, "trailing"),
    (MIGRATION.told("s", "a", "r", "l") + TRAIL, None, "trailing"),
    # Never touches the question.
    (CACHE.told("s", "a", "r", "l"), "Tell me about a time you disagreed with a stakeholder "
     "about priorities.", "off_question"),
]

FOCUSED = [
    *[(story.told("s", "a", "r", "l"), None) for story in STORIES],
    # Lead with the impact.
    ("I got our API timeouts from three percent down to under a tenth of a percent, and here "
     "is how. " + CACHE.told("s", "a", "l"), None),
    # One phrase said twice is normal speech.
    ("The nightly export was failing and the fraud team was scoring stale data. I looked at "
     "the scheduler logs and then I looked at the upstream job. I found a race between them, "
     "added a lock, and failures went to zero. Now I always map job dependencies first.", None),
    # Many steps, but a decision in the middle keeps them purposeful.
    (CHURN.told("s", "a:2") + " I chose to fix the data upstream instead of patching the "
     "model, because the same field fed three other models. " + CHURN.told("a2:", "r", "l"),
     None),
    # A short close after the lesson is fine.
    (TRAINING_COST.told("s", "a", "r", "l") + " So that's the story.", None),
    # The answer is about the question.
    (TRAINING_COST.told("s", "a", "r", "l"),
     "Tell me about a time you used data to change how other teams spent money."),
]


@pytest.mark.parametrize(("text", "question", "cause"), RAMBLING)
def test_structural_rambling_is_flagged_with_its_cause(text: str, question: str | None,
                                                        cause: str) -> None:
    report = typed(text, question=question)
    assert raised(report, "rambling")
    assert cause in report.metrics["rambling_causes"]
    flag = report.flag("rambling")
    assert flag is not None and flag.tip
    if cause != "off_question":
        assert flag.evidence


@pytest.mark.parametrize(("text", "question"), FOCUSED)
def test_focused_answers_are_not_flagged(text: str, question: str | None) -> None:
    report = typed(text, question=question)
    assert report.flag("rambling") is None, report.flag("rambling")


def test_the_message_names_every_cause_and_two_causes_fail() -> None:
    report = typed(BACKSTORY + CACHE.told("s", "a", "r", "l") + TRAIL)
    flag = report.flag("rambling")
    assert flag is not None and flag.severity == "fail"
    assert "set-up" in flag.message and "trail" in flag.message


def test_setup_evidence_runs_to_the_first_action() -> None:
    report = typed(BACKSTORY + CACHE.told("s", "a", "r", "l"))
    flag = report.flag("rambling")
    assert flag is not None
    setup = flag.evidence[0]
    assert setup.start_word == 0
    assert report.transcript.words[setup.end_word].text == "I"
    assert report.metrics["timing"]["setup_s"] > 20
