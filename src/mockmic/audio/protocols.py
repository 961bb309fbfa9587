"""The seams between the app and the hardware/model. Real classes and test fakes implement these.

All methods may be called from a worker thread. Long calls (speak, transcribe, play) block until
done or stopped; the app runs them in Textual thread workers and turns results into messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from mockmic.core.transcript import Transcript

StopReason = Literal["user", "cap", "error"]


@dataclass(frozen=True)
class RecordingResult:
    """What a finished (or failed) recording left on disk.

    `duration_s` comes from the sample count written, never from the wall clock.
    `error` is a one-line message when the device failed mid-take; the audio up to then is kept.
    """

    path: Path
    duration_s: float
    frames: int
    samplerate: int
    overflows: int
    stopped_by: StopReason
    error: str | None = None


class TranscriberProtocol(Protocol):
    def load(self) -> None:
        """Load the model (slow: call from a worker at start-up). Idempotent. Raises ModelError."""

    def transcribe(self, audio: Path, *, on_progress: Callable[[float], None] | None = None
                   ) -> Transcript:
        """Transcribe an audio file. on_progress gets seconds of audio done. Raises
        AudioInputError for unreadable / empty / speechless input."""


class RecorderProtocol(Protocol):
    @property
    def elapsed_s(self) -> float:
        """Seconds of audio captured so far (from the sample count)."""

    @property
    def level_dbfs(self) -> float:
        """RMS level of the latest ~100 ms block, dBFS (-120 for digital silence)."""

    @property
    def silent_for_s(self) -> float:
        """How long the input has been below the speech threshold (drives the "muted?" warning)."""

    @property
    def overflows(self) -> int: ...

    @property
    def recording(self) -> bool: ...

    def start(self, path: Path, *, max_seconds: float | None = None,
              meta: Mapping[str, Any] | None = None) -> None:
        """Open the input and start writing `path` (a `.wav`: a WAV cut short by a kill is
        repaired from its size; a cut FLAC is not readable) as audio arrives.
        `meta` (question text, ids) is kept beside an unfinished take so a crash can be
        recovered with its question. Raises DeviceError when no input can be opened."""

    def wait(self, timeout: float | None = None) -> RecordingResult | None:
        """Block until the recording ends (stop(), the cap, or a device error); None on timeout."""

    def stop(self) -> RecordingResult:
        """Stop, flush and close the file; returns what was recorded. Idempotent."""


class SpeakerProtocol(Protocol):
    @property
    def available(self) -> bool:
        """False when TTS or the output device is missing (the question is then shown only)."""

    def speak(self, text: str) -> None:
        """Say `text` and return when done or stopped. Raises DeviceError when it cannot."""

    def stop(self) -> None:
        """Cut the current speech short (the user skipped it)."""


class PlayerProtocol(Protocol):
    @property
    def position_s(self) -> float: ...

    @property
    def duration_s(self) -> float: ...

    @property
    def playing(self) -> bool: ...

    @property
    def paused(self) -> bool: ...

    def play(self, path: Path, start_s: float = 0.0,
             on_position: Callable[[float], None] | None = None) -> None:
        """Start playback from start_s (returns at once). on_position is called >= 20 times a
        second from the playback thread."""

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def seek(self, delta_s: float) -> None:
        """Move by delta_s (clamped to the take)."""

    def seek_to(self, position_s: float) -> None: ...

    def stop(self) -> None: ...
