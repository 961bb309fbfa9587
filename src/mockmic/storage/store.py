"""The history store: every take's row, report and audio, safe with two instances running.

SQLite in WAL mode with a busy timeout, one write transaction per change (`BEGIN IMMEDIATE`,
so two writers queue instead of deadlocking on a lock upgrade). Audio is published only
after its row commits (see `audiofiles`); a caller's source file is removed only after that,
and only when it was a recording in mockmic's own takes dir.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from mockmic import paths
from mockmic.core.quantities import Quantity
from mockmic.core.report import FLAG_CODES, Report
from mockmic.errors import AudioInputError
from mockmic.storage import audiofiles
from mockmic.storage.models import (
    EraseSummary,
    SessionSummary,
    StorageError,
    StoryProgress,
    TakeRecord,
    TakeSummary,
    best_take,
    figures_from_transcript,
    order_flags,
    quantity_from_dict,
)
from mockmic.storage.schema import is_corruption, open_database

#: Sortable columns for list_takes (over_by is derived).
ORDER_COLUMNS: dict[str, str] = {
    "created_at": "created_at", "duration_s": "duration_s", "target_s": "target_s",
    "score": "score", "question_text": "question_text", "story_id": "story_id", "id": "id",
    "over_by": "(duration_s - target_s)",
}
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so text order is time order
_SUMMARY_COLUMNS = ("id, created_at, question_id, question_text, bank_id, story_id, session_id, "
                    "duration_s, target_s, score, flag_codes, flag_severities, recovered, "
                    "audio_path, duration_estimated")


def to_db_time(moment: datetime) -> str:
    """UTC, fixed width. A naive datetime is taken as local time."""
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def from_db_time(text: str) -> datetime:
    # fromisoformat reads our fixed format (with its "Z") ~20x faster than strptime.
    return datetime.fromisoformat(text)


def _commit(conn: sqlite3.Connection) -> None:
    conn.execute("COMMIT")


class Store:
    """The history of takes. Methods may be called from any thread (one lock per store)."""

    def __init__(self, db_path: Path | None = None, audio_dir: Path | None = None) -> None:
        self.db_path = db_path or paths.database_file()
        self.audio_dir = audio_dir or paths.data_dir() / "audio"
        try:
            paths.ensure(self.db_path.parent)
            paths.ensure(self.audio_dir)
        except OSError as exc:
            raise StorageError(f"cannot create the history folder: {exc}") from exc
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = open_database(self.db_path,
                                                              figures_from_transcript)
        referenced = {row[0] for row in self._rows(
            "SELECT audio_path FROM takes WHERE audio_path IS NOT NULL")}
        audiofiles.sweep(self.audio_dir, referenced)

    # --- plumbing ---------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageError("the history store is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            conn = self._db
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                _commit(conn)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            if is_corruption(exc):
                raise StorageError(f"history database {self.db_path} is corrupt ({exc}); "
                                   f"quit mockmic and start it again to back it up") from exc
            if "locked" in str(exc) or "busy" in str(exc):
                raise StorageError("history database is busy (another mockmic is writing); "
                                   "try again") from exc
            raise StorageError(f"history database error: {exc}") from exc

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
        with self._lock, self._errors():
            return self._db.execute(sql, params).fetchall()

    def _audio_file(self, name: str | None) -> Path | None:
        if not name:
            return None
        final = self.audio_dir / name
        return final if audiofiles.publish(final) else None

    def _present(self, rows: list[Any]) -> set[str]:
        """Which of these rows' audio files exist: one directory listing for a long list
        (thousands of stat calls cost more), a stat each for a short one."""
        names = [row[13] for row in rows if row[13]]
        if len(names) > 64:
            try:
                return set(os.listdir(self.audio_dir)).intersection(names)
            except OSError:
                return set()
        folder = str(self.audio_dir)
        return {n for n in names if os.path.exists(os.path.join(folder, n))}

    def _summaries(self, rows: list[Any]) -> list[TakeSummary]:
        present = self._present(rows)
        return [TakeSummary(*_summary_values(row, row[13] in present)) for row in rows]

    # --- takes ------------------------------------------------------------------------------

    def save_take(self, *, report: Report, audio_src: Path | None, question_text: str,
                  question_id: str | None = None, bank_id: str | None = None,
                  story_id: str | None = None, session_id: str | None = None,
                  recovered: bool = False, created_at: datetime | None = None) -> TakeRecord:
        """Keep a take: its row, its report and (if given) its audio as FLAC, all or nothing."""
        created = created_at or datetime.now(UTC)
        final: Path | None = None
        if audio_src is not None:
            if not audio_src.is_file():
                raise AudioInputError(f"cannot save the take: no audio file at {audio_src}")
            final = self.audio_dir / audiofiles.new_audio_name(created.astimezone(UTC))
        report_dict = report.to_dict()
        transcript = report_dict.pop("transcript")
        codes = ",".join(f.code for f in report.flags)
        severities = ",".join(f.severity for f in report.flags)
        figures = json.dumps(figures_from_transcript(transcript), ensure_ascii=False)
        part = audiofiles.part_path(final) if final else None
        try:
            if audio_src is not None and part is not None:
                audiofiles.encode_flac(audio_src, part)
            with self._write() as conn:
                if session_id is not None and not conn.execute(
                        "SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
                    raise StorageError(f"no session {session_id!r} in the history")
                cursor = conn.execute(
                    "INSERT INTO takes (created_at, question_id, question_text, bank_id, "
                    "story_id, session_id, duration_s, target_s, duration_estimated, score, "
                    "flag_codes, flag_severities, recovered, audio_path, figures_json) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (to_db_time(created), question_id, question_text, bank_id, story_id,
                     session_id, report.duration_s, report.target_s,
                     int(report.duration_estimated), report.score, codes, severities,
                     int(recovered), final.name if final else None, figures))
                take_id = cursor.lastrowid
                assert take_id is not None
                conn.execute("INSERT INTO take_documents (take_id, report_json, "
                             "transcript_json) VALUES (?, ?, ?)",
                             (take_id, json.dumps(report_dict, ensure_ascii=False),
                              json.dumps(transcript, ensure_ascii=False)))
        except BaseException:
            if part is not None:
                part.unlink(missing_ok=True)
            raise
        if final is not None:
            # Should this rename fail, the next read or start-up finishes it (audiofiles).
            audiofiles.publish(final)
            if audio_src is not None and _inside(audio_src, paths.takes_dir()):
                audio_src.unlink(missing_ok=True)
        record = self.get_take(take_id)
        assert record is not None
        return record

    def get_take(self, take_id: int) -> TakeRecord | None:
        rows = self._rows(
            f"SELECT {_SUMMARY_COLUMNS}, d.report_json, d.transcript_json FROM takes "
            "LEFT JOIN take_documents d ON d.take_id = takes.id WHERE id = ?", (take_id,))
        if not rows:
            return None
        row = rows[0]
        try:
            data = json.loads(row[15])
            data["transcript"] = json.loads(row[16])
            report = Report.from_dict(data)
        except (TypeError, ValueError, KeyError) as exc:
            raise StorageError(f"take {take_id}: its stored report cannot be read ({exc})"
                               ) from exc
        audio = self._audio_file(row[13])
        return TakeRecord(*_summary_values(row, audio is not None), report=report,
                          audio_path=audio)

    def list_takes(self, *, story_id: str | None = None, bank_id: str | None = None,
                   flag: str | None = None, session_id: str | None = None,
                   order_by: str = "created_at", descending: bool = True,
                   limit: int | None = None) -> list[TakeSummary]:
        """Takes matching every filter given; no report JSON is read."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("story_id", story_id), ("bank_id", bank_id),
                              ("session_id", session_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if flag is not None:
            if flag not in FLAG_CODES:
                raise StorageError(f"unknown flag {flag!r} (flags: {', '.join(FLAG_CODES)})")
            where.append("instr(',' || flag_codes || ',', ?) > 0")
            params.append(f",{flag},")
        if order_by not in ORDER_COLUMNS:
            raise StorageError(f"cannot sort takes by {order_by!r} "
                               f"(choose from {', '.join(ORDER_COLUMNS)})")
        direction = "DESC" if descending else "ASC"
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM takes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {ORDER_COLUMNS[order_by]} {direction}, id {direction}"
        if limit is not None:
            if limit < 1:
                raise StorageError(f"limit must be at least 1, got {limit}")
            sql += " LIMIT ?"
            params.append(limit)
        return self._summaries(self._rows(sql, params))

    def count_takes(self) -> int:
        return int(self._rows("SELECT count(*) FROM takes")[0][0])

    def delete_take(self, take_id: int) -> None:
        """Delete a take and its audio. The audio goes after the commit: a crash in between
        leaves an unnamed file, never a take without its audio."""
        with self._write() as conn:
            row = conn.execute("SELECT audio_path FROM takes WHERE id = ?",
                               (take_id,)).fetchone()
            if row is None:
                raise StorageError(f"no take {take_id} in the history")
            conn.execute("DELETE FROM take_documents WHERE take_id = ?", (take_id,))
            conn.execute("DELETE FROM takes WHERE id = ?", (take_id,))
        if row[0]:
            audiofiles.remove_audio(self.audio_dir / row[0])

    def take_figures(self, take_id: int) -> list[Quantity]:
        """The figures a take stated, as found when it was saved."""
        rows = self._rows("SELECT figures_json FROM takes WHERE id = ?", (take_id,))
        if not rows:
            raise StorageError(f"no take {take_id} in the history")
        return [quantity_from_dict(d) for d in json.loads(rows[0][0])]

    def story_figures(self, story_id: str, *, before_take: int | None = None
                      ) -> list[list[Quantity]]:
        """Each earlier take's figures for a story, oldest first (cheap: no report parsing)."""
        sql = "SELECT figures_json FROM takes WHERE story_id = ?"
        params: list[Any] = [story_id]
        if before_take is not None:
            sql += " AND id < ?"
            params.append(before_take)
        sql += " ORDER BY created_at, id"
        return [[quantity_from_dict(d) for d in json.loads(row[0])]
                for row in self._rows(sql, params)]

    # --- sessions ---------------------------------------------------------------------------

    def new_session(self, *, bank_id: str | None, mode: str) -> str:
        created = datetime.now(UTC)
        session_id = f"{created:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
        with self._write() as conn:
            conn.execute("INSERT INTO sessions (id, created_at, bank_id, mode) "
                         "VALUES (?, ?, ?, ?)", (session_id, to_db_time(created), bank_id, mode))
        return session_id

    def sessions(self, *, limit: int | None = None, session_id: str | None = None
                 ) -> list[SessionSummary]:
        """Sessions newest first, with how many takes each kept."""
        sql = ("SELECT s.id, s.created_at, s.bank_id, s.mode, count(t.id), max(t.created_at) "
               "FROM sessions s LEFT JOIN takes t ON t.session_id = s.id")
        params: list[Any] = []
        if session_id is not None:
            sql += " WHERE s.id = ?"
            params.append(session_id)
        sql += " GROUP BY s.id ORDER BY s.created_at DESC, s.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [SessionSummary(id=r[0], created_at=from_db_time(r[1]), bank_id=r[2], mode=r[3],
                               take_count=r[4],
                               last_take_at=from_db_time(r[5]) if r[5] else None)
                for r in self._rows(sql, params)]

    def get_session(self, session_id: str) -> SessionSummary | None:
        found = self.sessions(session_id=session_id)
        return found[0] if found else None

    def session_takes(self, session_id: str) -> list[TakeSummary]:
        """A session's takes in the order they were recorded."""
        if self.get_session(session_id) is None:
            raise StorageError(f"no session {session_id!r} in the history")
        return self.list_takes(session_id=session_id, descending=False)

    # --- stories ----------------------------------------------------------------------------

    def story_progress(self, story_id: str, *, target_s: float | None = None) -> StoryProgress:
        """A story's takes oldest first, its best take and its first landed take. `target_s`
        (the story's own target) judges landing; by default each take's recorded target."""
        takes = tuple(self.list_takes(story_id=story_id, descending=False))
        return StoryProgress(story_id=story_id, takes=takes, best=best_take(takes, target_s),
                             landed_take=next((t for t in takes if t.lands(target_s)), None),
                             target_s=target_s)

    def story_ids(self) -> list[str]:
        """Every story id that has takes (stories may have been removed from the bank)."""
        return [r[0] for r in self._rows(
            "SELECT DISTINCT story_id FROM takes WHERE story_id IS NOT NULL ORDER BY story_id")]

    # --- retention and erasure --------------------------------------------------------------

    def apply_retention(self, days: int, *, now: datetime | None = None) -> int:
        """Delete the audio of takes older than `days` days; their rows and reports stay.
        Returns how many takes lost their audio."""
        if days < 0:
            raise StorageError(f"retention_days must be 0 or more, got {days}")
        cutoff = to_db_time((now or datetime.now(UTC)) - timedelta(days=days))
        with self._write() as conn:
            rows = conn.execute("SELECT id, audio_path FROM takes WHERE audio_path IS NOT NULL "
                                "AND created_at < ?", (cutoff,)).fetchall()
            conn.executemany("UPDATE takes SET audio_path = NULL WHERE id = ?",
                             [(r[0],) for r in rows])
        for _, name in rows:
            audiofiles.remove_audio(self.audio_dir / name)
        return len(rows)

    def erase_all(self) -> EraseSummary:
        """Delete every take, session and audio file, then compact the database so the
        deleted transcripts do not linger in free pages."""
        with self._write() as conn:
            takes = conn.execute("SELECT count(*) FROM takes").fetchone()[0]
            sessions = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
            conn.execute("DELETE FROM take_documents")
            conn.execute("DELETE FROM takes")
            conn.execute("DELETE FROM sessions")
        files = 0
        freed = 0
        for path in sorted(self.audio_dir.iterdir()):
            if path.is_file() and (path.suffix == audiofiles.AUDIO_SUFFIX
                                   or path.name.endswith(audiofiles.PART_SUFFIX)):
                freed += audiofiles.remove_audio(path)
                files += 1
        with self._lock, self._errors():
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return EraseSummary(takes=takes, sessions=sessions, audio_files=files,
                            audio_bytes=freed)

    def audio_usage(self) -> tuple[int, int]:
        """(files, bytes) of take audio on disk."""
        files = [p for p in self.audio_dir.glob(f"*{audiofiles.AUDIO_SUFFIX}") if p.is_file()]
        return len(files), sum(p.stat().st_size for p in files)


@functools.lru_cache(maxsize=512)
def _split_codes(joined: str) -> tuple[str, ...]:
    return tuple(c for c in joined.split(",") if c)


@functools.lru_cache(maxsize=512)
def _top_flags(codes: tuple[str, ...], severities: tuple[str, ...]) -> tuple[str, ...]:
    return order_flags(codes, severities)


def _summary_values(row: Any, has_audio: bool) -> tuple[Any, ...]:
    """TakeSummary's fields in declaration order, from a row of _SUMMARY_COLUMNS. Positional
    and cached: building 5,000 summaries is the history screen's whole cost."""
    codes, severities = _split_codes(row[10]), _split_codes(row[11])
    return (row[0], from_db_time(row[1]), row[2], row[3], row[4], row[5], row[6], row[7],
            row[8], row[9], codes, _top_flags(codes, severities), bool(row[12]), has_audio,
            severities, bool(row[14]))


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
