"""Our own transcript value objects: what the transcriber returns and the coach reads.

faster-whisper's types never leave `mockmic.audio.transcriber`; everything downstream sees these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: Speaking rate assumed when a typed answer has no timing (words per minute).
TYPED_WPM = 150.0


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with its timing in seconds from the start of the audio.

    `text` keeps the punctuation the recogniser attached ("well," / "percent."), which the
    coach uses to tell a set-off "like," from a verb "like".
    """

    text: str
    start: float
    end: float
    prob: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": round(self.start, 3), "end": round(self.end, 3),
                "prob": round(self.prob, 3)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Word:
        return cls(str(data["text"]), float(data["start"]), float(data["end"]),
                   float(data.get("prob", 1.0)))


@dataclass(frozen=True, slots=True)
class Transcript:
    """The words of one answer and the length of the audio they came from.

    `timed` is False for a typed answer whose word times are an even spread at TYPED_WPM:
    pause and lead-in measures are meaningless then and the coach skips them.
    """

    words: tuple[Word, ...]
    duration_s: float
    timed: bool = True
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return " ".join(w.text.strip() for w in self.words if w.text.strip())

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "duration_s": round(self.duration_s, 3),
            "timed": self.timed,
            "source": self.source,
            "words": [w.to_dict() for w in self.words],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        return cls(
            words=tuple(Word.from_dict(w) for w in data.get("words", [])),
            duration_s=float(data.get("duration_s", 0.0)),
            timed=bool(data.get("timed", True)),
            source=str(data.get("source", "")),
        )

    @classmethod
    def from_text(cls, text: str, duration_s: float | None = None, source: str = "") -> Transcript:
        """A typed answer: words spread evenly over `duration_s` (default: TYPED_WPM)."""
        tokens = re.findall(r"\S+", text)
        if duration_s is None:
            duration_s = len(tokens) * 60.0 / TYPED_WPM
        step = duration_s / len(tokens) if tokens else 0.0
        words = tuple(Word(t, i * step, (i + 1) * step) for i, t in enumerate(tokens))
        return cls(words=words, duration_s=duration_s, timed=False, source=source)
