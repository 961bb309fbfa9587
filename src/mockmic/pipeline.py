"""Audio or typed answer in, Report out: the path `mockmic analyze` and `mockmic record` share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mockmic.core.coach import coach
from mockmic.core.report import Report
from mockmic.core.transcript import Transcript
from mockmic.errors import AudioInputError

#: Typed answers longer than this are not interview answers (and would not fit a report).
MAX_TEXT_BYTES = 200_000


def check_input_path(path: Path) -> None:
    """One-line errors for the commonest bad inputs, before anything heavy is loaded."""
    if not path.exists():
        raise AudioInputError(f"no such file: {path}")
    if path.is_dir():
        raise AudioInputError(f"{path} is a directory, not an audio file or transcript")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AudioInputError(f"cannot read {path}: {exc.strerror}") from exc
    if size == 0:
        raise AudioInputError(f"{path} is empty")


def read_typed_answer(path: Path, duration_s: float | None) -> Transcript:
    """A `.txt` answer: words spread at 150 WPM unless the real duration is given."""
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise AudioInputError(f"{path} is over {MAX_TEXT_BYTES // 1000} kB: not a spoken answer")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise AudioInputError(f"{path} is not UTF-8 text") from exc
    except OSError as exc:
        raise AudioInputError(f"cannot read {path}: {exc.strerror}") from exc
    if not text.strip():
        raise AudioInputError(f"{path} has no words in it")
    if duration_s is not None and duration_s <= 0:
        raise AudioInputError("--duration must be a positive number of seconds")
    return Transcript.from_text(text, duration_s=duration_s, source=str(path))


def transcribe_file(path: Path, *, model: str | None,
                    on_progress: Callable[[float], None] | None = None) -> Transcript:
    from mockmic.audio.transcriber import Transcriber  # heavy: only when there is audio

    transcriber = Transcriber(model)
    transcriber.load()
    return transcriber.transcribe(path, on_progress=on_progress)


def analyze_file(path: Path, *, target_s: float = 90.0, model: str | None = None,
                 duration_s: float | None = None, question: str | None = None,
                 on_progress: Callable[[float], None] | None = None) -> Report:
    """Transcribe (or read) one answer and coach it."""
    check_input_path(path)
    if target_s <= 0:
        raise AudioInputError("--target must be a positive number of seconds")
    if path.suffix.lower() in {".txt", ".md"}:
        transcript = read_typed_answer(path, duration_s)
    else:
        transcript = transcribe_file(path, model=model, on_progress=on_progress)
    return coach(transcript, target_s, question=question)
