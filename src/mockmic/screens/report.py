"""The report: the heart of the product.

Score and length against the target; the timing bar (where the first action and the first
result landed); the flags, worst first, each with its tip; and the transcript, where selecting a
flag highlights the words that triggered it. Replay follows the current word.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Label, Static

from mockmic.core.report import Report
from mockmic.core.transcript import Transcript
from mockmic.errors import UserError
from mockmic.interview import Interview, Take
from mockmic.messages import PlaybackPosition
from mockmic.screens.base import MockmicScreen
from mockmic.widgets.flag_list import FlagDetail, FlagList
from mockmic.widgets.timer import format_clock
from mockmic.widgets.timing_bar import TimingBar
from mockmic.widgets.transcript_view import (
    FILLER_STYLE,
    OVERRUN_STYLE,
    SIGNAL_STYLE,
    TranscriptView,
)


def word_at(transcript: Transcript, position_s: float) -> int | None:
    """The word being spoken at `position_s` (the last one started), None before the first."""
    starts = [w.start for w in transcript.words]
    i = bisect.bisect_right(starts, position_s) - 1
    return i if i >= 0 else None


def score_style(score: int) -> str:
    return "bold $success" if score >= 80 else "bold $warning" if score >= 60 else "bold $error"


def headline(report: Report, take: Take) -> Content:
    parts: list[tuple[str, str] | str] = [
        (f" {report.score} ", f"reverse {score_style(report.score)}"),
        ("/100   ", "$foreground-muted"),
    ]
    estimated = " (est.)" if report.duration_estimated else ""
    parts.append((f"{format_clock(report.duration_s)}{estimated}", "bold"))
    parts.append((f" of {format_clock(report.target_s)} target", "$foreground-muted"))
    if report.over_by_s >= 1:
        parts.append((f"  +{format_clock(report.over_by_s)} over", "bold $error"))
    else:
        parts.append((f"  {format_clock(report.target_s - report.duration_s)} to spare",
                      "$success"))
    wpm = report.metrics.get("wpm")
    if isinstance(wpm, int | float) and not report.duration_estimated:
        parts.append((f"  {wpm:.0f} wpm", "$foreground-muted"))
    if take.record is not None:
        recovered = " · recovered" if getattr(take.record, "recovered", False) else ""
        parts.append((f"  · saved #{take.take_id}{recovered}", "$foreground-muted"))
    else:
        parts.append(("  · not saved", "$error"))
    return Content.assemble(*parts)


def legend() -> Content:
    return Content.assemble(("filler", FILLER_STYLE), "  ", ("signal", SIGNAL_STYLE), "  ",
                            ("past target", OVERRUN_STYLE), "  ",
                            ("evidence", "on $accent 35%"))


class ReportScreen(MockmicScreen):
    HELP = """\
**Report**

| key | does |
|---|---|
| ↑ ↓ | move between flags: the selected flag's evidence is highlighted in the transcript |
| tab | move between the flags and the transcript (scroll it with ↑ ↓) |
| r | replay the answer (again to stop); the current word is highlighted |
| t | try the same question again |
| n | next question (after the last one: the session summary) |
| esc | back |

In the transcript: fillers are underlined, signals (stakes, metric, decision, learning,
result) are green, and everything said after the target time is set apart in italics.
Filler counts are a lower bound: speech recognition drops many "um"s.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "replay", "Replay", id="replay",
                tooltip="Play the answer back; the word being played is highlighted"),
        Binding("t", "retry", "Retry", id="retry", tooltip="Answer the same question again"),
        Binding("n", "next", "Next", id="next", tooltip="Go on to the next question"),
        Binding("n", "finish", "Finish", id="finish",
                tooltip="That was the last question: see the session summary"),
        Binding("escape", "back", "Back", id="back", tooltip="Leave the report"),
    ]

    def __init__(self, take: Take, interview: Interview | None) -> None:
        super().__init__()
        self.take = take
        self.report = take.report
        self.interview = interview
        self.playing = False
        self._play_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        question = self.take.question
        progress = self.interview.progress_label if self.interview else "Review"
        text = question.text if question else str(getattr(self.take.record, "question_text", "")
                                                  or self.report.source)
        yield Static(Content.assemble((progress + "  ", "$foreground-muted"), (text, "bold")),
                     id="report-question")
        yield Static(headline(self.report, self.take), id="report-headline")
        yield TimingBar(self.report, id="timing-bar")
        with Horizontal(id="report-body"):
            with Vertical(id="flags-pane"):
                yield Label(f"Flags ({len(self.report.flags)})", classes="section-title")
                yield FlagList(self.report.flags, id="flags")
                yield FlagDetail(id="flag-detail")
            with Vertical(id="transcript-pane"):
                yield Label(Content.assemble(("Transcript  ", "bold"), legend()),
                            classes="section-title", id="transcript-title")
                yield TranscriptView(self.report, id="transcript")
        yield Footer()

    def on_mount(self) -> None:
        flags = self.query_one(FlagList)
        flags.focus()
        if flags.flags:
            flags.highlighted = 0
        else:
            self.query_one(FlagDetail).show(None)

    @on(FlagList.Shown)
    def _flag_shown(self, event: FlagList.Shown) -> None:
        evidence = event.flag.evidence if event.flag else ()
        self.query_one(FlagDetail).show(event.flag)
        self.query_one(TranscriptView).show_evidence(evidence)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        interview = self.interview
        if action in ("retry", "next", "finish") and interview is None:
            return False
        if action == "next":
            return interview is not None and not interview.is_last
        if action == "finish":
            return interview is not None and interview.is_last
        return True

    # -- replay -------------------------------------------------------------------------------

    def _audio(self) -> Path | None:
        path = self.take.audio_path
        return path if path is not None and path.exists() else None

    def action_replay(self) -> None:
        player = self.services.player
        if self.playing:
            self.stop_replay()
            return
        if player is None:
            self.notify(self.services.player_error or "Replay is unavailable.",
                        severity="warning")
            return
        audio = self._audio()
        if audio is None:
            self.notify("This take has no audio to replay (a typed answer, or the audio was "
                        "removed).", severity="warning")
            return
        try:
            player.play(audio, 0.0, on_position=self._on_position)
        except UserError as exc:
            self.notify(f"Cannot replay: {exc}", severity="error")
            return
        self.playing = True
        self._play_timer = self.set_interval(0.25, self._check_playing)
        self.notify("Replaying… (r to stop)", timeout=2)

    def _on_position(self, position_s: float) -> None:
        # Called from the playback thread: only post, never touch widgets here.
        self.post_message(PlaybackPosition(position_s))

    @on(PlaybackPosition)
    def _position(self, event: PlaybackPosition) -> None:
        if self.playing:
            self.query_one(TranscriptView).follow_word(word_at(self.report.transcript,
                                                               event.position_s))

    def _check_playing(self) -> None:
        player = self.services.player
        if player is None or not player.playing:
            self._replay_ended()

    def stop_replay(self) -> None:
        if self.services.player is not None:
            self.services.player.stop()
        self._replay_ended()

    def _replay_ended(self) -> None:
        self.playing = False
        if self._play_timer is not None:
            self._play_timer.stop()
            self._play_timer = None
        self.query_one(TranscriptView).follow_word(None)

    def on_unmount(self) -> None:
        if self.playing and self.services.player is not None:
            self.services.player.stop()

    # -- where next ---------------------------------------------------------------------------

    def _leave(self) -> None:
        if self.playing:
            self.stop_replay()

    def action_retry(self) -> None:
        self._leave()
        self.mockmic.retry()

    def action_next(self) -> None:
        self._leave()
        self.mockmic.next_question()

    def action_finish(self) -> None:
        self._leave()
        self.mockmic.next_question()

    def action_back(self) -> None:
        self._leave()
        if self.interview is None:
            self.app.pop_screen()
        else:
            self.mockmic.go_home()
