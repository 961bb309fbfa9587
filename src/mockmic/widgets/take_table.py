"""A table that stays instant with thousands of takes: only the rows on screen are rendered.

Textual's DataTable measures every cell of every row it is given (to size its columns), so a
history of 5,000 takes took 1.5 s to open on the 2-core test machine. Here the columns have
fixed widths (one takes what is left), the row data stay as they are, and each visible line
is drawn on demand from a cell function (the Line API: `ScrollView.render_line`). The keys and
messages mirror DataTable's row-cursor mode: ↑ ↓ page home end, enter to select, a click to
move the cursor (a second click selects), a click on a header to sort.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual

T = TypeVar("T")

#: Blank cells between columns (and at each edge).
GAP = 1


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int | None = None
    """Cells; None: this column takes whatever width the others leave (at least `min`)."""
    min: int = 8


class TakeTable(ScrollView, Generic[T], can_focus=True):
    """Rows of `T`, drawn by `cell(row, column_key) -> Content`, with a row cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "take-table--header", "take-table--cursor", "take-table--even-row",
    }

    DEFAULT_CSS = """
    TakeTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .take-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .take-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .take-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .take-table--even-row { background: $surface-darken-1 40%; }
        & > .take-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Highlighted(Message):
        table: TakeTable[object]
        index: int

    @dataclass
    class Selected(Message):
        table: TakeTable[object]
        index: int

    @dataclass
    class HeaderSelected(Message):
        table: TakeTable[object]
        key: str

    def __init__(self, columns: Sequence[Column], cell: Callable[[T, str], Content], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.cell = cell
        self.rows: list[T] = []
        self._lines: LRUCache[tuple[int, int, bool, bool, int], Strip] = LRUCache(256)
        self._generation = 0

    # -- data -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T], *, cursor: int = 0) -> None:
        self.rows = list(rows)
        self._generation += 1
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.cursor_row = max(0, min(cursor, len(self.rows) - 1))
        self.refresh()

    def refresh_rows(self) -> None:
        """Redraw every row (their data changed in place)."""
        self._generation += 1
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current(self) -> T | None:
        return self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None

    def widths(self, total: int) -> list[int]:
        fixed = sum(c.width for c in self.columns if c.width is not None)
        flexible = [c for c in self.columns if c.width is None]
        room = total - fixed - GAP * (len(self.columns) + 1)
        share = max(min(c.min for c in flexible), room // len(flexible)) if flexible else 0
        return [c.width if c.width is not None else share for c in self.columns]

    # -- cursor -----------------------------------------------------------------------------

    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        if self.rows:
            self.post_message(self.Highlighted(self, new))  # type: ignore[arg-type]

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        self.cursor_row += step

    def action_page(self, direction: int) -> None:
        self.cursor_row += direction * max(1, self.scrollable_content_region.height - 2)

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.cursor_row))  # type: ignore[arg-type]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            x = offset.x + round(self.scroll_x)
            left = GAP
            for column, width in zip(self.columns, self.widths(self._width()), strict=True):
                if left <= x < left + width + GAP:
                    self.post_message(self.HeaderSelected(self, column.key))  # type: ignore[arg-type]
                    return
                left += width + GAP
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor_row:
                self.action_select()
            else:
                self.cursor_row = index

    # -- drawing ----------------------------------------------------------------------------

    def _width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    def _line(self, cells: Sequence[Content], widths: Sequence[int]) -> Content:
        gap = Content(" " * GAP)
        parts = [gap]
        for content, width in zip(cells, widths, strict=True):
            parts += [content.truncate(width, ellipsis=True, pad=True), gap]
        return Content("").join(parts)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        widths = self.widths(width)
        if y == 0:
            style = self.get_visual_style("take-table--header")
            line = self._line([Content(c.label) for c in self.columns], widths)
            return self._strip(line, width, style)
        index = round(self.scroll_y) + y - 1
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor_row
        key = (index, width, is_cursor, self.has_focus, self._generation)
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        row = self.rows[index]
        classes = ["take-table--cursor"] if is_cursor else (
            ["take-table--even-row"] if index % 2 else [])
        style = self.get_visual_style(*classes)
        strip = self._strip(self._line([self.cell(row, c.key) for c in self.columns], widths),
                            width, style)
        self._lines[key] = strip
        return strip

    def _strip(self, line: Content, width: int, style: VisualStyle) -> Strip:
        strips = Visual.to_strips(self, line, width, 1, style, pad=True)
        return strips[0].extend_cell_length(width, style.rich_style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
