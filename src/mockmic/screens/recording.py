"""Recording: a calm screen with a big timer against the target, a level meter, and nothing else.

Live feedback is deliberately sparse (COACHING.md: dense live dashboards hurt). The recorder
runs in a worker; the timer and meter poll its thread-safe figures 15 times a second. After
the stop the same screen shows progress while the take is transcribed, coached and saved, and
hands over to the report only once the take is safely stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, LoadingIndicator, Static
from textual.worker import Worker, WorkerState, get_current_worker

from mockmic.audio.protocols import RecorderProtocol
from mockmic.errors import UserError
from mockmic.interview import Interview
from mockmic.messages import (
    AnalysisFailed,
    AnalysisProgress,
    RecordingFailed,
    RecordingFinished,
    RecordingStarted,
    TakeAnalyzed,
)
from mockmic.screens.base import MockmicScreen
from mockmic.screens.modals import ConfirmModal, MessageModal
from mockmic.services import TakeFollower
from mockmic.widgets.level import LevelMeter
from mockmic.widgets.timer import AnswerTimer, format_clock

#: Seconds of input below the speech threshold before we ask whether the mic is muted.
SILENCE_CALLOUT_S = 5.0
#: Less audio than this is a slip of the key, not an answer.
MIN_ANSWER_S = 0.5

Phase = Literal["starting", "recording", "processing", "done"]


class RecordingScreen(MockmicScreen):
    HELP = """\
**Recording**

| key | does |
|---|---|
| space / enter | stop and get the report |
| esc | abandon this answer (the audio file is kept) |

The bar turns amber at 75 % of the target and red past it. Recording stops by itself at
the hard cap (3 x the target by default).
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "stop", "Stop", id="stop", key_display="space",
                tooltip="Stop recording and get the report"),
        Binding("escape", "abandon", "Abandon", id="abandon",
                tooltip="Stop without a report (the audio file is kept)"),
    ]

    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview
        self.question = interview.question
        self.target_s = self.services.target_for(self.question)
        self.cap_s = self.target_s * self.services.settings.hard_cap_factor
        self.phase: Phase = "starting"
        self.recorder: RecorderProtocol | None = None
        self.follower: TakeFollower | None = None
        self.path: Path | None = None
        self._poll: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="recording-box"):
            yield Static(Content.styled(self.interview.progress_label, "$foreground-muted"),
                         id="recording-progress")
            yield Static(Content.styled(self.question.text, "bold"), id="recording-question")
            yield AnswerTimer(self.target_s, id="answer-timer")
            yield LevelMeter(id="level")
            yield Static(Content.styled("Is your microphone muted? Nothing heard for "
                                        f"{SILENCE_CALLOUT_S:.0f} s.", "bold $warning"),
                         id="silence-callout")
            with Center():
                yield Static(Content.styled("Opening the microphone…", "$foreground-muted"),
                             id="recording-status")
            with Vertical(id="processing"):
                yield LoadingIndicator()
                yield Static("", id="processing-stage")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#silence-callout").display = False
        self.query_one("#processing").display = False
        assert self.services.new_recorder is not None
        self.recorder = self.services.new_recorder()
        stamp = f"{self.services.now():%Y%m%d-%H%M%S}"
        self.path = self.services.takes_dir / f"{stamp}-{self.question.id}.wav"
        self.record_answer(self.recorder, self.path)
        self._poll = self.set_interval(1 / 15, self.poll_recorder)

    # -- recording ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="record", exit_on_error=False,
          description="Recording")
    def record_answer(self, recorder: RecorderProtocol, path: Path) -> None:
        meta = {"question": self.question.text, "question_id": self.question.id,
                "bank_id": self.question.bank_id, "session_id": self.interview.session_id}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            recorder.start(path, max_seconds=self.cap_s, meta=meta)
        except (UserError, OSError) as exc:
            self.post_message(RecordingFailed(str(exc)))
            return
        if self.services.follow is not None:
            self.follower = self.services.follow(path)
        self.post_message(RecordingStarted(path))
        worker = get_current_worker()
        while True:
            result = recorder.wait(0.25)
            if result is not None:
                break
            if worker.is_cancelled:
                # The screen went away mid-answer: close the file properly, keep the audio.
                recorder.stop()
                self._drop_follower()
                return
        self.post_message(RecordingFinished(result))

    def poll_recorder(self) -> None:
        recorder = self.recorder
        if recorder is None or self.phase != "recording":
            return
        self.query_one(AnswerTimer).elapsed_s = recorder.elapsed_s
        self.query_one(LevelMeter).level_dbfs = recorder.level_dbfs
        self.query_one("#silence-callout").display = recorder.silent_for_s >= SILENCE_CALLOUT_S

    @on(RecordingStarted)
    def _started(self) -> None:
        if self.phase == "starting":
            self.phase = "recording"
            self._status(Content.assemble(("● ", "bold $error"), "Recording  ",
                                          ("space or enter to stop", "$foreground-muted")))
            self.poll_recorder()

    @on(RecordingFailed)
    def _failed_to_start(self, event: RecordingFailed) -> None:
        self.phase = "done"
        self.app.push_screen(MessageModal("Could not start recording", event.error),
                             lambda _: self.mockmic.go_home())

    def action_stop(self) -> None:
        if self.phase == "recording":
            self._status(Content.styled("Stopping…", "$foreground-muted"))
            self.stop_recorder()

    @work(thread=True, group="stop", exit_on_error=False, description="Stopping the recording")
    def stop_recorder(self) -> None:
        if self.recorder is not None:
            self.recorder.stop()

    def action_abandon(self) -> None:
        if self.phase not in ("starting", "recording"):
            return
        where = self.services.takes_dir

        def answered(abandon: bool | None) -> None:
            if abandon and self.phase in ("starting", "recording"):
                self.phase = "done"
                if self.recorder is not None and self.recorder.recording:
                    self.recorder.stop()
                self.mockmic.go_home()

        self.app.push_screen(ConfirmModal(
            "Abandon this answer?",
            f"Recording stops and there is no report. The audio stays in {where}.",
            yes="Abandon", no="Keep recording"), answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("stop", "abandon"):
            return self.phase in ("starting", "recording")
        return True

    @on(RecordingFinished)
    def _finished(self, event: RecordingFinished) -> None:
        if self.phase == "done":
            return
        result = event.result
        self.query_one(AnswerTimer).elapsed_s = result.duration_s
        self.query_one(LevelMeter).level_dbfs = -120.0
        self.query_one("#silence-callout").display = False
        if result.stopped_by == "cap":
            self.notify(f"Recording stopped at the {format_clock(self.cap_s)} cap.",
                        severity="warning", timeout=8)
        if result.error:
            self.notify(f"The recording stopped early: {result.error}", severity="error",
                        timeout=10)
        if result.duration_s < MIN_ANSWER_S:
            self.phase = "done"
            self._offer_retry(f"Only {result.duration_s:.1f} s of audio was recorded.")
            return
        self._start_processing(result.path, result.duration_s)

    # -- after the stop -----------------------------------------------------------------------

    def _start_processing(self, path: Path, duration_s: float) -> None:
        self.phase = "processing"
        self.refresh_bindings()
        recorded = format_clock(self.query_one(AnswerTimer).elapsed_s)
        self._status(Content.styled(f"Recorded {recorded}", "$foreground-muted"))
        self.query_one("#level").display = False
        self.query_one("#processing").display = True
        self._stage("Transcribing…")
        self.analyze_take(path, duration_s)

    def _status(self, content: Content) -> None:
        self.query_one("#recording-status", Static).update(content)

    def _stage(self, text: str) -> None:
        self.query_one("#processing-stage", Static).update(
            Content.styled(text, "$foreground-muted"))

    @work(thread=True, exclusive=True, group="stt", exit_on_error=False,
          description="Transcribing the answer")
    def analyze_take(self, path: Path, duration_s: float) -> None:
        if not self.mockmic.wait_for_model(
                lambda: self._post_progress("Waiting for the speech model to load…")):
            return
        try:
            take, notice = self.services.analyze(
                path, question=self.question, question_text=self.question.text,
                session_id=self.interview.session_id, duration_s=duration_s,
                follower=self.follower,
                story_id=getattr(self.interview, "story_id", None),  # a story drill's takes
                progress=self._post_progress)
        except UserError as exc:
            self.post_message(AnalysisFailed(str(exc), path))
            return
        if notice:
            self.app.call_from_thread(self.notify, notice, severity="warning", timeout=10)
        self.post_message(TakeAnalyzed(take.report, take, take.audio_path))

    def _post_progress(self, stage: str) -> None:
        self.post_message(AnalysisProgress(stage))

    @on(AnalysisProgress)
    def _progress(self, event: AnalysisProgress) -> None:
        self._stage(event.stage)

    @on(TakeAnalyzed)
    def _analyzed(self, event: TakeAnalyzed) -> None:
        self.phase = "done"
        self.interview.add(event.take)
        self.mockmic.show_take(event.take)

    @on(AnalysisFailed)
    def _analysis_failed(self, event: AnalysisFailed) -> None:
        self.phase = "done"
        kept = f" The audio is kept at {event.audio_path}." if event.audio_path else ""
        self._offer_retry(f"{event.error}.{kept}".replace("..", "."))

    @on(Worker.StateChanged)
    def _stt_crashed(self, event: Worker.StateChanged) -> None:
        # The app's handler has already shown the error; here the screen must not hang.
        if (event.state == WorkerState.ERROR and event.worker.group == "stt"
                and self.phase == "processing"):
            self.phase = "done"
            self._offer_retry(f"Something went wrong ({event.worker.error}). The audio is kept "
                              f"at {self.path}.")

    def _offer_retry(self, why: str) -> None:
        def answered(again: bool | None) -> None:
            if again:
                self.mockmic.retry()
            else:
                self.mockmic.go_home()

        self.app.push_screen(ConfirmModal("No report for this answer", f"{why} Try again?",
                                          yes="Try again", no="Home"), answered)

    def _drop_follower(self) -> None:
        follower, self.follower = self.follower, None
        if follower is not None:
            follower.cancel()

    def on_unmount(self) -> None:
        if self._poll is not None:
            self._poll.stop()
        if self.recorder is not None and self.recorder.recording:
            self.recorder.stop()
        # Harmless once it has finished; stops its thread if it has not.
        self._drop_follower()
