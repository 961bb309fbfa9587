"""Replaying takes through a fake speaker that keeps what it was handed."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
import soundfile as sf
from fake_sounddevice import FakeDevice, FakeSoundDevice, load_speech

from mockmic.audio.levels import resample
from mockmic.audio.player import Player
from mockmic.errors import AudioInputError, DeviceError

RATE = 16000


@pytest.fixture
def take(tmp_path: Path) -> tuple[Path, npt.NDArray[np.float32]]:
    """3 s of real speech lifted off zero, so silence in the output can only be padding."""
    speech, rate = load_speech("answers/strong_ml_cost.flac", seconds=3.0)
    samples = (speech[:, 0] * 0.5 + 0.25).astype(np.float32)
    path = tmp_path / "take.wav"
    sf.write(path, samples, rate, subtype="FLOAT")
    return path, samples


def played_without_padding(sd: FakeSoundDevice) -> npt.NDArray[np.float32]:
    out = sd.output_streams[-1].played_audio[:, 0]
    assert not np.isnan(out).any(), "the player left output samples unwritten"
    nonzero = np.flatnonzero(out)
    return out[: nonzero[-1] + 1] if len(nonzero) else out[:0]


def test_plays_the_whole_take_and_reports_the_end(
        take: tuple[Path, npt.NDArray[np.float32]]) -> None:
    path, samples = take
    sd = FakeSoundDevice()
    positions: list[float] = []
    player = Player(sd)
    player.play(path, on_position=positions.append)
    assert player.wait(30)

    np.testing.assert_array_equal(played_without_padding(sd), samples)
    assert not player.playing
    assert player.duration_s == pytest.approx(3.0)
    assert positions and positions[-1] == 3.0  # the final report lands before wait() returns
    assert positions == sorted(positions)


def test_starts_from_any_second(take: tuple[Path, npt.NDArray[np.float32]]) -> None:
    path, samples = take
    sd = FakeSoundDevice()
    player = Player(sd)
    player.play(path, start_s=2.0)
    player.wait(30)
    np.testing.assert_array_equal(played_without_padding(sd), samples[2 * RATE:])


def test_pause_seek_and_resume(take: tuple[Path, npt.NDArray[np.float32]]) -> None:
    path, samples = take
    sd = FakeSoundDevice()
    sd.behaviour.speed = 2.0
    player = Player(sd)
    player.play(path)
    player.pause()
    assert player.paused and player.playing

    player.seek_to(1.0)
    assert player.position_s == 1.0
    player.seek(-5.0)
    assert player.position_s == 0.0
    player.seek(+60.0)
    assert player.position_s == pytest.approx(3.0)
    player.seek_to(2.5)
    player.resume()
    assert player.wait(30)

    # Whatever played before the pause, the take ends with the 0.5 s after the seek point.
    tail = played_without_padding(sd)[-RATE // 2:]
    np.testing.assert_array_equal(tail, samples[int(2.5 * RATE):])


def test_stop_ends_playback_and_resume_replays_from_the_same_place(
        take: tuple[Path, npt.NDArray[np.float32]]) -> None:
    path, samples = take
    sd = FakeSoundDevice()
    sd.behaviour.speed = 1.0
    half = threading.Event()
    player = Player(sd)
    player.play(path, on_position=lambda s: half.set() if s >= 0.3 else None)
    assert half.wait(30)
    player.stop()
    assert not player.playing
    stopped_at = player.position_s
    assert 0.3 <= stopped_at < 3.0

    sd.behaviour.speed = 20.0
    player.resume()
    assert player.wait(30)
    np.testing.assert_array_equal(played_without_padding(sd),
                                  samples[round(stopped_at * RATE):])


def test_device_without_the_takes_rate_gets_it_resampled(
        take: tuple[Path, npt.NDArray[np.float32]]) -> None:
    path, samples = take
    speakers = FakeDevice("HDMI", outputs=2, rate=48000.0, rates={48000})
    sd = FakeSoundDevice(devices=[FakeDevice("Mic", inputs=1), speakers])
    player = Player(sd)
    player.play(path)
    player.wait(30)
    assert sd.output_streams[0].samplerate == 48000
    expected = resample(samples, RATE, 48000)
    np.testing.assert_allclose(played_without_padding(sd), expected[: len(
        played_without_padding(sd))], atol=1e-6)
    assert player.duration_s == pytest.approx(3.0)


def test_unreadable_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    with pytest.raises(AudioInputError, match="cannot play") as caught:
        Player(FakeSoundDevice()).play(bad)
    assert "\n" not in str(caught.value)


def test_no_output_device_is_a_device_error(take: tuple[Path, npt.NDArray[np.float32]]) -> None:
    sd = FakeSoundDevice(devices=[FakeDevice("Mic", inputs=1)], default=(0, -1))
    with pytest.raises(DeviceError, match="no speaker"):
        Player(sd).play(take[0])
