"""Take history: SQLite (WAL) plus FLAC audio beside it, in the user data dir.

No Textual here: screens read these dataclasses and call these methods (from workers).
"""

from __future__ import annotations

from mockmic.storage.helpers import (
    apply_retention_from_settings,
    save_analyzed,
    take_consistency,
)
from mockmic.storage.models import (
    EraseSummary,
    SessionSummary,
    StorageError,
    StoryProgress,
    TakeRecord,
    TakeSummary,
)
from mockmic.storage.schema import SCHEMA_VERSION
from mockmic.storage.store import ORDER_COLUMNS, Store

__all__ = [
    "ORDER_COLUMNS",
    "SCHEMA_VERSION",
    "EraseSummary",
    "SessionSummary",
    "StorageError",
    "Store",
    "StoryProgress",
    "TakeRecord",
    "TakeSummary",
    "apply_retention_from_settings",
    "save_analyzed",
    "take_consistency",
]
