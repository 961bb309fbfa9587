"""Command-line entry point: `mockmic` starts the app; `mockmic SUBCOMMAND` runs one job."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

# Nothing is ever fetched from a model hub: set before anything can import huggingface_hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from mockmic import __version__
from mockmic.commands import load_commands
from mockmic.errors import UserError


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = argparse.ArgumentParser(
        prog="mockmic",
        description="Timed mock behavioural interviews: hear the question, answer aloud, "
        "get a coach's report. Run without a subcommand to start the app.",
    )
    parser.add_argument("--version", action="version", version=f"mockmic {__version__}")
    # Options for the app itself (`mockmic` with no subcommand).
    parser.add_argument("--bank", action="append", metavar="PATH", default=[],
                        help="an extra question bank TOML file (repeatable)")
    parser.add_argument("--model", metavar="DIR",
                        help="a CTranslate2 Whisper model directory (default: embedded tiny.en)")
    parser.add_argument("--input-device", metavar="NAME|INDEX", help="microphone to record from")
    parser.add_argument("--target", type=float, metavar="S", help="target answer length, seconds")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    runners: dict[str, object] = {}
    for command in load_commands():
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(p)
        runners[command.name] = command.run
    return parser, runners


def main(argv: Sequence[str] | None = None) -> int:
    parser, runners = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from mockmic.app import run_app

            return run_app(args)
        run = runners[args.command]
        assert callable(run)
        result = run(args)
        return int(result)
    except UserError as exc:
        print(f"mockmic: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mockmic: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
