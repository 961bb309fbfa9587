"""Opening the history database: connection settings, corruption handling, schema migrations.

The schema version is SQLite's `user_version`. Version 1 is the first released schema (the
fixture `tests/fixtures/v1.db` holds one); every later version is a forward migration from
the one before, run in one write transaction after a backup copy of the old file is made.
A fresh database runs the same chain from 0, so the v1 → v2 path is exercised every time.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mockmic.storage.models import StorageError

SCHEMA_VERSION = 2
#: How long a writer waits for another mockmic instance's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000

_CORRUPT_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}

V1_DDL = """
CREATE TABLE takes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question_id TEXT,
    question_text TEXT NOT NULL,
    bank_id TEXT,
    story_id TEXT,
    duration_s REAL NOT NULL,
    target_s REAL NOT NULL,
    score INTEGER NOT NULL,
    flag_codes TEXT NOT NULL DEFAULT '',
    report_json TEXT NOT NULL,
    audio_path TEXT,
    recovered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX takes_created_at ON takes(created_at);
"""

# v2: sessions; the big JSON moves to its own table so listing 5,000 takes reads only small
# rows; flag severities, the typed-answer marker and each take's figures become columns.
V2_DDL = """
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    bank_id TEXT,
    mode TEXT NOT NULL
);
CREATE TABLE takes_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question_id TEXT,
    question_text TEXT NOT NULL,
    bank_id TEXT,
    story_id TEXT,
    session_id TEXT,
    duration_s REAL NOT NULL,
    target_s REAL NOT NULL,
    duration_estimated INTEGER NOT NULL DEFAULT 0,
    score INTEGER NOT NULL,
    flag_codes TEXT NOT NULL DEFAULT '',          -- comma-joined (codes are [a-z_])
    flag_severities TEXT NOT NULL DEFAULT '',
    recovered INTEGER NOT NULL DEFAULT 0,
    audio_path TEXT,
    figures_json TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE take_documents (
    take_id INTEGER PRIMARY KEY,
    report_json TEXT NOT NULL,
    transcript_json TEXT NOT NULL
);
"""

V2_INDEXES = """
CREATE INDEX takes_created_at ON takes(created_at);
CREATE INDEX takes_story ON takes(story_id, created_at);
CREATE INDEX takes_bank ON takes(bank_id, created_at);
CREATE INDEX takes_session ON takes(session_id, created_at);
"""

#: transcript JSON -> the figures it states, as JSON-ready dicts (stored per take).
FigureExtractor = Callable[[dict[str, Any]], list[dict[str, Any]]]


def _migrate_0_to_1(conn: sqlite3.Connection, figures: FigureExtractor) -> None:
    for statement in _statements(V1_DDL):
        conn.execute(statement)


def _migrate_1_to_2(conn: sqlite3.Connection, figures: FigureExtractor) -> None:
    for statement in _statements(V2_DDL):
        conn.execute(statement)
    rows = conn.execute(
        "SELECT id, created_at, question_id, question_text, bank_id, story_id, duration_s, "
        "target_s, score, report_json, audio_path, recovered FROM takes ORDER BY id").fetchall()
    for row in rows:
        report: dict[str, Any] = json.loads(row[9])
        transcript = report.pop("transcript", {}) or {}
        flags = report.get("flags", [])
        codes = ",".join(str(f.get("code", "")) for f in flags)
        severities = ",".join(str(f.get("severity", "info")) for f in flags)
        conn.execute(
            "INSERT INTO takes_v2 (id, created_at, question_id, question_text, bank_id, "
            "story_id, session_id, duration_s, target_s, duration_estimated, score, flag_codes, "
            "flag_severities, recovered, audio_path, figures_json) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
             int(bool(report.get("duration_estimated", False))), row[8], codes, severities,
             row[11], row[10], json.dumps(figures(transcript), ensure_ascii=False)))
        conn.execute("INSERT INTO take_documents (take_id, report_json, transcript_json) "
                     "VALUES (?, ?, ?)", (row[0], json.dumps(report, ensure_ascii=False),
                                          json.dumps(transcript, ensure_ascii=False)))
    # Keep AUTOINCREMENT's high-water mark so a deleted take's id is never handed out again.
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'takes'").fetchone()
    conn.execute("DROP TABLE takes")
    conn.execute("ALTER TABLE takes_v2 RENAME TO takes")
    for statement in _statements(V2_INDEXES):
        conn.execute(statement)
    if seq is not None:
        conn.execute("DELETE FROM sqlite_sequence WHERE name IN ('takes', 'takes_v2')")
        top = conn.execute("SELECT coalesce(max(id), 0) FROM takes").fetchone()[0]
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('takes', ?)",
                     (max(int(seq[0]), int(top)),))


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, FigureExtractor], None]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
}


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction first; run the statements one by one.
    return [s.strip() for s in script.split(";") if s.strip()]


def is_corruption(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    if name:
        return name in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def back_up_corrupt(db_path: Path) -> Path:
    """Move a corrupt database (and its WAL files) aside, bytes untouched, so the user keeps
    it for recovery and the next start begins a new history instead of failing forever."""
    backup = db_path.with_name(f"{db_path.name}.corrupt-{now_stamp()}")
    n = 1
    while backup.exists():
        n += 1
        backup = db_path.with_name(f"{db_path.name}.corrupt-{now_stamp()}-{n}")
    db_path.replace(backup)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.replace(backup.with_name(backup.name + suffix))
    return backup


def _set_wal(conn: sqlite3.Connection) -> None:
    # Switching the journal mode can return SQLITE_BUSY without consulting the busy handler
    # while another instance is opening the same file; retry for a while.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _backup_before_migration(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    target = db_path.with_name(f"{db_path.stem}.v{version}-{now_stamp()}.bak.db")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest, pages=-1)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, db_path: Path, figures: FigureExtractor) -> None:
    """Bring the schema up to SCHEMA_VERSION under the write lock (two instances starting
    together: the second sees the first's result and does nothing)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StorageError(f"history database {db_path} is from a newer mockmic (schema "
                           f"{version}; this one reads up to {SCHEMA_VERSION}): upgrade mockmic")
    if version > 0:
        # Before taking the write lock: the backup API cannot copy from a connection that is
        # inside its own write transaction. Another instance migrating meanwhile is harmless.
        _backup_before_migration(conn, db_path, version)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StorageError(f"{db_path} is an SQLite file but not a mockmic history "
                                   f"database; move it away or set MOCKMIC_HOME")
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](conn, figures)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def open_database(db_path: Path, figures: FigureExtractor) -> sqlite3.Connection:
    """Connect, configure and migrate. A corrupt file is moved aside and reported."""
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA user_version").fetchone()  # reads page 1: garbage fails here
        _set_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, db_path, figures)
        # Walks the takes b-tree: catches a damaged table now rather than mid-session.
        conn.execute("SELECT count(*), max(created_at) FROM takes").fetchone()
        return conn
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        if is_corruption(exc):
            backup = back_up_corrupt(db_path)
            raise StorageError(f"history database is corrupt ({exc}); backed up to {backup}, "
                               f"a new history starts next time") from exc
        raise StorageError(f"cannot open history database {db_path}: {exc}") from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
