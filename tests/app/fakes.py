"""Fakes for the app's hardware and model seams, fed with real speech from ../shared/data.

- FakeRecorder: a fake clock (the test says how much time has passed); on stop it leaves a real
  WAV of the chosen spoken answer at the take's path, so storage and replay see real audio.
- FakeTranscriber: the transcript of that answer: a real tiny.en transcription cached under
  fixtures/ when there is one, else the reference text spread evenly over the audio.
- FakeSpeaker and FakePlayer: record what they were asked; the player's clock is the test's.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import soundfile as sf

from mockmic.audio.protocols import RecordingResult, StopReason
from mockmic.core.transcript import Transcript
from mockmic.errors import AudioInputError, DeviceError

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ANSWERS = SHARED / "data" / "answers"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SAMPLERATE = 16000


def answer_audio(name: str) -> Path:
    return ANSWERS / f"{name}.flac"


def answer_duration(name: str) -> float:
    return float(sf.info(str(answer_audio(name))).duration)


def answer_transcript(name: str) -> Transcript:
    """The answer's transcript: the cached real transcription, or the timed reference text."""
    cached = FIXTURES / "transcripts" / f"{name}.json"
    if cached.exists():
        return Transcript.from_dict(json.loads(cached.read_text(encoding="utf-8")))
    text = (ANSWERS / f"{name}.txt").read_text(encoding="utf-8")
    spread = Transcript.from_text(text, answer_duration(name), source=name)
    return replace(spread, timed=True)


class Microphone:
    """Which spoken answer each new recording "hears": the next in the list (the last repeats),
    and which source each take file came from (the transcriber looks it up)."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.sources: dict[str, str] = {}
        self.recorders: list[FakeRecorder] = []
        self.fail_start: str | None = None

    def next_answer(self) -> str:
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]

    def new_recorder(self) -> FakeRecorder:
        recorder = FakeRecorder(self)
        self.recorders.append(recorder)
        return recorder

    @property
    def current(self) -> FakeRecorder:
        return self.recorders[-1]


class FakeRecorder:
    """RecorderProtocol with a fake clock: `advance(s)` is time passing while the user talks."""

    def __init__(self, mic: Microphone) -> None:
        self.mic = mic
        self._elapsed = 0.0
        self.level = -120.0
        self.silent = 0.0
        self.path: Path | None = None
        self.meta: dict[str, Any] = {}
        self.max_seconds: float | None = None
        self._answer = ""
        self._done = threading.Event()
        self._started = False
        self._result: RecordingResult | None = None
        self._lock = threading.Lock()

    # -- what the test drives ------------------------------------------------------------

    def advance(self, seconds: float, *, level_dbfs: float = -24.0, silent: bool = False
                ) -> None:
        with self._lock:
            self._elapsed += seconds
            self.level = -120.0 if silent else level_dbfs
            self.silent = self.silent + seconds if silent else 0.0
            cap = self.max_seconds
        if cap is not None and self._elapsed >= cap:
            self._finish("cap")

    # -- RecorderProtocol ------------------------------------------------------------------

    @property
    def elapsed_s(self) -> float:
        return self._elapsed

    @property
    def level_dbfs(self) -> float:
        return self.level

    @property
    def silent_for_s(self) -> float:
        return self.silent

    @property
    def overflows(self) -> int:
        return 0

    @property
    def recording(self) -> bool:
        return self._started and not self._done.is_set()

    def start(self, path: Path, *, max_seconds: float | None = None,
              meta: Mapping[str, Any] | None = None) -> None:
        if self.mic.fail_start:
            raise DeviceError(self.mic.fail_start)
        self.path, self.max_seconds, self.meta = path, max_seconds, dict(meta or {})
        self._answer = self.mic.next_answer()
        self.mic.sources[path.name] = self._answer
        self._started = True

    def wait(self, timeout: float | None = None) -> RecordingResult | None:
        if not self._started:
            return None
        return self._result if self._done.wait(timeout) else None

    def stop(self) -> RecordingResult:
        self._finish("user")
        assert self._result is not None
        return self._result

    def _finish(self, reason: StopReason) -> None:
        with self._lock:
            if self._done.is_set():
                return
            assert self.path is not None
            data, rate = sf.read(str(answer_audio(self._answer)), dtype="int16")
            sf.write(str(self.path), data, rate, subtype="PCM_16")
            self._result = RecordingResult(self.path, len(data) / rate, len(data), rate, 0,
                                           reason)
            self._done.set()


class FakeTranscriber:
    """Returns the transcript of whichever answer the file holds. `gate` (when set) holds
    `load()` until the test releases it: recording must work while the model loads."""

    def __init__(self, mic: Microphone | None = None, *, gate: threading.Event | None = None,
                 error: str | None = None) -> None:
        self.mic = mic
        self.gate = gate
        self.error = error
        self.loads = 0
        self.calls: list[Path] = []
        self._loaded = threading.Event()

    def load(self) -> None:
        if self.gate is not None:
            self.gate.wait(30)
        self.loads += 1
        self._loaded.set()

    def transcribe(self, audio: Path, *, on_progress: Callable[[float], None] | None = None
                   ) -> Transcript:
        self._loaded.wait(30)
        self.calls.append(audio)
        if self.error:
            raise AudioInputError(self.error)
        name = self.mic.sources.get(audio.name) if self.mic else None
        if name is None:
            name = audio.stem
        if not (ANSWERS / f"{name}.txt").exists():
            raise AudioInputError(f"{audio.name}: no speech found")
        return replace(answer_transcript(name), source=str(audio))


@dataclass
class FakeSpeaker:
    available: bool = True
    unavailable_reason: str | None = None
    said: list[str] = field(default_factory=list)
    hold: threading.Event | None = None
    """While set to an unset Event, speak() blocks until stop() or the event is set."""
    stopped: int = 0

    def speak(self, text: str) -> None:
        self.said.append(text)
        if self.hold is not None:
            self.hold.wait(30)

    def stop(self) -> None:
        self.stopped += 1
        if self.hold is not None:
            self.hold.set()


class FakePlayer:
    """PlayerProtocol whose position moves only when the test calls `to(seconds)`."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self._position = 0.0
        self._playing = False
        self._on_position: Callable[[float], None] | None = None
        self.plays = 0

    @property
    def position_s(self) -> float:
        return self._position

    @property
    def duration_s(self) -> float:
        return float(sf.info(str(self.path)).duration) if self.path else 0.0

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def paused(self) -> bool:
        return False

    def play(self, path: Path, start_s: float = 0.0,
             on_position: Callable[[float], None] | None = None) -> None:
        sf.info(str(path))  # a file the real player could not open fails here too
        self.path, self._position, self._on_position = path, start_s, on_position
        self._playing = True
        self.plays += 1

    def to(self, seconds: float) -> None:
        self._position = seconds
        if self._on_position is not None:
            self._on_position(seconds)

    def finish(self) -> None:
        self._playing = False

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def seek(self, delta_s: float) -> None:
        self.to(max(0.0, self._position + delta_s))

    def seek_to(self, position_s: float) -> None:
        self.to(position_s)

    def stop(self) -> None:
        self._playing = False
