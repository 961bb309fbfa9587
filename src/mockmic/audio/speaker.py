"""Reading questions aloud: pyttsx3 (espeak-ng on Linux) renders a WAV, the Player plays it.

Rendering to a file instead of `say()` is what lets the app know when speech ends, skip it
with a key, and play through the chosen output device; rendered questions are cached by
(text, voice, rate), so a bank's questions cost nothing after the first time.

espeak-ng can be initialised once per process and pyttsx3's engine is not thread-safe, so one
daemon thread owns the engine for the whole process and every call goes through it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mockmic import paths
from mockmic.audio.devices import load_sounddevice, resolve_device
from mockmic.audio.player import Player
from mockmic.errors import DeviceError, UserError

ENGINE_MISSING = "no speech engine: apt-get install espeak-ng"
RENDER_TIMEOUT_S = 60.0

T = TypeVar("T")


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "languages": list(self.languages),
                "gender": self.gender}


def _quiet(*_args: object, **_kwargs: object) -> None:
    """Replaces `print` in pyttsx3's driver module (it announces every saved file on stdout,
    which would scribble over the Textual screen)."""


class _EngineThread:
    """The thread that owns the pyttsx3 engine; `call(fn)` runs fn(engine) there."""

    def __init__(self) -> None:
        self.default_voice = ""
        self._jobs: queue.Queue[tuple[Callable[[Any], Any], Future[Any]]] = queue.Queue()
        self._ready: Future[Any] = Future()
        threading.Thread(target=self._run, name="mockmic-tts", daemon=True).start()

    def _run(self) -> None:
        try:
            import pyttsx3

            engine = pyttsx3.init()
            # Shadow the driver module's print(): narrower than redirecting sys.stdout, which
            # other threads (and Textual) share.
            engine.proxy._module.print = _quiet
            # One empty run leaves pyttsx3 idle, so later property changes apply at once
            # instead of queueing behind the next utterance (see render()).
            engine.runAndWait()
            self.default_voice = str(engine.getProperty("voice") or "")
        except Exception as exc:  # ImportError, OSError, RuntimeError from ctypes
            self._ready.set_exception(DeviceError(f"{ENGINE_MISSING} ({_one_line(exc)})"))
            return
        self._ready.set_result(engine)
        while True:
            fn, future = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(engine))
            except BaseException as exc:  # handed to the caller
                future.set_exception(exc)

    def check(self, timeout: float = RENDER_TIMEOUT_S) -> None:
        """Raise DeviceError if the engine could not start."""
        self._ready.result(timeout)

    def call(self, fn: Callable[[Any], T], timeout: float = RENDER_TIMEOUT_S) -> T:
        self.check(timeout)
        future: Future[T] = Future()
        self._jobs.put((fn, future))
        return future.result(timeout)


_engine_lock = threading.Lock()
_engine: _EngineThread | None = None


def _engine_thread() -> _EngineThread:
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = _EngineThread()
        return _engine


def _settle(engine: Any) -> None:
    """Wait until espeak has applied queued commands.

    espeak-ng in retrieval mode applies voice/rate changes asynchronously, and pyttsx3 cancels
    whatever is still queued when its loop starts, so without this a new rate is sometimes lost
    and the next rendering comes out empty (seen with pyttsx3 2.99, espeak-ng 1.51).
    """
    espeak = getattr(engine.proxy._module, "_espeak", None)
    if espeak is not None:
        espeak.Synchronize()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def list_voices() -> list[VoiceInfo]:
    """Installed TTS voices (raises DeviceError when there is no speech engine)."""

    def read(engine: Any) -> list[VoiceInfo]:
        return [VoiceInfo(str(v.id), str(v.name), tuple(str(x) for x in (v.languages or [])),
                          str(v.gender) if v.gender else None)
                for v in engine.getProperty("voices")]

    return _engine_thread().call(read)


def find_voice(voices: list[VoiceInfo], wanted: str) -> VoiceInfo:
    """The voice `wanted` names: its id ("gmw/en-us"), the id's last part ("en-us"), or its
    name ("English (America)"), any case. UserError with the fix when none matches."""
    key = wanted.strip().lower()
    matchers: tuple[Callable[[VoiceInfo], bool], ...] = (
        lambda v: v.id.lower() == key,
        lambda v: v.id.lower().rsplit("/", 1)[-1] == key,
        lambda v: v.name.lower() == key,
    )
    for match in matchers:
        hits = [v for v in voices if match(v)]
        if hits:
            return hits[0]
    raise UserError(f"unknown voice {wanted!r}: `mockmic voices` lists the installed ones")


class Speaker:
    """Implements SpeakerProtocol. `sd` is the sounddevice module (None = the real one)."""

    def __init__(self, sd: Any = None, *, voice: str | None = None, rate: int = 165,
                 cache_dir: Path | None = None, output_device: str | int | None = None) -> None:
        if not 80 <= rate <= 450:
            raise UserError(f"speech rate {rate} is out of range: use 80-450 words per minute")
        self._sd_arg = sd
        self.voice = voice
        self.rate = rate
        self.output_device = output_device
        self._cache_dir = cache_dir
        self._player = Player(sd, device=output_device)
        self._voice_id: str | None = None
        self._unavailable: str | None = None
        self._checked = False
        self._cancelled = threading.Event()
        #: How many times speech was rendered (not served from the cache).
        self.renders = 0

    @property
    def available(self) -> bool:
        """False when TTS or the output device is missing (the question is then shown only)."""
        return self.unavailable_reason is None

    @property
    def unavailable_reason(self) -> str | None:
        """One line saying why questions cannot be spoken, or None when they can."""
        if not self._checked:
            self._checked = True
            try:
                _engine_thread().check()
                self._resolve_voice()
                resolve_device(load_sounddevice(self._sd_arg), self.output_device, "output")
            except UserError as exc:
                self._unavailable = str(exc)
        return self._unavailable

    def _resolve_voice(self) -> str | None:
        if self.voice and self._voice_id is None:
            self._voice_id = find_voice(list_voices(), self.voice).id
        return self._voice_id

    def cache_dir(self) -> Path:
        folder = self._cache_dir or paths.cache_dir() / "speech"
        try:
            return paths.ensure(folder)
        except OSError:
            # A read-only cache must not silence the questions: render to a private temp dir.
            self._cache_dir = Path(tempfile.mkdtemp(prefix="mockmic-speech-"))
            return self._cache_dir

    def render(self, text: str) -> Path:
        """The WAV of `text` spoken with this voice and rate (rendered once, then cached)."""
        voice_id = self._resolve_voice()
        key = json.dumps([text, voice_id, self.rate, "pyttsx3"], ensure_ascii=False)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        folder = self.cache_dir()
        target = folder / f"{digest}.wav"
        if target.exists() and target.stat().st_size > 44:
            return target
        tmp = folder / f"{digest}.{os.getpid()}.{threading.get_ident()}.tmp.wav"

        thread = _engine_thread()

        def job(engine: Any) -> None:
            # The engine is shared: set every property each time, never inherit the last one.
            engine.setProperty("voice", voice_id or thread.default_voice)
            engine.setProperty("rate", self.rate)
            _settle(engine)
            engine.save_to_file(text, str(tmp))
            engine.runAndWait()
            _settle(engine)

        try:
            # pyttsx3's loop can still drop an utterance in a race with espeak's own thread
            # (seen once in hundreds of renderings): one retry makes that invisible.
            for _attempt in range(2):
                thread.call(job)
                if tmp.exists() and tmp.stat().st_size > 44:
                    break
            else:
                raise DeviceError("the speech engine produced no audio")
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self.renders += 1
        return target

    def speak(self, text: str) -> None:
        """Say `text` and return when done or stopped. Raises DeviceError when it cannot."""
        self._cancelled.clear()
        if not text.strip():
            return
        reason = self.unavailable_reason
        if reason is not None:
            raise DeviceError(reason)
        path = self.render(text)
        if self._cancelled.is_set():
            return
        self._player.play(path)
        if self._cancelled.is_set():  # stop() landed while the stream was opening
            self._player.stop()
        self._player.wait()
        self._player.stop()

    def stop(self) -> None:
        """Cut the current speech short (the user skipped it)."""
        self._cancelled.set()
        self._player.stop()
