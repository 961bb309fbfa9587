"""The history store: round-trips, audio handling, atomic saves, filters, stories, retention."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import soundfile as sf

from mockmic import paths
from mockmic.core.stories import Story
from mockmic.errors import AudioInputError
from mockmic.settings import Settings
from mockmic.storage import (
    StorageError,
    Store,
    apply_retention_from_settings,
    audiofiles,
    save_analyzed,
    take_consistency,
)
from mockmic.storage import store as store_module

from .factory import audio_files, make_report, write_wav

DAY = timedelta(days=1)


def test_report_json_is_identical_after_save_and_load(store: Store, tmp_path: Path) -> None:
    report = make_report(flags=(("over_time", "fail"), ("rambling", "warn"),
                                ("missing_learning", "info")),
                         metrics={"wpm": 151.2, "fillers": 2, "nested": {"a": [1, 2]}})
    saved = store.save_take(report=report, audio_src=write_wav(tmp_path / "a.wav"),
                            question_text="Tell me about a time you reduced cost.",
                            question_id="cost-tradeoff", bank_id="general",
                            story_id="ml-cost-cut")
    loaded = store.get_take(saved.id)
    assert loaded is not None
    assert json.dumps(loaded.report.to_dict(), sort_keys=True) == \
        json.dumps(report.to_dict(), sort_keys=True)
    assert (loaded.question_id, loaded.bank_id, loaded.story_id) == \
        ("cost-tradeoff", "general", "ml-cost-cut")
    assert loaded.flag_codes == ("over_time", "rambling", "missing_learning")
    assert loaded.flag_severities == ("fail", "warn", "info")
    assert loaded.score == report.score and loaded.duration_s == report.duration_s


def test_top_flags_put_fails_before_warnings(store: Store) -> None:
    report = make_report(flags=(("missing_learning", "info"), ("rambling", "warn"),
                                ("over_time", "fail")))
    take = store.save_take(report=report, audio_src=None, question_text="Q")
    assert take.top_flags == ("over_time", "rambling", "missing_learning")
    assert store.list_takes()[0].top_flags == take.top_flags


def test_wav_is_kept_as_flac_and_the_callers_file_is_left_alone(store: Store,
                                                                 tmp_path: Path) -> None:
    src = write_wav(tmp_path / "answer.wav", seconds=1.5, rate=22050)
    take = store.save_take(report=make_report(), audio_src=src, question_text="Q")
    assert take.audio_path is not None and take.audio_path.suffix == ".flac"
    assert take.audio_path.parent == store.audio_dir
    stored, rate = sf.read(str(take.audio_path))
    original, _ = sf.read(str(src))
    assert rate == 22050 and len(stored) == len(original)
    assert abs(stored - original).max() < 1e-4  # lossless for 16-bit input
    assert src.exists() and take.has_audio


def test_flac_is_copied_byte_for_byte(store: Store, tmp_path: Path) -> None:
    src = tmp_path / "answer.flac"
    sf.write(str(src), sf.read(str(write_wav(tmp_path / "x.wav")))[0], 16000, format="FLAC")
    take = store.save_take(report=make_report(), audio_src=src, question_text="Q")
    assert take.audio_path is not None
    assert take.audio_path.read_bytes() == src.read_bytes()


def test_a_recording_from_the_takes_dir_is_moved_in(store: Store) -> None:
    src = write_wav(paths.ensure(paths.takes_dir()) / "take-001.wav")
    take = store.save_take(report=make_report(), audio_src=src, question_text="Q")
    assert not src.exists()
    assert take.audio_path is not None and take.audio_path.exists()


def test_a_typed_answer_is_kept_without_audio(store: Store) -> None:
    take = store.save_take(report=make_report(estimated=True), audio_src=None,
                           question_text="Q")
    assert take.audio_path is None and not take.has_audio
    assert take.duration_estimated and not take.landed


def test_unreadable_audio_is_refused_and_nothing_is_kept(store: Store, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.wav"
    bogus.write_text("not audio at all")
    with pytest.raises(AudioInputError, match=r"notes\.wav"):
        store.save_take(report=make_report(), audio_src=bogus, question_text="Q")
    assert store.list_takes() == [] and audio_files(store.audio_dir) == []
    with pytest.raises(AudioInputError, match="no audio file"):
        store.save_take(report=make_report(), audio_src=tmp_path / "gone.wav",
                        question_text="Q")


def test_a_take_whose_audio_vanished_stays_readable(store: Store, tmp_path: Path) -> None:
    take = store.save_take(report=make_report(), audio_src=write_wav(tmp_path / "a.wav"),
                           question_text="Q")
    assert take.audio_path is not None
    take.audio_path.unlink()
    again = store.get_take(take.id)
    assert again is not None and again.audio_path is None and not again.has_audio
    assert again.report.transcript.text == take.report.transcript.text
    assert not store.list_takes()[0].has_audio


def test_a_failed_encode_leaves_neither_row_nor_audio(store: Store, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_wav(paths.ensure(paths.takes_dir()) / "take.wav")

    def half_then_crash(source: Path, dest: Path) -> None:
        dest.write_bytes(source.read_bytes()[:500])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audiofiles, "encode_flac", half_then_crash)
    with pytest.raises(OSError, match="No space"):
        store.save_take(report=make_report(), audio_src=src, question_text="Q")
    assert store.list_takes() == []
    assert audio_files(store.audio_dir) == []
    assert src.exists()  # the user's only copy of the answer


def test_a_failed_commit_leaves_neither_row_nor_audio(store: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_wav(paths.ensure(paths.takes_dir()) / "take.wav")

    def crash(conn: object) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as m, pytest.raises(OSError):
        m.setattr(store_module, "_commit", crash)
        store.save_take(report=make_report(), audio_src=src, question_text="Q")
    assert store.list_takes() == []
    assert audio_files(store.audio_dir) == []
    assert src.exists()
    # The store still works after the failed transaction.
    assert store.save_take(report=make_report(), audio_src=src, question_text="Q").has_audio


def test_a_crash_between_commit_and_rename_is_finished_on_next_open(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_wav(tmp_path / "a.wav")
    with Store() as first, monkeypatch.context() as m:
        m.setattr(audiofiles, "publish", lambda final: False)
        take = first.save_take(report=make_report(), audio_src=src, question_text="Q")
    assert [p.suffix for p in audio_files(first.audio_dir)] == [".part"]
    with Store() as second:
        again = second.get_take(take.id)
        assert again is not None and again.audio_path is not None
        assert sf.info(str(again.audio_path)).frames == 16000
        assert [p.suffix for p in audio_files(second.audio_dir)] == [".flac"]


def test_start_up_deletes_only_stale_unclaimed_parts(home: Path) -> None:
    with Store() as s:
        audio_dir = s.audio_dir
    stale = audio_dir / "20240101-000000-dead0001.flac.part"
    fresh = audio_dir / "20240101-000000-busy0002.flac.part"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"y")  # another instance may be encoding this one right now
    old = time.time() - audiofiles.STALE_PART_S - 60
    os.utime(stale, (old, old))
    unnamed = audio_dir / "20240101-000000-keep0003.flac"
    unnamed.write_bytes(b"z")
    Store().close()
    assert not stale.exists() and fresh.exists() and unnamed.exists()


def test_deleting_a_take_deletes_its_audio(store: Store, tmp_path: Path) -> None:
    keep = store.save_take(report=make_report(), audio_src=write_wav(tmp_path / "a.wav"),
                           question_text="keep")
    gone = store.save_take(report=make_report(), audio_src=write_wav(tmp_path / "b.wav"),
                           question_text="gone")
    assert gone.audio_path is not None
    store.delete_take(gone.id)
    assert not gone.audio_path.exists()
    assert store.get_take(gone.id) is None
    assert [t.id for t in store.list_takes()] == [keep.id]
    with pytest.raises(StorageError, match=f"no take {gone.id}"):
        store.delete_take(gone.id)


def test_filters_sorting_and_limits(store: Store) -> None:
    t0 = datetime(2024, 5, 1, 9, tzinfo=UTC)
    a = store.save_take(report=make_report(score=50, flags=(("rambling", "warn"),)),
                        audio_src=None, question_text="A", bank_id="general",
                        story_id="s1", created_at=t0)
    b = store.save_take(report=make_report(score=90), audio_src=None, question_text="B",
                        bank_id="leadership", story_id="s2", created_at=t0 + DAY)
    c = store.save_take(report=make_report(score=70, flags=(("long_pauses", "warn"),
                                                            ("rambling", "fail"))),
                        audio_src=None, question_text="C", bank_id="general",
                        created_at=t0 + 2 * DAY)
    ids = lambda takes: [t.id for t in takes]  # noqa: E731
    assert ids(store.list_takes()) == [c.id, b.id, a.id]
    assert ids(store.list_takes(descending=False)) == [a.id, b.id, c.id]
    assert ids(store.list_takes(bank_id="general")) == [c.id, a.id]
    assert ids(store.list_takes(story_id="s2")) == [b.id]
    assert ids(store.list_takes(flag="rambling")) == [c.id, a.id]
    assert ids(store.list_takes(flag="long_pauses")) == [c.id]
    assert ids(store.list_takes(flag="over_time")) == []
    assert ids(store.list_takes(order_by="score")) == [b.id, c.id, a.id]
    assert ids(store.list_takes(limit=2)) == [c.id, b.id]
    assert store.list_takes()[0].created_at == t0 + 2 * DAY
    with pytest.raises(StorageError, match="unknown flag 'ramble'"):
        store.list_takes(flag="ramble")
    with pytest.raises(StorageError, match="cannot sort takes by 'when'"):
        store.list_takes(order_by="when")


def test_sessions_group_takes_in_recording_order(store: Store) -> None:
    session = store.new_session(bank_id="general", mode="mock")
    t0 = datetime(2024, 5, 1, 9, tzinfo=UTC)
    first = store.save_take(report=make_report(), audio_src=None, question_text="1",
                            session_id=session, created_at=t0)
    second = store.save_take(report=make_report(), audio_src=None, question_text="2",
                             session_id=session, created_at=t0 + timedelta(minutes=3))
    store.save_take(report=make_report(), audio_src=None, question_text="loose")
    assert [t.id for t in store.session_takes(session)] == [first.id, second.id]
    summary = store.get_session(session)
    assert summary is not None and summary.take_count == 2 and summary.mode == "mock"
    assert [s.id for s in store.sessions()] == [session]
    with pytest.raises(StorageError, match="no session"):
        store.session_takes("nope")


def test_a_take_for_an_unknown_session_is_refused_without_leftovers(store: Store,
                                                                    tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no session 'ghost'"):
        store.save_take(report=make_report(), audio_src=write_wav(tmp_path / "a.wav"),
                        question_text="Q", session_id="ghost")
    assert store.list_takes() == [] and audio_files(store.audio_dir) == []


def test_story_progress_finds_the_best_and_the_first_landed_take(store: Store) -> None:
    t0 = datetime(2024, 5, 1, 9, tzinfo=UTC)
    save = lambda n, **kw: store.save_take(  # noqa: E731
        report=make_report(**kw), audio_src=None, question_text="Q", story_id="ml-cost-cut",
        created_at=t0 + n * DAY)
    over = save(0, duration_s=112, score=55, flags=(("over_time", "fail"),))
    failing = save(1, duration_s=80, score=88, flags=(("missing_metric", "fail"),))
    landed = save(2, duration_s=86, score=74, flags=(("rambling", "warn"),))
    later = save(3, duration_s=70, score=81)
    progress = store.story_progress("ml-cost-cut")
    assert [t.id for t in progress.takes] == [over.id, failing.id, landed.id, later.id]
    assert progress.landed and progress.landed_take is not None
    assert progress.landed_take.id == landed.id
    assert progress.best is not None and progress.best.id == later.id  # landed beats 88
    assert progress.durations == [112, 80, 86, 70]
    strict = store.story_progress("ml-cost-cut", target_s=75)
    assert strict.landed_take is not None and strict.landed_take.id == later.id
    assert not store.story_progress("unknown").landed


def test_figures_are_checked_against_claims_and_the_last_take(store: Store) -> None:
    story = Story(id="ml-cost-cut", title="Cut cost", figures=("22 %", "$400k/yr"))
    t0 = datetime(2024, 5, 1, 9, tzinfo=UTC)
    first = store.save_take(report=make_report("We cut cost by 22 percent and latency from "
                                               "40 ms to 25 ms."),
                            audio_src=None, question_text="Q", story_id=story.id,
                            created_at=t0)
    second = store.save_take(report=make_report("We cut cost by 30 percent, saving $300k a "
                                                "year, and latency from 40 ms to 30 ms."),
                             audio_src=None, question_text="Q", story_id=story.id,
                             created_at=t0 + DAY)
    assert take_consistency(store, first.id, story) == []
    messages = {i.message for i in take_consistency(store, second.id, story)}
    assert messages == {"your story claims 22 %; this take said 30%",
                        "your story claims $400k/yr; this take said $300,000/year",
                        "you said 25 ms last time, 30 ms now"}


def test_retention_deletes_old_audio_and_keeps_the_reports(store: Store,
                                                            tmp_path: Path) -> None:
    now = datetime.now(UTC)
    old = store.save_take(report=make_report(), audio_src=write_wav(tmp_path / "o.wav"),
                          question_text="old", created_at=now - 40 * DAY)
    new = store.save_take(report=make_report(), audio_src=write_wav(tmp_path / "n.wav"),
                          question_text="new", created_at=now - DAY)
    assert old.audio_path is not None and new.audio_path is not None
    assert apply_retention_from_settings(Settings(retention_days=None), store=store) == 0
    assert old.audio_path.exists()
    assert apply_retention_from_settings(Settings(retention_days=30), store=store) == 1
    assert not old.audio_path.exists() and new.audio_path.exists()
    kept = store.get_take(old.id)
    assert kept is not None and kept.audio_path is None
    assert kept.report.to_dict() == old.report.to_dict()
    assert store.apply_retention(30) == 0
    with pytest.raises(StorageError, match="0 or more"):
        store.apply_retention(-1)


def test_erase_all_leaves_no_trace_of_the_answers(store: Store, tmp_path: Path) -> None:
    session = store.new_session(bank_id=None, mode="drill")
    for i in range(3):
        store.save_take(report=make_report(f"My secret word is zanzibarcode{i} indeed"),
                        audio_src=write_wav(tmp_path / f"{i}.wav"), question_text="Q",
                        session_id=session)
    summary = store.erase_all()
    assert (summary.takes, summary.sessions, summary.audio_files) == (3, 1, 3)
    assert summary.audio_bytes > 0
    assert store.list_takes() == [] and store.sessions() == []
    assert audio_files(store.audio_dir) == []
    on_disk = b"".join(p.read_bytes() for p in store.db_path.parent.glob("mockmic.db*"))
    assert b"zanzibarcode" not in on_disk


def test_save_analyzed_imports_an_answer_from_elsewhere(home: Path, tmp_path: Path) -> None:
    src = write_wav(tmp_path / "phone-memo.wav")
    take = save_analyzed(make_report(), src, question_text="Why this team?", story_id="why")
    assert src.exists() and take.audio_path is not None and take.story_id == "why"
    with Store() as s:
        assert [t.id for t in s.list_takes(story_id="why")] == [take.id]


def test_a_closed_store_says_so(home: Path) -> None:
    s = Store()
    s.close()
    with pytest.raises(StorageError, match="closed"):
        s.list_takes()
