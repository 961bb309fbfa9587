"""The report's timing bar: how long the answer ran against the target, and where the story's
first action and first result landed in it.

    ━━━━━━━━━━A━━━━━━━━━━━━━━━━━━━━━━━━R━━┃━━━━━━━━─────
    A first action 0:31 · R first result 1:20 · ┃ target 1:30 · spoke 1:48 (+0:18)

Late actions and results are the commonest story-telling fault (see COACHING.md: Situation over
20 s reads as stalling), so the two markers matter more than the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.widget import Widget

from mockmic.core.report import Report
from mockmic.widgets.timer import format_clock


@dataclass(frozen=True)
class TimingMarks:
    """The times the bar draws, seconds from the start of the answer."""

    duration_s: float
    target_s: float
    first_action_s: float | None
    first_result_s: float | None

    @classmethod
    def of(cls, report: Report) -> TimingMarks:
        timing: dict[str, Any] = report.metrics.get("timing") or {}
        return cls(report.duration_s, report.target_s, _seconds(timing.get("first_action_s")),
                   _seconds(timing.get("first_result_s")))

    @property
    def span_s(self) -> float:
        return max(1.0, max(self.duration_s, self.target_s) * 1.05)

    def column(self, t: float, width: int) -> int:
        return min(width - 1, max(0, round(t / self.span_s * (width - 1))))


def _seconds(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def bar_line(marks: TimingMarks, width: int) -> Content:
    """The answer's length as a bar, the target as ┃, and A / R where action and result land."""
    target_col = marks.column(marks.target_s, width)
    end_col = marks.column(marks.duration_s, width)
    cells: list[tuple[str, str]] = []
    for col in range(width):
        if col == target_col:
            cells.append(("┃", "bold $warning"))
        elif col <= end_col:
            cells.append(("━", "$error" if col > target_col else "$primary"))
        else:
            cells.append(("─", "$foreground 30%"))
    for label, t in (("A", marks.first_action_s), ("R", marks.first_result_s)):
        if t is None:
            continue
        col = marks.column(t, width)
        # Never hide the other marker: step right past it.
        while col < width - 1 and cells[col][0] in "AR":
            col += 1
        cells[col] = (label, "bold reverse $success")
    return Content.assemble(*cells)


def legend_line(marks: TimingMarks, *, compact: bool = False) -> Content:
    first = "" if compact else "first "
    action = (f"{first}action {format_clock(marks.first_action_s)}"
              if marks.first_action_s is not None else "no clear action")
    result = (f"{first}result {format_clock(marks.first_result_s)}"
              if marks.first_result_s is not None else "no clear result")
    over = marks.duration_s - marks.target_s
    spoke = f"spoke {format_clock(marks.duration_s)}"
    spoke_style = "$foreground-muted"
    if over >= 1:
        spoke += f" (+{format_clock(over)})"
        spoke_style = "bold $error"
    return Content.assemble(
        ("A ", "bold $success"), (action, "$foreground-muted"), (" · ", "$foreground 30%"),
        ("R ", "bold $success"), (result, "$foreground-muted"), (" · ", "$foreground 30%"),
        ("┃ ", "bold $warning"), (f"target {format_clock(marks.target_s)}", "$foreground-muted"),
        (" · ", "$foreground 30%"), (spoke, spoke_style),
    )


class TimingBar(Widget):
    """Two lines: the bar with its marks, and a legend with the times."""

    DEFAULT_CSS = """
    TimingBar { height: 2; width: 1fr; }
    """

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks = TimingMarks.of(report)

    def render(self) -> Content:
        width = max(10, self.content_region.width)
        legend = legend_line(self.marks)
        if legend.cell_length > width:
            legend = legend_line(self.marks, compact=True).truncate(width, ellipsis=True)
        return Content("\n").join([bar_line(self.marks, width), legend])
