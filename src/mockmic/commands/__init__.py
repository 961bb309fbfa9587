"""Subcommands. Each module defines NAME, HELP, add_arguments(parser) and run(args) -> int.

Keep heavy imports (faster_whisper, textual, sounddevice) inside run(): `mockmic --help` must
be instant.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass

#: Module names under mockmic.commands, in the order `mockmic --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "analyze",
    "record",
    "doctor",
    "voices",
    "banks",
    "history",
    "stories",
    "export",
    "erase",
)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def load_commands() -> list[Command]:
    commands = []
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(f"mockmic.commands.{module_name}")
        commands.append(Command(module.NAME, module.HELP, module.add_arguments, module.run))
    return commands
