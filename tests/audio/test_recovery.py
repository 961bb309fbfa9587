"""Takes interrupted by a crash are found, repaired exactly, offered once, and never deleted."""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from fake_sounddevice import FakeSoundDevice, load_speech

from mockmic.audio.recorder import Recorder
from mockmic.audio.recovery import (
    RECOVERED_SUFFIX,
    SIDECAR_SUFFIX,
    find_interrupted,
    repair,
)

HERE = Path(__file__).resolve().parent

CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from fake_sounddevice import FakeSoundDevice, load_speech
from mockmic.audio.recorder import Recorder

speech, _ = load_speech("answers/strong_ml_cost.flac")
sd = FakeSoundDevice(input_audio=speech)
sd.behaviour.speed = 2.0
rec = Recorder(sd)
rec.start(Path(sys.argv[1]), meta={"question": "Tell me about a cost you cut."})
while True:
    print(rec.elapsed_s, flush=True)
    time.sleep(0.05)
"""


def _pcm16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(x * 32768.0), -32768, 32767).astype(np.int16)


def test_killed_recording_is_recovered_with_all_but_the_last_second(tmp_path: Path) -> None:
    takes = tmp_path / "takes"
    take = takes / "take-1.wav"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(take), str(HERE)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    elapsed = 0.0
    for line in child.stdout:
        elapsed = float(line)
        if elapsed >= 6.0:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert elapsed >= 6.0, "the recording child died on its own"

    # Before any repair the file already plays: the header lags by well under a second.
    before, rate = sf.read(take, dtype="int16")
    assert rate == 16000 and len(before) / 16000 >= elapsed - 1.0

    found = find_interrupted(takes)
    assert [t.path for t in found] == [take]
    interrupted = found[0]
    assert interrupted.question == "Tell me about a cost you cut."
    assert interrupted.duration_s >= elapsed - 1.0

    assert repair(interrupted) == take
    after, _ = sf.read(take, dtype="int16")
    assert len(after) == (take.stat().st_size - 44) // 2 == interrupted.frames
    speech, _ = load_speech("answers/strong_ml_cost.flac")
    np.testing.assert_array_equal(after, _pcm16(speech[: len(after), 0]))

    # Offered once: the marker is retired to .recovered.json, with the question kept.
    assert find_interrupted(takes) == []
    marker = json.loads(Path(str(take) + RECOVERED_SUFFIX).read_text())
    assert marker["frames"] == len(after)
    assert marker["meta"]["question"] == "Tell me about a cost you cut."


def test_a_take_still_being_recorded_is_not_touched(tmp_path: Path) -> None:
    speech, _ = load_speech("answers/strong_ml_cost.flac", seconds=4.0)
    rec = Recorder(FakeSoundDevice(input_audio=speech))
    rec.start(tmp_path / "live.wav")
    try:
        assert find_interrupted(tmp_path) == []
    finally:
        rec.stop()
    assert find_interrupted(tmp_path) == []  # finished cleanly: nothing to recover


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _orphan(folder: Path, name: str, body: bytes, sidecar: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    take = folder / name
    take.write_bytes(body)
    text = sidecar if sidecar is not None else json.dumps(
        {"pid": _dead_pid(), "samplerate": 16000, "channels": 1, "started_at": time.time(),
         "meta": {"question": "Q"}})
    Path(str(take) + SIDECAR_SUFFIX).write_text(text)
    return take


def _header(frames_claimed: int) -> bytes:
    return struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + 2 * frames_claimed, b"WAVE",
                       b"fmt ", 16, 1, 1, 16000, 32000, 2, 16, b"data", 2 * frames_claimed)


def test_repair_counts_every_whole_sample_on_disk_and_cuts_a_split_one(tmp_path: Path) -> None:
    samples = (np.arange(16000 * 3) % 200 - 100).astype("<i2")
    # The header still claims 0.5 s, 3 s reached the disk, then half a sample.
    take = _orphan(tmp_path, "t.wav", _header(8000) + samples.tobytes() + b"\x01")
    (t,) = find_interrupted(tmp_path)
    assert t.frames == 48000
    repair(t)
    data, _ = sf.read(take, dtype="int16")
    np.testing.assert_array_equal(data, samples)


def test_take_killed_before_its_header_was_written_is_still_repaired(tmp_path: Path) -> None:
    take = _orphan(tmp_path, "stub.wav", b"RIFF\x00\x00")
    (t,) = find_interrupted(tmp_path)
    repair(t)
    info = sf.info(take)
    assert info.frames == 0 and info.samplerate == 16000


def test_half_written_sidecar_still_leads_to_the_take(tmp_path: Path) -> None:
    samples = np.zeros(1600, "<i2")
    take = _orphan(tmp_path, "t.wav", _header(0) + samples.tobytes(), sidecar='{"pid": 12')
    (t,) = find_interrupted(tmp_path)
    assert t.path == take and t.frames == 1600 and t.question is None
    repair(t)
    assert sf.info(take).frames == 1600


def test_reused_pid_does_not_hide_an_interrupted_take(tmp_path: Path) -> None:
    # The sidecar names *this* pid but a different process start: the pid was reused.
    sidecar = json.dumps({"pid": os.getpid(), "proc_start": 1, "samplerate": 16000,
                          "channels": 1})
    take = _orphan(tmp_path, "t.wav", _header(0), sidecar=sidecar)
    assert [t.path for t in find_interrupted(tmp_path)] == [take]


def test_repair_never_deletes_audio_or_other_files(tmp_path: Path) -> None:
    take = _orphan(tmp_path, "t.wav", _header(0) + np.ones(3200, "<i2").tobytes())
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    (t,) = find_interrupted(tmp_path)
    repair(t)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["t.wav", "t.wav" + RECOVERED_SUFFIX, "notes.txt"])
    assert take.stat().st_size == 44 + 6400


def test_missing_takes_dir_means_nothing_to_recover(tmp_path: Path) -> None:
    assert find_interrupted(tmp_path / "nope") == []


@pytest.mark.parametrize("name", ["a.wav", "b.wav"])
def test_interrupted_takes_are_listed_oldest_first(tmp_path: Path, name: str) -> None:
    older = json.dumps({"pid": _dead_pid(), "samplerate": 16000, "channels": 1,
                        "started_at": 100.0})
    newer = json.dumps({"pid": _dead_pid(), "samplerate": 16000, "channels": 1,
                        "started_at": 200.0})
    first = "b.wav" if name == "a.wav" else "a.wav"
    _orphan(tmp_path, name, _header(0), sidecar=newer)
    _orphan(tmp_path, first, _header(0), sidecar=older)
    assert [t.path.name for t in find_interrupted(tmp_path)] == [first, name]
