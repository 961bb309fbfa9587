"""Transcribe an answer while it is being spoken, so the report is ready a moment after "stop".

The whole-file pass (`Transcriber.transcribe`) decodes the take in 30-s windows, left to right:
faster-whisper's `generate_segments` loop decodes the window at `seek`, commits its segments and
moves `seek` to where the last complete segment ended. Nothing in a window depends on audio after
it, so we run *that same loop* during the answer, over features that grow with the take, and each
window is decoded as soon as its 30 s of audio exist. At stop only the last, partial window (and
whatever follows it) is left; it is decoded by the same loop, resumed at the same `seek` with the
same prompt. The result is the whole-file computation, bit for bit, not an approximation of it:

- features: `windows.LogMelStream` computes them identically however the audio arrives, and
  `windows.StableFeatureExtractor` (installed on the model) makes the whole-file pass compute
  the same ones (tiny.en changes words on a 1-ulp feature difference, so "almost" is not enough);
- with `vad_filter`, the speech-only audio the whole-file pass decodes is produced incrementally
  and bit-identically (`vadstream.SpeechStream`);
- decoding options, the model and the segment → Transcript conversion (with its loop guard) are
  the transcriber's.

If speech pauses long enough for VAD to close it (2 s by default), the rest is decoded at once
"as if stopped"; if the answer does end there, finish() has nothing left to do.

Audio comes in by following the take file the recorder is writing (`follow(path)`): the recorder
keeps all its work off the PortAudio callback and writes every block to disk at once, so tailing
the file costs the recorder nothing, can never drop input and reads exactly the samples the
whole-file pass reads. `feed()` is the alternative for audio that has no file (tests, tools).

If anything goes wrong in the background, `finish()` falls back to a whole-file transcription of
the same samples, so the user gets a transcript either way.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mockmic.audio.vadstream import SpeechStream
from mockmic.audio.wavtail import WavTail, as_pcm16_mono
from mockmic.audio.whisper_loop import Engine, Finished, LoopTap, WindowUnavailable, engine_for
from mockmic.audio.windows import LogMelStream, SampleBuffer
from mockmic.core.transcript import Transcript
from mockmic.errors import UserError

log = logging.getLogger(__name__)

Floats = npt.NDArray[np.float32]

SAMPLE_RATE = 16_000
#: How often the background thread looks for new audio in a followed file.
POLL_S = 0.2
#: The transcriber's silence threshold (peak below about -80 dBFS): such a take goes to the
#: whole-file pass, which explains in its own words that there is nothing to transcribe.
SILENCE_PEAK = 1e-4
#: New audio below this is left to accumulate (cheaper VAD/feature batches); stop flushes it.
MIN_BATCH = SAMPLE_RATE // 4


@dataclass
class IncrementalStats:
    """What happened during one answer (the benchmark and the logs read these)."""

    windows_during: int = 0
    """30-s windows decoded while the answer was still being recorded."""
    windows_after: int = 0
    """Windows decoded after stop (the tail; usually 1)."""
    seek_at_stop_s: float = 0.0
    """Where the tail decode started, in decoder time (speech-only time with VAD)."""
    tail_s: float = 0.0
    """Decoder seconds left to decode at stop."""
    busy_s: float = 0.0
    """Wall time the background thread spent working (not waiting for audio)."""
    guesses: int = 0
    """Times the rest was decoded early because speech paused (VAD only)."""
    guess_used: bool = False
    """The answer ended in such a pause, so the early decode was the final one."""
    fallback: str | None = None
    """Why the whole-file pass was used instead, if it was."""


class IncrementalTranscriber:
    """Transcribes one answer while it is recorded. One instance per take.

    Use: `start()` (or `follow(take_path)`), `feed(block)` as audio arrives, then `finish()` after
    the recording stopped; `cancel()` to drop it. `transcriber` must be loaded (or loadable).
    """

    def __init__(self, transcriber: Any, *, poll_s: float = POLL_S) -> None:
        self._transcriber = transcriber
        self._poll_s = poll_s
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._pending: list[Floats] = []
        self._pending_n = 0
        self._ended = False
        self._cancelled = False
        self._tail: WavTail | None = None
        self._thread: threading.Thread | None = None
        self._done = threading.Event()
        self._result: Transcript | None = None
        self._user_error: UserError | None = None
        self._raw = SampleBuffer()
        self._committed: list[Any] = []
        self._committed_text: list[str] = []
        self.stats = IncrementalStats()
        self.source = ""
        self._stream: _Stream | None = None

    # -- public API ---------------------------------------------------------------------------

    def start(self, samplerate: int = SAMPLE_RATE, *, source: str = "") -> None:
        """Begin a take whose audio will arrive through `feed()` (16 kHz only)."""
        if samplerate != SAMPLE_RATE:
            raise ValueError(f"feed() takes {SAMPLE_RATE} Hz audio, not {samplerate} Hz")
        self._launch(source)

    def follow(self, path: Path) -> None:
        """Begin a take by following the 16-bit WAV file the recorder is writing at `path`."""
        self._tail = WavTail(Path(path))
        self._launch(str(path))

    def feed(self, samples: npt.ArrayLike) -> None:
        """Queue audio: 16 kHz, float in [-1, 1] or int16, mono or (frames, channels)."""
        block = as_pcm16_mono(samples)
        if block.size == 0:
            return
        with self._wake:
            if self._ended or self._cancelled:
                return
            self._pending.append(block)
            self._pending_n += block.size
            if self._pending_n >= MIN_BATCH:
                self._wake.notify()

    @property
    def running(self) -> bool:
        """The background thread is still at work (decoding, or waiting for audio)."""
        return self._thread is not None and not self._done.is_set()

    @property
    def partial_text(self) -> str:
        """The text of the windows decoded so far (grows every ~30 s; for a live preview)."""
        return "".join(self._committed_text).strip()

    def finish(self, timeout: float | None = None) -> Transcript:
        """Stop taking audio, decode what is left and return the answer's transcript.

        Call after the recording has stopped. Falls back to a whole-file transcription of the
        same audio if the background decoding failed. Raises TimeoutError if `timeout` passes
        first (the decoding carries on; call again), and whatever the transcriber raises for
        unusable audio (AudioInputError).
        """
        if self._thread is None:
            raise RuntimeError("finish() before start()")
        with self._wake:
            self._ended = True
            self._wake.notify()
        if not self._done.wait(timeout):
            raise TimeoutError("the transcript is not ready yet")
        if self._cancelled:
            raise RuntimeError("finish() after cancel()")
        if self._user_error is not None:
            raise self._user_error
        if self._result is not None:
            return self._result
        return self._fallback()

    def cancel(self) -> None:
        """Drop this take: the background thread stops at its next window (it never blocks)."""
        with self._wake:
            self._cancelled = True
            self._ended = True
            self._wake.notify()

    # -- background thread ------------------------------------------------------------------

    def _launch(self, source: str) -> None:
        if self._thread is not None:
            raise RuntimeError("an IncrementalTranscriber serves one take; make a new one")
        self.source = source
        self._thread = threading.Thread(target=self._run, name="mockmic-incremental",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self._result = self._decode(engine_for(self._transcriber))
        except WindowUnavailable:
            pass  # cancelled
        except _WholeFileSays as exc:
            self.stats.fallback = str(exc)
        except UserError as exc:
            self._user_error = exc  # the audio's fault: the whole-file pass would say the same
        except Exception as exc:
            log.warning("incremental transcription failed, falling back: %s", exc,
                        exc_info=True)
            self.stats.fallback = f"{type(exc).__name__}: {exc}"
        finally:
            waited = self._stream.waited_s if self._stream is not None else 0.0
            self.stats.busy_s = time.perf_counter() - started - waited
            self._done.set()

    def _decode(self, engine: Engine) -> Transcript:
        model = engine.model
        mel = LogMelStream(model.feature_extractor)
        speech = SpeechStream(engine.vad_options) if engine.vad_options is not None else None
        stream = self._stream = _Stream(self, mel, speech)
        fps = int(model.frames_per_second)
        at = _LoopState()
        guess: _Guess | None = None
        while True:
            why = self._decode_windows(engine, stream, at, guess)
            if why == _ENDED:
                break
            # Speech paused long enough that the speech stream is complete unless the user
            # speaks again: decode the rest now, as if stopped, and keep it for finish().
            guess = _Guess(mel.signal_length, at.seek, self._decode_rest(engine, mel, at))
            self.stats.guesses += 1
        # Stopped: the rest of the audio, then the same loop resumed at the same seek.
        chunks = stream.close()
        audio = np.array(self._raw.view())
        if audio.size == 0 or float(np.max(np.abs(audio))) < SILENCE_PEAK:
            raise _WholeFileSays("silent take: the whole-file pass explains why")
        if engine.max_seconds is not None and audio.size > engine.max_seconds * SAMPLE_RATE:
            raise _WholeFileSays(f"take over {engine.max_seconds:g} s: decoded in pieces")
        self.stats.seek_at_stop_s = at.seek / fps
        if guess is not None and guess.matches(mel.signal_length, at.seek):
            tail, self.stats.guess_used = guess.segments, True
        else:
            tail = self._decode_rest(engine, mel, at)
        transcript = _to_transcript(engine, self._committed + tail, chunks, audio, self.source)
        transcript.extra["incremental"] = dataclasses.asdict(self.stats)
        return transcript

    def _decode_windows(self, engine: Engine, stream: _Stream, at: _LoopState,
                        guess: _Guess | None) -> str:
        """Run faster-whisper's loop from `at` over the growing features, committing each full
        window as its audio arrives, until the input ends or the speech stream settles; `at`
        is then where the loop stopped (seek, prompt, last speech time). Returns why."""
        model = engine.model
        tap = LoopTap(model, carry_last_speech=at.last_speech)
        n_mels = int(model.feature_extractor.mel_filters.shape[0])
        why = _ENDED

        def fetch(start: int, stop: int) -> Floats:
            nonlocal why
            # A settled stream is worth a guess only if it differs from the last one guessed.
            guessed = guess.length if guess is not None and guess.seek == start else None
            status = stream.wait_for(stop, guessed_length=guessed, seek=start)
            if status == _READY:
                self.stats.windows_during += 1
                return stream.mel.window(start, stop)
            # This window is not full: let the loop build its prompt (the tap captures it),
            # then stop the loop before any model work on it.
            why = status
            tap.finish_at(start)
            return np.zeros((n_mels, stop - start), dtype=np.float32)

        try:
            for segment in engine.loop(tap, GrowingFeatures(n_mels, fetch), **at.resume()):
                self._committed.append(segment)
                self._committed_text.append(segment.text)
        except Finished as stop:
            at.seek, at.prompt, at.last_speech = stop.seek, stop.prompt, tap.last_speech
        return why

    def _decode_rest(self, engine: Engine, mel: LogMelStream, at: _LoopState) -> list[Any]:
        """The loop resumed at `at` over the complete features of the audio so far."""
        features = mel.complete()
        fps = int(engine.model.frames_per_second)
        self.stats.tail_s = max(0, features.shape[1] - 1 - at.seek) / fps
        tap = LoopTap(engine.model, carry_last_speech=at.last_speech)
        segments = list(engine.loop(tap, features, **at.resume()))
        self.stats.windows_after = tap.windows
        return segments

    def _fallback(self) -> Transcript:
        """The whole-file pass on the same samples (the background decode failed)."""
        if self._tail is not None:
            transcribe_file: Callable[[Path], Transcript] = self._transcriber.transcribe
            return transcribe_file(self._tail.path)
        with self._wake:
            unread, self._pending, self._pending_n = self._pending, [], 0
        samples = np.concatenate([self._raw.view(), *unread]).astype(np.float32)
        transcribe_array: Callable[..., Transcript] = self._transcriber.transcribe_array
        return transcribe_array(samples, source=self.source)


_READY, _ENDED, _SETTLED = "ready", "ended", "settled"


class _WholeFileSays(Exception):
    """Leave this take to the whole-file pass (finish() falls back without a warning)."""


@dataclass
class _LoopState:
    """Where faster-whisper's loop stopped: all it carries from one window to the next."""

    seek: int = 0
    prompt: list[int] | None = None  # None: not stopped yet (the options' own prompt applies)
    last_speech: float | None = None

    def resume(self) -> dict[str, Any]:
        if self.prompt is None:
            return {}
        return {"seek_s": self.seek / 100.0, "prompt": self.prompt}


@dataclass
class _Guess:
    """The rest decoded early, for a speech stream of `length` samples, from `seek`."""

    length: int
    seek: int
    segments: list[Any]

    def matches(self, length: int, seek: int) -> bool:
        # The speech stream only ever grows, so the same length means the same audio.
        return self.length == length and self.seek == seek


class GrowingFeatures:
    """A stand-in for the feature matrix faster-whisper's window loop reads.

    The loop reads `shape` once and slices `[:, seek:seek + n]` per window. We claim a length the
    answer never reaches, so every window it asks for is a full 30-s one, and `fetch` blocks
    until those frames exist (or raises/returns a placeholder when they never will).
    """

    def __init__(self, n_mels: int, fetch: Callable[[int, int], Floats],
                 max_frames: int = 10**9) -> None:
        self.shape = (n_mels, max_frames + 1)
        self.ndim = 2
        self._fetch = fetch

    def __getitem__(self, key: tuple[slice, slice]) -> Floats:
        frames = key[1]
        return self._fetch(int(frames.start or 0), int(frames.stop))


class _Stream:
    """Moves audio from the inbox (feed or file) through VAD into the log-mel stream."""

    def __init__(self, owner: IncrementalTranscriber, mel: LogMelStream,
                 speech: SpeechStream | None) -> None:
        self._owner = owner
        self.mel = mel
        self._speech = speech
        self._hop = mel.hop
        self.waited_s = 0.0

    def _take(self, *, block: bool) -> tuple[Floats, bool]:
        """New audio (waiting up to a poll interval if `block`) and whether input has ended."""
        owner = self._owner
        with owner._wake:
            if block and owner._pending_n < MIN_BATCH and not owner._ended:
                t0 = time.perf_counter()
                owner._wake.wait(owner._poll_s)
                self.waited_s += time.perf_counter() - t0
            blocks, owner._pending, owner._pending_n = owner._pending, [], 0
            ended, cancelled = owner._ended, owner._cancelled
        if cancelled:
            raise WindowUnavailable(-1)
        new = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)
        # Kept at once: whatever fails next, the fallback still has every sample.
        owner._raw.append(new)
        if owner._tail is not None:
            from_file = owner._tail.read(final=ended)
            owner._raw.append(from_file)
            new = np.concatenate([new, from_file])
        return new, ended

    def _ingest(self, new: Floats) -> None:
        raw = self._owner._raw
        if self._speech is not None:
            new = self._speech.advance(raw.view())
        if new.size:
            self.mel.append(new)
            self.mel.update()

    def wait_for(self, frames: int, *, guessed_length: int | None = None, seek: int = 0) -> str:
        """Block until `frames` feature frames are final (READY), the input has ended first
        (ENDED, after taking all of it), or the speech stream has settled at a length other
        than `guessed_length` with audio past `seek` (SETTLED)."""
        while self.mel.frames < frames:
            new, ended = self._take(block=True)
            self._ingest(new)
            if ended:
                new, _ = self._take(block=False)
                self._ingest(new)
                return _READY if self.mel.frames >= frames else _ENDED
            if self.mel.frames >= frames:
                break
            if (self._speech is not None and self._speech.settled
                    and self.mel.signal_length != guessed_length
                    and self.mel.signal_length > seek * self._hop):
                return _SETTLED
        return _READY

    def close(self) -> list[dict[str, int]] | None:
        """Take the last audio and finish the speech stream; the final VAD chunks (with VAD)."""
        new, _ = self._take(block=False)
        self._ingest(new)
        if self._speech is None:
            return None
        rest, chunks = self._speech.close(self._owner._raw.view())
        self.mel.append(rest)
        return chunks


def _to_transcript(engine: Engine, segments: list[Any], chunks: list[dict[str, int]] | None,
                   audio: Floats, source: str) -> Transcript:
    if chunks is not None:
        segments = engine.restore_times(segments, chunks)
    return engine.to_transcript(segments, audio.size / SAMPLE_RATE, source, audio)
