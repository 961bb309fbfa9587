"""The three spoken sample answers in ../shared/data/answers, coached from their reference
text at their real recorded length. What a good coach should say about each is in the data
README; these tests hold the coach to it.
"""

from __future__ import annotations

import json

import pytest

from mockmic.core.report import Report

from .helpers import ANSWER_SECONDS, ANSWERS, raised, typed

CONTENT_FLAGS = {"rambling", "missing_stakes", "missing_metric", "missing_decision",
                 "missing_learning", "weak_ownership", "late_impact"}


def sample(name: str) -> Report:
    path = ANSWERS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"shared data not found at {path}")
    return typed(path.read_text(), duration_s=ANSWER_SECONDS[name])


def test_the_strong_answer_gets_no_content_flag_and_a_high_score() -> None:
    report = sample("strong_ml_cost")
    assert not CONTENT_FLAGS & set(report.flag_codes)
    assert report.flag("over_time") is None
    assert report.score >= 90
    for kind in ("stakes", "metric", "decision", "learning", "result"):
        assert report.signals[kind], kind
    assert "twenty two percent" in report.signals["metric"][0].text
    assert report.metrics["opening"]["passes"] is True


def test_the_rambling_answer_gets_the_flags_the_readme_promises() -> None:
    report = sample("rambling_no_stakes")
    for code in ("over_time", "rambling", "missing_stakes", "missing_metric", "weak_ownership",
                 "missing_learning", "filler_heavy"):
        assert raised(report, code), code
    rambling = report.flag("rambling")
    assert rambling is not None
    for cause in ("set-up", "said again", "steps in a row", "trail on"):
        assert cause in rambling.message
    assert report.metrics["opening"]["passes"] is False
    tail = report.metrics["timing"]["overrun_tail"]
    assert tail["text"].endswith("which was a search project.")


def test_the_task_list_gets_the_flags_the_readme_promises() -> None:
    report = sample("tasks_we_no_result")
    for code in ("missing_stakes", "missing_metric", "missing_decision", "weak_ownership",
                 "missing_learning"):
        assert raised(report, code), code
    assert report.metrics["ownership"]["i_actions"] == 0
    assert report.flag("over_time") is None


def test_scores_rank_the_answers() -> None:
    strong, rambling, tasks = (sample(n).score for n in
                               ("strong_ml_cost", "rambling_no_stakes", "tasks_we_no_result"))
    assert strong > tasks > rambling


@pytest.mark.parametrize("name", sorted(ANSWER_SECONDS))
def test_reports_round_trip_through_json(name: str) -> None:
    report = sample(name)
    data = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    again = Report.from_dict(data)
    assert again.flag_codes == report.flag_codes
    assert again.score == report.score
    assert again.metrics["timing"] == data["timing"]
    assert data["fillers"]["lower_bound"] is True
    assert set(data["signals"]) == {"stakes", "metric", "decision", "learning", "result"}
