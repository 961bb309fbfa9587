"""`mockmic erase --all`: delete every take, recording and history backup, after asking."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "erase"
HELP = "delete your whole practice history (takes, recordings, reports); asks first"
CONFIRM_WORD = "erase"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all", action="store_true",
                   help="every take, session and recording (the story bank and settings stay)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


def _leftovers() -> list[Path]:
    """Files erase must also remove: unsaved recordings, and old copies of the history
    (migration and corruption backups hold transcripts too)."""
    from mockmic import paths

    found: list[Path] = []
    if paths.takes_dir().is_dir():
        found += sorted(p for p in paths.takes_dir().iterdir() if p.is_file())
    db = paths.database_file()
    if db.parent.is_dir():
        found += sorted(p for p in db.parent.iterdir() if p.is_file() and (
            p.name.startswith(f"{db.name}.corrupt-") or
            (p.name.startswith(f"{db.stem}.v") and p.name.endswith(".bak.db"))))
    return found


def run(args: argparse.Namespace) -> int:
    from mockmic import paths
    from mockmic.errors import UserError
    from mockmic.storage import Store

    if not args.all:
        raise UserError("say what to erase: `mockmic erase --all` deletes every take, "
                        "session and recording (the story bank and settings stay)")
    with Store() as store:
        takes = store.count_takes()
        sessions = len(store.sessions())
        files, size = store.audio_usage()
        leftovers = _leftovers()
        if not (takes or sessions or files or leftovers):
            print("Nothing to erase: the history is empty.")
            return 0
        print(f"This deletes {takes} take{'s' if takes != 1 else ''}, {sessions} "
              f"session{'s' if sessions != 1 else ''} and {files} recording"
              f"{'s' if files != 1 else ''} ({_size(size)}) from {paths.data_dir()}"
              + (f", plus {len(leftovers)} unsaved recording(s) and backup(s)"
                 if leftovers else "") + ".")
        print(f"Your story bank ({paths.stories_file()}) and settings stay.")
        if not args.yes:
            try:
                answer = input(f"Type '{CONFIRM_WORD}' to confirm: ")
            except EOFError:
                answer = ""
            if answer.strip() != CONFIRM_WORD:
                print("Nothing was deleted.", file=sys.stderr)
                return 1
        summary = store.erase_all()
    removed = 0
    for path in leftovers:
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError as exc:
            print(f"mockmic: could not delete {path}: {exc.strerror}", file=sys.stderr)
    print(f"Deleted {summary.takes} take{'s' if summary.takes != 1 else ''}, "
          f"{summary.sessions} session{'s' if summary.sessions != 1 else ''}, "
          f"{summary.audio_files} recording{'s' if summary.audio_files != 1 else ''} "
          f"({_size(summary.audio_bytes)})"
          + (f" and {removed} unsaved recording(s) and backup(s)" if removed else "") + ".")
    return 0
