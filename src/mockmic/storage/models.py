"""What the history store hands out: plain frozen dataclasses, no SQLite types.

`TakeSummary` is built from the light columns only (no report JSON is parsed), so the history
table of 5,000 takes stays instant; `TakeRecord` adds the parsed report and the audio file.
Each take's figures are found once at save time and kept as a small JSON list, so checking a
new take of a story against every earlier one needs no transcript parsing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mockmic.core.quantities import Quantity, find_quantities
from mockmic.core.report import SEVERITY_ORDER, Report
from mockmic.core.stories import COMPARED_KINDS, lands
from mockmic.errors import UserError


class StorageError(UserError):
    """The history database cannot be used; the message says what happened to it."""


@dataclass(frozen=True)
class TakeSummary:
    id: int
    created_at: datetime
    """When the take was recorded, timezone-aware (UTC); show it with `.astimezone()`."""
    question_id: str | None
    question_text: str
    bank_id: str | None
    story_id: str | None
    session_id: str | None
    duration_s: float
    target_s: float
    score: int
    flag_codes: tuple[str, ...]
    """In the coach's order."""
    top_flags: tuple[str, ...]
    """The same codes, fail first, then warn, then info (a stable sort of `flag_codes`)."""
    recovered: bool
    """Saved from a recording that a crash interrupted."""
    has_audio: bool
    """False for a typed answer, audio removed by retention, or a missing file."""
    flag_severities: tuple[str, ...] = ()
    """Parallel to `flag_codes`: "fail", "warn" or "info"."""
    duration_estimated: bool = False
    """A typed answer: the duration is a words-per-minute guess."""

    @property
    def over_by_s(self) -> float:
        return max(0.0, self.duration_s - self.target_s)

    @property
    def fail_codes(self) -> tuple[str, ...]:
        return tuple(c for c, s in zip(self.flag_codes, self.flag_severities, strict=False)
                     if s == "fail")

    def severity_of(self, code: str) -> str | None:
        for c, s in zip(self.flag_codes, self.flag_severities, strict=False):
            if c == code:
                return s
        return None

    @property
    def landed(self) -> bool:
        """The drill rule (`mockmic.core.stories.lands`) on this take's own target."""
        return self.lands()

    def lands(self, target_s: float | None = None) -> bool:
        """The drill rule against `target_s` (default: the target the take was recorded to)."""
        return lands(self.duration_s, self.target_s if target_s is None else target_s,
                     self.flag_severities, estimated=self.duration_estimated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "created_at": self.created_at.isoformat(),
            "question_id": self.question_id, "question_text": self.question_text,
            "bank_id": self.bank_id, "story_id": self.story_id, "session_id": self.session_id,
            "duration_s": round(self.duration_s, 2), "target_s": self.target_s,
            "duration_estimated": self.duration_estimated, "score": self.score,
            "flags": [{"code": c, "severity": s} for c, s in
                      zip(self.flag_codes, self.flag_severities, strict=False)],
            "top_flags": list(self.top_flags), "recovered": self.recovered,
            "has_audio": self.has_audio, "landed": self.landed,
        }


def order_flags(codes: tuple[str, ...], severities: tuple[str, ...]) -> tuple[str, ...]:
    ranked = sorted(range(len(codes)),
                    key=lambda i: SEVERITY_ORDER.get(severities[i] if i < len(severities)
                                                     else "info", 3))
    return tuple(codes[i] for i in ranked)


@dataclass(frozen=True, kw_only=True)
class TakeRecord(TakeSummary):
    """One take with its report. `audio_path` is None when there is no playable file (the UI
    shows a notice and disables replay); the report stays readable either way."""

    report: Report
    audio_path: Path | None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["audio_path"] = str(self.audio_path) if self.audio_path else None
        out["report"] = self.report.to_dict()
        return out


@dataclass(frozen=True)
class SessionSummary:
    id: str
    created_at: datetime
    bank_id: str | None
    mode: str
    take_count: int
    last_take_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at.isoformat(),
                "bank_id": self.bank_id, "mode": self.mode, "take_count": self.take_count,
                "last_take_at": self.last_take_at.isoformat() if self.last_take_at else None}


@dataclass(frozen=True)
class StoryProgress:
    """A story's drill history: every take oldest first, the best one, and whether its short
    version has landed (any take within the target with no fail flag)."""

    story_id: str
    takes: tuple[TakeSummary, ...]
    best: TakeSummary | None
    landed_take: TakeSummary | None
    """The first take that landed."""
    target_s: float | None = None
    """The target landing was judged against; None: each take's recorded target."""

    @property
    def landed(self) -> bool:
        return self.landed_take is not None

    @property
    def durations(self) -> list[float]:
        return [t.duration_s for t in self.takes]

    @property
    def scores(self) -> list[int]:
        return [t.score for t in self.takes]

    @property
    def latest(self) -> TakeSummary | None:
        return self.takes[-1] if self.takes else None

    def to_dict(self) -> dict[str, Any]:
        return {"story_id": self.story_id, "takes": len(self.takes),
                "best": self.best.to_dict() if self.best else None,
                "best_score": self.best.score if self.best else None,
                "landed": self.landed,
                "landed_take_id": self.landed_take.id if self.landed_take else None,
                "target_s": self.target_s,
                "durations": [round(d, 1) for d in self.durations], "scores": self.scores}


def best_take(takes: tuple[TakeSummary, ...], target_s: float | None = None
              ) -> TakeSummary | None:
    """A landed take beats one that did not land; then the higher score; then the later."""
    if not takes:
        return None
    return max(enumerate(takes), key=lambda it: (it[1].lands(target_s), it[1].score, it[0]))[1]


@dataclass(frozen=True)
class EraseSummary:
    takes: int
    sessions: int
    audio_files: int
    audio_bytes: int


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    return {"value": q.value, "unit": q.unit, "kind": q.kind, "start": q.start, "end": q.end,
            "text": q.text, "per": q.per, "approx": q.approx}


def quantity_from_dict(d: dict[str, Any]) -> Quantity:
    return Quantity(value=float(d["value"]), unit=str(d.get("unit", "")),
                    kind=str(d.get("kind", "number")), start=int(d.get("start", 0)),
                    end=int(d.get("end", 0)), text=str(d.get("text", "")),
                    per=str(d.get("per", "")), approx=bool(d.get("approx", False)))


def figures_from_transcript(transcript: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures worth comparing across takes, from a transcript's JSON form."""
    words = [str(w.get("text", "")) for w in transcript.get("words", [])]
    return [quantity_to_dict(q) for q in find_quantities(words) if q.kind in COMPARED_KINDS]
