"""Terminal plots of practice over time (textual-plotext), and the bucketing behind them.

A story's plot shows every take; the progress view over all takes groups them (per day, or
per week over a long stretch) once there are too many to tell apart, and plots each group's
average. The bucketing is plain Python so it is tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from textual_plotext import PlotextPlot

from mockmic.widgets.timer import format_clock

T = TypeVar("T")

#: Up to this many takes, each is its own point; beyond, points are per day (or week).
PER_TAKE_MAX = 60
#: Beyond this many days of practice, points are per ISO week.
PER_DAY_MAX = 60

DURATION_COLOR = "cyan"
TARGET_COLOR = "orange"
SCORE_COLOR = "green"
LANDED_COLOR = "green"
MISSED_COLOR = "red"


@dataclass(frozen=True)
class Bucket(Generic[T]):
    label: str
    items: tuple[T, ...]


def bucket_by_time(items: Sequence[T], when: Callable[[T], datetime], *,
                   per_take_max: int = PER_TAKE_MAX, per_day_max: int = PER_DAY_MAX
                   ) -> tuple[str, list[Bucket[T]]]:
    """Group `items` (oldest first) for plotting: ("take", one per item) when there are few,
    else ("day", ...) or ("week", ...). Days are local calendar days."""
    if len(items) <= per_take_max:
        return "take", [Bucket(f"#{i + 1}", (item,)) for i, item in enumerate(items)]
    days = [when(item).astimezone().date() for item in items]
    span = (days[-1] - days[0]).days if days else 0
    by_week = span > per_day_max
    groups: dict[date, list[T]] = {}
    for item, day in zip(items, days, strict=True):
        key = day - timedelta(days=day.weekday()) if by_week else day
        groups.setdefault(key, []).append(item)
    unit = "week" if by_week else "day"
    return unit, [Bucket(key.strftime("%d %b"), tuple(group)) for key, group in groups.items()]


def averages(buckets: Sequence[Bucket[T]], value: Callable[[T], float | None]
             ) -> list[float | None]:
    out: list[float | None] = []
    for bucket in buckets:
        values = [v for v in (value(item) for item in bucket.items) if v is not None]
        out.append(sum(values) / len(values) if values else None)
    return out


def share(buckets: Sequence[Bucket[T]], test: Callable[[T], bool]) -> list[float]:
    """Percent of each bucket's items passing `test`."""
    return [100.0 * sum(1 for item in b.items if test(item)) / len(b.items) if b.items else 0.0
            for b in buckets]


def rolling_share(items: Sequence[T], test: Callable[[T], bool], window: int) -> list[float]:
    """Percent of the last `window` items (up to each one) passing `test`: one take either
    named the stakes or did not, so a share per take only reads as a trend when it rolls."""
    out: list[float] = []
    for i in range(len(items)):
        recent = items[max(0, i + 1 - window):i + 1]
        out.append(100.0 * sum(1 for item in recent if test(item)) / len(recent))
    return out


def clock_step(top_s: float, most: int = 5) -> float:
    """A round m:ss tick step (15 s, 30 s, 1 min, ...) giving at most `most` steps to top_s."""
    for step in (15.0, 30.0, 60.0, 120.0, 300.0, 600.0):
        if top_s / step <= most:
            return step
    return 1200.0


def _tick_positions(count: int, most: int = 8) -> list[int]:
    if count <= most:
        return list(range(1, count + 1))
    step = (count - 1) / (most - 1)
    return sorted({1 + round(i * step) for i in range(most)})


def _points(values: Sequence[float | None]) -> tuple[list[int], list[float]]:
    xs = [i + 1 for i, v in enumerate(values) if v is not None]
    return xs, [v for v in values if v is not None]


class TrendPlot(PlotextPlot):
    """A PlotextPlot with the few chart shapes mockmic draws. Each `show_*` replaces the
    plot's content; the widget redraws it at whatever size it is given."""

    DEFAULT_CSS = """
    TrendPlot { height: 1fr; min-height: 8; }
    """

    def _start(self, title: str, labels: Sequence[str]) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(title)
        ticks = _tick_positions(len(labels))
        plt.xticks([float(t) for t in ticks], [labels[t - 1] for t in ticks])
        if labels:
            plt.xlim(0.5, len(labels) + 0.5)

    def show_empty(self, title: str, message: str) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(f"{title}: {message}")
        self.refresh()

    def show_durations(self, labels: Sequence[str], durations: Sequence[float | None],
                       targets: Sequence[float | None], landed: Sequence[bool] | None = None,
                       title: str = "Length (cyan) vs target (orange)") -> None:
        """Durations as a line, the target as a second line (targets can differ per take);
        with `landed`, each take's point is green when it landed and red when it did not.
        Colours are named in the title: a plotext legend would cover the first points."""
        self._start(title, labels)
        plt = self.plt
        xs, ys = _points(targets)
        if xs:
            plt.plot(xs, ys, color=TARGET_COLOR, marker="dot")
        xs, ys = _points(durations)
        if xs:
            plt.plot(xs, ys, color=DURATION_COLOR, marker="braille")
        if landed is not None:
            for flag, color in ((True, LANDED_COLOR), (False, MISSED_COLOR)):
                pts = [(i + 1, d) for i, (d, ok) in enumerate(zip(durations, landed,
                                                                    strict=False))
                       if d is not None and ok is flag]
                if pts:
                    plt.scatter([p[0] for p in pts], [p[1] for p in pts], color=color,
                                marker="●")
        values = [v for v in (*durations, *targets) if v is not None]
        if values:
            top = max(values) * 1.15
            step = clock_step(top)
            plt.ylim(0, top)
            ticks = [step * i for i in range(int(top // step) + 1)]
            plt.yticks(ticks, [format_clock(t) for t in ticks])
        self.refresh()

    def show_series(self, labels: Sequence[str], series: Sequence[tuple[str,
                    Sequence[float | None], str]], *, title: str,
                    ylim: tuple[float, float] | None = None) -> None:
        """One line per (label, values, colour); say which is which in `title`."""
        self._start(title, labels)
        plt = self.plt
        for _name, values, color in series:
            xs, ys = _points(values)
            if xs:
                plt.plot(xs, ys, color=color, marker="braille")
        if ylim is not None:
            plt.ylim(*ylim)
            low, high = ylim
            ticks = [low + (high - low) * i / 4 for i in range(5)]
            plt.yticks(ticks, [f"{t:g}" for t in ticks])
        self.refresh()
