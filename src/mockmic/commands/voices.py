"""`mockmic voices [FILTER]`: the text-to-speech voices that can read the questions."""

from __future__ import annotations

import argparse
import json

NAME = "voices"
HELP = "list the installed text-to-speech voices (set one with voice = \"...\" in settings)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("filter", nargs="?", metavar="FILTER",
                   help="only voices whose id, name or language contains this (e.g. en)")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of text")


def run(args: argparse.Namespace) -> int:
    from mockmic.audio.speaker import find_voice, list_voices
    from mockmic.errors import UserError
    from mockmic.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise UserError(str(exc)) from exc
    voices = list_voices()
    current: str | None = None
    if settings.voice:
        try:
            current = find_voice(voices, settings.voice).id
        except UserError:
            current = None
    if args.filter:
        key = args.filter.lower()
        voices = [v for v in voices
                  if key in v.id.lower() or key in v.name.lower()
                  or any(key in lang.lower() for lang in v.languages)]
    voices.sort(key=lambda v: v.id)
    if args.json:
        print(json.dumps([v.to_dict() | {"current": v.id == current} for v in voices],
                         ensure_ascii=False))
        return 0
    if not voices:
        raise UserError(f"no voice matches {args.filter!r}: run `mockmic voices` for all")
    width = max(len(v.id) for v in voices)
    for v in voices:
        mark = "*" if v.id == current else " "
        langs = ", ".join(v.languages)
        print(f"{mark} {v.id:<{width}}  {v.name}" + (f"  [{langs}]" if langs else ""))
    if settings.voice and current is None:
        print(f"\nyour setting voice = {settings.voice!r} matches none of these")
    elif current is None:
        print("\n(engine default voice in use; set voice = \"ID\" in settings.toml to change)")
    return 0
