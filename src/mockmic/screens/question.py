"""The question: shown while it is spoken, then a short prep countdown, then recording.

Space cuts the speech short; enter starts recording at once. A retry shows the question
again without speaking it (the user has just heard it).
"""

from __future__ import annotations

import math
import time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Static

from mockmic.errors import UserError
from mockmic.interview import Interview
from mockmic.messages import SpeechFinished
from mockmic.screens.base import MockmicScreen
from mockmic.widgets.timer import format_clock


class QuestionScreen(MockmicScreen):
    HELP = """\
**Question**

| key | does |
|---|---|
| space | stop reading the question aloud |
| enter | start recording now (skips the countdown) |
| esc | back to the home screen |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "skip_speech", "Skip speech", id="skip-speech",
                tooltip="Stop reading the question aloud"),
        Binding("enter", "start_now", "Start now", id="start-now",
                tooltip="Start recording without waiting for the countdown"),
        Binding("escape", "home", "Home", id="home", tooltip="Back to the home screen"),
    ]

    def __init__(self, interview: Interview, *, speak: bool = True) -> None:
        super().__init__()
        self.interview = interview
        self.question = interview.question
        self.speak = speak
        self.speaking = False
        self.countdown_ends: float | None = None
        self._ticker: Timer | None = None
        self._left = False

    def compose(self) -> ComposeResult:
        target = self.services.target_for(self.question)
        attempt = self.interview.attempts()
        retry = f" · take {attempt + 1}" if attempt else ""
        with Vertical(id="question-box"):
            yield Static(Content.styled(f"{self.interview.progress_label}{retry}",
                                        "$foreground-muted"), id="question-progress")
            yield Static(Content.styled(self.question.text, "bold"), id="question-text")
            yield Static(Content.styled(f"Aim for {format_clock(target)} or less.",
                                        "$foreground-muted"), id="question-target")
            with Center():
                yield Static("", id="question-status")
        yield Footer()

    def on_mount(self) -> None:
        speaker = self.services.speaker
        if self.speak and speaker is not None:
            self.speaking = True
            self._status("Reading the question aloud…  (space: skip, enter: start now)")
            self.speak_question(self.question.text)
        else:
            if self.speak and self.services.speaker_notice:
                self.notify(self.services.speaker_notice, severity="warning", timeout=6)
            self.start_countdown()

    def _status(self, text: str) -> None:
        self.query_one("#question-status", Static).update(text)

    @work(thread=True, exclusive=True, group="speech", exit_on_error=False,
          description="Reading the question aloud")
    def speak_question(self, text: str) -> None:
        speaker = self.services.speaker
        assert speaker is not None
        try:
            speaker.speak(text)
        except UserError as exc:
            self.post_message(SpeechFinished(str(exc)))
            return
        self.post_message(SpeechFinished())

    @on(SpeechFinished)
    def _speech_finished(self, event: SpeechFinished) -> None:
        self.speaking = False
        if event.error:
            self.notify(f"Could not read the question aloud: {event.error}", severity="warning")
        if self.countdown_ends is None and not self._left:
            self.start_countdown()

    def start_countdown(self) -> None:
        prep = self.services.settings.prep_s
        if prep <= 0:
            self.go_record()
            return
        self.countdown_ends = time.monotonic() + prep
        self._tick()
        self._ticker = self.set_interval(0.1, self._tick)

    def _tick(self) -> None:
        if self.countdown_ends is None:
            return
        left = self.countdown_ends - time.monotonic()
        if left <= 0:
            self.go_record()
            return
        self._status(f"Recording starts in {math.ceil(left)}…  (enter: start now)")

    def go_record(self) -> None:
        if self._left:
            return
        self._left = True
        if self._ticker is not None:
            self._ticker.stop()
        self._stop_speech()
        self.mockmic.record()

    def _stop_speech(self) -> None:
        if self.speaking and self.services.speaker is not None:
            self.services.speaker.stop()

    def action_skip_speech(self) -> None:
        if self.speaking:
            self._stop_speech()
            self._status("Skipped.")
        elif self.countdown_ends is not None:
            self.go_record()

    def action_start_now(self) -> None:
        self.go_record()

    def action_home(self) -> None:
        self._left = True
        self._stop_speech()
        self.mockmic.go_home()

    def on_unmount(self) -> None:
        self._stop_speech()
