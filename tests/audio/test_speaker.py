"""Questions spoken by the real TTS engine (pyttsx3 + espeak-ng) into a fake speaker."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from fake_sounddevice import FakeDevice, FakeSoundDevice

from mockmic.audio import speaker as speaker_module
from mockmic.audio.levels import rms_dbfs
from mockmic.audio.speaker import Speaker, find_voice, list_voices
from mockmic.errors import DeviceError, UserError

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                reason="espeak-ng is not installed (apt-get install espeak-ng)")

QUESTION = "Tell me about a time you disagreed with your manager."


def test_question_is_rendered_once_then_served_from_the_cache(tmp_path: Path) -> None:
    sd = FakeSoundDevice()
    spk = Speaker(sd, cache_dir=tmp_path)
    assert spk.available

    spk.speak(QUESTION)
    spk.speak(QUESTION)
    assert spk.renders == 1
    (wav,) = tmp_path.glob("*.wav")
    data, rate = sf.read(wav, dtype="float32")
    assert 2.0 < len(data) / rate < 6.0
    for stream in sd.output_streams:
        played = stream.played_audio
        assert len(played) >= len(data) and rms_dbfs(played) > -40.0

    Speaker(sd, cache_dir=tmp_path, rate=200).speak(QUESTION)
    assert len(list(tmp_path.glob("*.wav"))) == 2  # another rate is another rendering


def test_faster_rate_is_shorter_speech(tmp_path: Path) -> None:
    slow = Speaker(FakeSoundDevice(), cache_dir=tmp_path, rate=120).render(QUESTION)
    fast = Speaker(FakeSoundDevice(), cache_dir=tmp_path, rate=260).render(QUESTION)
    assert sf.info(fast).duration < 0.7 * sf.info(slow).duration


def test_speaking_prints_nothing_to_the_terminal(tmp_path: Path,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    capfd.readouterr()
    Speaker(FakeSoundDevice(), cache_dir=tmp_path).speak("Why do you want this role?")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_skipping_cuts_the_question_short(tmp_path: Path) -> None:
    sd = FakeSoundDevice()
    sd.behaviour.speed = 1.0
    spk = Speaker(sd, cache_dir=tmp_path)
    long_question = " ".join([QUESTION] * 4)
    full = sf.info(spk.render(long_question)).duration
    done = threading.Event()
    worker = threading.Thread(target=lambda: (spk.speak(long_question), done.set()))
    worker.start()
    while not sd.output_streams or len(sd.output_streams[0].played) < 5:
        assert worker.is_alive()
        threading.Event().wait(0.01)
    spk.stop()
    assert done.wait(5)
    played_s = len(sd.output_streams[0].played_audio) / sd.output_streams[0].samplerate
    assert played_s < full / 2


def test_voice_is_chosen_by_id_short_id_or_name(tmp_path: Path) -> None:
    voices = list_voices()
    assert find_voice(voices, "gmw/en-us").id == "gmw/en-us"
    assert find_voice(voices, "EN-US").id == "gmw/en-us"
    assert find_voice(voices, "English (America)").id == "gmw/en-us"
    us = Speaker(FakeSoundDevice(), cache_dir=tmp_path, voice="en-us").render(QUESTION)
    gb = Speaker(FakeSoundDevice(), cache_dir=tmp_path, voice="en").render(QUESTION)
    assert us != gb
    a, _ = sf.read(us)
    b, _ = sf.read(gb)
    assert len(a) != len(b) or not np.array_equal(a, b)


def test_unknown_voice_says_how_to_list_them(tmp_path: Path) -> None:
    spk = Speaker(FakeSoundDevice(), cache_dir=tmp_path, voice="no-such-voice")
    assert not spk.available
    assert spk.unavailable_reason is not None and "mockmic voices" in spk.unavailable_reason
    with pytest.raises(DeviceError, match="unknown voice 'no-such-voice'"):
        spk.speak(QUESTION)


def test_no_output_device_means_questions_are_shown_not_spoken(tmp_path: Path) -> None:
    sd = FakeSoundDevice(devices=[FakeDevice("Mic", inputs=1)], default=(0, -1))
    spk = Speaker(sd, cache_dir=tmp_path)
    assert not spk.available
    assert spk.unavailable_reason is not None and "speaker" in spk.unavailable_reason
    with pytest.raises(DeviceError):
        spk.speak(QUESTION)


def test_missing_speech_engine_is_reported_with_the_fix(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # import fails, as without the package
    engine = speaker_module._EngineThread()
    monkeypatch.setattr(speaker_module, "_engine_thread", lambda: engine)
    spk = Speaker(FakeSoundDevice(), cache_dir=tmp_path)
    assert not spk.available
    reason = spk.unavailable_reason
    assert reason is not None and reason.startswith("no speech engine: apt-get install espeak-ng")
    assert "\n" not in reason


def test_absurd_speech_rate_is_refused() -> None:
    with pytest.raises(UserError, match="80-450"):
        Speaker(FakeSoundDevice(), rate=5)
