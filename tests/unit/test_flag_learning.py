"""missing_learning: does the answer close with what changed afterwards, a lasting lesson?

"I learned that the job ran at midnight" at the start is finding out, not learning; "since
then I always ..." is learning even without the word.
"""

from __future__ import annotations

import pytest

from .helpers import raised, typed

STORY = ("Our nightly feature export kept failing and the fraud team was scoring on stale data. "
         "I traced the failures to a race between two jobs, added a lock, and moved the "
         "export to run after the upstream load finished. Failures went from a few a week to "
         "none in two months. ")

NO_LEARNING = [
    STORY,
    STORY + "After that I moved to a different team, where I worked on search.",
    # "learned" early means "found out".
    "I learned that the export ran at midnight, right when the upstream load was still "
    "running. " + STORY,
    # A narrative "next time".
    STORY + "The next time it failed, the on-call engineer just restarted it.",
    # A result that lasts, but nothing about the person.
    STORY + "Since then the pipeline has been stable.",
    # Nostalgia is not a lesson.
    STORY + "I still remember how tired we all were that week.",
    # A wrap-up without a lesson.
    STORY + "So that was the project, and everyone was happy with it.",
    # Thanks, not learning.
    STORY + "My manager thanked me in the team meeting and I got a good review.",
]

LEARNING = [
    STORY + "What I learned is that ordering between jobs has to be explicit, never assumed.",
    STORY + "Since then I always check job dependencies before I add a new schedule.",
    STORY + "What I'd do differently is write the dependency down on day one.",
    STORY + "The lesson for me was to make data contracts part of the design review.",
    STORY + "It taught me to read the scheduler logs before touching any code.",
    STORY + "Now I always ask who consumes a table before I change when it is written.",
    STORY + "In hindsight, I should have talked to the fraud team in the first week.",
    STORY + "These days I start every pipeline change by drawing the dependency graph.",
    STORY + "Going forward we made a dependency check part of every deploy.",
]


@pytest.mark.parametrize("text", NO_LEARNING)
def test_answers_without_a_lasting_lesson_are_flagged(text: str) -> None:
    assert raised(typed(text), "missing_learning")


@pytest.mark.parametrize("text", LEARNING)
def test_answers_with_a_lasting_lesson_are_not_flagged(text: str) -> None:
    report = typed(text)
    assert report.flag("missing_learning") is None
    assert report.signals["learning"][-1].end_word == len(report.transcript.words)
