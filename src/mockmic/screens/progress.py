"""Progress over every take: length against the target, score, fillers per minute, and the
share of takes that named the stakes and gave a number, as terminal plots over time.

Length, score, stakes and metric come from the store's light summaries (the flags a take
got), so they cover every take at once. Fillers per minute lives only in each take's report,
which has to be read one by one: a worker reads an even sample of at most `FILLER_SAMPLE`
reports, and the plot says how many it is based on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from mockmic.errors import UserError
from mockmic.screens.browse import BrowseScreen
from mockmic.storage import TakeSummary
from mockmic.widgets.history_cells import mean, plural
from mockmic.widgets.timer import format_clock
from mockmic.widgets.trend_plot import (
    SCORE_COLOR,
    Bucket,
    TrendPlot,
    averages,
    bucket_by_time,
    rolling_share,
    share,
)

#: At most this many reports are read for the fillers plot (each is a JSON parse).
FILLER_SAMPLE = 300
#: Per-take mode: the stakes / metric share is taken over this many most recent takes.
ROLLING_TAKES = 5


def has_stakes(take: TakeSummary) -> bool:
    return "missing_stakes" not in take.flag_codes


def has_metric(take: TakeSummary) -> bool:
    return "missing_metric" not in take.flag_codes


def even_sample(items: list[TakeSummary], most: int) -> list[TakeSummary]:
    """At most `most` items spread evenly from first to last (both kept)."""
    if len(items) <= most:
        return list(items)
    step = (len(items) - 1) / (most - 1)
    return [items[round(i * step)] for i in range(most)]


@dataclass
class ProgressLoaded(Message):
    takes: list[TakeSummary]


@dataclass
class FillersLoaded(Message):
    rates: dict[int, float]
    """take id → fillers per minute, for the sampled takes."""


def headline(takes: list[TakeSummary]) -> Content:
    if not takes:
        return Content.styled("No takes yet: practise from the home screen, or import an "
                              "answer, and your trends show here.", "$foreground-muted")
    days = len({t.created_at.astimezone().date() for t in takes})
    within = sum(1 for t in takes if t.duration_s <= t.target_s + 0.5)
    landed = sum(1 for t in takes if t.lands())
    avg_score = mean([float(t.score) for t in takes]) or 0.0
    avg_len = mean([t.duration_s for t in takes]) or 0.0
    n = len(takes)
    return Content.assemble(
        ("Progress  ", "bold $accent"),
        (plural(n, "take"), "bold"), f" over {plural(days, 'day')} · average ",
        (format_clock(avg_len), "bold"), " long, score ", (f"{avg_score:.0f}", "bold"),
        f" · {100 * within / n:.0f}% within the target · ",
        (f"{100 * landed / n:.0f}% landed", "bold $success"))


class ProgressScreen(BrowseScreen):
    HELP = """\
**Progress**: trends over all your takes

Up to 60 takes, each is a point; beyond that, each point is a day (or a week, over two
months), averaged. Fillers per minute is a lower bound (speech recognition drops many "um"s),
read from a sample of at most 300 reports.

| key | does |
|---|---|
| esc | back |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back", tooltip="Leave the progress view"),
    ]

    DEFAULT_CSS = """
    ProgressScreen #progress-title { height: auto; margin: 1 2 0 2; }
    ProgressScreen #progress-grid { grid-size: 2 2; grid-gutter: 0 1; height: 1fr;
                                    margin: 1 1 0 1; }
    ProgressScreen #progress-grid TrendPlot { height: 1fr; width: 1fr; }
    ProgressScreen.-short #progress-title, ProgressScreen.-short #progress-grid {
        margin-top: 0; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.takes: list[TakeSummary] = []
        self.buckets: list[Bucket[TakeSummary]] = []
        self.unit = "take"
        self.filler_rates: dict[int, float] | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Reading the history…", "$foreground-muted"),
                     id="progress-title")
        with Grid(id="progress-grid"):
            yield TrendPlot(id="plot-length")
            yield TrendPlot(id="plot-score")
            yield TrendPlot(id="plot-fillers")
            yield TrendPlot(id="plot-content")
        yield Footer()

    def on_mount(self) -> None:
        if self.require_store() is not None:
            self.load_takes()

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False,
          description="Reading the history")
    def load_takes(self) -> None:
        store = self.store
        if store is None:
            return
        takes = store.list_takes(order_by="created_at", descending=False)
        self.post_message(ProgressLoaded(takes))
        worker = get_current_worker()
        rates: dict[int, float] = {}
        for take in even_sample(takes, FILLER_SAMPLE):
            if worker.is_cancelled:
                return
            try:
                record = store.get_take(take.id)
            except UserError:
                continue  # one unreadable report must not hide the trend
            if record is None or record.report.duration_estimated:
                continue
            fillers = record.report.metrics.get("fillers")
            rate = fillers.get("per_min") if isinstance(fillers, dict) else None
            if isinstance(rate, int | float):
                rates[take.id] = float(rate)
        self.post_message(FillersLoaded(rates))

    @on(ProgressLoaded)
    def _loaded(self, event: ProgressLoaded) -> None:
        self.takes = event.takes
        self.unit, self.buckets = bucket_by_time(self.takes, lambda t: t.created_at)
        self.query_one("#progress-title", Static).update(headline(self.takes))
        labels = [b.label for b in self.buckets]
        per = f"per {self.unit}" if self.unit != "take" else "per take"
        length = self.query_one("#plot-length", TrendPlot)
        score = self.query_one("#plot-score", TrendPlot)
        content = self.query_one("#plot-content", TrendPlot)
        if not self.takes:
            for plot in (length, score, content, self.query_one("#plot-fillers", TrendPlot)):
                plot.show_empty("Trends", "no takes yet")
            return
        length.show_durations(labels, averages(self.buckets, lambda t: t.duration_s),
                              averages(self.buckets, lambda t: t.target_s),
                              title=f"Length (cyan) vs target (orange), {per}")
        score.show_series(labels, [("score", averages(self.buckets, lambda t: float(t.score)),
                                    SCORE_COLOR)], title=f"Score, {per}", ylim=(0, 100))
        if self.unit == "take":
            stakes = rolling_share(self.takes, has_stakes, ROLLING_TAKES)
            metric = rolling_share(self.takes, has_metric, ROLLING_TAKES)
            per = f"last {ROLLING_TAKES} takes"
        else:
            stakes, metric = share(self.buckets, has_stakes), share(self.buckets, has_metric)
        content.show_series(labels, [("stakes", stakes, "magenta"), ("metric", metric, "cyan")],
                            title=f"% stakes (magenta), number (cyan), {per}", ylim=(0, 100))
        self.query_one("#plot-fillers", TrendPlot).show_empty("Fillers per minute",
                                                              "reading reports…")

    @on(FillersLoaded)
    def _fillers(self, event: FillersLoaded) -> None:
        self.filler_rates = event.rates
        plot = self.query_one("#plot-fillers", TrendPlot)
        rates = event.rates
        if not rates:
            plot.show_empty("Fillers per minute", "no spoken takes")
            return
        values = averages(self.buckets, lambda t: rates.get(t.id))
        sampled = "" if len(rates) >= len(self.takes) else \
            f", {len(rates)} of {len(self.takes)} takes"
        plot.show_series([b.label for b in self.buckets],
                         [("fillers/min", values, "yellow")],
                         title=f"Fillers per minute, a lower bound{sampled}")
