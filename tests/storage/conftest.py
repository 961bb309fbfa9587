from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmic.storage import Store


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every mockmic path under a fresh MOCKMIC_HOME."""
    root = tmp_path / "home"
    monkeypatch.setenv("MOCKMIC_HOME", str(root))
    return root


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    with Store() as s:
        yield s
