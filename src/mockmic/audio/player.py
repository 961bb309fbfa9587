"""Replaying a take (or rendered speech) through sounddevice, with a position clock.

The whole file is decoded into memory (a 5-minute take is ~20 MB of float32), so pause and
seek are just moves of an index that PortAudio's callback reads. A ticker thread reports the
position at 40 Hz for word-synchronised highlighting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mockmic.audio.devices import (
    DeviceInfo,
    explain_portaudio_error,
    load_sounddevice,
    negotiate_format,
    resolve_device,
)
from mockmic.audio.levels import resample
from mockmic.errors import AudioInputError, DeviceError

#: Seconds between position reports (the protocol promises >= 20 Hz).
TICK_S = 0.025
#: Frames per callback: ~32 ms at 16 kHz keeps pause and seek responsive.
BLOCK_S = 0.032
#: Output buffer. PortAudio's "high" default for ALSA is ~35 ms, which underran (an audible
#: gap) on a busy 2-core machine; replay is not interactive, so a longer buffer costs nothing.
LATENCY_S = 0.15


def read_audio(path: Path) -> tuple[npt.NDArray[np.float32], int]:
    """(frames, channels) float32 and the rate; one-line AudioInputError if unreadable."""
    import soundfile as sf

    try:
        data, rate = sf.read(path, dtype="float32", always_2d=True)
    except (OSError, RuntimeError, sf.LibsndfileError) as exc:
        raise AudioInputError(f"cannot play {path}: {str(exc).splitlines()[0]}") from exc
    return data, int(rate)


class Player:
    """Implements PlayerProtocol; `sd` is the sounddevice module (None = the real one)."""

    def __init__(self, sd: Any = None, *, device: str | int | None = None) -> None:
        self._sd_arg = sd
        self._sd: Any = None
        self.device = device
        self._lock = threading.Lock()
        self._buf: npt.NDArray[np.float32] = np.zeros((0, 1), np.float32)
        self._rate = 16000
        self._pos = 0
        self._paused = False
        self._lag_frames = 0
        self._stream: Any = None
        self._done = threading.Event()
        self._done.set()
        self._ticker: threading.Thread | None = None
        self._on_position: Callable[[float], None] | None = None
        self._info: DeviceInfo | None = None
        self._path: Path | None = None

    # -- state ----------------------------------------------------------------------------

    @property
    def position_s(self) -> float:
        """Where the listener is: samples handed to the device, less those still in its
        buffer while it plays (so word highlighting does not run ahead of the sound)."""
        lag = self._lag_frames if self.playing and not self._paused else 0
        return max(0, self._pos - lag) / self._rate

    @property
    def duration_s(self) -> float:
        return len(self._buf) / self._rate

    @property
    def playing(self) -> bool:
        """True while the stream runs (paused included); False once stopped or at the end."""
        return not self._done.is_set()

    @property
    def paused(self) -> bool:
        return self._paused and self.playing

    # -- control --------------------------------------------------------------------------

    def play(self, path: Path, start_s: float = 0.0,
             on_position: Callable[[float], None] | None = None) -> None:
        """Start playback of `path` from start_s (returns at once)."""
        self.stop()
        sd = self._sd = load_sounddevice(self._sd_arg)
        info = resolve_device(sd, self.device, "output")
        data, rate = read_audio(path)
        data, rate = self._fit_device(sd, info, data, rate)
        with self._lock:
            self._buf, self._rate, self._info, self._path = data, rate, info, path
            self._pos = self._clamp(round(start_s * rate))
            self._paused = False
        self._on_position = on_position
        self._open_and_start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until playback ends or is stopped (and on_position has had the final
        position); False on timeout."""
        if not self._done.wait(timeout):
            return False
        ticker = self._ticker
        if ticker is not None and ticker is not threading.current_thread():
            ticker.join()
        return True

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        """Continue; after the end (or stop) this plays again from the current position."""
        self._paused = False
        if not self.playing and self._path is not None:
            with self._lock:
                if self._pos >= len(self._buf):
                    self._pos = 0
            self._close_stream()
            self._open_and_start()

    def seek(self, delta_s: float) -> None:
        """Move by delta_s (clamped to the take)."""
        with self._lock:
            self._pos = self._clamp(self._pos + round(delta_s * self._rate))
        self._report()

    def seek_to(self, position_s: float) -> None:
        with self._lock:
            self._pos = self._clamp(round(position_s * self._rate))
        self._report()

    def stop(self) -> None:
        self._close_stream()

    # -- internals --------------------------------------------------------------------------

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # a vanished device: playback is over anyway
                pass
        self._done.set()
        ticker, self._ticker = self._ticker, None
        if ticker is not None and ticker is not threading.current_thread():
            ticker.join()

    def _clamp(self, frame: int) -> int:
        return max(0, min(len(self._buf), frame))

    def _fit_device(self, sd: Any, info: DeviceInfo, data: npt.NDArray[np.float32], rate: int
                    ) -> tuple[npt.NDArray[np.float32], int]:
        """`data` as the device will take it: resampled to its rate and with its channel count
        if it refuses ours (mono is duplicated, extra channels dropped)."""
        out_rate, ch = negotiate_format(sd, info, "output", rate=rate, channels=data.shape[1])
        out = data[:, :ch] if data.shape[1] >= ch else np.repeat(data[:, :1], ch, 1)
        if out_rate != rate:
            out = resample(out, rate, out_rate)
        return np.ascontiguousarray(out, dtype=np.float32), out_rate

    def _open_and_start(self) -> None:
        sd = self._sd
        self._done.clear()
        try:
            stream = sd.OutputStream(
                device=self._info.index if self._info else None, samplerate=self._rate,
                channels=self._buf.shape[1], dtype="float32",
                blocksize=max(128, round(self._rate * BLOCK_S)), latency=LATENCY_S,
                callback=self._callback, finished_callback=self._done.set)
            stream.start()
            self._lag_frames = round(float(getattr(stream, "latency", 0.0) or 0.0) * self._rate)
        except (sd.PortAudioError, ValueError) as exc:
            self._done.set()
            raise DeviceError(explain_portaudio_error(exc, "output", self._info)) from exc
        self._stream = stream
        self._ticker = threading.Thread(target=self._tick, name="mockmic-player-clock",
                                        daemon=True)
        self._ticker.start()

    def _callback(self, outdata: npt.NDArray[np.float32], frames: int, time_info: Any,
                  status: Any) -> None:
        if self._paused:
            outdata.fill(0.0)
            return
        with self._lock:
            chunk = self._buf[self._pos:self._pos + frames]
            self._pos += len(chunk)
        outdata[: len(chunk)] = chunk
        if len(chunk) < frames:
            outdata[len(chunk):] = 0.0
            raise self._sd.CallbackStop

    def _report(self) -> None:
        callback = self._on_position
        if callback is not None:
            callback(self.position_s)

    def _tick(self) -> None:
        while not self._done.wait(TICK_S):
            self._report()
        self._report()
