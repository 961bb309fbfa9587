"""Messages that workers post to the UI. Small dataclasses: workers never touch widgets.

Each worker (speech, recording, transcription, playback) runs in a thread and reports back
through one of these; `@on` handlers on the screens turn them into widget changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.message import Message

from mockmic.audio.protocols import RecordingResult
from mockmic.core.report import Report


@dataclass
class ModelReady(Message):
    """The speech model finished loading (or failed: `error` is the one-line reason)."""

    error: str | None = None


@dataclass
class SpeechFinished(Message):
    """The question has been spoken, skipped, or could not be spoken (`error`)."""

    error: str | None = None


@dataclass
class RecordingStarted(Message):
    """The input device is open and audio is being written to `path`."""

    path: Path


@dataclass
class RecordingFinished(Message):
    """The recording ended: stopped by the user, by the hard cap, or by a device error."""

    result: RecordingResult


@dataclass
class RecordingFailed(Message):
    """The input could not be opened at all; nothing was recorded."""

    error: str


@dataclass
class AnalysisProgress(Message):
    """What the transcription worker is doing now (shown under the spinner)."""

    stage: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


@dataclass
class TakeAnalyzed(Message):
    """A take was transcribed, coached and saved; `take` is the store's record of it."""

    report: Report
    take: Any
    audio_path: Path | None


@dataclass
class AnalysisFailed(Message):
    """Transcription or coaching failed; `audio_path` (when set) is where the audio was kept."""

    error: str
    audio_path: Path | None = None


@dataclass
class PlaybackPosition(Message):
    """Where replay is now; posted many times a second, so a newer one replaces an older one."""

    position_s: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PlaybackPosition)


@dataclass
class PlaybackEnded(Message):
    """Replay reached the end or was stopped; `error` when the output device failed."""

    error: str | None = None


@dataclass
class RecoveredTakes(Message):
    """Interrupted takes found in the takes folder at start-up (the recovery module's objects)."""

    takes: list[Any] = field(default_factory=list)
