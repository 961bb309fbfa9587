"""A damaged or foreign database is reported and kept, never silently replaced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mockmic import paths
from mockmic.storage import SCHEMA_VERSION, StorageError, Store

from .factory import make_report


def test_garbage_is_backed_up_byte_for_byte_and_named(home: Path) -> None:
    db = paths.database_file()
    paths.ensure(db.parent)
    garbage = b"this was a history database once\x00\xff" * 300
    db.write_bytes(garbage)
    with pytest.raises(StorageError) as caught:
        Store()
    message = str(caught.value)
    assert "corrupt" in message and "\n" not in message
    backups = list(db.parent.glob("mockmic.db.corrupt-*"))
    assert len(backups) == 1
    assert str(backups[0]) in message
    assert backups[0].read_bytes() == garbage
    # Reported once; the next start begins a new, empty history beside the backup.
    with Store() as fresh:
        assert fresh.list_takes() == []
        fresh.save_take(report=make_report(), audio_src=None, question_text="Q")
    assert backups[0].read_bytes() == garbage


def test_a_damaged_page_in_a_real_database_is_caught_on_open(home: Path) -> None:
    with Store() as s:
        for i in range(40):
            s.save_take(report=make_report(), audio_src=None, question_text=f"Q{i}")
        db = s.db_path
    raw = bytearray(db.read_bytes())
    page = 4096
    # Scribble over every page after the schema page: the tables' b-trees are broken.
    for start in range(page, len(raw), page):
        raw[start:start + 64] = b"\xde\xad\xbe\xef" * 16
    db.write_bytes(bytes(raw))
    with pytest.raises(StorageError, match=r"corrupt.*backed up to"):
        Store()
    assert list(db.parent.glob("mockmic.db.corrupt-*"))


def test_a_database_from_a_newer_mockmic_is_left_untouched(home: Path) -> None:
    with Store() as s:
        db = s.db_path
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StorageError, match="newer mockmic"):
        Store()
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.corrupt-*"))


def test_someone_elses_sqlite_file_is_not_taken_over(home: Path) -> None:
    db = paths.database_file()
    paths.ensure(db.parent)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not a mockmic history database"):
        Store()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM recipes").fetchall() == [("soup",)]
    conn.close()
