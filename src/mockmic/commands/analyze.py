"""`mockmic analyze PATH`: coach an answer recorded or typed elsewhere."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "analyze"
HELP = "transcribe and coach an audio file (wav/flac/mp3/ogg/...) or a typed .txt answer"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path, metavar="PATH", help="audio file, or a .txt transcript")
    p.add_argument("--target", type=float, default=None, metavar="S",
                   help="target answer length in seconds (default: settings, 90)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--model", metavar="DIR",
                   help="a CTranslate2 Whisper model directory (default: embedded tiny.en)")
    p.add_argument("--duration", type=float, default=None, metavar="S",
                   help="for a .txt answer: how long it took to say (default: 150 words/min)")
    p.add_argument("--question", metavar="TEXT", help="the question it answers (checks focus)")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from mockmic.pipeline import analyze_file
    from mockmic.render import print_report
    from mockmic.settings import load_settings

    settings = load_settings()
    target = args.target if args.target is not None else settings.target_s
    model = args.model or settings.model
    err = Console(stderr=True)
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done_s: float) -> None:
        if show_progress:
            err.print(f"transcribing… {done_s:.0f} s", end="\r")

    report = analyze_file(args.path, target_s=target, model=model, duration_s=args.duration,
                          question=args.question, on_progress=progress)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_report(report, Console())
    return 0
