"""Whisper's log-mel features for a signal that is still growing, bit-identical however it grows.

faster-whisper's `FeatureExtractor` computes the spectrogram of the whole signal at once, then
clamps it at (global max - 8) and rescales. Measured on tiny.en: a 1-ulp difference in 0.03 % of
the feature values is enough to change words ("caching" → "cash in"), so "almost the same
features" is not good enough for incremental decoding to equal whole-file decoding. Two things
make the stock features depend on how much audio there is:

- the mel filter product is one BLAS call over all frames, and OpenBLAS rounds a column
  differently depending on the matrix width and its thread split;
- the clamp uses the loudest frame of the whole signal, which is unknown until the end.

`LogMelStream` removes both: frames are computed in fixed blocks of `BLOCK` frames aligned to
frame 0 (the same BLAS call shape for every block, whenever it is computed), and a window of
frames [a, b) is clamped at the loudest frame in [0, b), which is known as soon as the window's
audio is. Fed all at once or block by block, it gives the same bits, so a window decoded during
the answer is exactly the window a whole-file pass through this class decodes. Against stock
faster-whisper the values differ by rounding, and by the clamp only on frames more than 80 dB
below a peak that arrives later.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

#: faster-whisper's log-mel floor below the loudest frame, in log10 units.
DYNAMIC_RANGE = 8.0
#: Frames per mel product: fixed so every block is the same BLAS call. 64 frames = 0.64 s, the
#: most a window waits for its last block.
BLOCK = 64


class SampleBuffer:
    """A float32 array that grows by amortised doubling (append is O(block))."""

    def __init__(self, capacity: int = 16_000 * 60) -> None:
        self._data = np.zeros(max(capacity, 1024), dtype=np.float32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, samples: Floats) -> None:
        need = self._size + samples.size
        if need > self._data.size:
            grown = np.zeros(max(need, self._data.size * 2), dtype=np.float32)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : need] = samples
        self._size = need

    def view(self, start: int = 0, stop: int | None = None) -> Floats:
        """A read-only view of samples [start, stop); valid until the next append."""
        stop = self._size if stop is None else min(stop, self._size)
        out = self._data[start:stop]
        out.flags.writeable = False
        return out


def clamp_window(log_spec: Floats, peaks: Floats, start: int, stop: int) -> Floats:
    """Frames [start, stop) normalised as faster-whisper does, clamped at the loudest frame in
    [0, stop) (`peaks` is the running maximum of each frame's loudest bin)."""
    stop = min(stop, log_spec.shape[1])
    part = log_spec[:, start:stop]
    if stop <= 0:
        return ((part + 4.0) / 4.0).astype(np.float32)
    floor = peaks[stop - 1] - np.float32(DYNAMIC_RANGE)
    out: Floats = ((np.maximum(part, floor) + 4.0) / 4.0).astype(np.float32)
    return out


class ClampedFeatures:
    """The features of a finished signal as faster-whisper reads them: `shape`, and `[:, a:b]`
    (or `[..., a:b]`) slices, each clamped as `clamp_window` says. Anything else (or
    `np.asarray`) sees the whole matrix clamped at its loudest frame, as stock features are."""

    def __init__(self, log_spec: Floats, peaks: Floats) -> None:
        self._log = log_spec
        self._peaks = peaks
        self.shape = log_spec.shape
        self.ndim = 2

    def __getitem__(self, key: Any) -> Floats:
        if (isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], slice)
                and (key[0] is Ellipsis or key[0] == slice(None))):
            start, stop, step = key[1].indices(self.shape[1])
            if step == 1:
                return clamp_window(self._log, self._peaks, start, max(start, stop))
        whole: Floats = np.asarray(self)[key]
        return whole

    def __array__(self, dtype: Any = None, copy: Any = None) -> Floats:
        out = clamp_window(self._log, self._peaks, 0, self.shape[1])
        return out if dtype is None else out.astype(dtype)


class StableFeatureExtractor:
    """faster-whisper's `FeatureExtractor`, computed through `LogMelStream`.

    Installed on a `WhisperModel` (`install_stable_features`), it makes the model's own
    whole-file `transcribe()` compute exactly the features incremental decoding computes, so
    the two are the same computation. Everything else is delegated to the stock extractor.
    """

    def __init__(self, base: Any) -> None:
        self.base = base

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def __call__(self, waveform: Any, padding: int = 160, chunk_length: int | None = None
                 ) -> Any:
        if padding != self.base.hop_length:
            return self.base(waveform, padding=padding, chunk_length=chunk_length)
        if chunk_length is not None:
            # As the stock extractor does: the window length follows the last call.
            self.base.n_samples = chunk_length * self.base.sampling_rate
            self.base.nb_max_frames = self.base.n_samples // self.base.hop_length
        mel = LogMelStream(self.base)
        mel.append(np.asarray(waveform, dtype=np.float32))
        return mel.complete()


def install_stable_features(model: Any) -> None:
    """Make `model` (a WhisperModel) compute features with `StableFeatureExtractor`.
    Idempotent; safe while the model is idle (do it right after loading)."""
    if not isinstance(model.feature_extractor, StableFeatureExtractor):
        model.feature_extractor = StableFeatureExtractor(model.feature_extractor)


class LogMelStream:
    """The log-mel spectrogram of a growing signal (see module doc).

    `extractor` is the model's `FeatureExtractor` (n_fft, hop and mel filters are the model's).
    """

    def __init__(self, extractor: Any) -> None:
        if isinstance(extractor, StableFeatureExtractor):
            extractor = extractor.base
        self._fe = extractor
        self._hop = int(extractor.hop_length)
        self._n_fft = int(extractor.n_fft)
        self._half = self._n_fft // 2
        self._window = np.hanning(self._n_fft + 1)[:-1].astype(np.float32)
        self._filters: Floats = np.ascontiguousarray(extractor.mel_filters, dtype=np.float32)
        self.signal = SampleBuffer()
        self._log = np.zeros((self._filters.shape[0], 50 * BLOCK), dtype=np.float32)
        self._peaks = np.zeros(50 * BLOCK, dtype=np.float32)
        self._frames = 0  # always a multiple of BLOCK

    @property
    def frames(self) -> int:
        """Frames whose values are final (computed, and not reaching past the signal's end)."""
        return self._frames

    @property
    def signal_length(self) -> int:
        return len(self.signal)

    @property
    def hop(self) -> int:
        return self._hop

    def append(self, samples: Floats) -> None:
        self.signal.append(samples)

    def update(self) -> int:
        """Compute every whole block the signal now supports; returns the final frame count."""
        n = len(self.signal)
        # Frame f needs samples up to f*hop + n_fft/2 (frames 0-1 also mirror the start).
        if n <= self._half:
            return self._frames
        ready = (n - self._half) // self._hop + 1
        while self._frames + BLOCK <= ready:
            self._compute_block(self._frames, BLOCK, at_end=False)
        return self._frames

    def window(self, start: int, stop: int) -> Floats:
        """Normalised features of frames [start, stop) (must be final)."""
        if stop > self._frames:
            raise ValueError(f"frames up to {stop} requested, {self._frames} final")
        return clamp_window(self._log, self._peaks, start, stop)

    def complete(self) -> ClampedFeatures:
        """All frames of the signal as it stands, including the last ones that reach into
        faster-whisper's end padding (zeros, then a mirror). The stream itself is unchanged, so
        this can be asked for a signal that may still grow (and again later)."""
        n = len(self.signal)
        total = (n + self._hop) // self._hop
        self.update()
        done = min(self._frames, total)
        log = np.empty((self._log.shape[0], total), dtype=np.float32)
        peaks = np.empty(total, dtype=np.float32)
        log[:, :done] = self._log[:, :done]
        peaks[:done] = self._peaks[:done]
        for first in range(done, total, BLOCK):
            block = self._block(first, min(BLOCK, total - first), at_end=True)
            log[:, first : first + block.shape[1]] = block
            _accumulate_peaks(peaks, first, block)
        return ClampedFeatures(log, peaks)

    # -- internals ------------------------------------------------------------------------------

    def _segment(self, first: int, count: int, at_end: bool) -> Floats:
        """Samples whose STFT frames (no centring) are frames [first, first + count)."""
        hop, half = self._hop, self._half
        lo = first * hop - half
        hi = (first + count - 1) * hop + half
        n = len(self.signal)
        if lo >= 0 and hi <= n and not at_end:
            return self.signal.view(lo, hi)
        base = self.signal.view()
        if at_end:
            base = np.concatenate([base, np.zeros(hop, dtype=np.float32)])
        # Mirror both ends exactly as faster-whisper's np.pad(mode="reflect") does.
        padded = np.pad(base, (half, half), mode="reflect")
        return padded[first * hop : (first + count - 1) * hop + self._n_fft]

    def _block(self, first: int, count: int, at_end: bool) -> Floats:
        """Unclamped log-mel of frames [first, first + count), always as a BLOCK-wide product."""
        segment = self._segment(first, count, at_end)
        spec = self._fe.stft(segment, self._n_fft, self._hop, window=self._window,
                             center=False, return_complex=True).astype("complex64")
        power = np.zeros((spec.shape[0], BLOCK), dtype=np.float32)
        power[:, :count] = np.abs(spec[:, :count]) ** 2
        mel: Floats = (self._filters @ power)[:, :count]
        log_spec: Floats = np.log10(np.clip(mel, a_min=1e-10, a_max=None)).astype(np.float32)
        return log_spec

    def _compute_block(self, first: int, count: int, at_end: bool) -> None:
        log_spec = self._block(first, count, at_end)
        stop = first + count
        if stop > self._log.shape[1]:
            size = max(stop, self._log.shape[1] * 2)
            grown = np.zeros((self._log.shape[0], size), dtype=np.float32)
            grown[:, : self._frames] = self._log[:, : self._frames]
            peaks = np.zeros(size, dtype=np.float32)
            peaks[: self._frames] = self._peaks[: self._frames]
            self._log, self._peaks = grown, peaks
        self._log[:, first:stop] = log_spec
        _accumulate_peaks(self._peaks, first, log_spec)
        self._frames = stop


def _accumulate_peaks(peaks: Floats, first: int, log_spec: Floats) -> None:
    """peaks[f] = the loudest bin of any frame up to f, for the frames of `log_spec`."""
    before = peaks[first - 1] if first > 0 else np.float32(-np.inf)
    running = np.maximum.accumulate(log_spec.max(axis=0))
    peaks[first : first + log_spec.shape[1]] = np.maximum(running, before)
