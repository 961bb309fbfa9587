"""The report's transcript: fillers marked, signals in a positive colour, the overrun tail set
apart, a selected flag's evidence highlighted, and the word being replayed followed.

Words are laid out by our own greedy wrap so we know which line each word is on: that is what
lets a selected flag scroll its evidence into view, and replay keep the current word visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from mockmic.core.report import Report, Span
from mockmic.widgets.timer import format_clock

FILLER_STYLE = "underline $warning"
SIGNAL_STYLE = "bold $success"
OVERRUN_STYLE = "italic $foreground-muted"
EVIDENCE_STYLE = "on $accent 35%"
PLAYING_STYLE = "reverse bold"


@dataclass(frozen=True)
class WordMarks:
    """What each word of the transcript is, by word index."""

    fillers: frozenset[int]
    signals: dict[int, str]
    overrun_from: int | None
    target_s: float

    @classmethod
    def of(cls, report: Report) -> WordMarks:
        fillers: set[int] = set()
        filler_metrics: dict[str, Any] = report.metrics.get("fillers") or {}
        for item in filler_metrics.get("items") or []:
            if isinstance(item, dict) and "start_word" in item:
                fillers.update(range(int(item["start_word"]), int(item.get("end_word",
                                                                          item["start_word"] + 1))))
        signals: dict[int, str] = {}
        for kind, spans in report.signals.items():
            for span in spans:
                for i in range(span.start_word, span.end_word):
                    signals.setdefault(i, kind)
        return cls(frozenset(fillers), signals, _overrun_from(report), report.target_s)


def _overrun_from(report: Report) -> int | None:
    """Index of the first word spoken after the target, or None when the answer fit."""
    if report.duration_s <= report.target_s:
        return None
    timing: dict[str, Any] = report.metrics.get("timing") or {}
    tail = timing.get("overrun_tail")
    if isinstance(tail, dict) and "start_word" in tail:
        return int(tail["start_word"])
    index = timing.get("target_word_index")
    if isinstance(index, int) and 0 <= index < len(report.transcript.words):
        return index
    return next((i for i, w in enumerate(report.transcript.words) if w.start >= report.target_s),
                None)


def words_in(spans: Iterable[Span]) -> frozenset[int]:
    return frozenset(i for span in spans for i in range(span.start_word, span.end_word))


def layout(words: Sequence[str], width: int, break_before: int | None
           ) -> tuple[list[list[int]], int | None]:
    """Greedy word wrap: lines of word indices, and the line index of the overrun divider.

    An empty line list entry stands for the divider line placed before word `break_before`.
    """
    lines: list[list[int]] = []
    current: list[int] = []
    used = 0
    divider_line: int | None = None
    for i, word in enumerate(words):
        if i == break_before:
            if current:
                lines.append(current)
            divider_line = len(lines)
            lines.append([])
            current, used = [], 0
        need = len(word) + (1 if current else 0)
        if current and used + need > width:
            lines.append(current)
            current, used = [], 0
            need = len(word)
        current.append(i)
        used += need
    if current:
        lines.append(current)
    return lines, divider_line


class TranscriptBody(Widget):
    """The laid-out words; sized to its content so the parent scroll view can scroll it."""

    DEFAULT_CSS = """
    TranscriptBody { height: auto; width: 1fr; }
    """

    evidence: reactive[frozenset[int]] = reactive(frozenset())
    playing: reactive[int | None] = reactive(None)

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.words = [w.text.strip() for w in report.transcript.words]
        self.marks = WordMarks.of(report)
        self._lines: list[list[int]] = []
        self._divider: int | None = None
        self._laid_out_for = -1

    def _layout(self, width: int) -> None:
        if width != self._laid_out_for:
            self._lines, self._divider = layout(self.words, max(10, width),
                                                self.marks.overrun_from)
            self._laid_out_for = width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._layout(width)
        return max(1, len(self._lines))

    def line_of(self, word_index: int) -> int | None:
        self._layout(self.content_region.width)
        for n, line in enumerate(self._lines):
            if line and line[0] <= word_index <= line[-1]:
                return n
        return None

    def word_style(self, i: int) -> str:
        parts: list[str] = []
        overrun = self.marks.overrun_from
        if overrun is not None and i >= overrun:
            parts.append(OVERRUN_STYLE)
        if i in self.marks.signals:
            parts.append(SIGNAL_STYLE)
        if i in self.marks.fillers:
            parts.append(FILLER_STYLE)
        if i in self.evidence:
            parts.append(EVIDENCE_STYLE)
        if i == self.playing:
            parts.append(PLAYING_STYLE)
        return " ".join(parts)

    def render(self) -> Content:
        if not self.words:
            return Content.styled("(no words were recognised in this take)", "$foreground-muted")
        width = self.content_region.width
        self._layout(width)
        rendered: list[Content] = []
        for n, line in enumerate(self._lines):
            if n == self._divider:
                label = f" past the {format_clock(self.marks.target_s)} target "
                rule = "──" + label + "─" * max(0, width - len(label) - 2)
                rendered.append(Content.styled(rule[:width], "$error"))
                continue
            parts: list[tuple[str, str] | str] = []
            for k, i in enumerate(line):
                if k:
                    # A space inside one highlighted stretch keeps the highlight unbroken.
                    joined = i in self.evidence and line[k - 1] in self.evidence
                    parts.append((" ", EVIDENCE_STYLE) if joined else " ")
                parts.append((self.words[i], self.word_style(i)))
            rendered.append(Content.assemble(*parts))
        return Content("\n").join(rendered)


class TranscriptView(VerticalScroll):
    """A scrolling transcript. `show_evidence` and `follow_word` keep the words in view."""

    DEFAULT_CSS = """
    TranscriptView { height: 1fr; }
    """

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = TranscriptBody(report)

    def compose(self) -> Iterable[Widget]:
        yield self.body

    def show_evidence(self, spans: Sequence[Span]) -> None:
        self.body.evidence = words_in(spans)
        if spans:
            self._scroll_to_word(spans[0].start_word)

    def follow_word(self, index: int | None) -> None:
        if index == self.body.playing:
            return
        self.body.playing = index
        if index is not None:
            self._scroll_to_word(index)

    def _scroll_to_word(self, index: int) -> None:
        line = self.body.line_of(index)
        if line is None:
            return
        top, height = self.scroll_y, self.scrollable_content_region.height
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False)
