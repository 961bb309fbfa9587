"""Snapshots of the main screens at 80x24 and 120x36 (pytest-textual-snapshot).

Deterministic by construction: fixed bank, fixed shuffle seed, a frozen recording clock, and
reports read from fixtures/reports (the coach's output at the time the fixture was made), so a
UI snapshot changes only when the UI does. Update with `pytest tests/app --snapshot-update`
after checking the new images in snapshot_report.html.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from textual.pilot import Pilot

from mockmic.app import MockmicApp
from mockmic.core.report import Report
from mockmic.interview import Interview, Take
from mockmic.screens.recording import RecordingScreen
from mockmic.screens.report import ReportScreen
from mockmic.screens.summary import SummaryScreen

from .conftest import Rig, RigFactory
from .fakes import FIXTURES
from .pilot import screen, until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


@dataclass(frozen=True)
class Saved:
    """Stands in for the store's TakeRecord: the report only shows its id."""

    id: int
    recovered: bool = False


def stored_report(name: str) -> Report:
    return Report.from_dict(json.loads((FIXTURES / "reports" / f"{name}.json")
                                       .read_text(encoding="utf-8")))


def practice(rig: Rig) -> Interview:
    bank = rig.services.banks[0]
    return Interview("session", bank.id, bank.name, list(bank.questions))


def finished_session(rig: Rig) -> Interview:
    """Question 1 answered twice (rambling, then strong), question 2 once, question 3 skipped."""
    interview = practice(rig)
    interview.add(Take(interview.question, stored_report("rambling_no_stakes"), Saved(1)))
    interview.add(Take(interview.question, stored_report("strong_ml_cost"), Saved(2)))
    interview.advance()
    interview.add(Take(interview.question, stored_report("tasks_we_no_result"), Saved(3)))
    interview.advance()
    return interview


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, make_rig: RigFactory, size: tuple[int, int]) -> None:
    rig = make_rig()
    app = MockmicApp(rig.services)

    async def before(pilot: Pilot[Any]) -> None:
        app.last_session = finished_session(rig).view()
        app.go_home()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_recording(snap_compare: Any, make_rig: RigFactory, size: tuple[int, int]) -> None:
    rig = make_rig()
    app = MockmicApp(rig.services)

    async def before(pilot: Pilot[Any]) -> None:
        await pilot.press("s")
        recording = await screen(pilot, RecordingScreen)
        await until(pilot, lambda: recording.phase == "recording", "recording")
        rig.mic.current.advance(72.0, level_dbfs=-30.0)  # 80 % of the target: amber
        await until(pilot, lambda: recording.query_one("#answer-timer").has_class("-amber"),
                    "the amber timer")

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_report(snap_compare: Any, make_rig: RigFactory, size: tuple[int, int]) -> None:
    rig = make_rig()
    app = MockmicApp(rig.services)

    async def before(pilot: Pilot[Any]) -> None:
        interview = practice(rig)
        take = Take(interview.question, stored_report("rambling_no_stakes"), Saved(1))
        interview.add(take)
        app.interview = interview
        app.show_take(take)
        await screen(pilot, ReportScreen)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare: Any, make_rig: RigFactory, size: tuple[int, int]) -> None:
    rig = make_rig()
    app = MockmicApp(rig.services)

    async def before(pilot: Pilot[Any]) -> None:
        app.interview = finished_session(rig)
        app.show_summary()
        await screen(pilot, SummaryScreen)

    assert snap_compare(app, terminal_size=size, run_before=before)
