"""mockmic: timed, private mock behavioural interviews in the terminal."""

from __future__ import annotations

__version__ = "0.1.0"
