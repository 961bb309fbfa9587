"""Fixtures every test folder may use: the shared recordings and one loaded transcriber."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mockmic.audio.transcriber import Transcriber

#: ../shared/data beside the repo root (CI copies shared/ next to a fresh clone).
SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only test recordings; tests that need them skip when they are absent."""
    if not (SHARED_DATA / "real" / "jfk.flac").is_file():
        pytest.skip(f"shared test data not found at {SHARED_DATA.resolve()} "
                    "(expected ../shared/data beside the repo)")
    return SHARED_DATA.resolve()


@pytest.fixture(scope="session")
def transcriber() -> Transcriber:
    """The real transcriber (embedded tiny.en), loaded once per test session."""
    from mockmic.audio.transcriber import Transcriber

    instance = Transcriber()
    instance.load()
    return instance
