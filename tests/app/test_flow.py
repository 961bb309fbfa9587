"""The whole flow through the app, driven by keys, with fakes fed real speech from ../shared/data.

A mock session: start, hear the question, answer (the rambling answer), stop, read the report,
retry, next, finish, summary. Then what the app does when the machine is missing pieces.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import Button, DataTable, Input, Static

from mockmic.app import MockmicApp
from mockmic.screens.home import HomeScreen
from mockmic.screens.question import QuestionScreen
from mockmic.screens.recording import RecordingScreen
from mockmic.screens.report import ReportScreen
from mockmic.screens.summary import SummaryScreen
from mockmic.widgets.flag_list import FlagList
from mockmic.widgets.timer import AnswerTimer
from mockmic.widgets.transcript_view import TranscriptView, words_in

from .conftest import RigFactory
from .fakes import answer_audio
from .pilot import answer, notifications, run, screen, until

SIZE = (120, 36)


def _visible_text(app: MockmicApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_a_mock_session_from_first_question_to_summary(make_rig: RigFactory) -> None:
    rig = make_rig(answers=("rambling_no_stakes", "strong_ml_cost", "tasks_we_no_result"))
    rig.speaker.hold = threading.Event()  # speech lasts until skipped
    store = rig.services.store
    assert store is not None

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            home.query_one("#count", Input).value = "2"
            await pilot.press("s")

            question = await screen(pilot, QuestionScreen)
            first = question.question
            await until(pilot, lambda: rig.speaker.said == [first.text], "the question spoken")
            assert first.text in _visible_text(app, "#question-text")
            await pilot.press("enter")  # start now: cuts the speech short

            # Answer with the rambling answer (108 s against a 90 s target).
            await answer(pilot, 108.0, rig)
            report = await screen(pilot, ReportScreen)
            # Saved before the report is shown.
            assert [t.question_id for t in store.list_takes()] == [first.id]
            codes = set(report.report.flag_codes)
            assert {"over_time", "rambling", "missing_stakes"} <= codes
            headline = _visible_text(app, "#report-headline")
            assert "1:47 of 1:30 target" in headline and "+0:17 over" in headline

            # The worst flag is selected first and its evidence is lit in the transcript.
            flags = report.query_one(FlagList)
            assert flags.flags[0].severity == "fail"
            rambling = next(f for f in flags.flags if f.code == "rambling")
            flags.highlighted = flags.flags.index(rambling)
            await pilot.pause(0.1)
            lit = report.query_one(TranscriptView).body.evidence
            assert lit and lit == words_in(rambling.evidence)

            # Retry: the same question, not read aloud again; this time the strong answer.
            await pilot.press("t")
            retry = await answer(pilot, 64.0, rig)
            assert retry.question == first
            report = await screen(pilot, ReportScreen)
            assert "over_time" not in report.report.flag_codes
            assert rig.speaker.said == [first.text]
            assert app.interview is not None and app.interview.attempts() == 2

            # Next: the second and last question; "n" then finishes the session.
            rig.speaker.hold = threading.Event()
            await pilot.press("n")
            second = (await screen(pilot, QuestionScreen)).question
            assert second != first
            await pilot.press("enter")
            await answer(pilot, 34.0, rig)
            report = await screen(pilot, ReportScreen)
            assert "weak_ownership" in report.report.flag_codes
            await pilot.press("n")

            summary = await screen(pilot, SummaryScreen)
            rows = summary.session.rows
            assert [r.question_text for r in rows] == [first.text, second.text]
            assert rows[0].attempts == 2 and rows[0].duration_s is not None
            assert rows[0].duration_s < 90 and rows[1].duration_s is not None
            table = summary.query_one(DataTable)
            assert table.row_count == 2
            assert len(store.list_takes()) == 3

            # Open the first answer's report from the summary, come back, go home.
            await pilot.press("enter")
            review = await screen(pilot, ReportScreen)
            assert review.interview is None
            await pilot.press("escape")
            await screen(pilot, SummaryScreen)
            await pilot.press("escape")
            home = await screen(pilot, HomeScreen)
            assert "2 of 2 answered" in _visible_text(app, "#last-session")

    run(scenario())


def test_without_a_microphone_home_says_so_and_import_still_works(make_rig: RigFactory,
                                                                    tmp_path: Path) -> None:
    rig = make_rig(mic=False)
    store = rig.services.store
    assert store is not None
    # A copy, so we can check the user's own file is left where it was.
    mine = tmp_path / "my answer.flac"
    mine.write_bytes(answer_audio("strong_ml_cost").read_bytes())
    rig.mic.sources[mine.name] = "strong_ml_cost"

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            notices = " ".join(str(s.render()) for s in home.query(".notice").results(Static))
            assert "No microphone" in notices and "import an audio file" in notices
            assert home.query_one("#start", Button).disabled
            await pilot.press("s")
            await pilot.pause(0.1)
            assert isinstance(app.screen, HomeScreen)

            await pilot.press("i")
            await pilot.pause(0.1)
            app.screen.query_one("#path", Input).value = str(mine)
            await pilot.press("enter")
            report = await screen(pilot, ReportScreen)
            assert report.interview is None
            assert not report.check_action("retry", ())
            assert len(store.list_takes()) == 1
            assert mine.exists()

    run(scenario())


def test_a_broken_bank_is_named_with_its_line_and_the_others_still_load(
        make_rig: RigFactory, tmp_path: Path) -> None:
    broken = tmp_path / "mine.toml"
    broken.write_text('name = "Mine"\n\n[[questions]]\nid = "ok-id"\ntext = ""\n',
                      encoding="utf-8")
    rig = make_rig(extra_banks=(broken,))

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            notices = " ".join(str(s.render()) for s in home.query(".notice").results(Static))
            assert f"{broken}:5:" in notices
            assert [b.id for b in rig.services.banks] == ["practice"]
            assert not home.query_one("#start", Button).disabled

    run(scenario())


def test_an_interrupted_take_is_offered_back_and_saved_as_recovered(make_rig: RigFactory,
                                                                     home: Path) -> None:
    import json
    import subprocess
    import sys

    import soundfile as sf

    takes = home / "data" / "takes"
    takes.mkdir(parents=True)
    take = takes / "20250314-093000-cost-cut.wav"
    data, rate = sf.read(str(answer_audio("strong_ml_cost")), dtype="int16")
    sf.write(str(take), data, rate, subtype="PCM_16")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    (takes / (take.name + ".recording.json")).write_text(json.dumps({
        "take": take.name, "pid": int(gone.stdout), "proc_start": 1, "samplerate": rate,
        "channels": 1, "meta": {"question": "Tell me about a time you cut the cost of a system "
                                            "without hurting its users.",
                                "question_id": "cost-cut", "bank_id": "practice"}}))
    rig = make_rig()
    rig.mic.sources[take.name] = "strong_ml_cost"
    store = rig.services.store
    assert store is not None

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home_screen = await screen(pilot, HomeScreen)
            await until(pilot, lambda: app.recovered, "the interrupted take to be found")
            await pilot.pause(0.1)
            notices = " ".join(str(s.render())
                               for s in home_screen.query(".notice").results(Static))
            assert "1 interrupted take found" in notices
            await pilot.press("c")
            report = await screen(pilot, ReportScreen)
            assert report.take.question is not None and report.take.question.id == "cost-cut"
            saved = store.list_takes()
            assert len(saved) == 1 and saved[0].recovered and saved[0].has_audio
            assert "recovered" in _visible_text(app, "#report-headline")

    run(scenario())
    assert (takes / (take.name + ".recovered.json")).exists()


def test_the_hard_cap_stops_the_recording_with_a_notice(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            recording = await screen(pilot, RecordingScreen)
            await until(pilot, lambda: recording.phase == "recording", "recording")
            rig.mic.current.advance(270.0)  # 3 x the 90 s target
            await screen(pilot, ReportScreen)
            assert any("cap" in text for text in notifications(app))

    run(scenario())


def test_the_timer_warns_and_silence_is_called_out(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            recording = await screen(pilot, RecordingScreen)
            await until(pilot, lambda: recording.phase == "recording", "recording")
            timer = recording.query_one(AnswerTimer)
            callout = recording.query_one("#silence-callout")
            rig.mic.current.advance(40.0)
            await until(pilot, lambda: timer.elapsed_s == 40.0, "the timer to move")
            assert timer.state == "ok" and not callout.display
            rig.mic.current.advance(6.0, silent=True)
            await until(pilot, lambda: callout.display, "the muted-microphone callout")
            rig.mic.current.advance(25.0)
            await until(pilot, lambda: not callout.display, "the callout to go")
            assert timer.state == "amber" and timer.has_class("-amber")
            rig.mic.current.advance(20.0)
            await until(pilot, lambda: timer.state == "red", "the timer to turn red")
            assert timer.has_class("-red")

    run(scenario())
