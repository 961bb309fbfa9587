"""The story bank: each story with its drill progress (takes, best score, landed ✓, last length
against the target, whether the figures said match the claims); add and edit stories; drill.

Stories whose takes are in the history but which are no longer in the bank file are listed
too (their takes are not lost), marked as such; they can be viewed, not drilled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.markup import escape
from textual.widgets import DataTable, Footer, Static

from mockmic.core.stories import Story, claim_status
from mockmic.errors import UserError
from mockmic.screens.browse import BrowseScreen, StoryBank
from mockmic.screens.modals import ConfirmModal
from mockmic.storage import StoryProgress, take_consistency
from mockmic.widgets.history_cells import score_style
from mockmic.widgets.timer import format_clock


@dataclass(frozen=True)
class StoryRow:
    """One story as the list shows it."""

    story_id: str
    story: Story | None
    """None: takes filed under an id the bank no longer has."""
    progress: StoryProgress | None
    claims_said: dict[str, bool]
    """For the latest take: each claim, and whether it was said."""
    inconsistencies: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.story.title if self.story else f"{self.story_id} (not in the story bank)"

    @property
    def takes(self) -> int:
        return len(self.progress.takes) if self.progress else 0

    @property
    def landed(self) -> bool:
        return self.progress is not None and self.progress.landed


def story_rows(bank: StoryBank, store: Any) -> list[StoryRow]:
    """Every story in the bank (file order), then ids with takes that the bank lacks."""
    rows: list[StoryRow] = []
    for story in bank.stories:
        progress = store.story_progress(story.id, target_s=story.target_s) if store else None
        latest = progress.latest if progress else None
        said: dict[str, bool] = {}
        issues: tuple[str, ...] = ()
        if latest is not None:
            figures = store.take_figures(latest.id)
            said = claim_status(figures, story.figures)
            issues = tuple(i.message for i in take_consistency(store, latest.id, story))
        rows.append(StoryRow(story.id, story, progress, said, issues))
    if store is not None:
        known = {s.id for s in bank.stories}
        for story_id in store.story_ids():
            if story_id not in known:
                rows.append(StoryRow(story_id, None, store.story_progress(story_id), {}, ()))
    return rows


def landed_cell(row: StoryRow) -> Content:
    if row.landed:
        return Content.styled("✓ landed", "bold $success")
    return Content.styled("not yet" if row.takes else "—", "$foreground-muted")


def last_cell(row: StoryRow) -> Content:
    latest = row.progress.latest if row.progress else None
    if latest is None:
        return Content.styled("—", "$foreground-muted")
    target = row.story.target_s if row.story and row.story.target_s else latest.target_s
    style = "bold $error" if latest.duration_s > target + 0.5 else "$success"
    return Content.assemble((format_clock(latest.duration_s), style),
                            (f" / {format_clock(target)}", "$foreground-muted"))


def figures_cell(row: StoryRow) -> Content:
    if row.inconsistencies:
        n = len(row.inconsistencies)
        return Content.styled(f"▲ {n} inconsistent", "bold $warning")
    if not row.claims_said:
        return Content.styled("—", "$foreground-muted")
    said = sum(row.claims_said.values())
    total = len(row.claims_said)
    return Content.styled(f"{said}/{total} said", "$success" if said == total else "$warning")


class StoriesScreen(BrowseScreen):
    HELP = """\
**Story bank**: the stories you drill until each lands

| key | does |
|---|---|
| ↑ ↓ | choose a story |
| enter | its progress: length and score across takes, best take, figures |
| d | drill it: its question again and again until a take lands |
| a | add a story |
| e | edit the story |
| delete | remove the story from the bank (its takes stay in the history) |
| esc | back |

A take **lands** when it is within the story's target with no ✖ flag: that is the
story's short version. The bank is a TOML file you can also edit by hand (see README).
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Progress", id="open",
                tooltip="The story's takes, plot and figures"),
        Binding("d", "drill", "Drill", id="drill",
                tooltip="Ask the story's question until a take lands"),
        Binding("a", "add", "Add", id="add", tooltip="Add a story to the bank"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit the chosen story"),
        Binding("delete", "remove", "Remove", id="remove", show=False,
                tooltip="Remove the chosen story from the bank (takes are kept)"),
        Binding("escape", "back", "Back", id="back", tooltip="Leave the story bank"),
    ]

    DEFAULT_CSS = """
    StoriesScreen #stories-title { height: 1; margin: 1 2 0 2; }
    StoriesScreen #stories-errors { height: auto; max-height: 4; margin: 0 2; color: $error; }
    StoriesScreen #stories-table { height: auto; max-height: 70%; margin: 1 2 0 2;
                                   scrollbar-size-vertical: 1; }
    StoriesScreen #story-summary { height: auto; max-height: 5; margin: 1 2 0 2;
                                   border-top: solid $border-blurred; }
    StoriesScreen.-short #stories-title, StoriesScreen.-short #stories-table,
    StoriesScreen.-short #story-summary { margin-top: 0; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.bank = StoryBank.load()
        self.rows: list[StoryRow] = []
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Static("", id="stories-title")
        yield Static("", id="stories-errors")
        yield DataTable(id="stories-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="story-summary")
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        wide = self.app.size.width >= 100
        fixed = 6 + 5 + 13 + 9 + (16 if wide else 11) + 2 * 6 + 5
        table.add_column("Story", width=max(18, self.app.size.width - fixed), key="title")
        table.add_column("Takes", width=6, key="takes")
        table.add_column("Best", width=5, key="best")
        table.add_column("Last / target", width=13, key="last")
        table.add_column("Landed", width=9, key="landed")
        table.add_column("Figures", width=16 if wide else 11, key="figures")
        table.focus()
        self.refresh_rows()
        self._ready = True

    def on_screen_resume(self) -> None:
        # Back from a drill, an edit or the detail screen: takes and stories may have changed.
        if self._ready:
            self.bank.reload()
            self.refresh_rows()

    def refresh_rows(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        current = self.current_row()
        try:
            self.rows = story_rows(self.bank, self.store)
        except UserError as exc:
            self.rows = [StoryRow(s.id, s, None, {}, ()) for s in self.bank.stories]
            self.notify(f"Progress unavailable: {exc}", severity="error")
        table.clear()
        for row in self.rows:
            best = row.progress.best if row.progress else None
            title = Content.styled(row.title, "bold" if row.story else "italic $foreground-muted")
            table.add_row(title, str(row.takes),
                          Content.styled(str(best.score), score_style(best.score)) if best
                          else Content.styled("—", "$foreground-muted"),
                          last_cell(row), landed_cell(row), figures_cell(row))
        if current is not None:
            index = next((i for i, r in enumerate(self.rows) if r.story_id == current.story_id),
                         0)
            table.move_cursor(row=index, animate=False)
        self._show_header()
        self._show_summary()

    def _show_header(self) -> None:
        landed = sum(1 for r in self.rows if r.landed)
        stories = [r for r in self.rows if r.story]
        parts: list[tuple[str, str] | str] = [("Story bank", "bold $accent")]
        if stories:
            parts.append(f"  {len(stories)} stories · {landed} landed")
        # The full path is in the empty-bank hint and the form; a title line has no room.
        parts.append((f"  {self.bank.path.name}", "$foreground-muted"))
        self.query_one("#stories-title", Static).update(Content.assemble(*parts))
        errors = self.query_one("#stories-errors", Static)
        errors.display = bool(self.bank.errors)
        if self.bank.errors:
            lines = [f"✖ {e}" for e in self.bank.errors[:3]]
            lines.append("Fix the file by hand; adding and editing here is off until then.")
            errors.update(Content("\n".join(lines)))

    @on(DataTable.RowHighlighted)
    def _show_summary(self) -> None:
        row = self.current_row()
        widget = self.query_one("#story-summary", Static)
        if row is None:
            empty = "" if self.bank.errors else "No stories yet: press a to add one, or write " \
                f"{self.bank.path} by hand (see `mockmic stories` for the format)."
            widget.update(Content.styled(empty, "$foreground-muted"))
            return
        if row.story is None:
            widget.update(Content.styled(f"{row.takes} takes are filed under {row.story_id!r}, "
                                         "which the story bank no longer has.",
                                         "$foreground-muted"))
            return
        story = row.story
        parts: list[tuple[str, str] | str] = [(story.summary or "(no summary)", "")]
        if story.figures:
            parts += ["\n", ("Claims: ", "bold")]
            for i, claim in enumerate(story.figures):
                said = row.claims_said.get(claim)
                mark = ("" if said is None else " ✓" if said else " ✗")
                style = "" if said is None else "$success" if said else "$warning"
                parts += [(", " if i else ""), (claim + mark, style)]
            if row.claims_said:
                parts.append(("  (in the latest take)", "$foreground-muted"))
        for message in row.inconsistencies[:2]:
            parts += ["\n", ("▲ ", "bold $warning"), message]
        widget.update(Content.assemble(*parts))

    def current_row(self) -> StoryRow | None:
        table: DataTable[Any] = self.query_one(DataTable)
        index = table.cursor_row
        return self.rows[index] if self.rows and 0 <= index < len(self.rows) else None

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "remove"):
            return self.bank.writable
        return True

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        from mockmic.screens.story_detail import StoryDetailScreen

        row = self.current_row()
        if row is not None:
            self.app.push_screen(StoryDetailScreen(row.story_id, row.story))

    def action_drill(self) -> None:
        from mockmic.screens.story_drill import start_story_drill

        row = self.current_row()
        if row is None:
            return
        if row.story is None:
            self.notify("That story is no longer in the bank: add it again to drill it.",
                        severity="warning")
            return
        start_story_drill(self.mockmic, row.story)

    def action_add(self) -> None:
        from mockmic.screens.story_form import StoryFormModal

        self.app.push_screen(StoryFormModal(self.bank), self._edited)

    def action_edit(self) -> None:
        from mockmic.screens.story_form import StoryFormModal

        row = self.current_row()
        if row is None or row.story is None:
            self.notify("Choose a story in the bank to edit.", severity="warning")
            return
        self.app.push_screen(StoryFormModal(self.bank, row.story, has_takes=row.takes > 0),
                             self._edited)

    def _edited(self, story: Story | None) -> None:
        if story is None:
            return
        self.refresh_rows()
        index = next((i for i, r in enumerate(self.rows) if r.story_id == story.id), None)
        if index is not None:
            self.query_one(DataTable).move_cursor(row=index, animate=False)
        self.notify(f"Saved “{story.title}” to {self.bank.path.name}.", timeout=4)

    def action_remove(self) -> None:
        row = self.current_row()
        if row is None or row.story is None:
            return
        story = row.story
        kept = f" Its {row.takes} takes stay in the history." if row.takes else ""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.bank.remove(story.id)
            except UserError as exc:
                self.notify(str(exc), severity="error")
                return
            self.refresh_rows()

        body = escape(f"“{story.title}” leaves the story bank.{kept}")
        self.app.push_screen(ConfirmModal("Remove this story?", body,
                                          yes="Remove", no="Keep"), answered)
