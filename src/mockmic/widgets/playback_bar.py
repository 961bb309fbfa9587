"""Replay's position bar: where playback is, where the target falls, and where each flag's
evidence starts, so `f` and `g` jumps are visible before they are heard.

    ━━━━━━━━━━━━━━━━●────────────────────┃──────────
       ✖        ▲            ▲
    ▶ 0:31 / 1:47 · ┃ target 1:30 · ✖▲ flag evidence
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from mockmic.core.report import SEVERITY_ORDER, Flag, Report
from mockmic.widgets.flag_list import SEVERITY_MARK
from mockmic.widgets.timer import format_clock

PlayState = Literal["stopped", "playing", "paused", "unavailable"]

STATE_LABEL: dict[str, tuple[str, str]] = {
    "stopped": ("■ ", "$foreground-muted"),
    "playing": ("▶ ", "bold $success"),
    "paused": ("⏸ ", "bold $warning"),
    "unavailable": ("✖ no audio ", "$error"),
}


@dataclass(frozen=True)
class EvidenceMark:
    """One passage a flag points at: where replay jumps with `f`."""

    start_s: float
    end_s: float
    flag: Flag
    index: int
    """Which of the flag's passages this is (0-based)."""


def evidence_marks(flags: Sequence[Flag]) -> list[EvidenceMark]:
    """Every flag's evidence, in the order it is heard; at one moment the worse flag first."""
    marks = [EvidenceMark(span.start_s, span.end_s, flag, i)
             for flag in flags for i, span in enumerate(flag.evidence)]
    return sorted(marks, key=lambda m: (m.start_s, SEVERITY_ORDER.get(m.flag.severity, 3)))


def next_mark(marks: Sequence[EvidenceMark], position_s: float) -> EvidenceMark | None:
    """The first passage starting after `position_s`, wrapping round to the first."""
    if not marks:
        return None
    return next((m for m in marks if m.start_s > position_s + 0.05), marks[0])


class PlaybackBar(Widget):
    """Three lines: the bar with the position knob and target, the flag marks, a legend."""

    DEFAULT_CSS = """
    PlaybackBar { height: 3; width: 1fr; }
    """

    position_s: reactive[float] = reactive(0.0)
    state: reactive[PlayState] = reactive[PlayState]("stopped")

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.duration_s = max(0.1, report.duration_s)
        self.target_s = report.target_s
        self.marks = evidence_marks(report.flags)

    @property
    def span_s(self) -> float:
        return max(self.duration_s, self.target_s) * 1.02

    def column(self, t: float, width: int) -> int:
        return min(width - 1, max(0, round(t / self.span_s * (width - 1))))

    def render(self) -> Content:
        width = max(10, self.content_region.width)
        knob = self.column(self.position_s, width)
        target = self.column(self.target_s, width)
        end = self.column(self.duration_s, width)
        cells: list[tuple[str, str]] = []
        for col in range(width):
            if col == knob and self.state != "unavailable":
                cells.append(("●", "bold $accent"))
            elif col == target:
                cells.append(("┃", "bold $warning"))
            elif col < knob:
                cells.append(("━", "$error" if col > target else "$primary"))
            elif col <= end:
                cells.append(("─", "$foreground 50%"))
            else:
                cells.append((" ", ""))
        flags = [(" ", "")] * width
        for mark in reversed(self.marks):  # the worst flag wins a shared column
            glyph, style = SEVERITY_MARK.get(mark.flag.severity, SEVERITY_MARK["info"])
            flags[self.column(mark.start_s, width)] = (glyph, style)
        label, label_style = STATE_LABEL[self.state]
        legend = Content.assemble(
            (label, label_style),
            (f"{format_clock(self.position_s)} / {format_clock(self.duration_s)}", "bold"),
            (" · ", "$foreground 30%"), ("┃ ", "bold $warning"),
            (f"target {format_clock(self.target_s)}", "$foreground-muted"),
            (" · ", "$foreground 30%"), ("✖▲● ", "bold $warning"),
            ("flag evidence (f jumps)", "$foreground-muted"))
        return Content("\n").join([Content.assemble(*cells), Content.assemble(*flags),
                                   legend.truncate(width, ellipsis=True)])
