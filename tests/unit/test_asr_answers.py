"""The coach on real recogniser output: tiny.en transcripts (word timestamps included) of the
three spoken sample answers, frozen as fixtures. Recognition errors ("the day the team" for
"the data team", "$400 ,000", a dropped "less") must not change the verdicts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockmic.core.coach import coach
from mockmic.core.report import Report
from mockmic.core.transcript import Transcript

from .helpers import raised

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT_FLAGS = {"rambling", "missing_stakes", "missing_metric", "missing_decision",
                 "missing_learning", "weak_ownership", "late_impact"}


def asr(name: str) -> Report:
    data = json.loads((FIXTURES / f"asr_{name}.json").read_text())
    transcript = Transcript.from_dict(data)
    assert transcript.timed
    return coach(transcript)


def test_strong_answer_survives_recognition_errors() -> None:
    report = asr("strong_ml_cost")
    assert not CONTENT_FLAGS & set(report.flag_codes)
    assert report.score >= 90
    stakes = report.signals["stakes"][0].text
    assert "$400 ,000" in stakes
    assert report.metrics["pauses"]["count"] >= 1
    assert report.metrics["lead_in_s"] is not None


@pytest.mark.parametrize(("name", "expected"), [
    ("rambling_no_stakes", {"over_time", "rambling", "missing_stakes", "missing_metric",
                            "weak_ownership", "missing_learning", "filler_heavy"}),
    ("tasks_we_no_result", {"missing_stakes", "missing_metric", "missing_decision",
                            "weak_ownership", "missing_learning"}),
])
def test_weak_answers_keep_their_flags(name: str, expected: set[str]) -> None:
    report = asr(name)
    for code in expected:
        assert raised(report, code), code


def test_the_task_list_is_not_called_rambling() -> None:
    """34 s of tasks: every content gap is flagged, but a short list is not rambling."""
    report = asr("tasks_we_no_result")
    got = {code for code in CONTENT_FLAGS if raised(report, code)}
    assert got == {"missing_stakes", "missing_metric", "missing_decision", "weak_ownership",
                   "missing_learning"}


def test_rambling_causes_are_found_in_recognised_speech() -> None:
    report = asr("rambling_no_stakes")
    assert {"setup", "repetition", "detail", "trailing"} <= set(
        report.metrics["rambling_causes"])
    tail = report.metrics["timing"]["overrun_tail"]
    assert tail is not None and tail["start_s"] >= 90.0
