"""`mockmic record` through a real PortAudio microphone fed by `paplay`.

The answers in ../shared/data play in real time, so these tests take about as long as the
answers they record (strong_ml_cost: 64 s).
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

import pytest
import soundfile as sf

from mockmic.audio.recovery import find_interrupted, repair
from tests.support.wer import wer

from conftest import DATA, Pulse, mockmic, speech_span

ANSWER = DATA / "answers" / "strong_ml_cost.flac"
REFERENCE = (DATA / "answers" / "strong_ml_cost.txt").read_text(encoding="utf-8")


class Lines:
    """Lines of a subprocess stream, collected by a thread so the pipe never fills."""

    def __init__(self, stream: IO[str] | None) -> None:
        assert stream is not None
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.seen.append(line)
            self._queue.put(line)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if text in line:
                return line
        raise AssertionError(f"never saw {text!r}; got: {''.join(self.seen)!r}")


def start_recording(pulse: Pulse, home: Path, *args: str) -> tuple[subprocess.Popen[str], Lines]:
    proc = subprocess.Popen(mockmic("record", *args), env=pulse.with_home(home),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    err = Lines(proc.stderr)
    err.wait_for("● recording")
    return proc, err


@pytest.mark.model
def test_answer_spoken_into_the_microphone_is_recorded_and_transcribed(
        pulse: Pulse, tmp_path: Path) -> None:
    take = tmp_path / "answer.wav"
    proc, err = start_recording(pulse, tmp_path / "home", "-o", str(take), "--json",
                                "--seconds", "120")
    time.sleep(0.3)
    assert pulse.feed(ANSWER).wait(120) == 0
    time.sleep(0.5)  # the last blocks through PulseAudio and PortAudio
    assert proc.stdin is not None
    proc.stdin.write("\n")  # Enter stops the recording
    proc.stdin.flush()
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, "".join(err.seen)

    report = json.loads(out)
    recorded, rate = sf.read(take, dtype="float32")
    source, source_rate = sf.read(ANSWER, dtype="float32")
    assert rate == 16000
    assert wer(REFERENCE, report["transcript"]["text"]) <= 0.15
    # Nothing dropped or doubled: the speech lasts as long in the take as in the source.
    first, last = speech_span(recorded, rate)
    src_first, src_last = speech_span(source, source_rate)
    assert abs((last - first) - (src_last - src_first)) <= 0.5
    assert report["duration_s"] == pytest.approx(len(recorded) / rate, abs=0.05)


@pytest.mark.model
def test_killed_recording_keeps_all_but_the_last_second_and_is_recovered(
        pulse: Pulse, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc, _err = start_recording(pulse, home)
    started = time.monotonic()
    feeder = pulse.feed(ANSWER)
    try:
        time.sleep(12.0)
        elapsed = time.monotonic() - started
        proc.send_signal(signal.SIGKILL)  # no handler, no cleanup: a crash
        proc.wait(30)
    finally:
        feeder.kill()
        feeder.wait()
    takes = home / "data" / "takes"
    (take_path,) = takes.glob("take-*.wav")

    # Straight after the kill the file is already a valid WAV with nearly everything in it.
    assert sf.info(take_path).duration >= elapsed - 1.0
    analyzed = subprocess.run(mockmic("analyze", str(take_path), "--json"),
                              env=pulse.with_home(home), capture_output=True, text=True,
                              timeout=300)
    assert analyzed.returncode == 0, analyzed.stderr
    assert len(json.loads(analyzed.stdout)["transcript"]["words"]) >= 15

    # The next start finds the take, repairs it to the exact sample count, offers it once.
    (interrupted,) = find_interrupted(takes)
    assert interrupted.path == take_path
    assert interrupted.duration_s >= elapsed - 1.0
    repair(interrupted)
    info = sf.info(take_path)
    assert info.frames == (take_path.stat().st_size - 44) // 2 == interrupted.frames
    assert find_interrupted(takes) == []


@pytest.mark.model
def test_stops_itself_after_the_given_seconds(pulse: Pulse, tmp_path: Path) -> None:
    take = tmp_path / "short.wav"
    proc = subprocess.run(mockmic("record", "-o", str(take), "--seconds", "2.5", "--json"),
                          env=pulse.with_home(tmp_path / "home"), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    # Nothing was said, so there is nothing to coach: a one-line message, and the take kept.
    assert sf.info(take).frames == 40000
    assert f"saved {take} (2.5 s)" in proc.stderr
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines()[-1].startswith("mockmic: ")


@pytest.mark.model
def test_save_keeps_the_take_in_history_and_clears_the_recording(
        pulse: Pulse, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc, err = start_recording(pulse, home, "--seconds", "40", "--save", "--json",
                                "--question", "Tell me about a migration")
    time.sleep(0.3)
    assert pulse.feed(DATA / "answers" / "tasks_we_no_result.flac").wait(60) == 0
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, "".join(err.seen)
    assert "saved as take 1" in "".join(err.seen) + _

    history = subprocess.run(mockmic("history", "--json"), env=pulse.with_home(home),
                             capture_output=True, text=True, timeout=60)
    listed = json.loads(history.stdout)
    takes = listed["takes"] if isinstance(listed, dict) else listed
    assert [t["question_text"] for t in takes] == ["Tell me about a migration"]
    assert takes[0]["has_audio"] is True
    assert takes[0]["score"] == json.loads(out)["score"]
    # The take now lives in the store as FLAC; the raw recording is not left behind.
    assert list((home / "data" / "takes").glob("*.wav")) == []
