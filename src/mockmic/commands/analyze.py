"""`mockmic analyze PATH`: coach an answer recorded or typed elsewhere."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mockmic.errors import UserError

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
    p.add_argument("--save", action="store_true",
                   help="keep the take in your history (audio copied as FLAC; the file stays)")
    p.add_argument("--story", metavar="ID", help="with --save: the story this take drills")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from mockmic.pipeline import analyze_file
    from mockmic.render import print_report
    from mockmic.settings import load_settings_or_defaults

    err = Console(stderr=True)
    settings = load_settings_or_defaults(lambda msg: print(msg, file=sys.stderr))
    if args.story and not args.save:
        raise UserError("--story only makes sense with --save")
    if args.save and args.story:
        check_story(args.story)
    target = args.target if args.target is not None else settings.target_s
    model = args.model or settings.model
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done_s: float) -> None:
        if show_progress:
            err.print(f"transcribing… {done_s:.0f} s", end="\r")

    report = analyze_file(args.path, target_s=target, model=model, duration_s=args.duration,
                          question=args.question, on_progress=progress)
    if args.save:
        from mockmic.storage import save_analyzed

        is_audio = args.path.suffix.lower() not in {".txt", ".md"}
        question = args.question or f"Imported answer: {args.path.name}"
        take = save_analyzed(report, args.path if is_audio else None, question_text=question,
                             story_id=args.story)
        err.print(f"saved as take {take.id}" + (f" (story {args.story})" if args.story else ""))
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_report(report, Console())
    return 0


def check_story(story_id: str) -> None:
    """Refuse an unknown story before the slow transcription, with the ids that do exist."""
    from mockmic.core.stories import load_stories
    from mockmic.paths import stories_file

    path = stories_file()
    stories = load_stories(path)
    if not any(s.id == story_id for s in stories):
        known = ", ".join(s.id for s in stories) or f"none yet (add them to {path})"
        raise UserError(f"unknown story {story_id!r}; your stories: {known}")
