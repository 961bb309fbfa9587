"""Forward migrations from the first released schema (tests/fixtures/v1.db)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from mockmic.core.stories import Story
from mockmic.storage import SCHEMA_VERSION, Store, take_consistency

from .factory import make_report, write_wav

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "v1.db"


def _v1_reports() -> dict[int, dict[str, Any]]:
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        return {row[0]: json.loads(row[1])
                for row in conn.execute("SELECT id, report_json FROM takes")}
    finally:
        conn.close()


@pytest.fixture
def migrated(tmp_path: Path) -> Store:
    db = tmp_path / "data" / "mockmic.db"
    db.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURE, db)
    audio = tmp_path / "data" / "audio"
    audio.mkdir()
    # Take 2's recording survived; take 1's file was lost before the upgrade.
    write_wav(audio / "20240502-090000-aaaa0002.flac")
    return Store(db, audio)


def test_every_v1_report_reads_back_identically(migrated: Store) -> None:
    originals = _v1_reports()
    assert sorted(originals) == [1, 2, 3, 4]
    for take_id, original in originals.items():
        record = migrated.get_take(take_id)
        assert record is not None
        assert record.report.to_dict() == original
    migrated.close()


def test_v1_rows_gain_the_v2_columns(migrated: Store) -> None:
    takes = {t.id: t for t in migrated.list_takes()}
    assert list(takes) == [4, 3, 2, 1]
    assert takes[1].flag_codes == ("over_time", "rambling", "weak_ownership")
    assert takes[1].flag_severities == ("fail", "warn", "warn")
    assert takes[1].top_flags[0] == "over_time"
    assert takes[3].duration_estimated and not takes[3].has_audio
    assert takes[2].has_audio and not takes[1].has_audio
    assert takes[1].session_id is None
    assert [t.id for t in migrated.list_takes(flag="rambling")] == [1]
    progress = migrated.story_progress("ml-cost-cut")
    assert [t.id for t in progress.takes] == [1, 2, 4]
    assert progress.landed_take is not None and progress.landed_take.id == 2
    migrated.close()


def test_figures_are_backfilled_for_consistency_checks(migrated: Store) -> None:
    story = Story(id="ml-cost-cut", title="Cut cost", figures=("22 %", "$400k/yr"))
    assert {q.format() for q in migrated.take_figures(2)} == {"22%", "$400,000/year"}
    issues = take_consistency(migrated, 1, story)
    assert [i.message for i in issues] == ["your story claims 22 %; this take said 30%"]
    migrated.close()


def test_a_deleted_v1_take_id_is_never_reused(migrated: Store) -> None:
    new = migrated.save_take(report=make_report(), audio_src=None, question_text="Q")
    assert new.id == 6  # v1 had handed out 5 before its take was deleted
    migrated.close()


def test_the_upgrade_keeps_a_copy_of_the_v1_file(migrated: Store) -> None:
    backups = list(migrated.db_path.parent.glob("mockmic.v1-*.bak.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM takes").fetchone()[0] == 4
    conn.close()
    migrated.close()


def _schema(db: Path) -> tuple[int, list[tuple[str, str]]]:
    conn = sqlite3.connect(db)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                            "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
        return version, [(n, " ".join(s.replace('"', "").split())) for n, s in rows]
    finally:
        conn.close()


def test_a_new_database_and_a_migrated_one_have_the_same_schema(migrated: Store,
                                                                tmp_path: Path) -> None:
    migrated.close()
    Store(tmp_path / "fresh.db", tmp_path / "fresh-audio").close()
    fresh = _schema(tmp_path / "fresh.db")
    assert fresh[0] == SCHEMA_VERSION
    assert _schema(migrated.db_path) == fresh
