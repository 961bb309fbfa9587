"""Audio files of any format, rate and channel count become 16 kHz mono; bad files get one line.

Variants are written into tmp_path from the shared recordings (soundfile writes mp3 and ogg).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
import soundfile as sf

from mockmic.audio import decode
from mockmic.audio.decode import (
    SAMPLE_RATE,
    as_mono_16k,
    check_audio_path,
    decode_audio,
    probe_duration,
    split_points,
)
from mockmic.errors import AudioInputError

Floats = npt.NDArray[np.float32]


def envelope(samples: Floats, rate: int = SAMPLE_RATE, frame_s: float = 0.02) -> Floats:
    """RMS per 20 ms frame: compares loudness over time, robust to codec phase changes."""
    frame = int(rate * frame_s)
    n = samples.size // frame
    blocks = samples[: n * frame].reshape(n, frame).astype(np.float64)
    rms: Floats = np.sqrt((blocks**2).mean(axis=1)).astype(np.float32)
    return rms


def same_speech(a: Floats, b: Floats) -> float:
    """Correlation of the loudness envelopes of two 16 kHz signals (1.0 = same shape)."""
    ea, eb = envelope(a), envelope(b)
    n = min(ea.size, eb.size)
    return float(np.corrcoef(ea[:n], eb[:n])[0, 1])


@pytest.fixture(scope="module")
def jfk(shared_data: Path) -> tuple[npt.NDArray[np.float64], int]:
    data, rate = sf.read(shared_data / "real" / "jfk.flac", always_2d=True)
    return data, rate


@pytest.fixture(scope="module")
def jfk_16k(shared_data: Path) -> Floats:
    return decode_audio(shared_data / "real" / "jfk.flac")


@pytest.mark.parametrize(
    ("name", "fmt", "subtype", "rate", "channels"),
    [
        ("stereo_44k.wav", "WAV", "PCM_16", 44_100, 2),
        ("mono_22k.flac", "FLAC", "PCM_16", 22_050, 1),
        ("stereo_44k.mp3", "MP3", "MPEG_LAYER_III", 44_100, 2),
        ("mono_16k.ogg", "OGG", "VORBIS", 16_000, 1),
        ("stereo_48k.opus.ogg", "OGG", "OPUS", 48_000, 2),
    ],
)
def test_every_format_rate_and_layout_decodes_to_the_same_16k_mono_speech(
    tmp_path: Path, jfk: tuple[npt.NDArray[np.float64], int], jfk_16k: Floats,
    name: str, fmt: str, subtype: str, rate: int, channels: int,
) -> None:
    data, src_rate = jfk
    mono = data.mean(axis=1).astype(np.float32)
    # Linear interpolation is a crude resampler, but enough to write a file at `rate`.
    times = np.arange(int(mono.size * rate / src_rate)) / rate
    converted = np.interp(times, np.arange(mono.size) / src_rate, mono).astype(np.float32)
    out = np.repeat(converted[:, None], channels, axis=1) if channels == 2 else converted
    path = tmp_path / name
    sf.write(path, out, rate, format=fmt, subtype=subtype)

    samples = decode_audio(path)

    assert samples.dtype == np.float32 and samples.ndim == 1
    # Lossy codecs pad a few ms at the ends; the length is still the speech's length.
    assert samples.size / SAMPLE_RATE == pytest.approx(11.0, abs=0.1)
    assert same_speech(samples, jfk_16k) > 0.97


def test_low_rate_audio_is_resampled_up_to_16k(shared_data: Path) -> None:
    path = shared_data / "real" / "news_169s_8k.wav"
    original, rate = sf.read(path, dtype="float32")
    assert rate == 8_000

    samples = decode_audio(path)

    assert samples.size == pytest.approx(2 * original.size, abs=16)
    # The same loudness over time: 8 kHz speech, twice as many samples.
    assert same_speech(samples, np.repeat(original, 2)) > 0.99


def test_stereo_becomes_the_mean_of_its_channels_without_clipping(shared_data: Path) -> None:
    two = shared_data / "real" / "stereo_two_speakers.wav"
    data, _ = sf.read(two, dtype="float32")
    assert np.allclose(decode_audio(two), data.mean(axis=1), atol=1e-4)

    # FFmpeg's own stereo->mono matrix adds the channels at -3 dB (1.4x their mean), which
    # clipped this loud recording; a plain mean keeps its peak.
    jfk, _ = sf.read(shared_data / "real" / "jfk.flac", dtype="float32")
    peak = float(np.abs(decode_audio(shared_data / "real" / "jfk.flac")).max())
    assert peak == pytest.approx(float(np.abs(jfk.mean(axis=1)).max()), abs=1e-3)
    assert peak < 0.99


def one_line(exc: pytest.ExceptionInfo[AudioInputError]) -> str:
    message = str(exc.value)
    assert "\n" not in message and message
    return message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AudioInputError) as exc:
        decode_audio(tmp_path / "nope.wav")
    assert one_line(exc) == f"no such file: {tmp_path / 'nope.wav'}"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(AudioInputError) as exc:
        decode_audio(tmp_path)
    assert "is a directory" in one_line(exc)


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "take.flac"
    empty.touch()
    with pytest.raises(AudioInputError) as exc:
        decode_audio(empty)
    assert one_line(exc) == f"{empty} is empty (0 bytes)"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("noise.wav", bytes(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8))),
        ("notes.mp3", b"These are my interview notes, not a recording.\n" * 20),
        ("header_only.wav", b"RIFF\x24\x00\x00\x00WAVEfmt "),
    ],
)
def test_bytes_that_are_not_audio(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioInputError) as exc:
        decode_audio(path)
    message = one_line(exc)
    assert str(path) in message
    assert "not a readable audio file" in message or "no decodable audio" in message \
        or "no audio stream" in message


def test_a_truncated_recording_keeps_what_was_written(tmp_path: Path, shared_data: Path) -> None:
    # A take cut off mid-write (crash, full disk) should still give its first seconds.
    whole = (shared_data / "real" / "jfk.flac").read_bytes()
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole[: len(whole) // 2])

    samples = decode_audio(cut)

    assert 3.0 < samples.size / SAMPLE_RATE < 8.0


def test_over_an_hour_is_refused_from_the_header_before_decoding(tmp_path: Path) -> None:
    long = tmp_path / "whole_interview.flac"
    rate, block = 8_000, np.zeros(8_000 * 60, dtype=np.int16)
    with sf.SoundFile(long, "w", samplerate=rate, channels=1, format="FLAC") as fh:
        for _ in range(61):
            fh.write(block)

    assert probe_duration(long) == pytest.approx(61 * 60)
    with pytest.raises(AudioInputError) as exc:
        decode_audio(long)
    assert one_line(exc) == f"{long} is 61 minutes long, longer than the 60-minute limit"


def test_a_file_that_hides_its_length_is_stopped_at_the_limit(
    monkeypatch: pytest.MonkeyPatch, shared_data: Path
) -> None:
    monkeypatch.setattr(decode, "_stated_duration", lambda container, stream: None)
    path = shared_data / "real" / "jfk.flac"
    with pytest.raises(AudioInputError) as exc:
        decode_audio(path, max_seconds=5)
    assert one_line(exc) == f"{path} is longer than the 5-second limit"


def test_check_audio_path_accepts_a_real_file(shared_data: Path) -> None:
    path = shared_data / "real" / "jfk.flac"
    assert check_audio_path(str(path)) == path


def test_samples_from_a_recorder_are_validated_and_scaled() -> None:
    pcm = np.array([0, 16384, -32768], dtype=np.int16)
    assert as_mono_16k(pcm).tolist() == [0.0, 0.5, -1.0]
    pcm_stereo = np.array([[16384, 0], [-32768, -32768]], dtype=np.int16)
    assert as_mono_16k(pcm_stereo).tolist() == [0.25, -1.0]
    stereo = np.array([[0.2, 0.4], [-0.2, 0.0]], dtype=np.float64)
    assert as_mono_16k(stereo) == pytest.approx([0.3, -0.1])
    for bad, why in [(np.zeros(0), "no audio samples"),
                     (np.array([0.1, np.nan]), "NaN"),
                     (np.zeros((2, 2, 2)), "shape"),
                     (np.zeros((2, 16_000)), r"\(frames, channels\)")]:
        with pytest.raises(AudioInputError, match=why):
            as_mono_16k(bad)


def test_long_audio_is_cut_into_bounded_pieces_at_its_pauses() -> None:
    rng = np.random.default_rng(3)
    audio = rng.normal(0, 0.1, SAMPLE_RATE * 130).astype(np.float32)
    for pause_s in (52.0, 101.0):  # a quiet half second inside each piece's search window
        audio[int(pause_s * SAMPLE_RATE): int((pause_s + 0.5) * SAMPLE_RATE)] = 0.0

    cuts = split_points(audio, piece_s=60.0, search_s=20.0)

    assert [round(c / SAMPLE_RATE, 1) for c in cuts] == pytest.approx([52.2, 101.2], abs=0.2)
    bounds = [0, *cuts, audio.size]
    assert all(hi - lo <= 60 * SAMPLE_RATE for lo, hi in itertools.pairwise(bounds))
    assert split_points(audio[: SAMPLE_RATE * 59], piece_s=60.0) == []
