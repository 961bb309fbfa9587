"""The coach's output: a Report with flags, evidence and signals, and its JSON form.

This module is the contract between the coach, the CLI (`mockmic analyze --json`), the app's report
screen and storage. Add fields freely; rename or remove only with a storage migration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from mockmic.core.transcript import Transcript

Severity = Literal["info", "warn", "fail"]

#: Flag codes, exactly as the JSON and the UI show them.
FLAG_CODES: tuple[str, ...] = (
    "over_time",
    "rambling",
    "missing_stakes",
    "missing_metric",
    "missing_decision",
    "missing_learning",
    "weak_ownership",
    "late_impact",
    "too_fast",
    "too_slow",
    "filler_heavy",
    "long_pauses",
)

#: Signal kinds: the good things the coach found, highlighted in a positive colour.
SIGNAL_KINDS: tuple[str, ...] = ("stakes", "metric", "decision", "learning", "result")

SEVERITY_ORDER: dict[str, int] = {"fail": 0, "warn": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the transcript: words [start_word, end_word) and their times."""

    start_word: int
    end_word: int
    start_s: float
    end_s: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start_word": self.start_word, "end_word": self.end_word,
                "start_s": round(self.start_s, 2), "end_s": round(self.end_s, 2),
                "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start_word"]), int(d["end_word"]), float(d["start_s"]),
                   float(d["end_s"]), str(d["text"]))

    @classmethod
    def of(cls, transcript: Transcript, start_word: int, end_word: int) -> Span:
        """The span of words [start_word, end_word) of `transcript`."""
        words = transcript.words[start_word:end_word]
        if not words:
            return cls(start_word, end_word, 0.0, 0.0, "")
        return cls(start_word, end_word, words[0].start, words[-1].end,
                   " ".join(w.text.strip() for w in words))


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: Severity
    message: str
    tip: str
    evidence: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "tip": self.tip, "evidence": [s.to_dict() for s in self.evidence]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Flag:
        sev = str(d["severity"])
        severity: Severity = "fail" if sev == "fail" else "warn" if sev == "warn" else "info"
        return cls(str(d["code"]), severity, str(d["message"]), str(d["tip"]),
                   tuple(Span.from_dict(s) for s in d.get("evidence", [])))


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the coach says about one answer.

    Times are seconds from the start of the audio. `duration_estimated` is True for typed
    answers (duration at 150 WPM unless given), where pause and lead-in figures are None.
    """

    source: str
    duration_s: float
    target_s: float
    duration_estimated: bool
    transcript: Transcript
    score: int
    flags: tuple[Flag, ...]
    signals: dict[str, tuple[Span, ...]]
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def over_by_s(self) -> float:
        return max(0.0, self.duration_s - self.target_s)

    def flag(self, code: str) -> Flag | None:
        return next((f for f in self.flags if f.code == code), None)

    @property
    def flag_codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object `mockmic analyze --json` prints (and storage keeps)."""
        out: dict[str, Any] = {
            "source": self.source,
            "duration_s": round(self.duration_s, 2),
            "duration_estimated": self.duration_estimated,
            "target_s": self.target_s,
            "over_by_s": round(self.over_by_s, 2),
            "words": len(self.transcript.words),
        }
        out.update(self.metrics)
        out["score"] = self.score
        out["flags"] = [f.to_dict() for f in self.flags]
        out["signals"] = {k: [s.to_dict() for s in self.signals.get(k, ())] for k in SIGNAL_KINDS}
        out["transcript"] = self.transcript.to_dict()
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        fixed = {"source", "duration_s", "duration_estimated", "target_s", "over_by_s", "words",
                 "score", "flags", "signals", "transcript"}
        return cls(
            source=str(d.get("source", "")),
            duration_s=float(d["duration_s"]),
            target_s=float(d["target_s"]),
            duration_estimated=bool(d.get("duration_estimated", False)),
            transcript=Transcript.from_dict(d["transcript"]),
            score=int(d["score"]),
            flags=tuple(Flag.from_dict(f) for f in d.get("flags", [])),
            signals={k: tuple(Span.from_dict(s) for s in v)
                     for k, v in d.get("signals", {}).items()},
            metrics={k: v for k, v in d.items() if k not in fixed},
        )
