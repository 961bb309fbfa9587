"""A Services bundle of fakes over a fresh MOCKMIC_HOME, with a real store and the real coach."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from mockmic import paths
from mockmic.core.banks import load_banks
from mockmic.services import Services, _RealRecovery
from mockmic.settings import Settings

from .fakes import FakePlayer, FakeSpeaker, FakeTranscriber, Microphone

BANKS = Path(__file__).resolve().parent / "fixtures" / "banks"
FIXED_NOW = datetime(2025, 3, 14, 9, 30, 0)


@dataclass
class Rig:
    """The fakes behind one app, for the test to drive and inspect."""

    services: Services
    mic: Microphone
    transcriber: FakeTranscriber
    speaker: FakeSpeaker
    player: FakePlayer
    home: Path
    closers: list[Callable[[], None]] = field(default_factory=list)


RigFactory = Callable[..., Rig]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "home"
    monkeypatch.setenv("MOCKMIC_HOME", str(root))
    return root


@pytest.fixture
def make_rig(home: Path) -> Iterator[RigFactory]:
    rigs: list[Rig] = []

    def make(*, answers: tuple[str, ...] = ("rambling_no_stakes",), mic: bool = True,
             extra_banks: tuple[Path, ...] = (), speak: bool = True,
             settings: Settings | None = None, store: bool = True,
             **overrides: Any) -> Rig:
        from mockmic.core.coach import coach
        from mockmic.storage import Store

        settings = settings or Settings(prep_s=0.0, theme="textual-dark")
        microphone = Microphone(list(answers))
        transcriber = overrides.pop("transcriber", None) or FakeTranscriber(microphone)
        speaker = FakeSpeaker()
        player = FakePlayer()
        banks, errors = load_banks(BANKS, None, list(extra_banks))
        real_store = Store() if store else None
        services = Services(
            settings=settings,
            transcriber=transcriber,
            new_recorder=microphone.new_recorder if mic else None,
            speaker=speaker if speak else None,
            player=player,
            store=real_store,
            banks=banks,
            coach=coach,
            takes_dir=paths.takes_dir(),
            bank_errors=[str(e) for e in errors],
            recorder_error=None if mic else "No microphone (input device) found: plug in a "
                                            "microphone or headset.",
            recovery=_RealRecovery(paths.takes_dir()),
            now=lambda: FIXED_NOW,
            seed=7,
        )
        for key, value in overrides.items():
            setattr(services, key, value)
        rig = Rig(services, microphone, transcriber, speaker, player, home)
        if real_store is not None:
            rig.closers.append(real_store.close)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        for close in rig.closers:
            close()
