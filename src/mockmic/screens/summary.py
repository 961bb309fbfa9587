"""The session summary: per question the length against the target, the score, the top flags.

Enter on a row opens that take's report (from memory for this run's session, from the store for
an earlier one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from mockmic.errors import UserError
from mockmic.interview import SessionView, SummaryRow, Take, average_score
from mockmic.screens.base import MockmicScreen
from mockmic.services import TakeStore
from mockmic.widgets.flag_list import FLAG_TITLES
from mockmic.widgets.timer import format_clock

FLAG_LABEL_MAX = 3


def session_from_store(store: TakeStore, session: Any, title: str) -> SessionView:
    """A stored session's view: one row per question, its latest take (retries counted)."""
    takes: Sequence[Any] = store.session_takes(session.id)
    groups: dict[str, list[Any]] = {}
    for take in takes:
        groups.setdefault(str(take.question_id or take.question_text), []).append(take)
    rows = []
    for number, group in enumerate(groups.values(), start=1):
        last = group[-1]
        rows.append(SummaryRow(number, last.question_text, last.target_s, last.duration_s,
                               last.score, tuple(last.top_flags), len(group), None, last.id))
    return SessionView(title, rows, session.id, getattr(session, "created_at", None))


def duration_cell(row: SummaryRow) -> Content:
    if row.duration_s is None:
        return Content.styled("—", "$foreground-muted")
    over = row.duration_s - row.target_s
    style = "bold $error" if over >= 1 else "$success"
    return Content.assemble((format_clock(row.duration_s), style),
                            (f" / {format_clock(row.target_s)}", "$foreground-muted"))


def score_cell(row: SummaryRow) -> Content:
    if row.score is None:
        return Content.styled("—", "$foreground-muted")
    style = "bold $success" if row.score >= 80 else "bold $warning" if row.score >= 60 \
        else "bold $error"
    return Content.styled(str(row.score), style)


def flags_cell(row: SummaryRow, limit: int = FLAG_LABEL_MAX) -> Content:
    if row.score is None:
        return Content.styled("not answered", "$foreground-muted")
    if not row.top_flags:
        return Content.styled("no flags", "$success")
    return Content(", ".join(FLAG_TITLES.get(code, code) for code in row.top_flags[:limit]))


class SummaryScreen(MockmicScreen):
    HELP = """\
**Session summary**

| key | does |
|---|---|
| ↑ ↓ | choose a question |
| enter | open that answer's report |
| esc / h | home |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open report", id="open", show=True,
                tooltip="The chosen answer's full report"),
        Binding("escape,h", "home", "Home", id="home", tooltip="Back to the home screen"),
    ]

    def __init__(self, session: SessionView) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        rows = self.session.rows
        avg = average_score(rows)
        over = sum(1 for r in rows if r.duration_s is not None and r.duration_s > r.target_s + 1)
        parts: list[tuple[str, str] | str] = [("Session summary  ", "bold $accent"),
                                              (self.session.title, "bold")]
        yield Static(Content.assemble(*parts), id="summary-title")
        stats: list[tuple[str, str] | str] = [
            f"{self.session.answered} of {len(rows)} answered"]
        if avg is not None:
            stats += [" · average score ", (str(avg), "bold")]
        if self.session.answered:
            stats += [" · over target: ", (str(over), "bold $error" if over else "bold $success")]
        yield Static(Content.assemble(*stats), id="summary-stats")
        yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield Static(Content.styled("Enter opens a report. Retries count their latest take.",
                                    "$foreground-muted"), id="summary-hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        wide = self.app.size.width >= 100
        flags_width = 36 if wide else 20
        # Every other column is fixed; the question takes the rest, over two lines.
        fixed = 2 + 13 + 5 + flags_width + 2 * 5 + 4 + 2
        question_width = max(16, self.app.size.width - fixed)
        table.add_column("#", width=2, key="n")
        table.add_column("Question", width=question_width, key="question")
        table.add_column("Time / target", width=13, key="time")
        table.add_column("Score", width=5, key="score")
        table.add_column("Top flags", width=flags_width, key="flags")
        for row in self.session.rows:
            suffix = f" (take {row.attempts})" if row.attempts > 1 else ""
            # Two wrapped lines of the cell; word wrap wastes up to a word per line.
            room = 2 * question_width - 6 - len(suffix)
            question = row.question_text
            if len(question) > room:
                question = question[:room].rsplit(" ", 1)[0] + "…"
            question += suffix
            # Rich Text (not Content) so the question wraps onto the row's second line.
            table.add_row(str(row.number), Text(question), duration_cell(row),
                          score_cell(row), flags_cell(row, 3 if wide else 2),
                          key=str(row.number), height=2)
        table.focus()

    def _row(self) -> SummaryRow | None:
        table = self.query_one(DataTable)
        index = table.cursor_row
        rows = self.session.rows
        return rows[index] if 0 <= index < len(rows) else None

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        row = self._row()
        if row is None or not row.answered:
            self.notify("That question was not answered.", severity="warning")
            return
        take = row.take or self._stored_take(row)
        if take is not None:
            self.mockmic.show_take(take, review=True)

    def _stored_take(self, row: SummaryRow) -> Take | None:
        store = self.services.store
        get = getattr(store, "get_take", None)
        if get is None or row.take_id is None:
            self.notify("That take is not in the history.", severity="warning")
            return None
        try:
            record = get(row.take_id)
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return None
        if record is None:
            self.notify("That take is no longer in the history.", severity="warning")
            return None
        return Take(None, record.report, record, record.audio_path)

    def action_home(self) -> None:
        self.mockmic.go_home()
