"""Where the user is in a mock session or drill: the questions, the current one, every take.

Plain Python (no Textual) so the flow rules are easy to test: a retry adds a take to the same
question and the latest take is the one the summary counts; `next` moves on; a session ends
after its last question with a summary, a drill goes round its bank until the user leaves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from mockmic.core.banks import Question
from mockmic.core.report import Report
from mockmic.widgets.flag_list import sort_flags

Mode = Literal["session", "drill"]

MODE_LABEL: dict[str, str] = {"session": "Mock session", "drill": "Drill"}


@dataclass(frozen=True)
class Take:
    """One recorded (or imported) answer, after it was coached and saved."""

    question: Question | None
    report: Report
    record: Any = None
    """The store's TakeRecord (None if saving failed: the report is still shown)."""
    audio_path: Path | None = None
    """Where the audio is now (the store's copy once saved); None for a typed answer."""

    @property
    def take_id(self) -> Any:
        return getattr(self.record, "id", None)


@dataclass(frozen=True)
class SummaryRow:
    """One question of a session as the summary shows it: its latest take's figures."""

    number: int
    question_text: str
    target_s: float
    duration_s: float | None = None
    score: int | None = None
    top_flags: tuple[str, ...] = ()
    """Flag codes, worst first."""
    attempts: int = 0
    take: Take | None = None
    """The take itself when it is in memory (this run); else `take_id` finds it in the store."""
    take_id: Any = None

    @property
    def answered(self) -> bool:
        return self.score is not None

    @classmethod
    def of(cls, number: int, question: Question, takes: Sequence[Take], target_s: float
           ) -> SummaryRow:
        if not takes:
            return cls(number, question.text, target_s)
        take = takes[-1]
        report = take.report
        return cls(number, question.text, report.target_s, report.duration_s, report.score,
                   tuple(f.code for f in sort_flags(report.flags)), len(takes), take,
                   take.take_id)


@dataclass
class Interview:
    """A run of questions from one bank."""

    mode: Mode
    bank_id: str
    bank_name: str
    questions: list[Question]
    session_id: Any = None
    target_override: float | None = None
    index: int = 0
    takes: dict[int, list[Take]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError("an interview needs at least one question")

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    @property
    def number(self) -> int:
        """1-based position of the current question."""
        return self.index + 1

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def is_last(self) -> bool:
        return self.mode == "session" and self.index == len(self.questions) - 1

    @property
    def progress_label(self) -> str:
        if self.mode == "drill":
            return f"Drill · {self.bank_name}"
        return f"Question {self.number} of {self.total} · {self.bank_name}"

    def add(self, take: Take) -> None:
        self.takes.setdefault(self.index, []).append(take)

    def attempts(self, index: int | None = None) -> int:
        return len(self.takes.get(self.index if index is None else index, []))

    def latest(self, index: int | None = None) -> Take | None:
        found = self.takes.get(self.index if index is None else index)
        return found[-1] if found else None

    def advance(self) -> bool:
        """Move to the next question. False when a session has none left (show the summary);
        a drill wraps round its bank."""
        if self.mode == "drill":
            self.index = (self.index + 1) % len(self.questions)
            return True
        if self.index + 1 >= len(self.questions):
            return False
        self.index += 1
        return True

    @property
    def answered(self) -> int:
        return sum(1 for takes in self.takes.values() if takes)

    def summary(self) -> list[SummaryRow]:
        """One row per question: a session lists unanswered ones too, a drill only those
        answered."""
        return [SummaryRow.of(i + 1, q, self.takes.get(i, []), self.target_override or q.target_s)
                for i, q in enumerate(self.questions)
                if self.mode == "session" or self.takes.get(i)]

    def view(self) -> SessionView:
        return SessionView(f"{MODE_LABEL[self.mode]} · {self.bank_name}", self.summary(),
                           self.session_id)


@dataclass(frozen=True)
class SessionView:
    """A finished (or left) session as the summary and the home screen show it."""

    title: str
    rows: list[SummaryRow]
    session_id: Any = None
    when: datetime | None = None

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.answered)


def average_score(rows: Sequence[SummaryRow]) -> int | None:
    scores = [row.score for row in rows if row.score is not None]
    return round(sum(scores) / len(scores)) if scores else None
