"""What every mockmic screen shares: typed access to the app and its services, and the one
place worker failures become a visible notice."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.screen import Screen
from textual.worker import Worker

from mockmic.services import Services

if TYPE_CHECKING:
    from mockmic.app import MockmicApp


class MockmicScreen(Screen[None]):
    #: Shown by the help screen: which keys this screen answers to.
    HELP = ""

    @property
    def mockmic(self) -> MockmicApp:
        return cast("MockmicApp", self.app)

    @property
    def services(self) -> Services:
        return self.mockmic.services

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        # StateChanged does not bubble, so each screen forwards to the app's single handler.
        self.mockmic.worker_state_changed(event)
