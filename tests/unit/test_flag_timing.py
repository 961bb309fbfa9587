"""late_impact and over_time: where the result lands, and how long the answer runs.

late_impact: the first result comes after 75 % of max(answer, target), or after the target
mark. An answer with no result at all is not 'late': missing_metric fails it instead.
"""

from __future__ import annotations

import pytest

from .helpers import ANSWER_SECONDS, ANSWERS, raised, typed
from .sample_stories import CACHE, CHURN, MIGRATION, TRAINING_COST

EXTRA = ("I also wrote a design doc and reviewed it with two senior engineers. "
         "I kept a changelog for the on-call team and presented the plan at the weekly sync.")

LATE = [
    (CACHE.told("s", "a", "r", "l"), 120.0),            # result after the target mark
    (TRAINING_COST.told("s", "a", "r", "l"), 110.0),
    (CHURN.told("s", "a", EXTRA, "r", "l"), 88.0),      # at ~85 % of a 90 s answer
    (MIGRATION.told("s", "a", "r"), 85.0),
    (CACHE.told("s", "a", "r"), 95.0),
    (TRAINING_COST.told("s", "a", EXTRA, "r", "l"), 89.0),
    (CHURN.told("s", "a", "r"), 100.0),
    (MIGRATION.told("s", "a", "l", "r"), 80.0),         # the result comes after the lesson
]

ON_TIME = [
    (CACHE.told("r", "s", "a", "l"), 100.0),            # lead with the impact
    (TRAINING_COST.told("s", "r", "a", "l"), 90.0),
    (CHURN.told("s", "a:2", "r", "a2:", "l"), 80.0),    # result mid-answer
    (MIGRATION.told("s", "a", "r", "l"), 60.0),         # short answer, result near the end
    (CACHE.told("s", "a", "r", "l"), 70.0),
    (TRAINING_COST.told("s", "a:3", "r", "l"), 55.0),
    (CHURN.told("s", "a:2", "r", "l"), 45.0),
    # No result at all is missing_metric's job, not late_impact's.
    ("We were asked to migrate our feature store. We set up the new cluster and copied the "
     "tables. Then we moved the jobs and turned off the old system.", 40.0),
]


@pytest.mark.parametrize(("text", "seconds"), LATE)
def test_a_result_that_lands_late_is_flagged(text: str, seconds: float) -> None:
    report = typed(text, duration_s=seconds)
    assert raised(report, "late_impact")
    flag = report.flag("late_impact")
    assert flag is not None and flag.evidence
    first_result = report.metrics["timing"]["first_result_s"]
    assert first_result >= 0.75 * max(seconds, 90.0) or first_result > 90.0


@pytest.mark.parametrize(("text", "seconds"), ON_TIME)
def test_a_result_that_lands_in_time_is_not_flagged(text: str, seconds: float) -> None:
    assert typed(text, duration_s=seconds).flag("late_impact") is None


def test_after_the_target_mark_fails_and_says_so() -> None:
    flag = typed(CACHE.told("s", "a", "r", "l"), duration_s=120.0).flag("late_impact")
    assert flag is not None and flag.severity == "fail" and "target" in flag.message


@pytest.mark.parametrize(("seconds", "severity"), [
    (85.0, None), (99.0, None), (100.0, "warn"), (119.0, "warn"), (121.0, "fail"),
])
def test_over_time_is_graded_against_the_target(seconds: float, severity: str | None) -> None:
    report = typed(MIGRATION.told("s", "a", "r", "l"), duration_s=seconds)
    flag = report.flag("over_time")
    assert (flag.severity if flag else None) == severity


def test_over_time_evidence_is_exactly_the_words_after_the_mark() -> None:
    report = typed(CACHE.told("s", "a", "r", "l"), duration_s=120.0)
    flag = report.flag("over_time")
    assert flag is not None
    tail = flag.evidence[0]
    words = report.transcript.words
    assert tail.end_word == len(words)
    assert words[tail.start_word].start >= 90.0 > words[tail.start_word - 1].start
    assert report.metrics["timing"]["overrun_tail"] == tail.to_dict()


def test_a_custom_target_moves_the_mark() -> None:
    text = (ANSWERS / "strong_ml_cost.txt").read_text()
    seconds = ANSWER_SECONDS["strong_ml_cost"]
    assert typed(text, duration_s=seconds, target_s=90).flag("over_time") is None
    assert raised(typed(text, duration_s=seconds, target_s=45), "over_time")
