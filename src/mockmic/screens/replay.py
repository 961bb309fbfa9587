"""Replay: hear a kept take with the word being played highlighted in its transcript.

The player reports its position from its own thread (>= 20 times a second); each report
becomes a `PlaybackPosition` message that replaces any older one still queued, so a slow
frame shows the latest word rather than catching up. A timer notices the end of playback.

A take without audio (a typed answer, or audio removed by retention) opens all the same: the
transcript and flags stay readable, `f` and `g` still find passages, and a notice says why
there is nothing to play.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Label, Static

from mockmic.errors import UserError
from mockmic.messages import PlaybackPosition
from mockmic.screens.browse import BrowseScreen
from mockmic.screens.report import word_at
from mockmic.storage import TakeRecord
from mockmic.widgets.flag_list import FlagDetail, FlagList, flag_title
from mockmic.widgets.history_cells import score_style
from mockmic.widgets.playback_bar import EvidenceMark, PlaybackBar, PlayState, next_mark
from mockmic.widgets.timer import format_clock
from mockmic.widgets.transcript_view import TranscriptView

SEEK_S = 5.0
#: How often the screen checks whether playback has ended (positions come by message).
END_POLL_S = 0.25


class ReplayScreen(BrowseScreen):
    HELP = """\
**Replay**

| key | does |
|---|---|
| space | play / pause / resume |
| ← → | back / forward 5 seconds |
| f | jump to the next flag's evidence (its passage is lit in the transcript) |
| g | jump to the target mark: hear what came after your time was up |
| ↑ ↓ | choose a flag (tab: the transcript) |
| esc | stop and go back |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the transcript, when focused, would take the arrows for scrolling.
        Binding("space", "play_pause", "Play/pause", id="play-pause", key_display="space",
                priority=True, tooltip="Play, pause or resume"),
        Binding("left", "seek(-5)", "-5 s", id="back-5", key_display="←", priority=True,
                tooltip="Back 5 seconds"),
        Binding("right", "seek(5)", "+5 s", id="forward-5", key_display="→", priority=True,
                tooltip="Forward 5 seconds"),
        Binding("f", "next_flag", "Next flag", id="next-flag",
                tooltip="Jump to the next passage a flag points at"),
        Binding("g", "target", "Target", id="target",
                tooltip="Jump to the moment the target time ran out"),
        Binding("escape", "back", "Back", id="back", tooltip="Stop and leave the replay"),
    ]

    DEFAULT_CSS = """
    ReplayScreen #replay-question { height: auto; max-height: 2; margin: 1 1 0 1; }
    ReplayScreen #replay-headline { height: 1; margin: 0 1; }
    ReplayScreen #replay-notice { height: auto; margin: 1 1 0 1; color: $warning; }
    ReplayScreen #playback-bar { margin: 1 1 0 1; }
    ReplayScreen #replay-body { height: 1fr; margin-top: 1; }
    ReplayScreen #replay-flags-pane { width: 2fr; height: 1fr; }
    ReplayScreen #replay-transcript-pane { width: 3fr; height: 1fr; margin-left: 1; }
    ReplayScreen #replay-flags { border: round $border-blurred; height: 1fr; min-height: 3; }
    ReplayScreen #replay-flags:focus { border: round $border; }
    ReplayScreen #replay-transcript { border: round $border-blurred; padding: 0 1; }
    ReplayScreen #replay-transcript:focus { border: round $border; }
    ReplayScreen #replay-flag-detail { max-height: 7; padding: 0 1;
                                       border-top: solid $border-blurred; }
    ReplayScreen.-short #replay-question, ReplayScreen.-short #playback-bar,
    ReplayScreen.-short #replay-body, ReplayScreen.-short #replay-notice { margin-top: 0; }
    ReplayScreen.-narrow #replay-flags-pane { width: 30; }
    """

    def __init__(self, record: TakeRecord) -> None:
        super().__init__()
        self.record = record
        self.report = record.report
        self.state: PlayState = "stopped"
        self.position_s = 0.0
        self._end_timer: Timer | None = None
        self._last_mark: EvidenceMark | None = None

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        record = self.record
        when = record.created_at.astimezone().strftime("%d %b %Y %H:%M")
        yield Static(Content.assemble((f"Replay · take #{record.id} · {when}  ",
                                       "$foreground-muted"), (record.question_text, "bold")),
                     id="replay-question")
        over = self.report.over_by_s
        yield Static(Content.assemble(
            (f" {self.report.score} ", f"reverse {score_style(self.report.score)}"),
            ("/100  ", "$foreground-muted"),
            (format_clock(self.report.duration_s), "bold"),
            (f" of {format_clock(self.report.target_s)}", "$foreground-muted"),
            (f"  +{format_clock(over)} over" if over >= 1 else "  within the target",
             "bold $error" if over >= 1 else "$success")), id="replay-headline")
        yield Static("", id="replay-notice")
        yield PlaybackBar(self.report, id="playback-bar")
        with Horizontal(id="replay-body"):
            with Vertical(id="replay-flags-pane"):
                yield Label(f"Flags ({len(self.report.flags)})", classes="section-title")
                yield FlagList(self.report.flags, id="replay-flags")
                yield FlagDetail(id="replay-flag-detail")
            with Vertical(id="replay-transcript-pane"):
                yield Label("Transcript", classes="section-title")
                yield TranscriptView(self.report, id="replay-transcript")
        yield Footer()

    def on_mount(self) -> None:
        notice = self.unavailable_reason()
        widget = self.query_one("#replay-notice", Static)
        if notice is None:
            widget.display = False
        else:
            widget.update(Content.assemble(("▲ ", "bold $warning"), notice))
            self._set_state("unavailable")
        self.query_one(FlagList).focus()
        self._show_position(0.0)

    def unavailable_reason(self) -> str | None:
        """Why this take cannot be played, in one line; None when it can."""
        if self.record.audio_path is None or not self.record.audio_path.exists():
            why = ("it was a typed answer" if self.report.duration_estimated
                   else "its audio was removed (retention setting) or is missing")
            return (f"No audio for this take: {why}. Replay is off; the transcript and "
                    "flags stay readable, and f / g still find passages.")
        if self.services.player is None:
            return self.services.player_error or "Replay is unavailable: no output device."
        return None

    @on(FlagList.Shown)
    def _flag_shown(self, event: FlagList.Shown) -> None:
        self.query_one(FlagDetail).show(event.flag)
        self.query_one(TranscriptView).show_evidence(event.flag.evidence if event.flag else ())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("play_pause", "seek"):
            return self.state != "unavailable"
        return True

    # -- playback ---------------------------------------------------------------------------

    def action_play_pause(self) -> None:
        player = self.services.player
        if player is None or self.state == "unavailable":
            return
        if self.state == "playing":
            player.pause()
            self._set_state("paused")
        elif self.state == "paused" and player.playing:
            player.resume()
            self._set_state("playing")
        else:
            self._play_from(self.position_s)

    def _play_from(self, start_s: float) -> None:
        player = self.services.player
        path = self.record.audio_path
        if player is None or path is None:
            return
        if start_s >= self.report.duration_s - 0.05:
            start_s = 0.0  # at the end: space plays it again from the top
        try:
            player.play(path, start_s, on_position=self._on_position)
        except UserError as exc:
            self.notify(f"Cannot replay: {exc}", severity="error")
            return
        self._set_state("playing")
        self._show_position(start_s)
        if self._end_timer is None:
            self._end_timer = self.set_interval(END_POLL_S, self._check_ended)

    def _on_position(self, position_s: float) -> None:
        # The player's thread: post only, never touch widgets here.
        self.post_message(PlaybackPosition(position_s))

    @on(PlaybackPosition)
    def _position(self, event: PlaybackPosition) -> None:
        if self.state in ("playing", "paused"):
            self._show_position(event.position_s)

    def _check_ended(self) -> None:
        player = self.services.player
        if self.state in ("playing", "paused") and (player is None or not player.playing):
            self._set_state("stopped")

    def _seek_to(self, position_s: float) -> None:
        """Move playback (or, when stopped, where the next play starts) to `position_s`."""
        position_s = min(max(0.0, position_s), self.report.duration_s)
        player = self.services.player
        if player is not None and self.state in ("playing", "paused") and player.playing:
            player.seek_to(position_s)
        self._show_position(position_s)

    def action_seek(self, delta_s: float) -> None:
        self._seek_to(self.position_s + float(delta_s))

    def action_next_flag(self) -> None:
        marks = self.query_one(PlaybackBar).marks
        if not marks:
            self.notify("No flag in this take points at a passage.", timeout=3)
            return
        # Several passages can start at one moment: step through them before moving on.
        after = self.position_s
        if self._last_mark is not None and abs(self._last_mark.start_s - after) < 0.06:
            same = [m for m in marks if abs(m.start_s - after) < 0.06]
            i = same.index(self._last_mark) if self._last_mark in same else -1
            if i + 1 < len(same):
                self._jump_to_mark(same[i + 1])
                return
        mark = next_mark(marks, after)
        if mark is not None:
            self._jump_to_mark(mark)

    def _jump_to_mark(self, mark: EvidenceMark) -> None:
        self._last_mark = mark
        flags = self.query_one(FlagList)
        index = flags.flags.index(mark.flag)
        if flags.highlighted != index:
            flags.highlighted = index
        else:
            self.query_one(TranscriptView).show_evidence(mark.flag.evidence)
        self._seek_to(mark.start_s)
        n = len(mark.flag.evidence)
        which = f" (passage {mark.index + 1} of {n})" if n > 1 else ""
        self.notify(f"{flag_title(mark.flag)}{which} at {format_clock(mark.start_s)}",
                    timeout=2)

    def action_target(self) -> None:
        target = self.report.target_s
        if self.report.duration_s <= target:
            self.notify(f"This take ended within the target ({format_clock(self.report.duration_s)}"
                        f" of {format_clock(target)}).", timeout=3)
            return
        self._seek_to(target)

    # -- display ----------------------------------------------------------------------------

    def _set_state(self, state: PlayState) -> None:
        self.state = state
        self.query_one(PlaybackBar).state = state
        self.refresh_bindings()

    def _show_position(self, position_s: float) -> None:
        self.position_s = position_s
        self.query_one(PlaybackBar).position_s = position_s
        self.query_one(TranscriptView).follow_word(word_at(self.report.transcript, position_s))

    def _stop(self) -> None:
        if self._end_timer is not None:
            self._end_timer.stop()
            self._end_timer = None
        if self.state in ("playing", "paused") and self.services.player is not None:
            self.services.player.stop()
            self.state = "stopped"

    def action_back(self) -> None:
        self._stop()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self._stop()
