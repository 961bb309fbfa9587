"""One-call entry points for other commands and the app's start-up.

`mockmic analyze PATH --save` and `mockmic record --save` call `save_analyzed`; the CLI and
the app call `apply_retention_from_settings` once at start-up; the story screens call
`take_consistency`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mockmic.core.report import Report
from mockmic.core.stories import Inconsistency, Story, check_figures
from mockmic.settings import Settings, SettingsError, load_settings
from mockmic.storage.models import TakeRecord
from mockmic.storage.store import Store


def save_analyzed(report: Report, audio_path: Path | None, *, question_text: str,
                  story_id: str | None = None, question_id: str | None = None,
                  bank_id: str | None = None, store: Store | None = None) -> TakeRecord:
    """Keep an answer coached outside the app in the history.

    The audio is copied (encoded to FLAC) into the store; the original file is left where it
    is unless it lives in mockmic's own takes dir. `audio_path` None keeps a typed answer.
    """
    own = store is None
    target = store or Store()
    try:
        return target.save_take(report=report, audio_src=audio_path, question_text=question_text,
                                question_id=question_id, bank_id=bank_id, story_id=story_id)
    finally:
        if own:
            target.close()


def apply_retention_from_settings(settings: Settings | None = None,
                                  store: Store | None = None) -> int:
    """Delete take audio older than `settings.retention_days` (None keeps everything).

    Returns how many takes lost their audio. Raises SettingsError for a broken settings file
    when `settings` is not given, and StorageError when the history cannot be opened.
    """
    settings = settings or load_settings()
    if settings.retention_days is None:
        return 0
    own = store is None
    target = store or Store()
    try:
        return target.apply_retention(int(settings.retention_days))
    finally:
        if own:
            target.close()


def open_store_at_startup(warn: Callable[[str], None]) -> Store:
    """The default store with the retention setting applied, for a command that reads the
    history. A broken settings file skips retention (with a warning), never the command."""
    store = Store()
    try:
        apply_retention_from_settings(store=store)
    except SettingsError as exc:
        warn(f"retention not applied: {exc}")
    except BaseException:
        store.close()
        raise
    return store


def take_consistency(store: Store, take_id: int, story: Story) -> list[Inconsistency]:
    """A stored take's figures against its story's claims and the story's earlier takes."""
    said = store.take_figures(take_id)
    earlier = store.story_figures(story.id, before_take=take_id)
    return check_figures(said, story.figures, earlier)
