"""Snapshots of the history, replay, story, compare and progress screens (pytest-textual-snapshot).

Deterministic by construction: a store seeded at fixed times from the committed report
fixtures, times shown in UTC, the replay clock set by the test. Update with
`pytest tests/app/test_snapshots_history.py --snapshot-update` after checking the new images.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from mockmic.app import MockmicApp
from mockmic.screens.compare import CompareScreen
from mockmic.screens.history import HistoryScreen
from mockmic.screens.progress import ProgressScreen
from mockmic.screens.replay import ReplayScreen
from mockmic.screens.stories import StoriesScreen
from mockmic.screens.story_detail import StoryDetailScreen
from mockmic.storage import Store, TakeRecord

from .conftest import RigFactory
from .fakes_history import COST_STORY, ClockPlayer, seed_week, write_bank
from .pilot import screen, until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
WIDE = (120, 36)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def seeded_app(make_rig: RigFactory) -> tuple[MockmicApp, list[TakeRecord], ClockPlayer]:
    player = ClockPlayer()
    rig = make_rig(player=player)
    store = rig.services.store
    assert isinstance(store, Store)
    write_bank()
    takes = seed_week(store)
    return MockmicApp(rig.services, load_model=False), takes, player


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare: Any, make_rig: RigFactory, size: tuple[int, int]) -> None:
    app, _, _ = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.press("h")
        history = await screen(pilot, HistoryScreen)
        await until(pilot, lambda: history.loaded, "the history")
        await pilot.press("down", "m", "down")

    assert snap_compare(app, terminal_size=size, run_before=before)


def test_replay_playing(snap_compare: Any, make_rig: RigFactory) -> None:
    app, takes, player = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        app.push_screen(ReplayScreen(takes[0]))
        replay = await screen(pilot, ReplayScreen)
        await pilot.press("space")
        player.to(41.3)
        await until(pilot, lambda: replay.position_s == 41.3, "the clock")
        await pilot.pause()

    assert snap_compare(app, terminal_size=WIDE, run_before=before)


def test_replay_without_audio(snap_compare: Any, make_rig: RigFactory) -> None:
    app, takes, _ = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        app.push_screen(ReplayScreen(takes[4]))
        await screen(pilot, ReplayScreen)

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)


def test_stories(snap_compare: Any, make_rig: RigFactory) -> None:
    app, _, _ = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.press("b")
        await screen(pilot, StoriesScreen)

    assert snap_compare(app, terminal_size=WIDE, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_story_detail(snap_compare: Any, make_rig: RigFactory, size: tuple[int, int]) -> None:
    app, _, _ = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        app.push_screen(StoryDetailScreen(COST_STORY.id, COST_STORY))
        await screen(pilot, StoryDetailScreen)

    assert snap_compare(app, terminal_size=size, run_before=before)


def test_compare(snap_compare: Any, make_rig: RigFactory) -> None:
    app, takes, _ = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        app.push_screen(CompareScreen(takes[0], takes[3], story=COST_STORY))
        await screen(pilot, CompareScreen)

    assert snap_compare(app, terminal_size=WIDE, run_before=before)


def test_progress(snap_compare: Any, make_rig: RigFactory) -> None:
    app, _, _ = seeded_app(make_rig)

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.press("p")
        progress = await screen(pilot, ProgressScreen)
        await until(pilot, lambda: progress.filler_rates is not None, "the filler sample")
        await pilot.pause()

    assert snap_compare(app, terminal_size=WIDE, run_before=before)
