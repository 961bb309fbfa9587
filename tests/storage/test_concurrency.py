"""Two mockmic instances writing at once: every take kept, nothing corrupted."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

from mockmic.storage import Store

from .factory import audio_files, make_report, write_wav

TAKES_EACH = 50


def _save_takes(home: str, wav: str, label: str) -> int:
    os.environ["MOCKMIC_HOME"] = home
    saved = 0
    with Store() as store:
        for i in range(TAKES_EACH):
            store.save_take(report=make_report(score=i), audio_src=Path(wav),
                            question_text=f"{label} {i}", story_id=label)
            saved += 1
            if i % 10 == 0:  # readers interleaved with the other process's writes
                store.list_takes(limit=20)
    return saved


def test_two_processes_save_fifty_takes_each(home: Path, tmp_path: Path) -> None:
    wav = write_wav(tmp_path / "answer.wav", seconds=0.5)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = [pool.apply_async(_save_takes, (str(home), str(wav), name))
                   for name in ("alpha", "beta")]
        counts = [r.get(timeout=300) for r in results]
    assert counts == [TAKES_EACH, TAKES_EACH]
    with Store() as store:
        takes = store.list_takes()
        assert len(takes) == 2 * TAKES_EACH
        assert len({t.id for t in takes}) == 2 * TAKES_EACH
        for label in ("alpha", "beta"):
            mine = store.list_takes(story_id=label, descending=False)
            assert [t.question_text for t in mine] == [f"{label} {i}" for i in range(50)]
        assert all(t.has_audio for t in takes)
        assert len(audio_files(store.audio_dir)) == 2 * TAKES_EACH
    conn = sqlite3.connect(store.db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
