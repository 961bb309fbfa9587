"""The recording screen's clock: a big mm:ss against the target and a bar that warns as time runs.

The bar turns amber at 75 % of the target and red at 100 %: the speaker sees the budget
without reading numbers (the recording screen is deliberately sparse).
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Static

BarState = Literal["ok", "amber", "red"]

#: Fraction of the target at which the bar turns amber: time to head for the result.
AMBER_AT = 0.75


def format_clock(seconds: float) -> str:
    """m:ss for a duration (never negative); 90.4 -> "1:30"."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def bar_state(elapsed_s: float, target_s: float) -> BarState:
    if target_s <= 0 or elapsed_s >= target_s:
        return "red"
    if elapsed_s >= AMBER_AT * target_s:
        return "amber"
    return "ok"


class TargetBar(Widget):
    """A one-line bar filling from 0 to the target; its colour follows `bar_state`."""

    DEFAULT_CSS = """
    TargetBar { height: 1; width: 1fr; color: $success; }
    TargetBar.-amber { color: $warning; }
    TargetBar.-red { color: $error; }
    """

    elapsed_s: reactive[float] = reactive(0.0)
    target_s: reactive[float] = reactive(90.0)

    def render(self) -> Content:
        width = max(1, self.content_region.width)
        fraction = 1.0 if self.target_s <= 0 else min(1.0, self.elapsed_s / self.target_s)
        filled = round(fraction * width)
        return Content.assemble(("━" * filled, ""), ("━" * (width - filled), "$foreground 30%"))

    def _update_state(self) -> None:
        state = bar_state(self.elapsed_s, self.target_s)
        self.set_class(state == "amber", "-amber")
        self.set_class(state == "red", "-red")

    def watch_elapsed_s(self) -> None:
        self._update_state()

    def watch_target_s(self) -> None:
        self._update_state()


class AnswerTimer(Widget):
    """mm:ss in large digits, "of m:ss" beside it, and the target bar underneath."""

    DEFAULT_CSS = """
    AnswerTimer { height: auto; width: 1fr; }
    AnswerTimer > #timer-row { height: 3; width: 1fr; align-horizontal: center; }
    AnswerTimer Digits { width: auto; }
    AnswerTimer #timer-of { width: auto; padding: 1 0 0 2; color: $text-muted; }
    AnswerTimer TargetBar { margin-top: 1; }
    AnswerTimer.-amber Digits { color: $warning; }
    AnswerTimer.-red Digits { color: $error; }
    """

    elapsed_s: reactive[float] = reactive(0.0)

    def __init__(self, target_s: float, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.target_s = target_s

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        with Horizontal(id="timer-row"):
            yield Digits(format_clock(0), id="timer-clock")
            yield Static(f"of {format_clock(self.target_s)}", id="timer-of")
        bar = TargetBar(id="timer-bar")
        bar.target_s = self.target_s
        yield bar

    def watch_elapsed_s(self, elapsed_s: float) -> None:
        if not self.is_mounted:
            return
        self.query_one("#timer-clock", Digits).update(format_clock(elapsed_s))
        self.query_one(TargetBar).elapsed_s = elapsed_s
        state = bar_state(elapsed_s, self.target_s)
        self.set_class(state == "amber", "-amber")
        self.set_class(state == "red", "-red")

    @property
    def state(self) -> BarState:
        return bar_state(self.elapsed_s, self.target_s)
