"""The report's flags, worst first: a compact list to scan, and the chosen flag in full (its
message, its tip, how much evidence it has) underneath. Highlighting a flag shows its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from mockmic.core.report import SEVERITY_ORDER, Flag

SEVERITY_MARK: dict[str, tuple[str, str]] = {
    "fail": ("✖", "bold $error"),
    "warn": ("▲", "bold $warning"),
    "info": ("●", "bold $primary"),
}

#: What each flag is called in the list (the coach's message says the specifics).
FLAG_TITLES: dict[str, str] = {
    "over_time": "Over time",
    "rambling": "Rambling",
    "missing_stakes": "Stakes",
    "missing_metric": "No number",
    "missing_decision": "No decision",
    "missing_learning": "No learning",
    "weak_ownership": "'We', not 'I'",
    "late_impact": "Late impact",
    "too_fast": "Too fast",
    "too_slow": "Too slow",
    "filler_heavy": "Fillers",
    "long_pauses": "Long pauses",
}

#: The list shows the start of each message; the detail panel shows all of it.
SHORT_MESSAGE = 48


def sort_flags(flags: Sequence[Flag]) -> list[Flag]:
    """Worst first; the coach's own order is kept within a severity."""
    return sorted(flags, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))


def flag_title(flag: Flag) -> str:
    return FLAG_TITLES.get(flag.code, flag.code.replace("_", " ").capitalize())


def short_message(message: str, limit: int = SHORT_MESSAGE) -> str:
    """The message's first clause without its label ("Rambling: …"), cut at a word boundary."""
    label, sep, rest = message.partition(": ")
    if sep and len(label) <= 24 and rest:
        message = rest
    first = message.split(";")[0].strip().rstrip(".")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",") + "…"


def flag_prompt(flag: Flag) -> Content:
    mark, style = SEVERITY_MARK.get(flag.severity, SEVERITY_MARK["info"])
    # "dim" rather than a muted colour: it follows the row's own colour when highlighted.
    return Content.assemble((f"{mark} ", style), (flag_title(flag), "bold"),
                            ("  " + short_message(flag.message), "dim"))


def flag_detail(flag: Flag | None) -> Content:
    if flag is None:
        return Content.styled("Nothing to flag: this answer did what it should.",
                              "bold $success")
    mark, style = SEVERITY_MARK.get(flag.severity, SEVERITY_MARK["info"])
    n = len(flag.evidence)
    where = (f"  ({n} passage{'s' if n > 1 else ''} lit in the transcript)" if n
             else "  (nothing to light up: this is about what the answer leaves out)")
    return Content.assemble((f"{mark} ", style), (flag_title(flag), "bold"), "\n",
                            ("Tip: ", "bold $success"), (flag.tip, "bold"), "\n",
                            flag.message, (where, "$foreground-muted"))


class FlagList(OptionList):
    """One line per flag; posts `FlagList.Shown` as the highlight moves."""

    DEFAULT_CSS = """
    FlagList { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    @dataclass
    class Shown(Message):
        """The highlighted flag changed (None: the list is empty)."""

        flag: Flag | None

    def __init__(self, flags: Sequence[Flag], *, id: str | None = None) -> None:
        self.flags = sort_flags(flags)
        # Ids by position: a coach may raise the same code twice (two different causes).
        options = [Option(flag_prompt(flag), id=f"flag-{n}") for n, flag in enumerate(self.flags)]
        if not options:
            options.append(Option(Content.styled("✔ No flags", "bold $success"), disabled=True))
        super().__init__(*options, id=id)

    @on(OptionList.OptionHighlighted)
    def _shown(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        self.post_message(self.Shown(self.flags[index] if index < len(self.flags) else None))


class FlagDetail(VerticalScroll):
    """The highlighted flag in full: the tip first (it is what to do), then what was found."""

    DEFAULT_CSS = """
    FlagDetail { height: auto; max-height: 12; }
    FlagDetail > Static { height: auto; }
    """

    def __init__(self, flag: Flag | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Static(flag_detail(flag) if flag is not None else "")

    def compose(self) -> ComposeResult:
        yield self._text

    def show(self, flag: Flag | None) -> None:
        self._text.update(flag_detail(flag))
        self.scroll_home(animate=False)
