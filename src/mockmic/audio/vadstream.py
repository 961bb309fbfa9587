"""faster-whisper's VAD filter, run on a signal that is still growing.

With `vad_filter=True`, faster-whisper runs Silero VAD over the whole file, turns the speech
probabilities into speech chunks (`vad.get_speech_timestamps`), pads them, and decodes only the
concatenated speech. To decode the same audio incrementally we need that concatenation while the
answer is still being spoken:

- Silero's probability for each 512-sample window depends only on that window, the 64 samples
  before it and the model state carried from the window before; fed window by window with the
  state carried, it gives bit-identical probabilities (checked in tests/audio).
- The chunk rule is a left-to-right state machine over those probabilities; `SpeechChunker`
  steps it one probability at a time. Its decisions about the past are final except where a
  chunk may still end or be padded; `stable_spans` says how much of the speech stream can no
  longer change, and `final_chunks` closes it at the end exactly as the whole-file pass does.

If faster-whisper changes this rule, tests/audio/test_incremental.py fails loudly rather than
silently diverging: it compares our chunks with `get_speech_timestamps` on real recordings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

#: Silero's window and context at 16 kHz (faster-whisper's SileroVADModel defaults).
VAD_WINDOW = 512
VAD_CONTEXT = 64


@dataclass
class _Speech:
    start: int
    end: int = -1


class SpeechChunker:
    """faster-whisper's speech-chunk rule (`get_speech_timestamps`), one probability at a time."""

    def __init__(self, options: Any, samplerate: int = 16_000) -> None:
        self.threshold = float(options.threshold)
        neg = options.neg_threshold
        self.neg_threshold = float(max(self.threshold - 0.15, 0.01) if neg is None else neg)
        self.min_speech = samplerate * options.min_speech_duration_ms / 1000
        self.pad = samplerate * options.speech_pad_ms / 1000
        self.max_speech = (samplerate * options.max_speech_duration_s - VAD_WINDOW
                           - 2 * self.pad)
        self.min_silence = samplerate * options.min_silence_duration_ms / 1000
        self.min_silence_at_max = samplerate * 98 / 1000
        self.unbounded = options.max_speech_duration_s == float("inf")
        self.closed: list[_Speech] = []
        self.current: _Speech | None = None
        self.count = 0  # probabilities consumed
        self._temp_end = 0
        self._prev_end = 0
        self._next_start = 0

    def push(self, prob: float) -> None:
        i = self.count
        self.count += 1
        pos = VAD_WINDOW * i
        cur = self.current
        if prob >= self.threshold and self._temp_end:
            self._temp_end = 0
            if self._next_start < self._prev_end:
                self._next_start = pos
        if prob >= self.threshold and cur is None:
            self.current = _Speech(pos)
            return
        if cur is not None and pos - cur.start > self.max_speech:
            if self._prev_end:
                cur.end = self._prev_end
                self.closed.append(cur)
                if self._next_start < self._prev_end:
                    self.current = None
                else:
                    self.current = _Speech(self._next_start)
                self._prev_end = self._next_start = self._temp_end = 0
            else:
                cur.end = pos
                self.closed.append(cur)
                self.current = None
                self._prev_end = self._next_start = self._temp_end = 0
                return
        cur = self.current
        if prob < self.neg_threshold and cur is not None:
            if not self._temp_end:
                self._temp_end = pos
            if pos - self._temp_end > self.min_silence_at_max:
                self._prev_end = self._temp_end
            if pos - self._temp_end < self.min_silence:
                return
            cur.end = self._temp_end
            if cur.end - cur.start > self.min_speech:
                self.closed.append(cur)
            self.current = None
            self._prev_end = self._next_start = self._temp_end = 0

    @property
    def settled(self) -> bool:
        """No chunk is open and the last one's padded end is final: unless speech starts again,
        the chunk list is already what the whole-file pass would return."""
        if self.current is not None:
            return False
        return not self.closed or VAD_WINDOW * self.count - self.closed[-1].end >= 2 * self.pad

    def _padded(self, speeches: list[_Speech], length: int) -> list[tuple[int, int]]:
        """The whole-file padding step, on raw chunks; `length` is the audio's sample count."""
        out = [[s.start, s.end] for s in speeches]
        pad = self.pad
        for i, span in enumerate(out):
            if i == 0:
                span[0] = int(max(0, span[0] - pad))
            if i != len(out) - 1:
                silence = speeches[i + 1].start - speeches[i].end
                if silence < 2 * pad:
                    span[1] += int(silence // 2)
                    out[i + 1][0] = int(max(0, speeches[i + 1].start - silence // 2))
                else:
                    span[1] = int(min(length, speeches[i].end + pad))
                    out[i + 1][0] = int(max(0, speeches[i + 1].start - pad))
            else:
                span[1] = int(min(length, speeches[i].end + pad))
        return [(a, b) for a, b in out]

    def final_chunks(self, length: int) -> list[dict[str, int]]:
        """The chunks `get_speech_timestamps` returns for the whole audio (call after the last
        probability, which covers the zero-padded final window)."""
        speeches = list(self.closed)
        cur = self.current
        if cur is not None and length - cur.start > self.min_speech:
            speeches.append(_Speech(cur.start, length))
        return [{"start": a, "end": b} for a, b in self._padded(speeches, length)]

    def stable_spans(self) -> list[tuple[int, int]]:
        """Raw-sample spans of speech that the final chunk list will contain whatever comes next.

        Consecutive spans concatenated are a prefix of the whole-file speech stream.
        """
        heard = VAD_WINDOW * self.count  # every sample before this has a probability
        speeches = list(self.closed)
        cur = self.current
        # A chunk's start is fixed once it has begun; its end only once the next chunk has
        # begun or the silence after it is long enough that the padding cannot change.
        # The open chunk reaches at least where its silence began (or to `heard`), provided it
        # is already long enough to survive the min-speech filter. With a finite max-speech
        # limit an open chunk can be cut back, so nothing of it counts until it closes.
        reach = self._temp_end or heard
        counts = (cur is not None and self.unbounded and reach - cur.start > self.min_speech)
        if counts:
            assert cur is not None
            speeches.append(_Speech(cur.start, reach))
        if not speeches:
            return []
        padded = self._padded(speeches, length=heard)
        if counts:
            padded[-1] = (padded[-1][0], reach)
        else:
            # The next chunk starts at the open one (if it survives) or at `heard` or later;
            # only a silence of 2 x pad before it fixes the last chunk's padded end.
            last = speeches[-1]
            nearest = cur.start if cur is not None else heard
            if nearest - last.end < 2 * self.pad:
                padded[-1] = (padded[-1][0], last.end)
        return padded


class StreamingVad:
    """Silero VAD over a growing signal, window by window, with the model state carried."""

    def __init__(self, options: Any, samplerate: int = 16_000) -> None:
        from faster_whisper.vad import get_vad_model

        self._session = get_vad_model().session
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(VAD_CONTEXT, dtype=np.float32)
        self.chunker = SpeechChunker(options, samplerate)
        self.consumed = 0  # samples turned into probabilities

    def _run(self, samples: Floats) -> None:
        windows = samples.reshape(-1, VAD_WINDOW)
        context = np.concatenate([self._context[None, :], windows[:-1, -VAD_CONTEXT:]])
        batch = np.concatenate([context, windows], axis=1)
        out, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c})
        self._context = windows[-1, -VAD_CONTEXT:].copy()
        self.consumed += samples.size
        for prob in np.asarray(out).ravel():
            self.chunker.push(float(prob))

    def feed(self, signal: Floats) -> None:
        """Consume every whole 512-sample window of `signal` (the full signal so far)."""
        usable = (signal.size - self.consumed) // VAD_WINDOW * VAD_WINDOW
        if usable > 0:
            self._run(np.ascontiguousarray(signal[self.consumed : self.consumed + usable]))

    def close(self, signal: Floats) -> list[dict[str, int]]:
        """Finish like the whole-file pass (the last window zero-padded, always one) and return
        its speech chunks."""
        self.feed(signal)
        rest = signal[self.consumed :]
        self._run(np.pad(rest, (0, VAD_WINDOW - rest.size)).astype(np.float32))
        return self.chunker.final_chunks(signal.size)


class StreamDiverged(RuntimeError):
    """The speech stream emitted so far is not a prefix of the final one (a bug, or a
    faster-whisper version whose VAD rule we do not reproduce): decode the whole file instead."""


class SpeechStream:
    """The speech-only audio that whole-file VAD decoding sees, handed out as it becomes final."""

    def __init__(self, options: Any, samplerate: int = 16_000) -> None:
        self.vad = StreamingVad(options, samplerate)
        self.emitted = 0  # speech-stream samples handed out
        self._pieces: list[tuple[int, int]] = []  # raw spans handed out, merged

    def _emit(self, spans: list[tuple[int, int]], signal: Floats) -> Floats:
        out: list[Floats] = []
        offset = 0
        for start, end in spans:
            length = end - start
            if offset + length > self.emitted:
                first = start + max(0, self.emitted - offset)
                out.append(signal[first:end])
                self._record(first, end)
            offset += length
        if offset < self.emitted:
            raise StreamDiverged(f"speech stream shrank from {self.emitted} to {offset} samples")
        self.emitted = offset
        return np.concatenate(out) if out else np.zeros(0, dtype=np.float32)

    def _record(self, start: int, end: int) -> None:
        if self._pieces and self._pieces[-1][1] == start:
            self._pieces[-1] = (self._pieces[-1][0], end)
        else:
            self._pieces.append((start, end))

    @property
    def settled(self) -> bool:
        """Everything the final chunks would hold if the audio ended now has been handed out."""
        return self.vad.chunker.settled

    def advance(self, signal: Floats) -> Floats:
        """New final speech samples, given the whole raw signal so far."""
        self.vad.feed(signal)
        return self._emit(self.vad.chunker.stable_spans(), signal)

    def close(self, signal: Floats) -> tuple[Floats, list[dict[str, int]]]:
        """The rest of the speech stream and the whole-file speech chunks (the signal is final)."""
        chunks = self.vad.close(signal)
        handed = list(self._pieces)
        rest = self._emit([(c["start"], c["end"]) for c in chunks], signal)
        merged: list[tuple[int, int]] = []
        for start, end in ((c["start"], c["end"]) for c in chunks):
            if merged and merged[-1][1] == start:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        if not _is_prefix(handed, merged):
            raise StreamDiverged("speech handed out early is not where the final chunks put it")
        return rest, chunks


def _is_prefix(pieces: list[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    """True when the merged raw spans `pieces` are the start of the merged raw spans `spans`."""
    for i, (start, end) in enumerate(pieces):
        if i >= len(spans) or spans[i][0] != start:
            return False
        last = i == len(pieces) - 1
        if spans[i][1] != end and not (last and spans[i][1] > end):
            return False
    return True
