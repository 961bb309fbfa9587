"""How one stored take reads in a table: when, what was asked, length against the target, score
and its worst flags. Shared by the history, story and compare screens so a take looks the same
everywhere.

Pure functions over `TakeSummary`-like values (anything with the same attributes), returning
Textual `Content`; no widgets here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from textual.content import Content

from mockmic.widgets.flag_list import FLAG_TITLES, SEVERITY_MARK
from mockmic.widgets.timer import format_clock

#: Over the target by less than this reads as "on time": a take that ends at 1:30.4 of 1:30
#: is not an overrun anyone would notice.
OVER_TOLERANCE_S = 0.5


class TakeLike(Protocol):
    """The parts of `mockmic.storage.TakeSummary` these cells read."""

    @property
    def id(self) -> int: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def question_text(self) -> str: ...

    @property
    def story_id(self) -> str | None: ...

    @property
    def duration_s(self) -> float: ...

    @property
    def target_s(self) -> float: ...

    @property
    def score(self) -> int: ...

    @property
    def top_flags(self) -> tuple[str, ...]: ...

    @property
    def has_audio(self) -> bool: ...

    @property
    def duration_estimated(self) -> bool: ...

    def severity_of(self, code: str) -> str | None: ...

    def lands(self, target_s: float | None = None) -> bool: ...


def score_style(score: int) -> str:
    return "bold $success" if score >= 80 else "bold $warning" if score >= 60 else "bold $error"


def when_cell(take: TakeLike) -> Content:
    """Local time, to the minute: takes are compared across days, rarely within one."""
    return Content(take.created_at.astimezone().strftime("%d %b %Y %H:%M"))


def topic_text(take: TakeLike, story_titles: Mapping[str, str] | None = None) -> str:
    """The story's title for a story take (the question is the same every time), else the
    question."""
    if take.story_id:
        title = (story_titles or {}).get(take.story_id, take.story_id)
        return f"◆ {title} · {take.question_text}"
    return take.question_text


def topic_cell(take: TakeLike, story_titles: Mapping[str, str] | None = None) -> Content:
    text = topic_text(take, story_titles)
    if take.story_id:
        head, _, rest = text.partition(" · ")
        return Content.assemble((head, "bold $accent"), (" · " + rest, ""))
    return Content(text)


def duration_cell(take: TakeLike) -> Content:
    over = take.duration_s - take.target_s
    style = "bold $error" if over >= OVER_TOLERANCE_S else "$success"
    estimated = "~" if take.duration_estimated else ""
    return Content.assemble((estimated + format_clock(take.duration_s), style),
                            (f" / {format_clock(take.target_s)}", "$foreground-muted"))


def score_cell(take: TakeLike) -> Content:
    return Content.styled(str(take.score), score_style(take.score))


def flags_cell(take: TakeLike, limit: int = 3) -> Content:
    """The worst flags, each with its severity mark; "+n" for the rest."""
    if not take.top_flags:
        return Content.styled("✔ no flags", "$success")
    parts: list[tuple[str, str] | str] = []
    for code in take.top_flags[:limit]:
        if parts:
            parts.append(", ")
        mark, style = SEVERITY_MARK.get(take.severity_of(code) or "info", SEVERITY_MARK["info"])
        parts += [(mark + " ", style), FLAG_TITLES.get(code, code)]
    extra = len(take.top_flags) - limit
    if extra > 0:
        parts.append((f" +{extra}", "$foreground-muted"))
    return Content.assemble(*parts)


def marks_cell(take: TakeLike, target_s: float | None = None) -> Content:
    """✓ when the take lands the short version; ♪ when it can be replayed."""
    landed = Content.styled("✓", "bold $success") if take.lands(target_s) else Content(" ")
    audio = Content.styled(" ♪", "$foreground-muted") if take.has_audio else Content("  ")
    return landed + audio


def flag_label(code: str) -> str:
    return FLAG_TITLES.get(code, code.replace("_", " ").capitalize())


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
