"""`mockmic export`: a take or a whole session as Markdown (for a mentor) or JSON."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

NAME = "export"
HELP = "write a take (or a session) as a Markdown report a mentor can read, or as JSON"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("take_id", nargs="?", type=int, metavar="TAKE_ID",
                   help="the take's number (see `mockmic history`)")
    p.add_argument("--session", metavar="ID", help="export every take of a session instead")
    p.add_argument("--format", choices=("md", "json"), default="md",
                   help="md (default) or json")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE instead of standard output")


def _warn(message: str) -> None:
    print(f"mockmic: {message}", file=sys.stderr)


def _write_atomically(path: Path, text: str) -> None:
    path = path.expanduser()
    if path.is_dir():
        raise IsADirectoryError(21, "it is a folder; give a file name")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    from mockmic import paths
    from mockmic.core.stories import StoryBankError, check_figures, load_stories
    from mockmic.errors import UserError
    from mockmic.storage import StorageError
    from mockmic.storage import export as render
    from mockmic.storage.helpers import open_store_at_startup

    if (args.take_id is None) == (args.session is None):
        raise UserError("give a TAKE_ID or --session ID (one of them)")
    with open_store_at_startup(_warn) as store:
        if args.session is not None:
            session = store.get_session(args.session)
            if session is None:
                raise StorageError(f"no session {args.session!r} in the history "
                                   "(`mockmic history --json` shows session ids)")
            records = [r for t in store.session_takes(session.id)
                       if (r := store.get_take(t.id)) is not None]
            text = (render.session_json(session, records) if args.format == "json"
                    else render.session_markdown(session, records))
        else:
            record = store.get_take(args.take_id)
            if record is None:
                raise StorageError(f"no take {args.take_id} in the history "
                                   "(`mockmic history` lists them)")
            if args.format == "json":
                text = render.take_json(record)
            else:
                story = None
                if record.story_id:
                    try:
                        stories = load_stories(paths.stories_file())
                    except StoryBankError as exc:
                        _warn(f"figures section left out: {exc}")
                        stories = []
                    story = next((s for s in stories if s.id == record.story_id), None)
                said = store.take_figures(record.id)
                issues = []
                if story is not None:
                    earlier = store.story_figures(story.id, before_take=record.id)
                    issues = check_figures(said, story.figures, earlier)
                text = render.take_markdown(record, story=story, inconsistencies=issues,
                                            said=said)
    if not text.endswith("\n"):
        text += "\n"
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        _write_atomically(args.output, text)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
