"""Recording an answer from the microphone straight to disk, losing nothing on a crash.

Three threads meet here. PortAudio's callback only copies each block onto a queue (it must
never block). A writer thread takes blocks off the queue, fits them to 16 kHz mono, feeds the
level meter and appends them to the take's file through `recovery.TakeWriter`. The caller's
thread starts and stops, and reads the live figures (all plain attributes).

The recording ends on stop(), at the cap (exactly `max_seconds` of audio), or on an error
(device gone, disk full); in every case the audio captured so far is kept and `wait()`/`stop()`
return a RecordingResult saying why it ended.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mockmic.audio.devices import (
    CHOOSE_INPUT_FIX,
    DeviceInfo,
    explain_portaudio_error,
    load_sounddevice,
    negotiate_format,
    resolve_device,
)
from mockmic.audio.levels import (
    MUTED_WARNING_S,
    SILENCE_DBFS,
    LevelMeter,
    Resampler,
    to_mono,
)
from mockmic.audio.protocols import RecordingResult, StopReason
from mockmic.audio.recovery import TakeFileError, TakeWriter, check_take_path
from mockmic.errors import DeviceError

#: How long the input may send nothing before we call the device gone. PortAudio reports an
#: unplugged ALSA device only by never calling back again.
STALL_TIMEOUT_S = 3.0

#: Callback block at 16 kHz (64 ms): small enough for a >= 10 Hz level meter.
BLOCK_FRAMES_16K = 1024

#: Input buffer: room for the callback to be late on a busy machine without dropping audio.
#: Audio waiting in it is what a kill -9 can lose, so it stays well under a second.
INPUT_LATENCY_S = 0.2

_STOP = "stop"
_STREAM_ENDED = "stream-ended"


def _fit_channels(block: npt.NDArray[np.float32], channels: int) -> npt.NDArray[np.float32]:
    if block.shape[1] == channels:
        return block
    mono = to_mono(block)[:, None]
    return mono if channels == 1 else np.repeat(mono, channels, axis=1)


class Recorder:
    """Implements RecorderProtocol with sounddevice (injected for tests; None = the real one)."""

    def __init__(self, sd: Any = None, *, samplerate: int = 16000,
                 device: str | int | None = None, channels: int = 1,
                 stall_timeout_s: float = STALL_TIMEOUT_S) -> None:
        self._sd_arg = sd
        self.samplerate = samplerate
        self.device = device
        self.channels = channels
        self.stall_timeout_s = stall_timeout_s
        self.device_info: DeviceInfo | None = None
        self.stream_samplerate: int | None = None
        self._writer: TakeWriter | None = None
        self._meter = LevelMeter(samplerate)
        self._overflows = 0
        self._queue: queue.Queue[tuple[npt.NDArray[np.float32], bool] | str] = queue.Queue()
        self._stream: Any = None
        self._stream_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop_requested = threading.Event()
        self._done = threading.Event()
        self._first_audio = threading.Event()
        self._result: RecordingResult | None = None

    # -- live figures (read from any thread) ------------------------------------------------

    @property
    def elapsed_s(self) -> float:
        writer = self._writer
        return writer.frames / self.samplerate if writer else 0.0

    @property
    def level_dbfs(self) -> float:
        return self._meter.level_dbfs if self.recording else SILENCE_DBFS

    @property
    def silent_for_s(self) -> float:
        return self._meter.silent_for_s

    @property
    def silence_warning(self) -> bool:
        """True while the input has been quiet long enough to ask "is the microphone muted?"."""
        return self.recording and self._meter.silent_for_s >= MUTED_WARNING_S

    @property
    def overflows(self) -> int:
        return self._overflows

    @property
    def recording(self) -> bool:
        return self._thread is not None and not self._done.is_set()

    @property
    def path(self) -> Path | None:
        return self._writer.path if self._writer else None

    # -- control ------------------------------------------------------------------------------

    def start(self, path: Path, *, max_seconds: float | None = None,
              meta: Mapping[str, Any] | None = None) -> None:
        """Open the input and start writing `path` (a new .wav) as audio arrives.

        `meta` (e.g. {"question": ...}) is stored beside the take while it is recorded, so an
        interrupted take can be offered back with its question. Raises DeviceError when no input
        can be opened and TakeFileError when the file cannot be created; neither leaves files.
        """
        if self.recording:
            raise RuntimeError("already recording")
        check_take_path(path)
        sd = load_sounddevice(self._sd_arg)
        info = resolve_device(sd, self.device, "input")
        rate, stream_channels = negotiate_format(sd, info, "input", rate=self.samplerate,
                                                 channels=self.channels)
        self._reset(max_seconds)
        blocksize = max(256, round(rate * BLOCK_FRAMES_16K / self.samplerate))
        try:
            stream = sd.InputStream(
                device=info.index, samplerate=rate, channels=stream_channels,
                dtype="float32", blocksize=blocksize, latency=INPUT_LATENCY_S,
                callback=self._callback, finished_callback=self._on_stream_finished)
        except (sd.PortAudioError, ValueError) as exc:
            raise DeviceError(explain_portaudio_error(exc, "input", info)) from exc
        try:
            writer = TakeWriter(path, samplerate=self.samplerate, channels=self.channels,
                                meta=meta)
        except TakeFileError:
            stream.close()
            raise
        self.device_info, self.stream_samplerate = info, rate
        self._stream, self._writer = stream, writer
        resampler = Resampler(rate, self.samplerate, channels=self.channels)
        self._thread = threading.Thread(
            target=self._run, args=(writer, resampler, max_seconds),
            name="mockmic-recorder-writer", daemon=True)
        self._thread.start()
        try:
            stream.start()
        except sd.PortAudioError as exc:
            self._abandon(writer)
            raise DeviceError(explain_portaudio_error(exc, "input", info)) from exc
        # Return only once audio flows, so "recording" on screen means the words are kept:
        # some inputs capture nothing for a while after starting (a Bluetooth headset
        # switching profile; a PulseAudio source waking up took 1.5 s here).
        while not self._first_audio.wait(0.05):
            if self._done.is_set():
                self._abandon(writer)
                raise DeviceError(f"the input device ({info.name}) started but sent no audio: "
                                  + CHOOSE_INPUT_FIX)

    def _abandon(self, writer: TakeWriter) -> None:
        """Undo a start that never got audio: stream closed, empty take and sidecar removed."""
        self._stop_requested.set()
        self._queue.put(_STOP)
        assert self._thread is not None
        self._thread.join()
        self._close_stream(abort=True)
        writer.discard_if_empty()

    def wait(self, timeout: float | None = None) -> RecordingResult | None:
        """Block until the recording ends (stop(), the cap, or an error); None on timeout."""
        if self._thread is None:
            return None
        if not self._done.wait(timeout):
            return None
        return self._result

    def stop(self) -> RecordingResult:
        """Stop, flush and close the file; returns what was recorded. Idempotent."""
        if self._thread is None:
            raise RuntimeError("stop() before start()")
        if not self._done.is_set():
            self._stop_requested.set()
            # stop() (not abort) lets PortAudio hand over the blocks it already captured.
            self._close_stream(abort=False)
            self._queue.put(_STOP)
        self._done.wait()
        self._close_stream(abort=True)
        assert self._result is not None
        return self._result

    # -- internals ------------------------------------------------------------------------------

    def _reset(self, max_seconds: float | None) -> None:
        if max_seconds is not None and max_seconds <= 0:
            raise ValueError("max_seconds must be positive")
        self._meter = LevelMeter(self.samplerate)
        self._overflows = 0
        self._queue = queue.Queue()
        self._stop_requested.clear()
        self._done.clear()
        self._first_audio.clear()
        self._result = None
        self._writer = None

    def _callback(self, indata: npt.NDArray[np.float32], frames: int, time_info: Any,
                  status: Any) -> None:
        # PortAudio's thread: copy and go. Anything slower here drops audio.
        self._queue.put((indata.copy(), bool(status.input_overflow)))

    def _on_stream_finished(self) -> None:
        self._queue.put(_STREAM_ENDED)

    def _close_stream(self, *, abort: bool) -> None:
        with self._stream_lock:
            stream, self._stream = self._stream, None
        if stream is None:
            return
        # A dead device may fail to stop or close; the take is what matters, so go on.
        with contextlib.suppress(Exception):
            if abort:
                stream.abort()
            else:
                stream.stop()
        with contextlib.suppress(Exception):
            stream.close()

    def _run(self, writer: TakeWriter, resampler: Resampler, max_seconds: float | None) -> None:
        cap = round(max_seconds * self.samplerate) if max_seconds else None
        reason: StopReason = "user"
        error: str | None = None
        last_audio = time.monotonic()
        try:
            while True:
                try:
                    item = self._queue.get(timeout=0.1)
                except queue.Empty:
                    if (not self._stop_requested.is_set()
                            and time.monotonic() - last_audio > self.stall_timeout_s):
                        reason, error = "error", (
                            "the microphone stopped sending audio (unplugged, or taken by "
                            "another app?)")
                        break
                    continue
                if item == _STOP:
                    self._write(writer, resampler.flush(), cap)
                    break
                if isinstance(item, str):  # _STREAM_ENDED
                    if self._stop_requested.is_set():
                        continue
                    reason, error = "error", "the microphone stream ended unexpectedly"
                    break
                block, overflowed = item
                last_audio = time.monotonic()
                self._first_audio.set()
                if overflowed:
                    self._overflows += 1
                out = resampler.process(_fit_channels(block, self.channels))
                if self._write(writer, out, cap):
                    reason = "cap"
                    break
        except TakeFileError as exc:
            reason, error = "error", str(exc)
        except Exception as exc:  # the take must be closed whatever happened
            reason, error = "error", f"recording failed: {exc}"
        self._finish(writer, reason, error)

    def _write(self, writer: TakeWriter, out: npt.NDArray[np.float32], cap: int | None) -> bool:
        """Append `out` (trimmed to the cap); True when the cap is reached."""
        if cap is not None:
            out = out[: max(0, cap - writer.frames)]
        if len(out):
            self._meter.feed(to_mono(out))
            writer.write(out)
        return cap is not None and writer.frames >= cap

    def _finish(self, writer: TakeWriter, reason: StopReason, error: str | None) -> None:
        if reason != "user":
            self._close_stream(abort=True)
        try:
            writer.close()
        except TakeFileError as exc:
            reason, error = "error", error or str(exc)
        if error:
            error = f"{error}; the take was kept up to {writer.duration_s:.1f} s"
        self._result = RecordingResult(
            path=writer.path, duration_s=writer.duration_s, frames=writer.frames,
            samplerate=self.samplerate, overflows=self._overflows, stopped_by=reason,
            error=error)
        self._done.set()
