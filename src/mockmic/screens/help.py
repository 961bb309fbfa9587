"""Help (`?`): the keys of the screen it was opened from, and the ones that work everywhere."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

EVERYWHERE = """\
**Everywhere**

| key | does |
|---|---|
| ? | this help |
| ctrl+p | command palette (start, import, theme, home…) |
| h / b / p | history / story bank / progress (from home and while browsing) |
| ctrl+t | switch light / dark theme |
| ctrl+q | quit |

Everything stays on this machine: the question is spoken locally, the answer is transcribed
locally, and takes are kept in your data folder.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", id="close-help"),
    ]

    def __init__(self, screen_help: str) -> None:
        super().__init__(classes="dialog-screen")
        self.screen_help = screen_help

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Markdown(f"{self.screen_help}\n\n{EVERYWHERE}" if self.screen_help
                           else EVERYWHERE)

    def action_close(self) -> None:
        self.dismiss(None)
