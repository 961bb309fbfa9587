"""`mockmic history`: the takes you kept, newest first, filtered by story, bank or flag."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

NAME = "history"
HELP = "list kept takes (when, question or story, duration vs target, score, top flags)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array instead of a table")
    p.add_argument("--story", metavar="ID", help="only takes of this story")
    p.add_argument("--bank", metavar="ID", help="only takes from this question bank")
    p.add_argument("--flag", metavar="CODE", help="only takes with this flag (e.g. rambling)")
    p.add_argument("--session", metavar="ID", help="only takes of this session")
    p.add_argument("--limit", type=int, metavar="N", help="at most N takes (newest first)")


def _warn(message: str) -> None:
    print(f"mockmic: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from mockmic.core.report import FLAG_CODES
    from mockmic.errors import UserError
    from mockmic.storage.export import clock
    from mockmic.storage.helpers import open_store_at_startup

    if args.flag is not None and args.flag not in FLAG_CODES:
        raise UserError(f"unknown flag {args.flag!r} (flags: {', '.join(FLAG_CODES)})")
    if args.limit is not None and args.limit < 1:
        raise UserError(f"--limit must be at least 1, got {args.limit}")
    with open_store_at_startup(_warn) as store:
        takes = store.list_takes(story_id=args.story, bank_id=args.bank, flag=args.flag,
                                 session_id=args.session, limit=args.limit)
        total = store.count_takes()
    if args.json:
        print(json.dumps([t.to_dict() for t in takes], ensure_ascii=False))
        return 0
    if not takes:
        filtered = any(v is not None for v in (args.story, args.bank, args.flag, args.session))
        if filtered and total:
            print(f"No takes match (the history holds {total}).")
        else:
            print("No takes yet: run `mockmic` to practise, or "
                  "`mockmic analyze FILE --save` to import an answer.")
        return 0
    console = Console()
    # Hand-laid columns: the question takes whatever width the terminal leaves, so an
    # 80-column terminal still shows every column.
    colours = {"fail": "red", "warn": "yellow", "info": "dim"}
    this_year = datetime.now().year
    id_w = max(1, max(len(str(t.id)) for t in takes))
    flags_w = 26  # room for two flag codes; the rest are counted ("+3")
    fixed = id_w + 12 + 11 + 5 + flags_w + 5 * 2
    topic_w = max(16, console.width - fixed)
    header = (f"{'#':>{id_w}}  {'when':<12}  {'question / story':<{topic_w}}  "
              f"{'time/target':>11}  {'score':>5}  top flags")
    console.print(Text(header, style="bold"), overflow="crop", no_wrap=True)
    for t in takes:
        topic = f"[{t.story_id}] {t.question_text}" if t.story_id else t.question_text
        if len(topic) > topic_w:
            topic = topic[: topic_w - 1] + "…"
        local = t.created_at.astimezone()
        when = local.strftime("%b %d %H:%M" if local.year == this_year else "%Y-%m-%d")
        line = Text(f"{t.id:>{id_w}}  {when:<12}  {topic:<{topic_w}}  ")
        line.append(f"{clock(t.duration_s) + ' / ' + clock(t.target_s):>11}",
                    style="red" if t.over_by_s >= 0.5 else "")
        line.append(f"  {t.score:>5}  ")
        room = console.width - len(line.plain)
        for n, code in enumerate(t.top_flags):
            rest = len(t.top_flags) - n - 1
            need = len(code) + (1 if n else 0) + (len(f" +{rest}") if rest else 0)
            if n and need > room:
                line.append(f" +{rest + 1}")
                break
            line.append((" " if n else "") + code,
                        style=colours.get(t.severity_of(code) or "info", ""))
            room -= len(code) + (1 if n else 0)
        if not t.top_flags:
            line.append("none", style="green")
        console.print(line, overflow="ellipsis", no_wrap=True)
    noun = "take" if total == 1 else "takes"
    shown = f"{len(takes)} of {total} {noun}" if len(takes) != total else f"{total} {noun}"
    print(f"{shown}. `mockmic export ID` writes one as Markdown.")
    return 0
