"""Two takes side by side (usually two takes of one story): what changed in the numbers, which
flags were fixed and which are new, both transcripts, and A/B playback to hear the difference.

One player serves both sides: `a` plays take A (again: pause / resume), `b` take B; each side
remembers where it was, so switching back and forth compares the same passage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Label, Static

from mockmic.core.report import Report
from mockmic.core.stories import Story, landed
from mockmic.errors import UserError
from mockmic.messages import PlaybackPosition
from mockmic.screens.browse import BrowseScreen
from mockmic.screens.report import word_at
from mockmic.storage import TakeRecord
from mockmic.widgets.flag_list import SEVERITY_MARK, flag_title, sort_flags
from mockmic.widgets.timer import format_clock
from mockmic.widgets.transcript_view import TranscriptView

Side = Literal["a", "b"]
SEEK_S = 5.0


def _number(report: Report, *path: str) -> float | None:
    value: Any = report.metrics
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


#: (label, value of a report, format, +1 when higher is better / -1 lower / 0 neither)
METRICS: tuple[tuple[str, Callable[[Report], float | None], Callable[[float], str], int], ...] = (
    ("Length", lambda r: r.duration_s, format_clock, 0),
    ("Over target by", lambda r: r.over_by_s, format_clock, -1),
    ("Score", lambda r: float(r.score), lambda v: f"{v:.0f}", 1),
    ("Words per minute", lambda r: _number(r, "wpm"), lambda v: f"{v:.0f}", 0),
    ("Fillers per minute", lambda r: _number(r, "fillers", "per_min"), lambda v: f"{v:.1f}", -1),
    ("First action at", lambda r: _number(r, "timing", "first_action_s"), format_clock, -1),
    ("First result at", lambda r: _number(r, "timing", "first_result_s"), format_clock, -1),
    ("Flags", lambda r: float(len(r.flags)), lambda v: f"{v:.0f}", -1),
)


def change_cell(a: float | None, b: float | None, fmt: Callable[[float], str],
                better: int) -> Content:
    if a is None or b is None:
        return Content.styled("—", "$foreground-muted")
    delta = b - a
    if abs(delta) < 1e-9:
        return Content.styled("same", "$foreground-muted")
    sign = "+" if delta > 0 else "−"
    style = ("$foreground" if better == 0 else
             "bold $success" if delta * better > 0 else "bold $error")
    return Content.styled(f"{sign}{fmt(abs(delta))}", style)


def flags_diff(mine: Report, other: Report, *, later: bool) -> Content:
    """This take's flags, worst first; on the later take, which are new and which were fixed."""
    other_codes = set(other.flag_codes)
    parts: list[tuple[str, str] | str] = []
    for flag in sort_flags(mine.flags):
        mark, style = SEVERITY_MARK.get(flag.severity, SEVERITY_MARK["info"])
        if parts:
            parts.append("  ")
        parts += [(mark + " ", style), flag_title(flag)]
        if later and flag.code not in other_codes:
            parts.append((" (new)", "bold $error"))
    lines = [Content.assemble(*parts) if parts else Content.styled("✔ no flags", "$success")]
    if later:
        fixed = [flag_title(f) for f in sort_flags(other.flags)
                 if f.code not in set(mine.flag_codes)]
        if fixed:
            lines.append(Content.styled("fixed: " + ", ".join(fixed), "bold $success"))
    return Content("\n").join(lines)


class CompareScreen(BrowseScreen):
    HELP = """\
**Compare two takes**

| key | does |
|---|---|
| a | play take A (again: pause / resume) |
| b | play take B (again: pause / resume) |
| ← → | back / forward 5 seconds in the take playing |
| esc | stop and go back |

Change is B minus A: green where B is better, red where it is worse.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "play('a')", "Play A", id="play-a", tooltip="Play or pause take A"),
        Binding("b", "play('b')", "Play B", id="play-b", tooltip="Play or pause take B"),
        Binding("left", "seek(-5)", "-5 s", id="back-5", key_display="←", priority=True),
        Binding("right", "seek(5)", "+5 s", id="forward-5", key_display="→", priority=True),
        Binding("escape", "back", "Back", id="back", tooltip="Stop and leave"),
    ]

    DEFAULT_CSS = """
    CompareScreen #compare-title { height: auto; max-height: 2; margin: 1 2 0 2; }
    CompareScreen #compare-metrics { height: auto; max-height: 11; margin: 1 2 0 2; }
    CompareScreen #compare-sides { height: 1fr; margin: 1 1 0 1; }
    CompareScreen .compare-side { width: 1fr; height: 1fr; margin: 0 1; }
    CompareScreen .compare-flags { height: auto; max-height: 6; }
    CompareScreen TranscriptView { border: round $border-blurred; padding: 0 1; }
    CompareScreen TranscriptView.-playing { border: round $accent; }
    CompareScreen.-short #compare-title, CompareScreen.-short #compare-metrics,
    CompareScreen.-short #compare-sides { margin-top: 0; }
    """

    def __init__(self, a: TakeRecord, b: TakeRecord, *, story: Story | None = None) -> None:
        super().__init__()
        self.takes: dict[Side, TakeRecord] = {"a": a, "b": b}
        self.story = story
        self.side: Side | None = None
        self.paused = False
        self.positions: dict[Side, float] = {"a": 0.0, "b": 0.0}
        self._end_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        a, b = self.takes["a"], self.takes["b"]
        topic = f"◆ {self.story.title}" if self.story else a.question_text
        if a.question_text != b.question_text and not self.story:
            topic = f"{a.question_text}  ↔  {b.question_text}"
        yield Static(Content.assemble(("Compare  ", "bold $accent"), (topic, "bold")),
                     id="compare-title")
        yield DataTable(id="compare-metrics", show_cursor=False, zebra_stripes=True)
        with Horizontal(id="compare-sides"):
            for side in ("a", "b"):
                with Vertical(classes="compare-side"):
                    yield Label(self._side_label(side), id=f"label-{side}",
                                classes="section-title")
                    other = self.takes["b" if side == "a" else "a"]
                    yield Static(flags_diff(self.takes[side].report, other.report,
                                            later=side == "b"), classes="compare-flags")
                    yield TranscriptView(self.takes[side].report, id=f"transcript-{side}")
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        a, b = self.takes["a"].report, self.takes["b"].report
        table.add_column("", key="metric")
        table.add_column(f"A  #{self.takes['a'].id}", key="a")
        table.add_column(f"B  #{self.takes['b'].id}", key="b")
        table.add_column("Change", key="change")
        for label, get, fmt, better in METRICS:
            va, vb = get(a), get(b)
            table.add_row(label, fmt(va) if va is not None else "—",
                          fmt(vb) if vb is not None else "—", change_cell(va, vb, fmt, better))
        target = self.story.target_s if self.story else None
        table.add_row("Landed", *(Content.styled("✓", "bold $success") if landed(r, target)
                                  else Content.styled("✗", "$error") for r in (a, b)), "")

    def _side_label(self, side: Side) -> Content:
        take = self.takes[side]
        when = take.created_at.astimezone().strftime("%d %b %H:%M")
        state = ""
        if self.side == side:
            state = "  ⏸ " if self.paused else "  ▶ "
            state += format_clock(self.positions[side])
        return Content.assemble((f"{side.upper()}  take #{take.id}", "bold"),
                                (f" · {when} · {format_clock(take.report.duration_s)}",
                                 "$foreground-muted"), (state, "bold $accent"))

    def _refresh_labels(self) -> None:
        for side in ("a", "b"):
            self.query_one(f"#label-{side}", Label).update(self._side_label(side))
            self.query_one(f"#transcript-{side}").set_class(self.side == side, "-playing")

    # -- A/B playback -----------------------------------------------------------------------

    def action_play(self, side: Side) -> None:
        player = self.services.player
        take = self.takes[side]
        if player is None:
            self.notify(self.services.player_error or "Replay is unavailable.",
                        severity="warning")
            return
        if take.audio_path is None or not take.audio_path.exists():
            self.notify(f"Take #{take.id} has no audio to play (a typed answer, or removed by "
                        "retention).", severity="warning")
            return
        if self.side == side and player.playing:
            if self.paused:
                player.resume()
            else:
                player.pause()
            self.paused = not self.paused
            self._refresh_labels()
            return
        start = self.positions[side]
        if start >= take.report.duration_s - 0.05:
            start = 0.0
        try:
            player.play(take.audio_path, start, on_position=self._on_position)
        except UserError as exc:
            self.notify(f"Cannot replay: {exc}", severity="error")
            return
        self.side, self.paused = side, False
        self._show(side, start)
        if self._end_timer is None:
            self._end_timer = self.set_interval(0.25, self._check_ended)

    def _on_position(self, position_s: float) -> None:
        self.post_message(PlaybackPosition(position_s))

    @on(PlaybackPosition)
    def _position(self, event: PlaybackPosition) -> None:
        if self.side is not None:
            self._show(self.side, event.position_s)

    def _show(self, side: Side, position_s: float) -> None:
        self.positions[side] = position_s
        report = self.takes[side].report
        self.query_one(f"#transcript-{side}", TranscriptView).follow_word(
            word_at(report.transcript, position_s))
        self._refresh_labels()

    def _check_ended(self) -> None:
        player = self.services.player
        if self.side is not None and (player is None or not player.playing):
            self.side = None
            self._refresh_labels()

    def action_seek(self, delta_s: float) -> None:
        player = self.services.player
        if self.side is None or player is None:
            return
        position = min(max(0.0, self.positions[self.side] + float(delta_s)),
                       self.takes[self.side].report.duration_s)
        player.seek_to(position)
        self._show(self.side, position)

    def _stop(self) -> None:
        if self._end_timer is not None:
            self._end_timer.stop()
            self._end_timer = None
        if self.side is not None and self.services.player is not None:
            self.services.player.stop()
        self.side = None

    def action_back(self) -> None:
        self._stop()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self._stop()
