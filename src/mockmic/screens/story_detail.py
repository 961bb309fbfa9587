"""One story's progress: length and score across its takes as terminal plots, the best take,
whether the figures said match the story's claims, and where a take's figures disagreed with
the claims or with an earlier take (interviewers in a loop compare notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from mockmic.core.stories import Story, claim_status
from mockmic.errors import UserError
from mockmic.screens.browse import BrowseScreen
from mockmic.storage import StoryProgress, TakeSummary, take_consistency
from mockmic.widgets.history_cells import (
    duration_cell,
    flags_cell,
    marks_cell,
    plural,
    score_cell,
    score_style,
)
from mockmic.widgets.timer import format_clock
from mockmic.widgets.trend_plot import SCORE_COLOR, TrendPlot

#: Consistency warnings shown (newest first); the rest are counted.
WARNINGS_SHOWN = 3


@dataclass(frozen=True)
class Warning_:
    take_id: int
    message: str


def claims_line(label: str, said: dict[str, bool]) -> Content:
    parts: list[tuple[str, str] | str] = [(label, "bold")]
    for i, (claim, ok) in enumerate(said.items()):
        parts += [(" · " if i else ""), (f"{claim} {'✓' if ok else '✗'}",
                                          "$success" if ok else "bold $warning")]
    return Content.assemble(*parts)


class StoryDetailScreen(BrowseScreen):
    HELP = """\
**Story progress**

| key | does |
|---|---|
| ↑ ↓ | choose a take |
| enter | open its report |
| r | replay it |
| m | mark it (A) for comparing |
| c | compare: the marked take (or the best take) with the chosen one |
| d | drill this story |
| esc | back |

Green points landed (within the target, no ✖ flag), red ones did not. Claims are the
figures in the story bank; ✓ when the take said them, ✗ when it did not.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Report", id="open", tooltip="The chosen take's report"),
        Binding("r", "replay", "Replay", id="replay", tooltip="Replay the chosen take"),
        Binding("m", "mark", "Mark A", id="mark", tooltip="Mark this take for comparing"),
        Binding("c", "compare", "Compare", id="compare",
                tooltip="The marked (or best) take side by side with this one"),
        Binding("d", "drill", "Drill", id="drill", tooltip="Drill this story until it lands"),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the story bank"),
    ]

    DEFAULT_CSS = """
    StoryDetailScreen #story-head { height: auto; margin: 1 2 0 2; }
    StoryDetailScreen #story-plots { height: 40%; min-height: 8; margin: 1 1 0 1; }
    StoryDetailScreen #story-plots TrendPlot { width: 1fr; height: 1fr; }
    StoryDetailScreen #story-facts { height: auto; margin: 0 2; }
    StoryDetailScreen #story-takes { height: 1fr; min-height: 3; margin: 1 2 0 2;
                                     scrollbar-size-vertical: 1; }
    StoryDetailScreen.-short #story-head, StoryDetailScreen.-short #story-plots,
    StoryDetailScreen.-short #story-takes { margin-top: 0; }
    """

    def __init__(self, story_id: str, story: Story | None) -> None:
        super().__init__()
        self.story_id = story_id
        self.story = story
        self.progress: StoryProgress | None = None
        self.takes: list[TakeSummary] = []
        self.warnings: list[Warning_] = []
        self.marked: int | None = None

    @property
    def target_s(self) -> float | None:
        return self.story.target_s if self.story else None

    def compose(self) -> ComposeResult:
        yield Static("", id="story-head")
        with Horizontal(id="story-plots"):
            yield TrendPlot(id="plot-length")
            yield TrendPlot(id="plot-score")
        yield Static("", id="story-facts")
        yield DataTable(id="story-takes", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        wide = self.app.size.width >= 100
        table.add_column("Take", width=4, key="nth")
        table.add_column("#", width=4, key="n")
        table.add_column("When", width=12, key="when")
        table.add_column("Time / target", width=13, key="time")
        table.add_column("Score", width=5, key="score")
        table.add_column("Top flags", width=max(16, self.app.size.width - 67) if wide else 14,
                         key="flags")
        table.add_column("", width=3, key="marks")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.progress is not None:
            self.load()

    def load(self) -> None:
        store = self.require_store()
        if store is None:
            return
        try:
            self.progress = store.story_progress(self.story_id, target_s=self.target_s)
            self.warnings = []
            if self.story is not None:
                for take in reversed(self.progress.takes):
                    self.warnings += [Warning_(take.id, i.message)
                                      for i in take_consistency(store, take.id, self.story)]
            said_best, said_latest = self._claims(store)
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return
        self.takes = list(self.progress.takes)
        self._show_head()
        self._show_plots()
        self._show_facts(said_best, said_latest)
        self._fill_table()

    def _claims(self, store: Any) -> tuple[dict[str, bool], dict[str, bool]]:
        progress = self.progress
        if self.story is None or not self.story.figures or progress is None:
            return {}, {}
        best, latest = progress.best, progress.latest
        said_best = claim_status(store.take_figures(best.id), self.story.figures) if best else {}
        said_latest = (claim_status(store.take_figures(latest.id), self.story.figures)
                       if latest and latest is not best else {})
        return said_best, said_latest

    # -- display ----------------------------------------------------------------------------

    def _show_head(self) -> None:
        progress = self.progress
        assert progress is not None
        title = self.story.title if self.story else f"{self.story_id} (not in the story bank)"
        parts: list[tuple[str, str] | str] = [("◆ " + title, "bold $accent"),
                                              (f"  {self.story_id}", "$foreground-muted")]
        if self.target_s:
            parts.append(f" · target {format_clock(self.target_s)}")
        parts.append(f" · {plural(len(progress.takes), 'take')}")
        landed = progress.landed_take
        if landed is not None:
            number = progress.takes.index(landed) + 1
            parts += [" · ", (f"✓ landed on take {number} "
                              f"({landed.created_at.astimezone():%d %b})", "bold $success")]
        elif progress.takes:
            parts += [" · ", ("not landed yet: d drills it", "$warning")]
        if self.story and self.story.summary:
            parts += ["\n", (self.story.summary, "$foreground-muted")]
        self.query_one("#story-head", Static).update(Content.assemble(*parts))

    def _show_plots(self) -> None:
        length = self.query_one("#plot-length", TrendPlot)
        score = self.query_one("#plot-score", TrendPlot)
        takes = self.takes
        if not takes:
            length.show_empty("Length vs target", "no takes yet")
            score.show_empty("Score", "no takes yet")
            return
        labels = [str(i + 1) for i in range(len(takes))]
        targets = [self.target_s or t.target_s for t in takes]
        length.show_durations(labels, [t.duration_s for t in takes], targets,
                              [t.lands(self.target_s) for t in takes],
                              title="Length (cyan) vs target (orange), take by take")
        score.show_series(labels, [("score", [float(t.score) for t in takes], SCORE_COLOR)],
                          title="Score, take by take", ylim=(0, 100))

    def _show_facts(self, said_best: dict[str, bool], said_latest: dict[str, bool]) -> None:
        progress = self.progress
        assert progress is not None
        lines: list[Content] = []
        best = progress.best
        if best is not None:
            landed = "  ✓ landed" if best.lands(self.target_s) else ""
            lines.append(Content.assemble(
                ("Best take ", "bold"),
                f"{self.takes.index(best) + 1} (#{best.id}) · "
                f"{best.created_at.astimezone():%d %b %H:%M} · ", duration_cell(best), " · score ",
                (str(best.score), score_style(best.score)), (landed, "bold $success")))
        if said_best:
            lines.append(claims_line("Claims, best take: ", said_best))
        if said_latest:
            lines.append(claims_line("Claims, latest take: ", said_latest))
        if self.story is not None and not self.story.figures and self.takes:
            lines.append(Content.styled("No figures claimed in the story bank: add them (e on "
                                        "the story list) to check them.", "$foreground-muted"))
        for warning in self.warnings[:WARNINGS_SHOWN]:
            lines.append(Content.assemble(("▲ ", "bold $warning"),
                                          (f"take {self._nth(warning.take_id)}: ", "bold"),
                                          warning.message))
        extra = len(self.warnings) - WARNINGS_SHOWN
        if extra > 0:
            lines.append(Content.styled(f"  … and {plural(extra, 'more inconsistency')}",
                                        "$foreground-muted"))
        self.query_one("#story-facts", Static).update(Content("\n").join(lines))

    def _nth(self, take_id: int) -> str:
        nth = next((i for i, t in enumerate(self.takes, start=1) if t.id == take_id), None)
        return f"{nth} (#{take_id})" if nth is not None else f"#{take_id}"

    def _fill_table(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        table.clear()
        for nth, take in reversed(list(enumerate(self.takes, start=1))):
            when = take.created_at.astimezone().strftime("%d %b %H:%M")
            table.add_row(str(nth), str(take.id), when, duration_cell(take), score_cell(take),
                          flags_cell(take, 2), self._marks(take))

    def _marks(self, take: TakeSummary) -> Content:
        if take.id == self.marked:
            return Content.styled("A", "bold reverse $accent")
        return marks_cell(take, self.target_s)

    def current_take(self) -> TakeSummary | None:
        index = self.query_one(DataTable).cursor_row
        newest_first = list(reversed(self.takes))
        return newest_first[index] if 0 <= index < len(newest_first) else None

    # -- actions ----------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        take = self.current_take()
        if take is not None:
            self.open_report(take.id)

    def action_replay(self) -> None:
        take = self.current_take()
        if take is not None:
            self.open_replay(take.id)

    def action_mark(self) -> None:
        take = self.current_take()
        if take is not None:
            self.marked = None if self.marked == take.id else take.id
            self._fill_table()
            self.query_one(DataTable).move_cursor(
                row=list(reversed(self.takes)).index(take), animate=False)

    def action_compare(self) -> None:
        from mockmic.screens.compare import CompareScreen

        take = self.current_take()
        if take is None or self.progress is None:
            return
        other = self.marked
        if other is None and self.progress.best is not None:
            other = self.progress.best.id
        if other is None or other == take.id:
            self.notify("Mark a take with m (or choose one that is not the best take), then c.",
                        severity="warning")
            return
        first, second = self.load_record(other), self.load_record(take.id)
        if first is not None and second is not None:
            older, newer = sorted((first, second), key=lambda r: (r.created_at, r.id))
            self.app.push_screen(CompareScreen(older, newer, story=self.story))

    def action_drill(self) -> None:
        from mockmic.screens.story_drill import start_story_drill

        if self.story is None:
            self.notify("That story is no longer in the bank: add it again to drill it.",
                        severity="warning")
            return
        start_story_drill(self.mockmic, self.story)
