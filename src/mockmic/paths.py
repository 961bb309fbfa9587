"""The one module that knows where mockmic keeps files.

platformdirs picks the usual per-user folders; MOCKMIC_HOME puts everything under one folder
(tests, portable use): $MOCKMIC_HOME/{config,data,cache}.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "mockmic"


def _home() -> Path | None:
    value = os.environ.get("MOCKMIC_HOME")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Settings (`settings.toml`), your question banks (`banks/`), the story bank."""
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    """Takes: the history database and each take's audio."""
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    """Rendered question speech (safe to delete at any time)."""
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP))


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def user_banks_dir() -> Path:
    return config_dir() / "banks"


def stories_file() -> Path:
    return config_dir() / "stories.toml"


def takes_dir() -> Path:
    return data_dir() / "takes"


def database_file() -> Path:
    return data_dir() / "mockmic.db"


def builtin_banks_dir() -> Path:
    """The question banks we ship (package data)."""
    return Path(__file__).resolve().parent / "question_banks"


def assets_dir() -> Path:
    """Files shipped with the package (the doctor's spoken sample)."""
    return Path(__file__).resolve().parent / "assets"


def ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
