"""The report's shape: every flag code known, severities ordered, one-sentence tips,
duration_estimated for typed answers, the metrics the app and CLI read, and the score.
"""

from __future__ import annotations

import pytest

from mockmic.core.coach import coach
from mockmic.core.report import FLAG_CODES, SEVERITY_ORDER, SIGNAL_KINDS, Report
from mockmic.core.rules import DEFAULT_RULES, Rules
from mockmic.core.transcript import Transcript

from .helpers import ANSWER_SECONDS, ANSWERS, typed

METRIC_KEYS = {"wpm", "articulation_wpm", "lead_in_s", "fillers", "pauses", "hedges",
               "repetitions", "timing", "opening", "ownership", "score_breakdown"}


@pytest.fixture(params=sorted(ANSWER_SECONDS))
def report_of_sample(request: pytest.FixtureRequest) -> Report:
    path = ANSWERS / f"{request.param}.txt"
    if not path.exists():
        pytest.skip("shared data missing")
    return typed(path.read_text(), duration_s=ANSWER_SECONDS[request.param])


def test_flags_are_known_sorted_and_carry_one_tip(report_of_sample: Report) -> None:
    report = report_of_sample
    assert set(report.flag_codes) <= set(FLAG_CODES)
    assert len(set(report.flag_codes)) == len(report.flag_codes)
    order = [SEVERITY_ORDER[f.severity] for f in report.flags]
    assert order == sorted(order)
    for flag in report.flags:
        assert flag.message and flag.tip.endswith((".", "'"))
        assert flag.tip.count(". ") == 0, flag.tip  # one sentence
    assert set(report.signals) == set(SIGNAL_KINDS)
    assert set(report.metrics) >= METRIC_KEYS


def test_the_score_is_100_minus_the_breakdown(report_of_sample: Report) -> None:
    report = report_of_sample
    breakdown = report.metrics["score_breakdown"]
    expected = breakdown["base"] + sum(v for k, v in breakdown.items() if k != "base")
    assert report.score == max(0, min(100, round(expected)))
    assert set(breakdown) - {"base", "too_short"} == set(report.flag_codes)


def test_content_flags_cost_more_than_delivery_flags() -> None:
    points = DEFAULT_RULES.flag_points
    content = ("missing_metric", "missing_stakes", "missing_decision", "rambling",
               "weak_ownership")
    delivery = ("too_fast", "too_slow", "filler_heavy", "long_pauses")
    assert min(points[c] for c in content) > max(points[d] for d in delivery)
    assert set(points) == set(FLAG_CODES)


def test_typed_answers_are_marked_as_estimated_and_recordings_are_not() -> None:
    assert typed("I fixed it.").duration_estimated is True
    recorded = Transcript.from_text("I fixed it.", duration_s=2.0)
    recorded = Transcript(words=recorded.words, duration_s=2.0, timed=True)
    assert coach(recorded).duration_estimated is False


def test_rules_are_configurable() -> None:
    text = (ANSWERS / "strong_ml_cost.txt").read_text() if (
        ANSWERS / "strong_ml_cost.txt").exists() else "I cut cost by 20%. " * 40
    strict = Rules(over_time_warn_ratio=0.0, over_time_fail_ratio=0.01)
    assert coach(Transcript.from_text(text, duration_s=91), rules=strict).flag(
        "over_time") is not None
    assert coach(Transcript.from_text(text, duration_s=91)).flag("over_time") is None


def test_an_empty_answer_is_coached_not_crashed() -> None:
    report = coach(Transcript(words=(), duration_s=0.0))
    assert 0 <= report.score <= 30
    assert report.metrics["score_breakdown"]["too_short"] == -40.0
    assert report.metrics["wpm"] == 0.0
    assert report.flag("missing_metric") is not None
    assert report.metrics["opening"]["passes"] is False
