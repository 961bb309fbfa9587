"""`mockmic history`, `stories`, `export` and `erase` against a MOCKMIC_HOME in tmp_path."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mockmic import paths
from mockmic.cli import main
from mockmic.storage import Store, TakeRecord

from .factory import audio_files, make_report, write_wav

T0 = datetime(2024, 5, 1, 9, tzinfo=UTC)
STORIES = '''\
[[stories]]
id = "ml-cost-cut"
title = "Cut recommendation inference cost"
summary = "Cut inference cost 22 % while keeping accuracy steady."
figures = ["22 %", "$400k/yr"]
questions = ["general:cost-tradeoff"]
target_s = 90

[[stories]]
id = "oncall"
title = "Fixed the on-call rota"
'''


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def takes(home: Path, tmp_path: Path) -> list[TakeRecord]:
    """An over-long first take and a landed second one for a story, plus a loose take."""
    with Store() as store:
        return [
            store.save_take(
                report=make_report("We cut cost by 30 percent after a long backstory " * 30,
                                   duration_s=104, score=52,
                                   flags=(("rambling", "warn"), ("over_time", "fail"))),
                audio_src=write_wav(tmp_path / "1.wav"), question_text="Tell me about cost.",
                question_id="cost-tradeoff", bank_id="general", story_id="ml-cost-cut",
                created_at=T0),
            store.save_take(report=make_report(duration_s=71, score=86),
                            audio_src=write_wav(tmp_path / "2.wav"),
                            question_text="Tell me about cost.", question_id="cost-tradeoff",
                            bank_id="general", story_id="ml-cost-cut",
                            created_at=T0 + timedelta(days=1)),
            store.save_take(report=make_report("We shipped it.", duration_s=30, score=40,
                                               flags=(("missing_metric", "warn"),)),
                            audio_src=None, question_text="Describe a launch.",
                            bank_id="leadership", created_at=T0 + timedelta(days=2)),
        ]


def test_history_on_an_empty_home_says_how_to_start(home: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history")
    assert code == 0 and "No takes yet" in out


def test_history_table_shows_each_take(takes: list[TakeRecord],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history")
    assert code == 0
    lines = out.splitlines()
    first = next(line for line in lines if "Describe a" in line)
    assert "0:30 / 1:30" in first and "missing_metric" in first
    over = next(line for line in lines if line.lstrip().startswith(f"{takes[0].id} "))
    assert "[ml-cost-cut]" in over and "1:44 / 1:30" in over
    assert over.index("over_time") < over.index("rambling")  # fail before warn
    assert lines.index(first) < lines.index(over)  # newest first
    assert "3 takes" in out


def test_history_json_and_filters(takes: list[TakeRecord],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history", "--json", "--story", "ml-cost-cut")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [takes[1].id, takes[0].id]
    assert rows[1]["top_flags"] == ["over_time", "rambling"] and rows[0]["landed"] is True
    _, out, _ = run(capsys, "history", "--json", "--flag", "missing_metric")
    assert [r["id"] for r in json.loads(out)] == [takes[2].id]
    _, out, _ = run(capsys, "history", "--json", "--bank", "general", "--limit", "1")
    assert [r["id"] for r in json.loads(out)] == [takes[1].id]
    code, out, _ = run(capsys, "history", "--flag", "over_time", "--bank", "leadership")
    assert code == 0 and "No takes match (the history holds 3)" in out


def test_history_rejects_bad_options_in_one_line(home: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "history", "--flag", "ramble")
    assert code == 2 and "unknown flag 'ramble'" in err and err.count("\n") == 1
    code, _, err = run(capsys, "history", "--limit", "0")
    assert code == 2 and "--limit must be at least 1" in err


def test_stories_without_a_bank_shows_an_example(home: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stories")
    assert code == 0 and str(paths.stories_file()) in out and "[[stories]]" in out


def test_stories_lists_progress_and_figure_trouble(takes: list[TakeRecord],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure(paths.config_dir())
    paths.stories_file().write_text(STORIES, encoding="utf-8")
    code, out, _ = run(capsys, "stories", "--json")
    assert code == 0
    rows = {r["progress"]["story_id"]: r for r in json.loads(out)}
    cost = rows["ml-cost-cut"]["progress"]
    assert cost["takes"] == 2 and cost["landed"] and cost["landed_take_id"] == takes[1].id
    assert cost["best_score"] == 86
    assert rows["ml-cost-cut"]["latest_figures"] == {"22 %": True, "$400k/yr": True}
    assert rows["oncall"]["progress"]["takes"] == 0
    code, out, _ = run(capsys, "stories")
    line = next(line for line in out.splitlines() if line.startswith("ml-cost-cut"))
    assert "yes" in line and "86" in line


def test_stories_reports_every_problem_with_its_line(home: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure(paths.config_dir())
    paths.stories_file().write_text('[[stories]]\nid = "a"\ntitel = "x"\n', encoding="utf-8")
    code, _, err = run(capsys, "stories")
    assert code == 2
    assert f"{paths.stories_file()}:3: story 'a': unknown key 'titel'" in err
    assert f"{paths.stories_file()}:1: story 'a': 'title'" in err


def test_export_markdown_for_a_mentor(takes: list[TakeRecord],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure(paths.config_dir())
    paths.stories_file().write_text(STORIES, encoding="utf-8")
    code, out, _ = run(capsys, "export", str(takes[0].id))
    assert code == 0
    assert out.startswith(f"# Take {takes[0].id}: Tell me about cost.")
    assert "| Duration | 1:44 of a 1:30 target (0:14 over) |" in out
    assert "| Score | 52 / 100 |" in out
    assert "Cut recommendation inference cost (ml-cost-cut)" in out
    assert out.index("Over time (fail)") < out.index("Rambling (warn)")
    assert "**Tip:** fix over\\_time" in out
    assert "> \"" in out  # evidence quoted
    assert "**⏱ 1:30 target reached; the rest is overrun:**" in out
    assert "your story claims 22 %; this take said 30%" in out
    body = out.split("## Transcript", 1)[1]
    before, after = body.split("overrun:**", 1)
    assert before.strip() and after.strip().startswith("_")
    assert str(paths.data_dir()) not in out  # no local paths for a mentor


def test_export_json_to_a_file_and_sessions(takes: list[TakeRecord], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "take.json"
    code, _, err = run(capsys, "export", str(takes[1].id), "--format", "json", "-o",
                       str(target))
    assert code == 0 and str(target) in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["report"] == takes[1].report.to_dict() and data["id"] == takes[1].id
    with Store() as store:
        session = store.new_session(bank_id="general", mode="mock")
        for n in range(2):
            store.save_take(report=make_report(score=60 + n), audio_src=None,
                            question_text=f"Session question {n}", session_id=session)
    code, out, _ = run(capsys, "export", "--session", session)
    assert code == 0 and out.startswith(f"# Mock interview session {session}")
    assert out.index("## Take") < out.index("Session question 1", out.index("## Take"))
    assert "2 takes" in out
    _, out, _ = run(capsys, "export", "--session", session, "--format", "json")
    assert [t["question_text"] for t in json.loads(out)["takes"]] == \
        ["Session question 0", "Session question 1"]


def test_export_errors_are_one_line(takes: list[TakeRecord], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "999")
    assert code == 2 and "no take 999" in err
    code, _, err = run(capsys, "export")
    assert code == 2 and "TAKE_ID or --session" in err
    code, _, err = run(capsys, "export", "--session", "nope")
    assert code == 2 and "no session 'nope'" in err
    code, _, err = run(capsys, "export", str(takes[0].id), "-o", str(tmp_path))
    assert code == 2 and "cannot write" in err and err.count("\n") == 1


def test_erase_asks_and_keeps_everything_unless_confirmed(
        takes: list[TakeRecord], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "erase")
    assert code == 2 and "--all" in err
    prompts: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or "yes")
    code, out, err = run(capsys, "erase", "--all")
    assert code == 1 and "Nothing was deleted" in err
    assert prompts == ["Type 'erase' to confirm: "]
    assert "3 takes" in out and "2 recordings" in out
    with Store() as store:
        assert len(store.list_takes()) == 3


def test_erase_all_deletes_takes_recordings_and_backups(
        takes: list[TakeRecord], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure(paths.config_dir())
    paths.stories_file().write_text(STORIES, encoding="utf-8")
    unsaved = write_wav(paths.ensure(paths.takes_dir()) / "interrupted.wav")
    backup = paths.data_dir() / "mockmic.db.corrupt-20240101-000000"
    backup.write_bytes(b"old history")
    monkeypatch.setattr("builtins.input", lambda prompt: "erase")
    code, out, _ = run(capsys, "erase", "--all")
    assert code == 0
    assert "Deleted 3 takes, 0 sessions, 2 recordings" in out
    assert "2 unsaved recording(s) and backup(s)" in out
    assert not unsaved.exists() and not backup.exists()
    assert paths.stories_file().read_text(encoding="utf-8") == STORIES
    with Store() as store:
        assert store.list_takes() == [] and audio_files(store.audio_dir) == []
    code, out, _ = run(capsys, "erase", "--all", "--yes")
    assert code == 0 and "Nothing to erase" in out


def test_erase_yes_skips_the_question(takes: list[TakeRecord], monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    def no_questions(prompt: str) -> str:
        raise AssertionError("asked despite --yes")

    monkeypatch.setattr("builtins.input", no_questions)
    code, out, _ = run(capsys, "erase", "--all", "--yes")
    assert code == 0 and "Deleted 3 takes" in out


def test_retention_setting_is_applied_when_history_opens(
        takes: list[TakeRecord], capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure(paths.config_dir())
    paths.settings_file().write_text("retention_days = 30\n", encoding="utf-8")
    assert takes[0].audio_path is not None and takes[0].audio_path.exists()
    code, out, _ = run(capsys, "history", "--json")
    assert code == 0
    assert not any(r["has_audio"] for r in json.loads(out))  # all from May 2024
    assert not takes[0].audio_path.exists()
    code, out, _ = run(capsys, "export", str(takes[0].id))
    assert code == 0 and "Tell me about cost." in out  # the report outlives its audio


def test_a_broken_settings_file_does_not_block_history(
        takes: list[TakeRecord], capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure(paths.config_dir())
    paths.settings_file().write_text("retention_days = [\n", encoding="utf-8")
    code, out, err = run(capsys, "history")
    assert code == 0 and "retention not applied" in err and "3 takes" in out
