"""Shared helpers for the coach's corpus tests."""

from __future__ import annotations

from pathlib import Path

from mockmic.core.coach import coach
from mockmic.core.report import Report
from mockmic.core.transcript import Transcript, Word

#: ../shared next to the repo root (CI puts a copy of shared/ beside the fresh clone).
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ANSWERS = SHARED / "data" / "answers"
#: Real lengths of the spoken sample answers (their .flac files), seconds.
ANSWER_SECONDS = {"strong_ml_cost": 64.0, "rambling_no_stakes": 108.0,
                  "tasks_we_no_result": 34.0}


def typed(text: str, duration_s: float | None = None, target_s: float = 90.0,
          question: str | None = None) -> Report:
    """Coach a typed answer (untimed; 150 WPM unless a duration is given)."""
    return coach(Transcript.from_text(text, duration_s=duration_s), target_s,
                 question=question)


def raised(report: Report, code: str) -> bool:
    """The flag is there at warn or fail (an info hint does not count as raised)."""
    flag = report.flag(code)
    return flag is not None and flag.severity in ("warn", "fail")


def timed(script: list[tuple[str, float]], wpm: float = 150.0, start_s: float = 0.0,
          tail_s: float = 0.5) -> Transcript:
    """A recorded-style transcript: each (text, pause after) chunk is spoken at `wpm`, then
    silence; words carry Whisper-like punctuation. Returns word timings you can reason about.
    """
    words: list[Word] = []
    t = start_s
    step = 60.0 / wpm
    for text, pause_after in script:
        for token in text.split():
            words.append(Word(token, round(t, 3), round(t + step * 0.85, 3)))
            t += step
        t += pause_after
    return Transcript(words=tuple(words), duration_s=round(t + tail_s, 3), timed=True,
                      source="fixture")
