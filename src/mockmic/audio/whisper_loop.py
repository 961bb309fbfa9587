"""faster-whisper's own window loop, run in pieces: the engine behind incremental transcription.

`WhisperModel.generate_segments` is the sequential 30-s-window decoder every whole-file
transcription goes through. We call it ourselves with a `LoopTap` standing in for the model:
the tap delegates everything to the real model and only watches three calls, so the loop can be
stopped between windows and resumed later exactly where it was:

- `encode`: skipped for a window we stop at (no model work is wasted on it);
- `get_prompt`: receives the loop's carried prompt tokens for the next window; we stop there and
  hand them to the resumed loop as its initial prompt, which is how the loop itself carries them;
- `add_word_timestamps`: receives the loop's "last speech" time (used to trim the first word
  after a pause); we track it and pass it on to the resumed loop.

The options are the ones a whole-file `WhisperModel.transcribe(**kwargs)` builds from the same
kwargs (we let `transcribe` build them, then never iterate its generator).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from mockmic.core.transcript import Transcript

Floats = npt.NDArray[np.float32]

#: faster-whisper versions whose internals tests/audio/test_incremental.py has checked.
VERIFIED_FASTER_WHISPER = ("1.2.",)


class WindowUnavailable(Exception):
    """Raised inside the loop to end it before a window that will never exist (cancelled)."""

    def __init__(self, seek: int) -> None:
        super().__init__(f"no window at frame {seek}")
        self.seek = seek


class Finished(Exception):
    """Raised inside the loop when it reaches a window the audio has not filled: where it was
    (`seek`, in frames) and the prompt tokens it would have used there."""

    def __init__(self, seek: int, prompt: list[int]) -> None:
        super().__init__(f"stopped at frame {seek}")
        self.seek = seek
        self.prompt = prompt


class LoopTap:
    """Stands in for a `WhisperModel` inside its own `generate_segments` (see module doc)."""

    def __init__(self, model: Any, *, carry_last_speech: float | None = None) -> None:
        self._model = model
        self._last_speech = carry_last_speech
        self._stop_at: int | None = None
        self.windows = 0  # windows encoded (= decoded) through this tap

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    @property
    def last_speech(self) -> float | None:
        return self._last_speech

    def finish_at(self, seek: int) -> None:
        """The window about to be read (at frame `seek`) is the last: stop before decoding it."""
        self._stop_at = seek

    def encode(self, features: Floats) -> Any:
        if self._stop_at is not None:
            return None
        self.windows += 1
        return self._model.encode(features)

    def get_prompt(self, tokenizer: Any, previous_tokens: list[int], **kwargs: Any) -> Any:
        if self._stop_at is not None:
            raise Finished(self._stop_at, list(previous_tokens))
        return self._model.get_prompt(tokenizer, previous_tokens, **kwargs)

    def add_word_timestamps(self, segments: list[list[dict[str, Any]]], *args: Any,
                            **kwargs: Any) -> Any:
        from faster_whisper.utils import get_end

        # The loop keeps this in a local; a resumed loop starts it at 0, so we supply it.
        if self._last_speech is not None:
            kwargs["last_speech_timestamp"] = self._last_speech
        result = self._model.add_word_timestamps(segments, *args, **kwargs)
        end = get_end(segments[0]) if segments else None
        if end is not None:
            self._last_speech = float(end)
        return result


@dataclass
class Engine:
    """The model, tokenizer and options of one transcriber, and its segment conversion."""

    model: Any
    tokenizer: Any
    options: Any
    vad_options: Any | None
    convert: Callable[..., Transcript]
    """(segments, duration_s, source[, audio=samples]) → Transcript, as the whole-file pass
    converts (and checks) its segments."""
    transcribe_array: Callable[[Floats, str], Transcript]
    convert_takes_audio: bool = False
    max_seconds: float | None = None
    """Longer takes are decoded by the whole-file pass in separate pieces, which one loop over
    the whole take would not reproduce: such takes go to the whole-file pass."""

    def to_transcript(self, segments: list[Any], duration_s: float, source: str,
                      audio: Floats) -> Transcript:
        if self.convert_takes_audio:
            return self.convert(segments, duration_s, source, audio=audio)
        return self.convert(segments, duration_s, source)

    def loop(self, tap: LoopTap, features: Any, *, seek_s: float = 0.0,
             prompt: list[int] | None = None) -> Iterator[Any]:
        """faster-whisper's window loop over `features`, from `seek_s` with `prompt` carried."""
        from faster_whisper import WhisperModel

        options = dataclasses.replace(self.options)
        if seek_s > 0 or prompt is not None:
            options.clip_timestamps = [seek_s]
            options.initial_prompt = prompt or None
        segments: Iterable[Any] = WhisperModel.generate_segments(
            tap, features, self.tokenizer, options, False)
        return iter(segments)

    def restore_times(self, segments: list[Any], chunks: list[dict[str, int]]) -> list[Any]:
        """Map speech-only times back to times in the take (what whole-file VAD does)."""
        from faster_whisper.transcribe import restore_speech_timestamps

        if not chunks:
            return segments
        rate = int(self.model.feature_extractor.sampling_rate)
        return list(restore_speech_timestamps(segments, chunks, rate))


def build_engine(model: Any, kwargs: dict[str, Any], convert: Callable[..., Transcript],
                 transcribe_array: Callable[[Floats, str], Transcript], *,
                 convert_takes_audio: bool = False) -> Engine:
    """An Engine for `model.transcribe(audio, **kwargs)`, with the options it would build.

    Installs `windows.StableFeatureExtractor` on `model`, so the model's own whole-file
    `transcribe()` computes the same features as incremental decoding from then on.
    """
    import faster_whisper
    from faster_whisper.tokenizer import Tokenizer

    from mockmic.audio.windows import install_stable_features

    version = str(getattr(faster_whisper, "__version__", "?"))
    if not version.startswith(VERIFIED_FASTER_WHISPER):
        # We drive its internals (the window loop, VAD, features): an unverified version could
        # silently decode differently, so it gets the whole-file pass until tests pass on it.
        raise ValueError(f"faster-whisper {version} is not verified for incremental decoding")
    if kwargs.get("clip_timestamps", "0") not in ("0", [0], [0.0]):
        raise ValueError("incremental transcription decodes whole takes (no clip_timestamps)")
    if model.model.is_multilingual and not kwargs.get("language"):
        raise ValueError("a multilingual model needs a fixed language to decode incrementally")
    install_stable_features(model)
    rate = int(model.feature_extractor.sampling_rate)
    # transcribe() builds the options (suppressed tokens, temperatures...) and returns a lazy
    # generator; we take the options and never run the generator.
    _, info = model.transcribe(np.zeros(rate, dtype=np.float32), **kwargs)
    vad = info.vad_options if kwargs.get("vad_filter") else None
    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual,
                          task=kwargs.get("task", "transcribe"), language=info.language)
    return Engine(model=model, tokenizer=tokenizer, options=info.transcription_options,
                  vad_options=vad, convert=convert, transcribe_array=transcribe_array,
                  convert_takes_audio=convert_takes_audio)


def engine_for(transcriber: Any) -> Engine:
    """The Engine behind a mockmic `Transcriber`: its model, `decode_kwargs()` and
    `to_transcript()` (given the take's samples, so its loop guard can re-decode a looping
    window exactly as the whole-file pass does)."""
    kwargs = getattr(transcriber, "decode_kwargs", None)
    convert = getattr(transcriber, "to_transcript", None)
    if callable(kwargs) and callable(convert):
        def whole(samples: Floats, source: str) -> Transcript:
            result: Transcript = transcriber.transcribe_array(samples, source=source)
            return result

        engine = build_engine(transcriber.model, kwargs(), convert, whole,
                              convert_takes_audio=True)
        module = sys.modules.get(type(transcriber).__module__)
        piece = getattr(module, "PIECE_SECONDS", None)
        engine.max_seconds = float(piece) if isinstance(piece, int | float) else None
        return engine
    maker = getattr(transcriber, "incremental_engine", None)
    if callable(maker):
        made: Engine = maker()
        return made
    raise TypeError(f"{type(transcriber).__name__} cannot decode incrementally")
