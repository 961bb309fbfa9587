"""Sample-level signal helpers for the recorder and player: loudness, silence, resampling.

Kept free of sounddevice so they can be tested on plain arrays.
"""

from __future__ import annotations

import math
from math import gcd

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

#: Level reported for digital silence (log of zero), dBFS.
SILENCE_DBFS = -120.0

#: Below this RMS level the input counts as "no speech". Speech into a laptop or headset mic
#: sits around -35..-15 dBFS and a live mic's room noise around -70..-55, while a muted mic
#: gives digital silence; -50 separates talking from a live-but-quiet room.
SPEECH_THRESHOLD_DBFS = -50.0

#: How long the input may stay below the threshold before we ask "is the microphone muted?".
#: Thinking pauses in an answer are shorter than this.
MUTED_WARNING_S = 5.0

#: Window over which the level meter averages (the protocol promises "the latest ~100 ms").
LEVEL_WINDOW_S = 0.1


def rms_dbfs(samples: npt.NDArray[np.floating]) -> float:
    """RMS level of `samples` (any shape, full scale = 1.0) in dBFS, floored at SILENCE_DBFS."""
    if samples.size == 0:
        return SILENCE_DBFS
    mean_square = float(np.mean(np.square(samples, dtype=np.float64)))
    if mean_square <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 10.0 * math.log10(mean_square))


class LevelMeter:
    """Tracks the level of the latest ~100 ms and how long the input has been quiet.

    Fed from one thread (the recorder's writer); its two readings are plain floats, so other
    threads may read them without a lock.
    """

    def __init__(self, samplerate: int, threshold_dbfs: float = SPEECH_THRESHOLD_DBFS) -> None:
        self.samplerate = samplerate
        self.threshold_dbfs = threshold_dbfs
        self._window = np.zeros(max(1, int(samplerate * LEVEL_WINDOW_S)), dtype=np.float32)
        self._filled = 0
        self._quiet_frames = 0
        self.level_dbfs = SILENCE_DBFS
        self.silent_for_s = 0.0

    def feed(self, mono: FloatArray) -> None:
        """Add a block of mono samples and update both readings."""
        n = len(mono)
        if n == 0:
            return
        size = len(self._window)
        if n >= size:
            self._window[:] = mono[-size:]
            self._filled = size
        else:
            self._window = np.roll(self._window, -n)
            self._window[-n:] = mono
            self._filled = min(size, self._filled + n)
        self.level_dbfs = rms_dbfs(self._window[size - self._filled:])
        # Judge silence per block, not per window: one loud block ends a quiet stretch at once.
        if rms_dbfs(mono) >= self.threshold_dbfs:
            self._quiet_frames = 0
        else:
            self._quiet_frames += n
        self.silent_for_s = self._quiet_frames / self.samplerate


def to_mono(block: npt.NDArray[np.floating]) -> FloatArray:
    """(frames, channels) or (frames,) → (frames,) float32, averaging the channels."""
    if block.ndim == 1:
        return block.astype(np.float32, copy=False)
    if block.shape[1] == 1:
        return block[:, 0].astype(np.float32, copy=False)
    mono: FloatArray = block.mean(axis=1, dtype=np.float32)
    return mono


class Resampler:
    """Streaming band-limited resampler for a rational rate ratio (e.g. 48000 → 16000).

    Windowed-sinc interpolation with one precomputed filter per output phase, so timing is
    exact over hours (no drift) and blocks of any size give the same output as one big block.
    Works on (frames, channels) float32 arrays.
    """

    def __init__(self, src_rate: int, dst_rate: int, channels: int = 1, half_taps: int = 16
                 ) -> None:
        if src_rate <= 0 or dst_rate <= 0:
            raise ValueError("sample rates must be positive")
        g = gcd(src_rate, dst_rate)
        self.src_rate, self.dst_rate = src_rate, dst_rate
        self._up, self._down = dst_rate // g, src_rate // g
        self._half = half_taps
        self.channels = channels
        # Cut off a little below the lower Nyquist so aliasing from the window's skirt stays low.
        cutoff = 0.95 * min(1.0, dst_rate / src_rate)
        offsets = np.arange(-half_taps + 1, half_taps + 1, dtype=np.float64)
        phases = np.arange(self._up, dtype=np.float64)[:, None] / self._up
        x = offsets[None, :] - phases
        window = np.kaiser(2 * half_taps + 1, 8.0)
        # Evaluate the Kaiser window at fractional positions by interpolation.
        win = np.interp(x, np.arange(-half_taps, half_taps + 1), window)
        kernel = cutoff * np.sinc(cutoff * x) * win
        kernel /= kernel.sum(axis=1, keepdims=True)
        self._kernel = kernel.astype(np.float32)
        self._offsets = offsets.astype(np.int64)
        # Input history; buffer index 0 is absolute input frame self._base.
        self._buf = np.zeros((half_taps, channels), dtype=np.float32)
        self._base = -half_taps
        self._next_out = 0
        self._seen = 0

    @property
    def passthrough(self) -> bool:
        return self._up == self._down

    def process(self, block: npt.NDArray[np.floating]) -> FloatArray:
        """Feed input frames; returns the output frames that are now fully determined."""
        block2 = block.reshape(len(block), -1).astype(np.float32, copy=False)
        if self.passthrough:
            return block2
        self._buf = np.concatenate([self._buf, block2])
        self._seen += len(block2)
        return self._emit(available=self._seen)

    def flush(self) -> FloatArray:
        """Emit the tail (pads with silence); the resampler is then spent."""
        if self.passthrough:
            return np.zeros((0, self.channels), dtype=np.float32)
        self._buf = np.concatenate([self._buf, np.zeros((self._half, self.channels), np.float32)])
        total_out = -(-self._seen * self._up // self._down)  # ceil
        out = self._emit(available=self._seen + self._half, limit=total_out)
        return out

    def _emit(self, available: int, limit: int | None = None) -> FloatArray:
        # Output n sits at input position n*down/up; it needs inputs up to floor(...) + half.
        last_ok = ((available - self._half) * self._up - 1) // self._down
        stop = last_ok + 1 if limit is None else min(last_ok + 1, limit)
        if stop <= self._next_out:
            return np.zeros((0, self.channels), dtype=np.float32)
        n = np.arange(self._next_out, stop, dtype=np.int64)
        pos = n * self._down
        base, phase = pos // self._up, pos % self._up
        idx = base[:, None] + self._offsets[None, :] - self._base
        taps = self._buf[idx]  # (out, taps, channels)
        out: FloatArray = np.einsum("ot,otc->oc", self._kernel[phase], taps).astype(np.float32)
        self._next_out = stop
        # Drop history no future output can reach.
        keep_from = int((stop * self._down) // self._up) - self._half + 1 - self._base
        if keep_from > 0:
            self._buf = self._buf[keep_from:]
            self._base += keep_from
        return out


def resample(samples: npt.NDArray[np.floating], src_rate: int, dst_rate: int) -> FloatArray:
    """Resample a whole (frames, channels) or (frames,) array at once."""
    two_d = samples.reshape(len(samples), -1)
    r = Resampler(src_rate, dst_rate, channels=two_d.shape[1])
    out = np.concatenate([r.process(two_d), r.flush()])
    return out if samples.ndim == 2 else out[:, 0]
