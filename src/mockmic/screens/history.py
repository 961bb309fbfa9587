"""History: every take kept, newest first; filter by story, bank and flag; sort; open one.

The store hands out light summaries (no report JSON), loaded once in a worker; filtering and
sorting then happen in memory, and the table draws only the rows on screen (`TakeTable`), so
with thousands of takes opening and refiltering stay instant. Enter opens the take's report
(the report screen's review mode), r the word-synced replay, m and c compare two takes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Select, Static
from textual.worker import get_current_worker

from mockmic.core.stories import Story
from mockmic.screens.browse import BrowseScreen, StoryBank
from mockmic.storage import TakeSummary
from mockmic.widgets.history_cells import (
    duration_cell,
    flag_label,
    flags_cell,
    marks_cell,
    plural,
    score_cell,
    topic_cell,
)
from mockmic.widgets.take_table import Column, TakeTable


@dataclass(frozen=True)
class SortOrder:
    label: str
    key: Callable[[TakeSummary], Any]
    reverse: bool


#: `o` steps through these; a click on a column header picks the one for that column.
SORT_ORDERS: tuple[SortOrder, ...] = (
    SortOrder("newest first", lambda t: (t.created_at, t.id), True),
    SortOrder("oldest first", lambda t: (t.created_at, t.id), False),
    SortOrder("most over target", lambda t: (t.duration_s - t.target_s, t.id), True),
    SortOrder("best score", lambda t: (t.score, t.id), True),
    SortOrder("worst score", lambda t: (t.score, t.id), False),
    SortOrder("question", lambda t: (t.question_text.lower(), t.id), False),
)
#: Column key: (first click, second click), indices into SORT_ORDERS.
HEADER_SORT: dict[str, tuple[int, int]] = {
    "when": (0, 1), "n": (0, 1), "time": (2, 2), "score": (3, 4), "topic": (5, 5),
}

ALL = "all"


#: The newest takes shown first, while the rest of a long history is still being read.
FIRST_PAGE = 100


@dataclass
class TakesLoaded(Message):
    takes: list[TakeSummary]
    complete: bool = True
    """False for the first page of a longer history (filters wait for the rest)."""


def filter_takes(takes: Sequence[TakeSummary], *, story_id: str | None = None,
                 bank_id: str | None = None, flag: str | None = None) -> list[TakeSummary]:
    return [t for t in takes
            if (story_id is None or t.story_id == story_id)
            and (bank_id is None or t.bank_id == bank_id)
            and (flag is None or flag in t.flag_codes)]


class HistoryScreen(BrowseScreen):
    HELP = """\
**History**: every take you kept

| key | does |
|---|---|
| ↑ ↓ | choose a take |
| enter | open its report |
| r | replay it, the word being played highlighted |
| o | change the order (newest, oldest, most over target, best / worst score, question) |
| tab | move to the story / bank / flag filters |
| x | clear the filters |
| m | mark this take for comparing (A) |
| c | compare the marked take with this one, side by side |
| esc | back |

✓ marks a take that landed (within its target, no ✖ flag); ♪ a take you can replay.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Report", id="open", tooltip="The chosen take's full report"),
        Binding("r", "replay", "Replay", id="replay",
                tooltip="Play the take with the current word highlighted"),
        Binding("o", "cycle_order", "Order", id="order", tooltip="Change the sort order"),
        Binding("x", "clear_filters", "Clear filters", id="clear-filters",
                tooltip="Show every take"),
        Binding("m", "mark", "Mark A", id="mark", tooltip="Mark this take for comparing"),
        Binding("c", "compare", "Compare", id="compare",
                tooltip="Compare the marked take with this one"),
        Binding("escape", "back", "Back", id="back", tooltip="Leave the history"),
    ]

    DEFAULT_CSS = """
    HistoryScreen #history-title { height: 1; margin: 1 2 0 2; }
    HistoryScreen #history-filters { height: auto; margin: 1 2 0 2; }
    HistoryScreen #history-filters Select { width: 1fr; margin-right: 1; }
    HistoryScreen #history-table { height: 1fr; margin: 1 2 0 2; scrollbar-size-vertical: 1; }
    HistoryScreen #history-status { height: 1; margin: 0 2; color: $text-muted; }
    HistoryScreen.-short #history-title, HistoryScreen.-short #history-filters,
    HistoryScreen.-short #history-table { margin-top: 0; }
    """

    def __init__(self, *, story_id: str | None = None) -> None:
        super().__init__()
        self.all_takes: list[TakeSummary] = []
        self.shown: list[TakeSummary] = []
        self.bank = StoryBank.load()
        self.story_id = story_id
        self.bank_id: str | None = None
        self.flag: str | None = None
        self.order = 0
        self.marked: int | None = None
        self.loaded = False
        self._wide = True

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("History", "bold $accent"), id="history-title")
        with Horizontal(id="history-filters"):
            yield Select[str]([], prompt="Story: all", id="filter-story", compact=True,
                              tooltip="Only the takes of one story")
            yield Select[str]([], prompt="Bank: all", id="filter-bank", compact=True,
                              tooltip="Only the takes from one question bank")
            yield Select[str]([], prompt="Flag: any", id="filter-flag", compact=True,
                              tooltip="Only the takes with this flag")
        yield TakeTable(self._columns(), self._cell, id="history-table")
        yield Static(Content.styled("Reading the history…", "$foreground-muted"),
                     id="history-status")
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        if self.require_store() is None:
            self._status(Content.styled("The history is not available.", "$error"))
            return
        self.load_takes()

    def _columns(self) -> list[Column]:
        wide = self._wide = self.app.size.width >= 100
        return [Column("n", "#", 4), Column("when", "When", 12),
                Column("topic", "Question / story", None, min=16),
                Column("time", "Time / target" if wide else "Time/target", 13 if wide else 11),
                Column("score", "Score", 5), Column("flags", "Top flags", 28 if wide else 16),
                Column("marks", "", 3)]

    def _cell(self, take: TakeSummary, key: str) -> Content:
        """One cell, drawn only when its row is on screen."""
        if key == "n":
            return Content(str(take.id))
        if key == "when":
            return _short_when(take)
        if key == "topic":
            return topic_cell(take, self.bank.titles)
        if key == "time":
            return duration_cell(take)
        if key == "score":
            return score_cell(take)
        if key == "flags":
            return flags_cell(take, 2 if self._wide else 1)
        return self._marks(take)

    @property
    def table(self) -> TakeTable[TakeSummary]:
        table: TakeTable[TakeSummary] = self.query_one("#history-table", TakeTable)
        return table

    # -- loading ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="history", exit_on_error=False,
          description="Reading the history")
    def load_takes(self) -> None:
        store = self.store
        if store is None:
            return
        first = store.list_takes(order_by="created_at", limit=FIRST_PAGE)
        if len(first) < FIRST_PAGE:
            self.post_message(TakesLoaded(first))
            return
        self.post_message(TakesLoaded(first, complete=False))
        if not get_current_worker().is_cancelled:
            self.post_message(TakesLoaded(store.list_takes(order_by="created_at")))

    @on(TakesLoaded)
    def _loaded(self, event: TakesLoaded) -> None:
        self.all_takes = event.takes
        self.loaded = event.complete
        if event.complete:
            self._fill_filters()
        self.refill()

    def _fill_filters(self) -> None:
        titles = self.bank.titles
        story_ids = sorted({t.story_id for t in self.all_takes if t.story_id} | set(titles))
        banks = {b.id: b.name for b in self.services.banks}
        bank_ids = sorted({t.bank_id for t in self.all_takes if t.bank_id})
        flags = Counter(code for t in self.all_takes for code in t.flag_codes)
        self._set_options("#filter-story", "Story",
                          [(titles.get(s, s), s) for s in story_ids], self.story_id)
        self._set_options("#filter-bank", "Bank",
                          [(banks.get(b, b), b) for b in bank_ids], self.bank_id)
        self._set_options("#filter-flag", "Flag",
                          [(f"{flag_label(c)} ({n})", c) for c, n in flags.most_common()],
                          self.flag)

    def _set_options(self, selector: str, what: str, options: list[tuple[str, str]],
                     value: str | None) -> None:
        select: Select[str] = self.query_one(selector, Select)
        with self.prevent(Select.Changed):
            select.set_options([(f"{what}: all", ALL), *options])
            select.value = value if value in {v for _, v in options} else ALL

    # -- what the table shows ---------------------------------------------------------------

    def refill(self) -> None:
        """Filter, sort and show; the cursor stays on the same take when it is still shown."""
        current = self.current_take()
        sort = SORT_ORDERS[self.order]
        self.shown = sorted(filter_takes(self.all_takes, story_id=self.story_id,
                                         bank_id=self.bank_id, flag=self.flag),
                            key=sort.key, reverse=sort.reverse)
        index = 0
        if current is not None:
            index = next((i for i, t in enumerate(self.shown) if t.id == current.id), 0)
        self.table.set_rows(self.shown, cursor=index)
        self._show_status()

    def _marks(self, take: TakeSummary) -> Content:
        if take.id == self.marked:
            return Content.styled("A", "bold reverse $accent")
        return marks_cell(take)

    def _show_status(self) -> None:
        total = len(self.all_takes)
        if not total:
            self._status(Content.styled(
                "No takes yet: practise from the home screen (s), or import an answer (i).",
                "$foreground-muted"))
            return
        shown = len(self.shown)
        if not self.loaded:
            self._status(Content.styled(f"The newest {shown} takes; reading the rest…",
                                        "$foreground-muted"))
            return
        parts: list[tuple[str, str] | str] = [
            (plural(total, "take") if shown == total else f"{shown} of {total} takes", "bold"),
            f" · {SORT_ORDERS[self.order].label}", ("  · enter: report", "$foreground-muted")]
        if not shown:
            parts.append(("  · nothing matches: x clears the filters", "$warning"))
        if self.marked is not None:
            parts.append((f"  · A = #{self.marked}, c compares", "$foreground-muted"))
        self._status(Content.assemble(*parts))

    def _status(self, content: Content) -> None:
        self.query_one("#history-status", Static).update(content)

    def current_take(self) -> TakeSummary | None:
        return self.table.current

    # -- filters and order ------------------------------------------------------------------

    @on(Select.Changed)
    def _filter_changed(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, str) and event.value != ALL else None
        if event.select.id == "filter-story":
            self.story_id = value
        elif event.select.id == "filter-bank":
            self.bank_id = value
        elif event.select.id == "filter-flag":
            self.flag = value
        if self.loaded:
            self.refill()

    def action_clear_filters(self) -> None:
        self.story_id = self.bank_id = self.flag = None
        self._fill_filters()
        self.refill()

    def action_cycle_order(self) -> None:
        self.order = (self.order + 1) % len(SORT_ORDERS)
        self.refill()

    @on(TakeTable.HeaderSelected)
    def _header(self, event: TakeTable.HeaderSelected) -> None:
        first, second = HEADER_SORT.get(event.key, (self.order, self.order))
        self.order = second if self.order == first else first
        self.refill()

    # -- taking a take further --------------------------------------------------------------

    @on(TakeTable.Selected)
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
        if take is None:
            return
        self.marked = None if self.marked == take.id else take.id
        self.table.refresh_rows()
        self._show_status()

    def action_compare(self) -> None:
        from mockmic.screens.compare import CompareScreen

        take = self.current_take()
        if take is None:
            return
        if self.marked is None or self.marked == take.id:
            self.notify("Mark one take with m, move to another, then press c.",
                        severity="warning")
            return
        first = self.load_record(self.marked)
        second = self.load_record(take.id)
        if first is not None and second is not None:
            self.app.push_screen(CompareScreen(first, second, story=self._story_of(first)))

    def _story_of(self, take: TakeSummary) -> Story | None:
        return self.bank.get(take.story_id) if take.story_id else None


def _short_when(take: TakeSummary) -> Content:
    return Content(take.created_at.astimezone().strftime("%d %b %H:%M"))
