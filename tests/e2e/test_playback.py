"""Speech and replay through a real PortAudio speaker, heard on the sink's monitor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
import soundfile as sf

from mockmic.audio.levels import resample
from tests.support.wer import wer

from conftest import DATA, Pulse, mockmic, speech_span

QUESTION = "Tell me about a time you had to make a decision without all the data."

SPEAK = """
import sys, time
from mockmic.audio.speaker import Speaker
speaker = Speaker()
assert speaker.available, speaker.unavailable_reason
path = speaker.render(sys.argv[1])
t0 = time.monotonic()
speaker.speak(sys.argv[1])
print(path, time.monotonic() - t0)
"""

PLAY = """
import sys
from pathlib import Path
from mockmic.audio.player import Player
positions = []
player = Player()
player.play(Path(sys.argv[1]), start_s=float(sys.argv[2]), on_position=positions.append)
player.wait()
print(len(positions), positions[-1])
"""


def run_python(pulse: Pulse, home: Path, code: str, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code, *args], env=pulse.with_home(home),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # pyttsx3 and PortAudio must not write on the terminal
    return proc.stdout


@pytest.mark.model
def test_spoken_question_comes_out_of_the_speaker(pulse: Pulse, tmp_path: Path) -> None:
    listening = pulse.listen()
    out = run_python(pulse, tmp_path, SPEAK, QUESTION)
    heard = listening.stop()
    rendered_path, took = out.split()
    rendered, rate = sf.read(rendered_path, dtype="float32")

    first, last = speech_span(heard, 16000)
    r_first, r_last = speech_span(rendered, rate)
    assert abs((last - first) - (r_last - r_first)) <= 0.5
    assert float(took) >= (r_last - r_first)  # speak() returns when the speech is over

    # What came out is the rendered speech itself (PulseAudio resampled it, nothing more)...
    assert similarity(heard, resample(rendered, rate, 16000)) > 0.9
    # ...and it says the question. tiny.en mishears espeak's default voice a little ("NATO"
    # for "data"), so the bound is loose; the rendered file itself scores the same.
    capture = tmp_path / "heard.wav"
    sf.write(capture, heard, 16000)
    assert wer(QUESTION, transcribe(pulse, tmp_path, capture)) <= 0.4


def similarity(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> float:
    """Peak normalised cross-correlation of two recordings, whatever their offset."""
    n = 1 << (len(a) + len(b)).bit_length()
    corr = np.fft.irfft(np.fft.rfft(a, n) * np.conj(np.fft.rfft(b, n)), n)
    return float(np.max(np.abs(corr)) / (np.linalg.norm(a) * np.linalg.norm(b)))


def transcribe(pulse: Pulse, home: Path, audio: Path) -> str:
    analyzed = subprocess.run(mockmic("analyze", str(audio), "--json"),
                              env=pulse.with_home(home), capture_output=True, text=True,
                              timeout=300)
    assert analyzed.returncode == 0, analyzed.stderr
    return str(json.loads(analyzed.stdout)["transcript"]["text"])


def test_take_replays_from_the_chosen_second(pulse: Pulse, tmp_path: Path) -> None:
    source, rate = sf.read(DATA / "answers" / "tasks_we_no_result.flac", dtype="float32")
    take = tmp_path / "take.wav"
    sf.write(take, source[: 8 * rate], rate)
    listening = pulse.listen()
    reports, last_position = run_python(pulse, tmp_path, PLAY, str(take), "3.0").split()
    heard = listening.stop()

    first, last = speech_span(heard, 16000)
    expected_first, expected_last = speech_span(source[3 * rate: 8 * rate], rate)
    assert abs((last - first) - (expected_last - expected_first)) <= 0.3
    assert float(last_position) == pytest.approx(8.0)
    # >= 20 position reports a second over the 5 s played (the ticker runs at 40 Hz).
    assert int(reports) >= 5 * 20
    assert np.max(np.abs(heard)) > 0.05
