"""`mockmic banks`: list and validate every question bank (built-in, user, --bank files)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from mockmic import paths
from mockmic.core.banks import Bank, BankError, find_bank, load_banks

NAME = "banks"
HELP = "list and check the question banks (built-in, your own, and --bank files)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bank_id", nargs="?", metavar="ID",
                        help="show the questions of this bank instead of the list")
    # A distinct dest: the top-level parser already owns `bank` for the app's --bank option.
    parser.add_argument("--bank", dest="bank_files", action="append", metavar="PATH",
                        default=[], help="also check this bank file or folder (repeatable)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object {banks: [...], errors: [...]}")
    parser.epilog = (f"Your own banks live in {paths.user_banks_dir()} (one .toml file each); "
                     "a bank with the same file name as a built-in one replaces it.")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _source(path: Path | None, builtin: bool = False) -> str:
    if builtin:
        return "built-in"
    if path is not None and path.parent.resolve() == paths.user_banks_dir().resolve():
        return "user"
    return "--bank"


def _status(bank: Bank) -> str:
    if bank.shadows is None:
        return "ok"
    if bank.shadows.parent.resolve() == paths.builtin_banks_dir():
        return "ok, replaces built-in"
    return f"ok, replaces {bank.shadows}"


def _table(rows: list[tuple[str, ...]], out: TextIO) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip(), file=out)


def _list(banks: list[Bank], errors: list[BankError], out: TextIO) -> None:
    rows: list[tuple[str, ...]] = [("ID", "NAME", "QUESTIONS", "SOURCE", "STATUS", "PATH")]
    for bank in banks:
        rows.append((bank.id, bank.name, str(len(bank.questions)), _source(bank.path, bank.builtin),
                     _status(bank), str(bank.path)))
    broken = list(dict.fromkeys(e.path for e in errors if e.path is not None))
    for path in broken:
        count = sum(1 for e in errors if e.path == path)
        problems = "problem" if count == 1 else "problems"
        builtin = path.parent.resolve() == paths.builtin_banks_dir()
        rows.append((path.stem, "-", "-", _source(path, builtin), f"BROKEN ({count} {problems})",
                     str(path)))
    if len(rows) == 1:
        print(f"No question banks found. Add .toml files to {paths.user_banks_dir()}.", file=out)
        return
    _table(rows, out)


def _show(bank: Bank, out: TextIO) -> None:
    count = _plural(len(bank.questions), "question")
    print(f"{bank.name} ({bank.id}, {count}, {bank.path})", file=out)
    if bank.description:
        print(bank.description, file=out)
    for number, q in enumerate(bank.questions, 1):
        print(f"\n{number:>2}. [{q.id}] {q.text}", file=out)
        for follow_up in q.follow_ups:
            print(f"      - {follow_up}", file=out)
        details = [f"target {q.target_s:g} s"]
        if q.tags:
            details.append("tags: " + ", ".join(q.tags))
        print(f"      ({'; '.join(details)})", file=out)


def run(args: argparse.Namespace) -> int:
    # `mockmic --bank X banks` and `mockmic banks --bank X` both mean "check X too".
    extra = [Path(p).expanduser() for p in [*getattr(args, "bank", []), *args.bank_files]]
    banks, errors = load_banks(paths.builtin_banks_dir(), paths.user_banks_dir(), extra)
    status = 1 if errors else 0
    if args.json:
        shown = [find_bank(banks, args.bank_id)] if args.bank_id else banks
        payload = {"banks": [b.to_dict() for b in shown], "errors": [e.to_dict() for e in errors]}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return status
    if args.bank_id:
        _show(find_bank(banks, args.bank_id), sys.stdout)
    else:
        _list(banks, errors, sys.stdout)
    if errors:
        print(file=sys.stderr)
        for error in errors:
            print(error, file=sys.stderr)
    return status
