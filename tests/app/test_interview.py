"""The session rules: retries, next, the end of a session, a drill going round its bank."""

from __future__ import annotations

import pytest

from mockmic.core.banks import Question
from mockmic.core.report import Flag, Report
from mockmic.core.transcript import Transcript
from mockmic.interview import Interview, Take, average_score


def _questions(n: int) -> list[Question]:
    return [Question(f"q{i}", f"Question {i}?", (), (), 90.0, "bank") for i in range(n)]


def _take(question: Question, score: int, duration: float = 60.0, *codes: str) -> Take:
    flags = tuple(Flag(c, "fail" if c == "over_time" else "warn", c, "") for c in codes)
    report = Report("t", duration, 90.0, False, Transcript((), duration), score, flags, {})
    return Take(question, report)


def test_a_retry_adds_a_take_and_the_summary_counts_the_latest() -> None:
    interview = Interview("session", "bank", "Bank", _questions(2))
    interview.add(_take(interview.question, 40, 120.0, "rambling", "over_time"))
    interview.add(_take(interview.question, 85, 70.0))
    rows = interview.summary()
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].attempts == 2
    assert rows[0].score == 85
    assert rows[0].top_flags == ()
    assert not rows[1].answered
    assert average_score(rows) == 85


def test_top_flags_put_fails_first() -> None:
    interview = Interview("session", "bank", "Bank", _questions(1))
    interview.add(_take(interview.question, 40, 120.0, "rambling", "over_time"))
    assert interview.summary()[0].top_flags == ("over_time", "rambling")


def test_a_session_ends_after_its_last_question() -> None:
    interview = Interview("session", "bank", "Bank", _questions(2))
    assert not interview.is_last
    assert interview.advance()
    assert interview.is_last
    assert interview.progress_label == "Question 2 of 2 · Bank"
    assert not interview.advance()
    assert interview.number == 2


def test_a_drill_goes_round_its_bank_and_summarises_only_what_was_answered() -> None:
    interview = Interview("drill", "bank", "Bank", _questions(2))
    interview.add(_take(interview.question, 70))
    assert interview.advance()
    assert interview.advance()
    assert interview.index == 0
    assert not interview.is_last
    assert [r.question_text for r in interview.summary()] == ["Question 0?"]


def test_an_interview_needs_questions() -> None:
    with pytest.raises(ValueError, match="at least one question"):
        Interview("session", "bank", "Bank", [])
