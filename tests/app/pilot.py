"""Helpers for driving the app with Textual's Pilot from plain (sync) pytest tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen

from mockmic.app import MockmicApp
from mockmic.screens.recording import RecordingScreen

T = TypeVar("T")
S = TypeVar("S", bound=Screen[Any])

#: Generous: a wait, not a speed check (the machine is shared and noisy).
WAIT_S = 30.0


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def until(pilot: Pilot[Any], predicate: Callable[[], object], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_S
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await pilot.pause(0.02)


async def screen(pilot: Pilot[Any], kind: type[S]) -> S:
    """Wait until `kind` is the active screen and return it."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    await pilot.pause()
    active = pilot.app.screen
    assert isinstance(active, kind)
    return active


async def answer(pilot: Pilot[Any], seconds: float, rig: Any) -> RecordingScreen:
    """On the recording screen: talk for `seconds` (fake clock), then press space."""
    recording = await screen(pilot, RecordingScreen)
    await until(pilot, lambda: recording.phase == "recording", "the recording to start")
    rig.mic.current.advance(seconds)
    await pilot.pause(0.1)
    await pilot.press("space")
    return recording


def notifications(app: MockmicApp) -> list[str]:
    return [n.message for n in app._notifications]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause(0.1)
    await pilot.wait_for_scheduled_animations()


AsyncFn = Callable[[Pilot[Any]], Awaitable[None]]
