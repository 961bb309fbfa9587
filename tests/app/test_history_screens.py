"""History and replay, driven by keys over a real store seeded with a week of takes (the
committed report fixtures with the real spoken answers as audio) and a player whose clock the
test moves.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import DataTable, Select, Static

from mockmic.app import MockmicApp
from mockmic.screens.compare import CompareScreen
from mockmic.screens.history import HistoryScreen
from mockmic.screens.home import HomeScreen
from mockmic.screens.progress import ProgressScreen
from mockmic.screens.replay import ReplayScreen
from mockmic.screens.report import ReportScreen, word_at
from mockmic.screens.stories import StoriesScreen
from mockmic.storage import Store, TakeRecord
from mockmic.widgets.flag_list import FlagList
from mockmic.widgets.playback_bar import PlaybackBar, evidence_marks, next_mark
from mockmic.widgets.transcript_view import TranscriptView, words_in
from mockmic.widgets.trend_plot import bucket_by_time, rolling_share

from .conftest import Rig, RigFactory
from .fakes_history import ClockPlayer, seed_week, write_bank
from .pilot import notifications, run, screen, until

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Takes show local time; the tests read it in UTC wherever they run."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def seeded(make_rig: RigFactory, **kwargs: Any) -> tuple[Rig, Store, list[TakeRecord],
                                                          ClockPlayer]:
    player = ClockPlayer()
    rig = make_rig(player=player, **kwargs)
    store = rig.services.store
    assert isinstance(store, Store)
    write_bank()
    return rig, store, seed_week(store), player


def table_ids(history: HistoryScreen) -> list[int]:
    return [t.id for t in history.table.rows]


def row_cells(history: HistoryScreen, index: int) -> list[str]:
    """The row's cells as drawn (the table draws only visible rows, from the same function)."""
    table = history.table
    return [str(table.cell(table.rows[index], column.key)) for column in table.columns]


def current_id(history: HistoryScreen) -> int | None:
    take = history.current_take()
    return take.id if take else None


def choose(history: HistoryScreen, take_id: int) -> None:
    history.table.cursor_row = table_ids(history).index(take_id)


def status(app: MockmicApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_history(pilot: Any) -> HistoryScreen:
    await screen(pilot, HomeScreen)
    await pilot.press("h")
    history = await screen(pilot, HistoryScreen)
    await until(pilot, lambda: history.loaded, "the history to load")
    await pilot.pause()
    return history


# -- history ----------------------------------------------------------------------------------

def test_history_lists_every_take_newest_first_with_its_numbers(make_rig: RigFactory) -> None:
    rig, _, takes, _ = seeded(make_rig)

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            assert table_ids(history) == [t.id for t in reversed(takes)]
            first = row_cells(history, 0)
            # The newest take: the cost story, 1:04 of 1:30, score 100, no flags, landed, audio.
            assert first[0] == str(takes[-1].id)
            assert "Cut recommendation inference cost" in first[2]
            assert first[3] == "1:04 / 1:30" and first[4] == "100"
            assert "no flags" in first[5] and first[6] == "✓ ♪"
            # The rambling take without audio: over time, its worst flags, no ♪.
            no_audio = row_cells(history, table_ids(history).index(takes[4].id))
            assert no_audio[3] == "1:47 / 1:30"
            assert "Rambling" in no_audio[5] and "♪" not in no_audio[6]
            assert "6 takes" in status(app, "#history-status")

    run(scenario())


def test_history_filters_by_story_bank_and_flag_and_clears(make_rig: RigFactory) -> None:
    rig, _, takes, _ = seeded(make_rig)
    story_takes = [t.id for t in reversed(takes) if t.story_id == "ml-cost-cut"]

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            history.query_one("#filter-story", Select).value = "ml-cost-cut"
            await pilot.pause()
            assert table_ids(history) == story_takes
            assert "4 of 6 takes" in status(app, "#history-status")
            history.query_one("#filter-flag", Select).value = "rambling"
            await pilot.pause()
            assert table_ids(history) == [takes[0].id]
            history.query_one("#filter-story", Select).value = "all"
            history.query_one("#filter-bank", Select).value = "practice"
            await pilot.pause()
            # Rambling takes outside the story bank: the one from a practice question.
            assert table_ids(history) == [takes[4].id]
            await pilot.press("x")
            await pilot.pause()
            assert table_ids(history) == [t.id for t in reversed(takes)]

    run(scenario())


def test_a_long_history_opens_on_its_newest_takes_then_holds_them_all(
        make_rig: RigFactory) -> None:
    from datetime import timedelta

    from mockmic.screens.history import FIRST_PAGE

    from .fakes_history import DAY_ONE, save

    rig = make_rig()
    store = rig.services.store
    assert isinstance(store, Store)
    count = FIRST_PAGE + 50
    for i in range(count):
        save(store, ("strong_ml_cost", "rambling_no_stakes")[i % 2], audio=False,
             when=DAY_ONE + timedelta(hours=i))

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            assert history.table.row_count == count
            ids = table_ids(history)
            assert ids == sorted(ids, reverse=True)  # newest first, across both pages
            assert f"{count} takes" in status(app, "#history-status")
            history.query_one("#filter-flag", Select).value = "rambling"
            await pilot.pause()
            assert history.table.row_count == count // 2

    run(scenario())


def test_history_sorts_and_keeps_the_chosen_take(make_rig: RigFactory) -> None:
    rig, _, takes, _ = seeded(make_rig)

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            await pilot.press("down")  # the second newest
            chosen = history.current_take()
            await pilot.press("o")
            assert table_ids(history) == [t.id for t in takes]
            assert history.current_take() == chosen
            assert "oldest first" in status(app, "#history-status")
            await pilot.press("o")  # most over target: the 1:47 answers lead
            over = [t.duration_s - t.target_s for t in history.shown]
            assert over == sorted(over, reverse=True) and over[0] > 17

    run(scenario())


def test_enter_opens_the_takes_report_read_only_and_esc_comes_back(
        make_rig: RigFactory) -> None:
    rig, _, takes, _ = seeded(make_rig)

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            choose(history, takes[0].id)
            await pilot.press("enter")
            report = await screen(pilot, ReportScreen)
            assert report.take.take_id == takes[0].id
            assert "rambling" in report.report.flag_codes
            assert not report.check_action("retry", ()) and not report.check_action("next", ())
            await pilot.press("escape")
            assert await screen(pilot, HistoryScreen) is history

    run(scenario())


def test_the_table_is_driven_by_keys_and_clicks(make_rig: RigFactory) -> None:
    rig, _, takes, _ = seeded(make_rig)

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            await pilot.press("end")
            assert current_id(history) == takes[0].id  # the oldest, at the bottom
            await pilot.press("home", "down", "down")
            assert current_id(history) == takes[3].id
            # A click on the 5th row (line 0 is the header) moves the cursor; a second opens.
            await pilot.click("#history-table", offset=(10, 5))
            assert current_id(history) == takes[1].id
            await pilot.click("#history-table", offset=(10, 5))
            report = await screen(pilot, ReportScreen)
            assert report.take.take_id == takes[1].id
            await pilot.press("escape")
            await screen(pilot, HistoryScreen)
            table = history.table
            widths = table.widths(table.scrollable_content_region.width)
            time_column = 1 + sum(w + 1 for w in widths[:3]) + 2  # "Time / target"
            await pilot.click("#history-table", offset=(time_column, 0))
            assert "most over target" in status(app, "#history-status")

    run(scenario())


def test_browsing_keys_work_from_home_but_not_mid_question(make_rig: RigFactory) -> None:
    rig, _, _, _ = seeded(make_rig)

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            for key, kind in (("b", StoriesScreen), ("p", ProgressScreen),
                              ("h", HistoryScreen)):
                await pilot.press(key)
                await screen(pilot, kind)
                await pilot.press("escape")
                await screen(pilot, HomeScreen)
            await pilot.press("s")  # a mock session: the question is on screen
            await until(pilot, lambda: app.interview is not None, "the session to start")
            await pilot.press("h")
            await pilot.pause(0.1)
            assert not isinstance(app.screen, HistoryScreen)

    run(scenario())


def test_an_empty_history_says_how_to_fill_it(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_history(pilot)
            assert "No takes yet" in status(app, "#history-status")
            await pilot.press("enter", "r", "c")  # nothing to open: no crash, no screen
            assert isinstance(app.screen, HistoryScreen)

    run(scenario())


# -- replay -----------------------------------------------------------------------------------

async def open_replay(pilot: Any, history: HistoryScreen, take_id: int) -> ReplayScreen:
    choose(history, take_id)
    await pilot.press("r")
    return await screen(pilot, ReplayScreen)


def test_replay_follows_the_player_and_its_keys_move_it(make_rig: RigFactory) -> None:
    rig, _, takes, player = seeded(make_rig)
    rambling = takes[0]

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            replay = await open_replay(pilot, await open_history(pilot), rambling.id)
            body = replay.query_one(TranscriptView).body
            bar = replay.query_one(PlaybackBar)
            await pilot.press("space")
            assert player.calls[-1] == ("play", (rambling.audio_path.name, 0.0))
            transcript = rambling.report.transcript
            player.to(41.3)  # the playback clock, from the player's thread in real life
            await until(pilot, lambda: body.playing == word_at(transcript, 41.3),
                        "the word at 0:41 highlighted")
            assert bar.state == "playing" and "0:41 / 1:47" in str(bar.render())

            await pilot.press("right")
            assert player.calls[-1] == ("seek_to", 46.3)
            await pilot.press("left", "left")
            assert player.calls[-1] == ("seek_to", 36.3)

            await pilot.press("space")
            assert player.calls[-1] == ("pause", None) and bar.state == "paused"
            await pilot.press("space")
            assert player.calls[-1] == ("resume", None) and bar.state == "playing"

            # g: to the moment the 1:30 target ran out.
            await pilot.press("g")
            assert player.calls[-1] == ("seek_to", 90.0)
            await until(pilot, lambda: body.playing == word_at(transcript, 90.0), "target")

            # f: the next passage a flag points at, lit in the transcript.
            marks = evidence_marks(rambling.report.flags)
            expected = next_mark(marks, 90.0)
            assert expected is not None
            await pilot.press("f")
            assert player.calls[-1] == ("seek_to", round(expected.start_s, 2))
            flags = replay.query_one(FlagList)
            await until(pilot, lambda: body.evidence == words_in(expected.flag.evidence),
                        "the flag's evidence lit")
            assert flags.flags[flags.highlighted or 0] == expected.flag

            player.finish()  # playback reached the end
            await until(pilot, lambda: bar.state == "stopped", "the end noticed")
            await pilot.press("space")  # plays again from where it was
            assert player.calls[-1][0] == "play"
            await pilot.press("escape")
            await screen(pilot, HistoryScreen)
            assert not player.playing and player.calls[-1] == ("stop", None)

    run(scenario())


def test_a_take_without_audio_stays_readable_with_replay_off(make_rig: RigFactory) -> None:
    rig, _, takes, player = seeded(make_rig)
    silent = takes[4]
    assert silent.audio_path is None

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            replay = await open_replay(pilot, await open_history(pilot), silent.id)
            notice = status(app, "#replay-notice")
            assert "No audio for this take" in notice and "Replay is off" in notice
            await pilot.press("space", "right")
            assert player.plays == 0 and replay.state == "unavailable"
            body = replay.query_one(TranscriptView).body
            await pilot.press("f")  # the passages can still be found
            first = evidence_marks(silent.report.flags)[0]
            await until(pilot, lambda: body.evidence == words_in(first.flag.evidence),
                        "evidence lit without audio")
            assert player.plays == 0

    run(scenario())


def test_replay_when_the_audio_file_has_gone(make_rig: RigFactory) -> None:
    rig, _, takes, player = seeded(make_rig)
    path = takes[3].audio_path
    assert path is not None
    path.unlink()  # deleted by hand behind the app's back

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            replay = await open_replay(pilot, await open_history(pilot), takes[3].id)
            assert "No audio for this take" in status(app, "#replay-notice")
            await pilot.press("space")
            assert player.plays == 0 and replay.state == "unavailable"

    run(scenario())


# -- compare ----------------------------------------------------------------------------------

def test_compare_two_takes_with_a_b_playback(make_rig: RigFactory) -> None:
    rig, _, takes, player = seeded(make_rig)
    first, landed = takes[0], takes[3]

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            history = await open_history(pilot)
            choose(history, first.id)
            await pilot.press("m")
            assert f"A = #{first.id}" in status(app, "#history-status")
            assert row_cells(history, table_ids(history).index(first.id))[-1] == "A"
            choose(history, landed.id)
            await pilot.press("c")
            compare = await screen(pilot, CompareScreen)
            assert compare.takes["a"].id == first.id and compare.takes["b"].id == landed.id
            metrics: DataTable[Any] = compare.query_one("#compare-metrics", DataTable)
            rows = {str(metrics.get_row_at(i)[0]): [str(c) for c in metrics.get_row_at(i)]
                    for i in range(metrics.row_count)}
            assert rows["Score"][1:] == ["36", "100", "+64"]
            assert rows["Length"][1:3] == ["1:47", "1:04"]
            assert rows["Landed"][1:3] == ["✗", "✓"]
            flags_b = str(compare.query(".compare-flags").last().render())
            assert "fixed: Rambling, Stakes" in flags_b

            await pilot.press("a")
            assert player.path == first.audio_path
            player.to(12.0)
            await pilot.pause(0.1)
            await pilot.press("b")  # switch: B from its start
            assert player.path == landed.audio_path and player.position_s == 0.0
            player.to(20.0)
            await pilot.pause(0.1)
            await pilot.press("a")  # back to A where it was
            assert player.path == first.audio_path and player.position_s == 12.0
            await pilot.press("escape")
            await screen(pilot, HistoryScreen)
            assert not player.playing

    run(scenario())


def test_compare_needs_a_marked_take(make_rig: RigFactory) -> None:
    rig, _, _, _ = seeded(make_rig)

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_history(pilot)
            await pilot.press("c")
            assert isinstance(app.screen, HistoryScreen)
            assert any("Mark one take with m" in n for n in notifications(app))

    run(scenario())


# -- the helpers behind the screens -----------------------------------------------------------

def test_next_flag_mark_wraps_round_and_takes_the_worse_flag_first(
        make_rig: RigFactory) -> None:
    from .fakes_history import fixture_report

    report = fixture_report("rambling_no_stakes")
    marks = evidence_marks(report.flags)
    starts = [m.start_s for m in marks]
    assert starts == sorted(starts)
    assert next_mark(marks, starts[-1] + 1) == marks[0]
    assert next_mark([], 3.0) is None


def test_plots_group_takes_by_day_once_there_are_many() -> None:
    from datetime import UTC, datetime, timedelta

    start = datetime(2025, 3, 1, 0, 30, tzinfo=UTC)
    few = [start + timedelta(hours=i) for i in range(5)]
    unit, buckets = bucket_by_time(few, lambda t: t)
    assert unit == "take" and [b.label for b in buckets] == ["#1", "#2", "#3", "#4", "#5"]
    many = [start + timedelta(hours=8 * i) for i in range(90)]  # 30 days, 3 a day
    unit, buckets = bucket_by_time(many, lambda t: t)
    assert unit == "day" and len(buckets) == 30 and all(len(b.items) == 3 for b in buckets)
    months = [start + timedelta(days=i) for i in range(100)]
    unit, buckets = bucket_by_time(months, lambda t: t)
    assert unit == "week" and sum(len(b.items) for b in buckets) == 100
    assert rolling_share([True, False, True, True], bool, 2) == [100.0, 50.0, 50.0, 100.0]
