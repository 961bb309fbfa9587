"""The mockmic app: a mock interview from spoken question to coach's report, keyboard first.

The app owns the flow (which screen comes next) and the long-lived state (the speech model
loading in the background, the current interview); screens render and send intents. The stack is
always the home screen plus at most one flow screen, which `_show` switches in place.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, Literal

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from mockmic import paths
from mockmic.core.banks import Bank
from mockmic.errors import UserError
from mockmic.interview import MODE_LABEL, Interview, Mode, SessionView, Take
from mockmic.messages import ModelReady, RecoveredTakes
from mockmic.services import Services

ModelState = Literal["loading", "ready", "failed"]

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class MockmicApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "mockmic"
    # Textual declares these as instance variables, so they cannot be ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="help",
                tooltip="Every key on this screen"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="theme", show=False,
                tooltip="Switch between the light and the dark theme"),
        # Browsing the stored history (screens/browse.py decides where these keys work).
        Binding("h", "history", "History", id="history", tooltip="Every take you kept"),
        Binding("b", "stories", "Stories", id="stories",
                tooltip="Your story bank: progress, drills, editing"),
        Binding("p", "progress", "Progress", id="progress", tooltip="Trends over all takes"),
    ]

    def __init__(self, services: Services, *, load_model: bool = True) -> None:
        super().__init__()
        self.services = services
        self.interview: Interview | None = None
        self.last_session: SessionView | None = None
        self.model_state: ModelState = "loading"
        self.model_error: str | None = None
        self.model_ready = threading.Event()
        self.recovered: list[Any] = []
        self._load_model_at_start = load_model
        if not load_model:
            # Nothing loads it up front: the transcriber loads on first use instead.
            self.model_ready.set()
        self._apply_theme(services.settings.theme)

    # -- start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from mockmic.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.last_session = self._last_stored_session()
        if self._load_model_at_start:
            self.load_model()
        if self.services.speaker is not None:
            self.check_speaker()
        if self.services.recovery is not None:
            self.find_recovered()

    def _last_stored_session(self) -> SessionView | None:
        """The newest session in the history that kept a take (a quick indexed query)."""
        from mockmic.screens.summary import session_from_store

        store = self.services.store
        sessions = getattr(store, "sessions", None)
        if store is None or sessions is None:
            return None
        names = {bank.id: bank.name for bank in self.services.banks}
        try:
            for session in sessions(limit=20):
                if session.take_count:
                    mode = MODE_LABEL.get(session.mode, session.mode.title())
                    bank = names.get(session.bank_id, session.bank_id or "imported")
                    return session_from_store(store, session, f"{mode} · {bank}")
        except UserError as exc:
            self.notify(f"History unavailable: {exc}", severity="warning")
        return None

    def _apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name
        else:
            self.theme = DARK_THEME

    @work(thread=True, exclusive=True, group="model", exit_on_error=False,
          description="Loading the speech model")
    def load_model(self) -> None:
        try:
            self.services.transcriber.load()
        except UserError as exc:
            self.post_message(ModelReady(str(exc)))
            return
        self.post_message(ModelReady())

    def wait_for_model(self, on_wait: Callable[[], None] | None = None) -> bool:
        """From a worker: block until the model has loaded (or failed to). False if the
        worker was cancelled meanwhile. `on_wait` runs once if there is any waiting to do."""
        if self.model_ready.is_set():
            return True
        if on_wait is not None:
            on_wait()
        worker = get_current_worker()
        while not self.model_ready.wait(0.2):
            if worker.is_cancelled:
                return False
        return True

    @on(ModelReady)
    def _model_ready(self, event: ModelReady) -> None:
        self.model_error = event.error
        self.model_state = "failed" if event.error else "ready"
        self.model_ready.set()
        if event.error:
            self.notify(event.error, title="Speech model", severity="error", timeout=15)

    @work(thread=True, exclusive=True, group="speaker", exit_on_error=False,
          description="Starting the speech engine")
    def check_speaker(self) -> None:
        if not self.services.check_speaker():
            self.call_from_thread(self._refresh_home)

    def _refresh_home(self) -> None:
        from mockmic.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_notices()

    @work(thread=True, exclusive=True, group="recovery", exit_on_error=False,
          description="Looking for interrupted takes")
    def find_recovered(self) -> None:
        assert self.services.recovery is not None
        found = self.services.recovery.find()
        if found:
            self.post_message(RecoveredTakes(found))

    @on(RecoveredTakes)
    def _recovered(self, event: RecoveredTakes) -> None:
        self.recovered = list(event.takes)
        self._refresh_home()

    def worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes a notice (screens forward theirs here)."""
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        error = worker.error
        what = worker.description or worker.name or "A background task"
        message = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self.notify(message or "unexpected error", title=f"{what} failed", severity="error",
                    timeout=15)

    @on(Worker.StateChanged)
    def _app_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.worker_state_changed(event)

    # -- the flow ---------------------------------------------------------------------------

    def _show(self, screen: Screen[Any]) -> None:
        """Replace the flow screen (or open one over home), keeping the stack shallow."""
        from mockmic.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and self.screen.is_modal:
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def start_interview(self, bank: Bank, mode: Mode, count: int | None, shuffle: bool) -> None:
        if not bank.questions:
            self.notify(f"{bank.name} has no questions.", severity="warning")
            return
        if mode == "drill":
            questions = bank.select(None, shuffle=True, seed=self.services.seed)
        else:
            questions = bank.select(count, shuffle=shuffle, seed=self.services.seed)
        session_id = None
        if self.services.store is not None:
            try:
                session_id = self.services.store.new_session(bank_id=bank.id, mode=mode)
            except (UserError, OSError) as exc:
                self.notify(f"Takes will not be grouped into a session: {exc}",
                            severity="warning")
        self.interview = Interview(mode, bank.id, bank.name, questions,
                                   session_id=getattr(session_id, "id", session_id),
                                   target_override=self.services.target_override)
        self.ask()

    def ask(self, *, speak: bool = True) -> None:
        from mockmic.screens.question import QuestionScreen

        assert self.interview is not None
        self._show(QuestionScreen(self.interview, speak=speak))

    def record(self) -> None:
        from mockmic.screens.recording import RecordingScreen

        assert self.interview is not None
        if not self.services.can_record:
            self.notify(self.services.recorder_error or "No microphone.", severity="error")
            return
        self._show(RecordingScreen(self.interview))

    def show_take(self, take: Take, *, review: bool = False) -> None:
        """The report of a take. `review` (from a summary or import) hides retry/next."""
        from mockmic.screens.report import ReportScreen

        if review:
            self.push_screen(ReportScreen(take, None))
        else:
            self._show(ReportScreen(take, self.interview))

    def retry(self) -> None:
        if self.interview is not None:
            self.ask(speak=False)

    def next_question(self) -> None:
        if self.interview is None:
            return
        if self.interview.advance():
            self.ask()
        else:
            self.show_summary()

    def show_summary(self, session: SessionView | None = None) -> None:
        """The summary of `session`, or of the interview that has just ended."""
        from mockmic.screens.summary import SummaryScreen

        if session is not None:
            self.push_screen(SummaryScreen(session))
            return
        if self.interview is None:
            return
        self.last_session = self.interview.view()
        self.interview = None
        self._show(SummaryScreen(self.last_session))

    def go_home(self) -> None:
        """Back to the home screen; an interview with answers becomes the last session."""
        from mockmic.screens.home import HomeScreen

        if self.interview is not None and self.interview.answered:
            self.last_session = self.interview.view()
        self.interview = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_last_session()

    # -- keys and commands --------------------------------------------------------------------

    def action_help(self) -> None:
        from mockmic.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "HELP", "")))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from mockmic.screens.browse import BROWSE_ACTIONS, browsing_allowed

        return browsing_allowed(self) if action in BROWSE_ACTIONS else True

    def action_history(self) -> None:
        from mockmic.screens.browse import open_history

        open_history(self)

    def action_stories(self) -> None:
        from mockmic.screens.browse import open_stories

        open_stories(self)

    def action_progress(self) -> None:
        from mockmic.screens.browse import open_progress

        open_progress(self)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME
        self.notify(f"Theme: {self.theme}", timeout=2)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Light / dark theme", "Switch between the light and dark theme",
                            self.action_toggle_theme)
        yield SystemCommand("Help: keys", "Show every key on this screen", self.action_help)
        from mockmic.screens.browse import browsing_allowed

        if browsing_allowed(self):
            yield SystemCommand("History", "Every take you kept (h)", self.action_history)
            yield SystemCommand("Story bank", "Your stories, their progress and drills (b)",
                                self.action_stories)
            yield SystemCommand("Progress", "Trends over all your takes (p)",
                                self.action_progress)
        from mockmic.screens.home import HomeScreen

        if isinstance(screen, HomeScreen):
            yield SystemCommand("Start", "Start a mock session or drill with the chosen bank",
                                screen.action_start)
            yield SystemCommand("Import audio file", "Transcribe and coach an answer you "
                                "recorded elsewhere", screen.action_import)
            if self.last_session is not None:
                yield SystemCommand("Last session summary", "Durations, scores and top flags",
                                    screen.action_last_session)
        elif self.interview is not None or self.screen_stack[-1] is not screen:
            yield SystemCommand("Home", "Leave this question and go back to the home screen",
                                self.go_home)


def run_app(args: argparse.Namespace) -> int:
    """`mockmic` with no subcommand: build the real services and run until the user quits."""
    from mockmic.settings import Settings, SettingsError, load_settings

    if getattr(args, "target", None) is not None and args.target <= 0:
        raise UserError("--target must be a positive number of seconds")
    notices: list[str] = []
    try:
        settings = load_settings()
    except SettingsError as exc:
        settings = Settings()
        notices.append(f"Using default settings: {exc}")
    with native_stderr_to(paths.cache_dir() / "native-stderr.log"):
        services = Services.real(settings, args)
        services.notices[:0] = notices
        result = MockmicApp(services).run()
    return int(result or 0)


@contextmanager
def native_stderr_to(log: Path) -> Iterator[None]:
    """Send what C libraries write to file descriptor 2 into `log` while the app runs.

    ALSA, PortAudio and espeak-ng print warnings straight to fd 2, which is also the terminal
    Textual draws on (its driver writes to `sys.__stderr__`): they would scribble over the
    screen. So fd 2 goes to the log, and Python's stderr objects (which Textual and its crash
    report use) move to a duplicate of the terminal's descriptor.
    """
    try:
        paths.ensure(log.parent)
        target = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError:
        yield  # no cache dir: better a scribbled screen than no app
        return
    sys.stderr.flush()
    terminal = os.dup(2)
    os.dup2(target, 2)
    os.close(target)
    saved = sys.stderr, sys.__stderr__
    stream = os.fdopen(os.dup(terminal), "w", buffering=1, encoding="utf-8", errors="replace")
    sys.stderr = stream
    setattr(sys, "__stderr__", stream)  # noqa: B010 (typeshed marks it read-only)
    try:
        yield
    finally:
        stream.flush()
        sys.stderr, original = saved
        setattr(sys, "__stderr__", original)  # noqa: B010
        stream.close()
        os.dup2(terminal, 2)
        os.close(terminal)


def audio_path_of(take: Take) -> Path | None:
    """A playable file for a take, if it still exists."""
    path = take.audio_path
    return path if path is not None and path.exists() else None
