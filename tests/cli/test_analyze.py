"""`mockmic analyze` as a user runs it: reports, JSON, saving, and one-line errors on bad input."""

from __future__ import annotations

import json
import math
import struct
import wave
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockmic.cli import main

REQUIRED_KEYS = {"source", "duration_s", "target_s", "over_by_s", "words", "wpm", "fillers",
                 "pauses", "score", "flags", "signals", "transcript"}


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOCKMIC_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_typed_answer_json_has_the_documented_shape(
        shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["analyze", str(shared_data / "answers/rambling_no_stakes.txt"),
                            "--duration", "108", "--json"], capsys)
    assert code == 0
    report = json.loads(out)  # exactly one JSON object on stdout
    assert report.keys() >= REQUIRED_KEYS
    assert report["over_by_s"] == pytest.approx(18, abs=0.5)
    codes = {f["code"] for f in report["flags"]}
    assert {"over_time", "rambling", "missing_stakes", "weak_ownership"} <= codes
    for flag in report["flags"]:
        assert flag["severity"] in {"info", "warn", "fail"}
        assert flag["message"] and flag["tip"]
        assert all({"start_s", "end_s", "text"} <= e.keys() for e in flag["evidence"])
    assert set(report["signals"]) == {"stakes", "metric", "decision", "learning", "result"}
    assert {"count", "per_min", "items"} <= report["fillers"].keys()


def test_typed_answer_without_duration_says_it_was_estimated(
        shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["analyze", str(shared_data / "answers/strong_ml_cost.txt")], capsys)
    assert code == 0
    assert "estimated at 150 WPM" in out
    assert "No flags" in out or "What to fix" in out


def test_human_report_shows_score_tail_flags_and_tips(
        shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["analyze", str(shared_data / "answers/rambling_no_stakes.txt"),
                            "--duration", "108"], capsys)
    assert code == 0
    assert "Score" in out and "/100" in out
    assert "After the 90-second mark you said" in out
    assert "Tip:" in out and "rambling" in out


def _write_wav(path: Path, samples: list[float], rate: int = 16000) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "garbage", "not_utf8"])
def test_bad_input_gets_one_line_and_a_nonzero_exit(
        tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / {"missing": "nope.wav", "directory": "dir", "empty": "empty.wav",
                       "garbage": "noise.mp3", "not_utf8": "answer.txt"}[case]
    if case == "directory":
        path.mkdir()
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "garbage":
        path.write_bytes(bytes(range(256)) * 40)
    elif case == "not_utf8":
        path.write_bytes(b"\xff\xfe\x00bad")
    code, out, err = run_cli(["analyze", str(path)], capsys)
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockmic: ")
    assert "Traceback" not in err


@pytest.mark.model
def test_silence_is_no_speech_not_a_report(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "silence.wav"
    _write_wav(path, [0.0] * 16000 * 3)
    code, out, err = run_cli(["analyze", str(path)], capsys)
    assert code != 0 and out == ""
    assert "speech" in err and len(err.strip().splitlines()) == 1


@pytest.mark.model
def test_a_bad_model_dir_is_one_line(tmp_path: Path, shared_data: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["analyze", str(shared_data / "real/jfk.flac"), "--model",
                            str(tmp_path)], capsys)
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=4096),
       suffix=st.sampled_from([".wav", ".flac", ".mp3", ".ogg", ".txt", ".bin"]))
def test_random_bytes_never_traceback(tmp_path: Path, data: bytes, suffix: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    code = main(["analyze", str(path), "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code == 0:  # random text can be a (very bad) typed answer
        assert json.loads(out)["score"] >= 0
    else:
        assert len(err.strip().splitlines()) == 1


def test_save_keeps_a_typed_answer_in_history(
        shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["analyze", str(shared_data / "answers/tasks_we_no_result.txt"),
                            "--duration", "34", "--save", "--question", "A migration you led"],
                           capsys)
    assert code == 0 and "saved as take" in err
    code, out, _ = run_cli(["history", "--json"], capsys)
    assert code == 0
    listed = json.loads(out)
    takes = listed["takes"] if isinstance(listed, dict) else listed
    assert len(takes) == 1
    assert takes[0]["question_text"] == "A migration you led"
    assert math.isclose(takes[0]["duration_s"], 34, abs_tol=0.5)


def test_unknown_story_is_refused_before_transcribing(
        shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["analyze", str(shared_data / "real/jfk.flac"), "--save",
                            "--story", "nope"], capsys)
    assert code != 0 and "unknown story 'nope'" in err


@pytest.mark.model
def test_a_real_recording_gets_the_expected_flags(
        shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["analyze", str(shared_data / "answers/tasks_we_no_result.flac"),
                            "--json"], capsys)
    assert code == 0
    report = json.loads(out)
    assert report["duration_s"] == pytest.approx(34.2, abs=0.5)
    codes = {f["code"] for f in report["flags"]}
    assert {"missing_stakes", "missing_metric", "missing_decision", "weak_ownership",
            "missing_learning"} <= codes
    assert report["transcript"]["words"][0]["start"] < 1.0


def test_a_broken_settings_file_is_one_warning_not_a_crash(
        home: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text("target_s = [\n", encoding="utf-8")
    code, out, err = run_cli(["analyze", str(shared_data / "answers/strong_ml_cost.txt"),
                              "--json"], capsys)
    assert code == 0 and json.loads(out)["target_s"] == 90
    assert "settings.toml" in err and "default settings" in err
    assert "Traceback" not in err
