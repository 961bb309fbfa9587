"""`mockmic stories`: the story bank with each story's drill progress."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

NAME = "stories"
HELP = "list your stories with their progress: takes, best score, 90-second version landed"

EXAMPLE = '''\
[[stories]]
id = "ml-cost-cut"
title = "Cut recommendation inference cost"
summary = "Cut inference cost 22 % while keeping accuracy steady, which kept the budget."
figures = ["22 %", "$400k/yr"]
tags = ["cost", "trade-off"]
questions = ["general:cost-tradeoff", "Tell me about a time you reduced cost"]
target_s = 90
'''


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array instead of a table")


def _warn(message: str) -> None:
    print(f"mockmic: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from mockmic import paths
    from mockmic.core.stories import Story, check_stories, claim_status
    from mockmic.storage import take_consistency
    from mockmic.storage.export import clock
    from mockmic.storage.helpers import open_store_at_startup

    path = paths.stories_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = None
    except (OSError, UnicodeDecodeError) as exc:
        from mockmic.core.stories import StoryBankError

        raise StoryBankError(path, None, f"cannot read the story bank: {exc}") from exc
    stories: list[Story] = []
    if text is not None:
        stories, errors = check_stories(text, path)
        if errors:
            for error in errors[:-1]:
                _warn(str(error))
            raise errors[-1]
    rows: list[dict[str, Any]] = []
    with open_store_at_startup(_warn) as store:
        for story in stories:
            progress = store.story_progress(story.id, target_s=story.target_s)
            latest = progress.latest
            issues = take_consistency(store, latest.id, story) if latest else []
            said = store.take_figures(latest.id) if latest else []
            rows.append({"story": story.to_dict(), "progress": progress.to_dict(),
                         "latest_figures": claim_status(said, story.figures) if latest else {},
                         "inconsistencies": [i.message for i in issues]})
        known = {s.id for s in stories}
        orphans = [sid for sid in store.story_ids() if sid not in known]
        for sid in orphans:
            rows.append({"story": None, "progress": store.story_progress(sid).to_dict(),
                         "latest_figures": {}, "inconsistencies": []})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if text is None and not rows:
        print(f"No story bank yet. Create {path} with one [[stories]] table per story, "
              "for example:\n")
        print(EXAMPLE)
        return 0
    if not rows:
        print(f"{path} holds no stories yet.")
        return 0
    console = Console()
    id_w = min(20, max(5, *(len(r["progress"]["story_id"]) for r in rows)))
    fixed = id_w + 5 + 4 + 11 + 7 + 14 + 6 * 2
    title_w = max(12, console.width - fixed)
    console.print(Text(f"{'story':<{id_w}}  {'title':<{title_w}}  {'takes':>5}  {'best':>4}  "
                       f"{'last/target':>11}  {'landed':<7}  figures", style="bold"),
                  no_wrap=True, overflow="crop")
    for row in rows:
        prog = row["progress"]
        story_dict = row["story"]
        title = story_dict["title"] if story_dict else "(not in the story bank)"
        target = (story_dict or {}).get("target_s")
        durations = prog["durations"]
        last = clock(durations[-1]) if durations else "-"
        if durations and target:
            last += f" / {clock(target)}"
        best = str(prog["best_score"]) if prog["best_score"] is not None else "-"
        line = Text(f"{_cut(prog['story_id'], id_w):<{id_w}}  {_cut(title, title_w):<{title_w}}"
                    f"  {prog['takes']:>5}  {best:>4}  {last:>11}  ")
        if prog["landed"]:
            line.append(f"{'yes':<7}", style="green")
        else:
            line.append(f"{'not yet' if prog['takes'] else '-':<7}")
        line.append("  ")
        if row["inconsistencies"]:
            line.append(f"{len(row['inconsistencies'])} inconsistent", style="red")
        elif row["latest_figures"]:
            said = sum(row["latest_figures"].values())
            line.append(f"{said}/{len(row['latest_figures'])} said")
        else:
            line.append("-")
        console.print(line, no_wrap=True, overflow="ellipsis")
    for row in rows:
        for message in row["inconsistencies"]:
            print(f"{row['progress']['story_id']}: {message}")
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
