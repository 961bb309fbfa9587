"""What the history, story, compare and progress screens share: the way in from the app (h, b,
p), typed access to the history store, opening a take's report or replay, and the story bank
file as the app reads and writes it.

These screens browse what is stored; they are reachable from the home screen and from each
other, never in the middle of a question (a key there must not leave a recording behind).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockmic import paths
from mockmic.core.stories import Story, StoryBankError, check_stories, write_stories
from mockmic.errors import UserError
from mockmic.interview import Take
from mockmic.screens.base import MockmicScreen

if TYPE_CHECKING:
    from textual.app import App

    from mockmic.app import MockmicApp
    from mockmic.storage import Store, TakeRecord

#: App actions that open a browsing screen (bound to h, b and p in the app).
BROWSE_ACTIONS: frozenset[str] = frozenset({"history", "stories", "progress"})


class BrowseScreen(MockmicScreen):
    """A screen over the stored history. Esc goes back to whatever was under it."""

    @property
    def store(self) -> Store | None:
        return history_store(self.mockmic)

    def require_store(self) -> Store | None:
        store = self.store
        if store is None:
            self.notify(self.services.store_error or "The history is not available.",
                        severity="error")
        return store

    def load_record(self, take_id: int) -> TakeRecord | None:
        """The take with its report, or None with a one-line notice saying why not."""
        store = self.require_store()
        if store is None:
            return None
        try:
            record = store.get_take(take_id)
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return None
        if record is None:
            self.notify(f"Take #{take_id} is no longer in the history.", severity="warning")
        return record

    def open_report(self, take_id: int) -> None:
        """The report screen in its review mode (no retry / next), over this one."""
        record = self.load_record(take_id)
        if record is not None:
            self.mockmic.show_take(Take(None, record.report, record, record.audio_path),
                                   review=True)

    def open_replay(self, take_id: int) -> None:
        from mockmic.screens.replay import ReplayScreen

        record = self.load_record(take_id)
        if record is not None:
            self.app.push_screen(ReplayScreen(record))

    def action_back(self) -> None:
        self.app.pop_screen()


def history_store(app: MockmicApp) -> Store | None:
    """The app's store when it is the real history (the app runs without one if it broke)."""
    from mockmic.storage import Store

    store: Any = app.services.store
    return store if isinstance(store, Store) else None


def browsing_allowed(app: App[Any]) -> bool:
    """h / b / p work on the home screen and on the browsing screens, not mid-question."""
    from mockmic.screens.home import HomeScreen

    if getattr(app, "interview", None) is not None:
        return False
    return isinstance(app.screen, HomeScreen | BrowseScreen)


def _open(app: MockmicApp, screen: BrowseScreen) -> None:
    if type(app.screen) is type(screen):
        return
    # Browsing screens stack (esc walks back), but not the same kind twice in a row.
    app.push_screen(screen)


def open_history(app: MockmicApp, *, story_id: str | None = None) -> None:
    from mockmic.screens.history import HistoryScreen

    _open(app, HistoryScreen(story_id=story_id))


def open_stories(app: MockmicApp) -> None:
    from mockmic.screens.stories import StoriesScreen

    _open(app, StoriesScreen())


def open_progress(app: MockmicApp) -> None:
    from mockmic.screens.progress import ProgressScreen

    _open(app, ProgressScreen())


# --- the story bank file ----------------------------------------------------------------------

@dataclass
class StoryBank:
    """The story bank as the app sees it: the stories, or why the file cannot be used.

    A file with errors is shown, never rewritten: the user may be halfway through editing it
    by hand, and the app's writer would drop whatever it could not parse.
    """

    path: Path
    stories: list[Story] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _stamp: tuple[int, int] | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> StoryBank:
        bank = cls(path or paths.stories_file())
        bank.reload()
        return bank

    def reload(self) -> None:
        self._stamp = _stamp(self.path)
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.stories, self.errors = [], []
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.stories, self.errors = [], [f"{self.path}: cannot read the story bank: {exc}"]
            return
        stories, errors = check_stories(text, self.path)
        self.stories, self.errors = stories, [str(e) for e in errors]

    @property
    def writable(self) -> bool:
        return not self.errors

    @property
    def titles(self) -> dict[str, str]:
        return {s.id: s.title for s in self.stories}

    def get(self, story_id: str) -> Story | None:
        return next((s for s in self.stories if s.id == story_id), None)

    def save(self, stories: list[Story]) -> None:
        """Write `stories` (the whole bank). Refuses when the file is broken or was changed
        on disk since it was read: the user's own edit wins, and they redo theirs in the app."""
        if self.errors:
            raise StoryBankError(self.path, None, "fix the errors in the file first "
                                 "(the app does not overwrite a file it cannot read)")
        if _stamp(self.path) != self._stamp:
            self.reload()
            raise StoryBankError(self.path, None, "the file changed on disk since it was read; "
                                 "it has been reloaded: make the change again")
        write_stories(self.path, stories)
        self.stories = list(stories)
        self._stamp = _stamp(self.path)

    def put(self, story: Story, *, replacing: str | None = None) -> None:
        """Add `story`, or replace the story with id `replacing` in place."""
        stories = list(self.stories)
        if replacing is None:
            if any(s.id == story.id for s in stories):
                raise StoryBankError(self.path, None, f"a story with id {story.id!r} exists")
            stories.append(story)
        else:
            index = next((i for i, s in enumerate(stories) if s.id == replacing), None)
            if index is None:
                raise StoryBankError(self.path, None, f"no story {replacing!r} to edit")
            stories[index] = story
        self.save(stories)

    def remove(self, story_id: str) -> None:
        self.save([s for s in self.stories if s.id != story_id])


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
