"""`mockmic record`: record one answer from the microphone, then print the coach's report.

The take is written to disk as it is captured, so a crash, a kill or Ctrl-C never costs more
than about a second of it. Status goes to stderr; stdout carries only the report (or its JSON),
so `mockmic record --json | jq` works.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from mockmic.audio.protocols import RecordingResult
    from mockmic.audio.recorder import Recorder

NAME = "record"
HELP = "record an answer from the microphone (Enter or Ctrl-C stops), then coach it"

STATUS_EVERY_S = 0.1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="the .wav to write (default: a new take in the data folder)")
    p.add_argument("--seconds", type=float, metavar="S",
                   help="stop after S seconds (default: 3x the target, the hard cap)")
    # SUPPRESS keeps values given before the subcommand (`mockmic --target 60 record`).
    p.add_argument("--target", type=float, metavar="S", default=argparse.SUPPRESS,
                   help="target answer length in seconds (default: settings, 90)")
    p.add_argument("--input-device", metavar="NAME|INDEX", default=argparse.SUPPRESS,
                   help="microphone to record from (mockmic doctor lists them)")
    p.add_argument("--model", metavar="DIR", default=argparse.SUPPRESS,
                   help="a CTranslate2 Whisper model directory (default: embedded tiny.en)")
    p.add_argument("--question", metavar="TEXT", help="the question you are answering")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--save", action="store_true",
                   help="keep the take in your history (as `analyze --save` does)")
    p.add_argument("--story", metavar="ID", help="with --save: the story this take drills")


def new_take_path(folder: Path, now: datetime | None = None) -> Path:
    """A fresh take-YYYYmmdd-HHMMSS.wav in `folder` (suffixed -2, -3... if taken)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = folder / f"take-{stamp}.wav"
    n = 2
    while path.exists():
        path = folder / f"take-{stamp}-{n}.wav"
        n += 1
    return path


def device_spec(value: str | int | None) -> str | int | None:
    if value is None or isinstance(value, int):
        return value
    value = value.strip()
    if not value:
        return None
    return int(value) if value.lstrip("-").isdigit() else value


def level_bar(dbfs: float, width: int = 20) -> str:
    """-60..0 dBFS as a bar: the range where speech and room noise live."""
    filled = round(max(0.0, min(1.0, (dbfs + 60.0) / 60.0)) * width)
    return "█" * filled + "·" * (width - filled)


def _fmt_clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}"


class _EnterKey:
    """Sets `pressed` when a line arrives on stdin. End of input is not a stop request, so
    `mockmic record --seconds 30 < /dev/null` records the full 30 s."""

    def __init__(self, stream: TextIO) -> None:
        self.pressed = threading.Event()
        self._stream = stream
        threading.Thread(target=self._read, name="mockmic-enter", daemon=True).start()

    def _read(self) -> None:
        try:
            line = self._stream.readline()
        except (OSError, ValueError):
            return
        if line:
            self.pressed.set()


def _sigterm_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def record_until_stopped(recorder: Recorder, path: Path, *, max_seconds: float,
                         question: str | None, err: TextIO) -> RecordingResult:
    """Record to `path` until Enter, Ctrl-C/SIGTERM, the cap or a device error."""
    live = err.isatty()
    recorder.start(path, max_seconds=max_seconds,
                   meta={"question": question, "source": "mockmic record"})
    print(f"● recording to {path} — press Enter to stop (at most {_fmt_clock(max_seconds)})",
          file=err, flush=True)
    enter = _EnterKey(sys.stdin)
    # SIGTERM (a service manager, `timeout`) stops the take like Ctrl-C: header final, report.
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _sigterm_as_interrupt) if main else None
    warned = False
    try:
        while True:
            result = recorder.wait(STATUS_EVERY_S)
            if result is not None:
                break
            if enter.pressed.is_set():
                result = recorder.stop()
                break
            if recorder.silence_warning and not warned:
                print(("\r\x1b[K" if live else "")
                      + "mockmic: no sound for 5 s — is the microphone muted?", file=err,
                      flush=True)
            warned = recorder.silence_warning
            if live:
                err.write(f"\r\x1b[K● {_fmt_clock(recorder.elapsed_s)}  "
                          f"{level_bar(recorder.level_dbfs)} {recorder.level_dbfs:4.0f} dBFS")
                err.flush()
    except KeyboardInterrupt:
        result = recorder.stop()
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        if live:
            err.write("\r\x1b[K")
    return result


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from mockmic import paths
    from mockmic.audio.recorder import Recorder
    from mockmic.errors import AudioInputError, UserError
    from mockmic.pipeline import analyze_file
    from mockmic.render import print_report
    from mockmic.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise UserError(str(exc)) from exc
    if args.story and not args.save:
        raise UserError("--story only makes sense with --save")
    if args.story:
        from mockmic.commands.analyze import check_story

        check_story(args.story)  # before recording, not after a wasted answer
    target = getattr(args, "target", None) or settings.target_s
    if target <= 0:
        raise UserError("--target must be a positive number of seconds")
    if args.seconds is not None and args.seconds <= 0:
        raise UserError("--seconds must be a positive number of seconds")
    max_seconds = args.seconds or target * settings.hard_cap_factor
    model = getattr(args, "model", None) or settings.model
    device = device_spec(getattr(args, "input_device", None) or settings.input_device)
    if args.output is not None:
        path = args.output
    else:
        try:
            path = new_take_path(paths.ensure(paths.takes_dir()))
        except OSError as exc:
            raise UserError(f"cannot create {paths.takes_dir()}: {exc.strerror or exc}; "
                            "set MOCKMIC_HOME to a writable folder") from exc

    err = sys.stderr
    result = record_until_stopped(Recorder(device=device), path, max_seconds=max_seconds,
                                  question=args.question, err=err)
    print(f"saved {result.path} ({result.duration_s:.1f} s)", file=err, flush=True)
    if result.overflows:
        print(f"mockmic: {result.overflows} input overflow(s): some audio was dropped "
              "(the computer was too busy)", file=err)
    if result.error:
        print(f"mockmic: {result.error}", file=err, flush=True)
    if result.frames == 0:
        raise AudioInputError("nothing was recorded: check the microphone with mockmic doctor")

    report = analyze_file(result.path, target_s=target, model=model, question=args.question)
    if args.save:
        from mockmic.storage import save_analyzed

        take = save_analyzed(report, result.path, story_id=args.story,
                             question_text=args.question or "Recorded with mockmic record")
        print(f"saved as take {take.id}", file=err, flush=True)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)
    else:
        print_report(report, Console())
    return 1 if result.error else 0
