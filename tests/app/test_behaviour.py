"""Behaviour around the flow: the model loading late, replay, failures, help, themes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, Static

from mockmic.app import MockmicApp
from mockmic.core.report import Report
from mockmic.core.transcript import Transcript
from mockmic.screens.help import HelpScreen
from mockmic.screens.home import HomeScreen
from mockmic.screens.modals import ConfirmModal, MessageModal
from mockmic.screens.recording import RecordingScreen
from mockmic.screens.report import ReportScreen, word_at
from mockmic.screens.summary import SummaryScreen
from mockmic.widgets.transcript_view import TranscriptView

from .conftest import RigFactory
from .fakes import FakeTranscriber
from .pilot import answer, notifications, run, screen, until

SIZE = (120, 36)


def test_recording_starts_before_the_model_is_ready_and_waits_for_it(
        make_rig: RigFactory) -> None:
    gate = threading.Event()
    rig = make_rig()
    rig.services.transcriber = FakeTranscriber(rig.mic, gate=gate)

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            assert app.model_state == "loading"
            await pilot.press("s")
            recording = await answer(pilot, 50.0, rig)
            await until(pilot, lambda: recording.phase == "processing", "processing")
            stage = str(recording.query_one("#processing-stage", Static).render())
            assert "Waiting for the speech model" in stage
            assert isinstance(app.screen, RecordingScreen)
            gate.set()
            await screen(pilot, ReportScreen)
            assert app.model_state == "ready"

    run(scenario())


def test_replay_highlights_the_word_being_played(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            await answer(pilot, 108.0, rig)
            report = await screen(pilot, ReportScreen)
            body = report.query_one(TranscriptView).body
            await pilot.press("r")
            assert rig.player.plays == 1
            assert rig.player.path is not None and rig.player.path.exists()
            rig.player.to(30.0)
            expected = word_at(report.report.transcript, 30.0)
            await until(pilot, lambda: body.playing == expected, "the word at 0:30 lit")
            assert expected is not None
            assert report.report.transcript.words[expected].start <= 30.0
            rig.player.finish()
            await until(pilot, lambda: body.playing is None, "replay to end")

    run(scenario())


def test_a_microphone_that_cannot_open_says_why_and_returns_home(make_rig: RigFactory) -> None:
    rig = make_rig()
    rig.mic.fail_start = "the input device is busy — another app may be using it"

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            modal = await screen(pilot, MessageModal)
            assert "busy" in modal.body
            await pilot.press("enter")
            await screen(pilot, HomeScreen)

    run(scenario())


def test_an_answer_without_speech_offers_a_retry_and_keeps_the_audio(
        make_rig: RigFactory) -> None:
    rig = make_rig()
    rig.services.transcriber = FakeTranscriber(rig.mic, error="no speech found in the audio")

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            recording = await answer(pilot, 20.0, rig)
            modal = await screen(pilot, ConfirmModal)
            assert "no speech found" in modal.body
            assert recording.path is not None and recording.path.exists()
            assert str(recording.path) in modal.body
            await pilot.press("y")
            again = await screen(pilot, RecordingScreen)
            assert again is not recording and again.question == recording.question

    run(scenario())


def test_an_unexpected_worker_failure_is_shown_and_the_screen_does_not_hang(
        make_rig: RigFactory) -> None:
    def broken_coach(*_args: object, **_kwargs: object) -> Report:
        raise RuntimeError("coach exploded")

    rig = make_rig(coach=broken_coach)

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            await answer(pilot, 30.0, rig)
            await until(pilot, lambda: any("coach exploded" in n for n in notifications(app)),
                        "the failure notice")
            modal = await screen(pilot, ConfirmModal)
            assert "Try again" in modal.body or modal.yes == "Try again"

    run(scenario())


def test_help_lists_the_keys_of_the_current_screen(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            await answer(pilot, 30.0, rig)
            await screen(pilot, ReportScreen)
            await pilot.press("question_mark")
            help_screen = await screen(pilot, HelpScreen)
            text = help_screen.query_one(Markdown).source
            assert "replay the answer" in text and "try the same question again" in text
            await pilot.press("escape")
            await screen(pilot, ReportScreen)

    run(scenario())


def test_the_theme_follows_settings_and_toggles_between_light_and_dark(
        make_rig: RigFactory) -> None:
    from mockmic.settings import Settings

    rig = make_rig(settings=Settings(prep_s=0.0, theme="textual-light"))

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            assert app.theme == "textual-light"
            await pilot.press("ctrl+t")
            assert app.current_theme.dark
            await pilot.press("ctrl+t")
            assert not app.current_theme.dark

    run(scenario())


def test_an_unknown_theme_name_falls_back_to_dark(make_rig: RigFactory) -> None:
    from mockmic.settings import Settings

    rig = make_rig(settings=Settings(prep_s=0.0, theme="no-such-theme"))
    app = MockmicApp(rig.services)
    assert app.theme == "textual-dark"


def test_without_speech_the_question_is_shown_and_home_says_why(make_rig: RigFactory) -> None:
    rig = make_rig()
    rig.speaker.available = False
    rig.services.speaker = rig.speaker
    rig.speaker.unavailable_reason = "espeak-ng is not installed"

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            await until(pilot, lambda: rig.services.speaker is None, "the speech check")
            await pilot.pause(0.1)
            notices = " ".join(str(s.render()) for s in home.query(".notice").results(Static))
            assert "Questions are shown, not spoken: espeak-ng is not installed" in notices
            await pilot.press("s")
            await screen(pilot, RecordingScreen)
            assert rig.speaker.said == []

    run(scenario())


def test_a_drill_keeps_asking_from_the_bank_without_a_summary(make_rig: RigFactory) -> None:
    rig = make_rig(answers=("strong_ml_cost",))

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("m")
            await pilot.press("s")
            asked = []
            for _ in range(4):  # one more than the bank holds: it goes round
                recording = await answer(pilot, 60.0, rig)
                asked.append(recording.question.id)
                report = await screen(pilot, ReportScreen)
                assert report.check_action("next", ()) and not report.check_action("finish", ())
                await pilot.press("n")
            assert len(set(asked[:3])) == 3 and asked[3] == asked[0]
            await screen(pilot, RecordingScreen)
            await pilot.press("escape")
            await pilot.press("y")
            await screen(pilot, HomeScreen)
            assert app.last_session is not None and app.last_session.answered == 3

    run(scenario())


def test_the_last_session_comes_back_from_the_history_after_a_restart(
        make_rig: RigFactory) -> None:
    rig = make_rig(answers=("tasks_we_no_result",))

    async def first_run() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            home.query_one("#count", Input).value = "1"
            await pilot.press("s")
            await answer(pilot, 34.0, rig)
            await screen(pilot, ReportScreen)
            await pilot.press("n")
            await screen(pilot, SummaryScreen)

    async def second_run() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            line = str(home.query_one("#last-session", Static).render())
            assert "1 of 1 answered" in line and "Practice" in line
            await pilot.press("l")
            summary = await screen(pilot, SummaryScreen)
            assert summary.session.rows[0].take is None  # from the store, not memory
            await pilot.press("enter")
            report = await screen(pilot, ReportScreen)
            assert "weak_ownership" in report.report.flag_codes
            assert report.take.audio_path is not None and report.take.audio_path.exists()

    run(first_run())
    run(second_run())


def test_the_command_palette_offers_the_app_commands(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            titles = [c.title for c in app.get_system_commands(home)]
            assert {"Start", "Import audio file", "Light / dark theme", "Help: keys"} <= set(titles)

    run(scenario())


def test_a_take_transcribed_during_the_recording_skips_the_whole_file_pass(
        make_rig: RigFactory) -> None:
    from .fakes import answer_transcript

    rig = make_rig()
    followed: list[Path] = []

    class Follower:
        def __init__(self, path: Path) -> None:
            followed.append(path)
            self.cancelled = False

        def finish(self, timeout: float | None = None) -> Transcript:
            return answer_transcript("rambling_no_stakes")

        def cancel(self) -> None:
            self.cancelled = True

    rig.services.follow = Follower

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            recording = await answer(pilot, 108.0, rig)
            report = await screen(pilot, ReportScreen)
            assert followed == [recording.path]
            assert rig.transcriber.calls == []
            assert "over_time" in report.report.flag_codes

    run(scenario())


def test_c_libraries_stderr_goes_to_a_log_while_python_stderr_stays_visible(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    import os
    import sys

    from mockmic.app import native_stderr_to

    log = tmp_path / "cache" / "native-stderr.log"
    with native_stderr_to(log):
        os.write(2, b"ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred\n")
        print("Textual's crash report", file=sys.stderr, flush=True)
    os.write(2, b"after\n")
    assert "ALSA lib" in log.read_text()
    assert "crash report" not in log.read_text()
    err = capfd.readouterr().err
    assert "crash report" in err and "after" in err and "ALSA" not in err


def test_space_cuts_the_speech_short_and_enter_skips_the_countdown(
        make_rig: RigFactory) -> None:
    from mockmic.screens.question import QuestionScreen
    from mockmic.settings import Settings

    rig = make_rig(settings=Settings(prep_s=30.0))
    rig.speaker.hold = threading.Event()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("s")
            question = await screen(pilot, QuestionScreen)
            await until(pilot, lambda: rig.speaker.said, "the question to be spoken")
            status = question.query_one("#question-status", Static)
            assert "Reading the question aloud" in str(status.render())
            await pilot.press("space")
            await until(pilot, lambda: "Recording starts in" in str(status.render()),
                        "the prep countdown")
            assert rig.speaker.stopped >= 1
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("enter")
            await screen(pilot, RecordingScreen)

    run(scenario())


def test_the_general_bank_is_chosen_when_the_app_opens(make_rig: RigFactory) -> None:
    from mockmic import paths
    from mockmic.core.banks import load_banks

    rig = make_rig()
    rig.services.banks, _ = load_banks(paths.builtin_banks_dir(), None)
    assert rig.services.banks[0].id != "general"  # sorted by id: failure comes first

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            home = await screen(pilot, HomeScreen)
            bank = home.selected_bank
            assert bank is not None and bank.id == "general"

    run(scenario())
