"""One typed settings object, loaded from `settings.toml` in the config dir.

Every field has a default; a broken file is reported (one line) and the defaults are used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from mockmic import paths
from mockmic.errors import UserError


class SettingsError(UserError, ValueError):
    """settings.toml could not be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Settings:
    target_s: float = 90.0
    """Target answer length in seconds (questions and banks may override it)."""

    hard_cap_factor: float = 3.0
    """Recording stops by itself at target_s x this factor."""

    prep_s: float = 3.0
    """Countdown between the question and the recording (0 to skip)."""

    model: str | None = None
    """A CTranslate2 Whisper model directory; None uses the embedded tiny.en."""

    threads: int = 2
    """CPU threads for transcription (2 measured fastest on a 2-core laptop)."""

    input_device: str | None = None
    """Microphone by name or index; None is the system default."""

    output_device: str | None = None
    """Speaker by name or index; None is the system default."""

    voice: str | None = None
    """TTS voice id (`mockmic voices` lists them); None is the engine default."""

    speech_rate: int = 165
    """TTS words per minute."""

    speak_questions: bool = True
    """Read each question aloud."""

    retention_days: int | None = None
    """Delete take audio older than this many days (reports stay). None keeps all."""

    theme: str = "textual-dark"
    """Textual theme name."""

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings_or_defaults(warn: Callable[[str], None]) -> Settings:
    """Settings for a command that can do its job without them: a broken file is one warning."""
    try:
        return load_settings()
    except SettingsError as exc:
        warn(f"mockmic: {exc}; using the default settings")
        return Settings()


def load_settings(path: Path | None = None) -> Settings:
    path = path or paths.settings_file()
    if not path.exists():
        return Settings()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise SettingsError(f"{path}: unknown setting {key!r}")
        values[key] = value
    try:
        return Settings(**values)
    except TypeError as exc:
        raise SettingsError(f"{path}: {exc}") from exc
