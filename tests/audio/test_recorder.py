"""The recorder against a fake microphone that plays real speech from ../shared/data."""

from __future__ import annotations

import ctypes.util
import errno
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
import soundfile as sf
from fake_sounddevice import FakeDevice, FakeSoundDevice, load_speech

from mockmic.audio.levels import resample
from mockmic.audio.recorder import Recorder
from mockmic.audio.recovery import SIDECAR_SUFFIX, TakeFileError
from mockmic.errors import DeviceError


def as_pcm16(samples: npt.NDArray[np.floating]) -> npt.NDArray[np.int16]:
    """What a 16-bit take holds for these float samples."""
    return np.clip(np.rint(np.asarray(samples) * 32768.0), -32768, 32767).astype(np.int16)


def read_take(path: Path) -> npt.NDArray[np.int16]:
    data, rate = sf.read(path, dtype="int16", always_2d=True)
    assert rate == 16000
    return data[:, 0]


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll until `condition` holds; a generous bound, only to stop a broken test hanging."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.01)


@pytest.fixture
def speech() -> npt.NDArray[np.float32]:
    samples, rate = load_speech("answers/strong_ml_cost.flac", seconds=8.0)
    assert rate == 16000
    return samples


def test_take_on_disk_holds_exactly_the_samples_the_microphone_sent(
        tmp_path: Path, speech: npt.NDArray[np.float32]) -> None:
    sd = FakeSoundDevice(input_audio=speech)
    sd.behaviour.after_end = "stop"
    rec = Recorder(sd)
    take = tmp_path / "take.wav"
    rec.start(take)
    sd.fed_all.wait(30)
    result = rec.stop()

    assert result.stopped_by == "user" and result.error is None
    assert result.frames == len(speech)
    assert result.duration_s == pytest.approx(8.0)
    np.testing.assert_array_equal(read_take(take), as_pcm16(speech[:, 0]))
    assert not Path(str(take) + SIDECAR_SUFFIX).exists()


def test_take_is_a_readable_wav_while_still_recording(
        tmp_path: Path, speech: npt.NDArray[np.float32]) -> None:
    sd = FakeSoundDevice(input_audio=speech)
    sd.behaviour.speed = 4.0
    rec = Recorder(sd)
    take = tmp_path / "take.wav"
    rec.start(take, meta={"question": "Tell me about a time you cut costs."})
    wait_for(lambda: rec.elapsed_s >= 2.0)
    # What a crash right now would leave: a valid WAV whose header lags the audio by < 1 s.
    midway = read_take(take)
    elapsed = rec.elapsed_s
    assert elapsed - 1.0 <= len(midway) / 16000 <= elapsed
    np.testing.assert_array_equal(midway, as_pcm16(speech[: len(midway), 0]))
    assert Path(str(take) + SIDECAR_SUFFIX).exists()
    rec.stop()


def test_recording_stops_itself_at_the_cap_with_exactly_that_much_audio(
        tmp_path: Path, speech: npt.NDArray[np.float32]) -> None:
    rec = Recorder(FakeSoundDevice(input_audio=speech))
    take = tmp_path / "capped.wav"
    rec.start(take, max_seconds=3.0)
    result = rec.wait(30)

    assert result is not None and result.stopped_by == "cap"
    assert result.frames == 48000 and result.duration_s == 3.0
    np.testing.assert_array_equal(read_take(take), as_pcm16(speech[:48000, 0]))
    assert not rec.recording
    assert rec.stop() == result  # idempotent


def test_dropped_input_blocks_are_counted(tmp_path: Path,
                                          speech: npt.NDArray[np.float32]) -> None:
    sd = FakeSoundDevice(input_audio=speech)
    sd.behaviour.overflow_blocks = {3, 10, 11}
    rec = Recorder(sd)
    rec.start(tmp_path / "take.wav", max_seconds=2.0)
    result = rec.wait(30)
    assert result is not None and result.overflows == 3


def test_level_follows_speech_and_silence_raises_the_muted_warning(
        tmp_path: Path) -> None:
    speech, _ = load_speech("answers/strong_ml_cost.flac", seconds=3.0)
    sd = FakeSoundDevice(input_audio=speech)  # then digital silence, like a muted mic
    sd.behaviour.speed = 10.0
    rec = Recorder(sd)
    rec.start(tmp_path / "take.wav", max_seconds=20.0)

    wait_for(lambda: rec.elapsed_s >= 1.0)
    assert rec.level_dbfs > -45.0
    assert not rec.silence_warning
    wait_for(lambda: rec.elapsed_s >= 4.5)
    assert rec.level_dbfs == -120.0
    assert not rec.silence_warning  # a pause is not a muted mic
    wait_for(lambda: rec.silence_warning)
    assert rec.silent_for_s >= 5.0
    assert rec.elapsed_s >= 3.0 + 5.0
    rec.stop()


def test_device_that_only_offers_44_1_khz_stereo_is_resampled_to_16_khz_mono(
        tmp_path: Path) -> None:
    jfk, rate = load_speech("real/jfk.flac")
    assert rate == 44100 and jfk.shape[1] == 2
    mic = FakeDevice("USB Mic", inputs=2, rate=44100.0, rates={44100}, input_channels={2})
    sd = FakeSoundDevice(input_audio=jfk, devices=[mic, FakeDevice("Out", outputs=2)])
    sd.behaviour.after_end = "stop"
    sd.behaviour.speed = 40.0
    rec = Recorder(sd)
    take = tmp_path / "take.wav"
    rec.start(take)
    sd.fed_all.wait(30)
    result = rec.stop()

    # A device sends whole blocks: the last one is padded with silence.
    block = sd.input_streams[0].blocksize
    fed = np.zeros((-(-len(jfk) // block) * block,), np.float32)
    fed[: len(jfk)] = jfk.mean(axis=1)
    expected = as_pcm16(resample(fed, 44100, 16000))
    got = read_take(take)
    assert result.samplerate == 16000 and rec.stream_samplerate == 44100
    assert len(got) == len(expected) == -(-len(fed) * 16000 // 44100)
    np.testing.assert_array_equal(got, expected)


def test_unplugged_microphone_ends_the_take_with_a_message_and_keeps_the_audio(
        tmp_path: Path, speech: npt.NDArray[np.float32]) -> None:
    sd = FakeSoundDevice(input_audio=speech)
    sd.behaviour.die_after_blocks = 40
    rec = Recorder(sd, stall_timeout_s=0.5)
    take = tmp_path / "take.wav"
    rec.start(take)
    result = rec.wait(30)

    assert result is not None and result.stopped_by == "error"
    assert result.error is not None and "stopped sending audio" in result.error
    assert "\n" not in result.error and "kept up to 2.6 s" in result.error
    np.testing.assert_array_equal(read_take(take), as_pcm16(speech[: 40 * 1024, 0]))
    assert not Path(str(take) + SIDECAR_SUFFIX).exists()


def test_stream_that_reports_its_own_end_is_an_error_not_a_hang(
        tmp_path: Path, speech: npt.NDArray[np.float32]) -> None:
    sd = FakeSoundDevice(input_audio=speech)
    sd.behaviour.die_after_blocks = 10
    sd.behaviour.finish_when_dead = True
    rec = Recorder(sd)  # default stall timeout: the finished callback must end it first
    rec.start(tmp_path / "take.wav")
    result = rec.wait(2.5)
    assert result is not None and result.stopped_by == "error"
    assert result.frames == 10 * 1024


def test_microphone_that_never_sends_audio_fails_to_start_and_leaves_no_file(
        tmp_path: Path) -> None:
    sd = FakeSoundDevice(input_audio=np.zeros((16000, 1), np.float32))
    sd.behaviour.die_after_blocks = 0
    with pytest.raises(DeviceError, match="sent no audio"):
        Recorder(sd, stall_timeout_s=0.3).start(tmp_path / "take.wav")
    assert list(tmp_path.iterdir()) == []


def test_no_microphone_is_a_one_line_device_error_and_leaves_no_file(tmp_path: Path) -> None:
    sd = FakeSoundDevice(devices=[FakeDevice("Speakers", outputs=2)], default=(-1, 0))
    with pytest.raises(DeviceError, match="no microphone"):
        Recorder(sd).start(tmp_path / "take.wav")
    assert list(tmp_path.iterdir()) == []


def test_busy_microphone_says_so_and_leaves_no_file(tmp_path: Path) -> None:
    sd = FakeSoundDevice(input_audio=np.zeros((16000, 1), np.float32))
    sd.behaviour.start_error = "Device unavailable [PaErrorCode -9985]"
    with pytest.raises(DeviceError, match="busy") as caught:
        Recorder(sd).start(tmp_path / "take.wav")
    assert "--input-device" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_microphone_chosen_by_name_or_index(tmp_path: Path,
                                             speech: npt.NDArray[np.float32]) -> None:
    devices = [FakeDevice("Built-in Mic", inputs=1), FakeDevice("Speakers", outputs=2),
               FakeDevice("Rode NT-USB", inputs=1)]
    for n, spec in enumerate(("rode", 2, "2")):
        sd = FakeSoundDevice(input_audio=speech, devices=devices)
        rec = Recorder(sd, device=spec)
        rec.start(tmp_path / f"take-{n}.wav", max_seconds=0.5)
        rec.wait(30)
        assert sd.input_streams[0].device == 2
    with pytest.raises(DeviceError, match="no input device matches 'yeti'"):
        Recorder(FakeSoundDevice(devices=devices), device="yeti").start(tmp_path / "x.wav")
    with pytest.raises(DeviceError, match="has no input channels"):
        Recorder(FakeSoundDevice(devices=devices), device=1).start(tmp_path / "y.wav")


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    take = tmp_path / "take.wav"
    take.write_bytes(b"precious")
    with pytest.raises(TakeFileError, match="already exists"):
        Recorder(FakeSoundDevice()).start(take)
    assert take.read_bytes() == b"precious"


def test_read_only_data_dir_is_a_one_line_error(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def read_only_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if str(path).startswith(str(tmp_path)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only_open)
    with pytest.raises(TakeFileError, match="Read-only file system") as caught:
        Recorder(FakeSoundDevice()).start(tmp_path / "take.wav")
    assert "\n" not in str(caught.value)


def test_disk_full_mid_take_keeps_what_was_written(
        tmp_path: Path, speech: npt.NDArray[np.float32],
        monkeypatch: pytest.MonkeyPatch) -> None:
    take = tmp_path / "take.wav"
    real_write = os.write
    budget = 44 + 2 * 16000  # header + one second of audio fits on the "disk"

    def small_disk_write(fd: int, data: bytes | memoryview) -> int:
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = ""
        if target != str(take):
            return real_write(fd, data)
        room = budget - os.fstat(fd).st_size
        if room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:room])

    monkeypatch.setattr(os, "write", small_disk_write)
    rec = Recorder(FakeSoundDevice(input_audio=speech))
    rec.start(take)
    result = rec.wait(30)

    assert result is not None and result.stopped_by == "error"
    assert result.error is not None and "No space left on device" in result.error
    kept = read_take(take)
    assert len(kept) == result.frames and result.frames >= 16000 - 1024
    np.testing.assert_array_equal(kept, as_pcm16(speech[: len(kept), 0]))


ALSA_OPEN = """
import ctypes, ctypes.util, sys
if sys.argv[1] == "quiet":
    from mockmic.audio.devices import load_sounddevice
    load_sounddevice()
lib = ctypes.CDLL(ctypes.util.find_library("asound"))
lib.snd_pcm_open(ctypes.byref(ctypes.c_void_p()), b"no-such-pcm", 0, 0)
"""


@pytest.mark.skipif(ctypes.util.find_library("asound") is None, reason="no libasound")
def test_alsa_complaints_never_reach_the_terminal() -> None:
    # libasound writes errors straight to fd 2, which would land on the Textual screen.
    def stderr_of(mode: str) -> str:
        return subprocess.run([sys.executable, "-c", ALSA_OPEN, mode], capture_output=True,
                              text=True, timeout=60).stderr

    assert "no-such-pcm" in stderr_of("loud")
    assert stderr_of("quiet") == ""


def test_missing_portaudio_is_one_line_with_the_apt_command(tmp_path: Path) -> None:
    # What `import sounddevice` does on a machine without libportaudio2.
    fake = tmp_path / "fake_modules"
    fake.mkdir()
    (fake / "sounddevice.py").write_text("raise OSError('PortAudio library not found')\n")
    env = os.environ | {"PYTHONPATH": str(fake), "MOCKMIC_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-m", "mockmic", "record", "--seconds", "1"],
                          env=env, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert proc.stderr == "mockmic: PortAudio is not installed: apt-get install libportaudio2\n"
    assert not list((tmp_path / "home" / "data" / "takes").glob("*.wav"))
