"""The report's flags, worst first, each with its tip; highlighting one shows its evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from mockmic.core.report import SEVERITY_ORDER, Flag

SEVERITY_MARK: dict[str, tuple[str, str]] = {
    "fail": ("✖", "bold $error"),
    "warn": ("▲", "bold $warning"),
    "info": ("●", "bold $primary"),
}


def sort_flags(flags: Sequence[Flag]) -> list[Flag]:
    """Worst first; the coach's own order is kept within a severity."""
    return sorted(flags, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))


def flag_prompt(flag: Flag) -> Content:
    mark, style = SEVERITY_MARK.get(flag.severity, SEVERITY_MARK["info"])
    evidence = f"  [{len(flag.evidence)} in transcript]" if flag.evidence else ""
    return Content.assemble(
        (f"{mark} ", style), (flag.message, "bold"), (evidence, "$foreground-muted"), "\n",
        ("  " + flag.tip, "$foreground-muted"),
    )


class FlagList(OptionList):
    """One option per flag; posts `FlagList.Shown` as the highlight moves."""

    DEFAULT_CSS = """
    FlagList { height: 1fr; }
    """

    @dataclass
    class Shown(Message):
        """The highlighted flag changed (None: the list is empty)."""

        flag: Flag | None

    def __init__(self, flags: Sequence[Flag], *, id: str | None = None) -> None:
        self.flags = sort_flags(flags)
        options: list[Option | None] = []
        for n, flag in enumerate(self.flags):
            if n:
                options.append(None)
            options.append(Option(flag_prompt(flag), id=flag.code))
        if not options:
            options.append(Option(Content.styled("✔ Nothing to flag: this answer did what it "
                                                 "should.", "bold $success"), disabled=True))
        super().__init__(*options, id=id)

    @on(OptionList.OptionHighlighted)
    def _shown(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        flag = next((f for f in self.flags if f.code == event.option_id), None)
        self.post_message(self.Shown(flag))
