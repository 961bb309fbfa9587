"""Transcribing while the answer is recorded gives the whole-file transcript, not a lookalike.

The pure tests check the two pieces that make that possible on real recordings, without the
model: features and VAD speech computed as audio trickles in are bit-identical to computing
them on the whole take. The `model` tests (few, short: the CPU is shared) check the result a
user sees: the same words at the same times as the whole-file pass, through the recorder's take
file and through feed(); sensible answers to empty, short and cancelled takes; and a fallback.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from fake_sounddevice import DATA, FakeSoundDevice

from mockmic.audio.decode import decode_audio
from mockmic.audio.incremental import IncrementalTranscriber
from mockmic.audio.recorder import Recorder
from mockmic.audio.recovery import TakeWriter
from mockmic.audio.vadstream import SpeechStream
from mockmic.audio.wavtail import WavTail
from mockmic.audio.windows import LogMelStream
from mockmic.core.transcript import Transcript, Word
from mockmic.errors import AudioInputError

Floats = npt.NDArray[np.float32]


def pcm16(samples: npt.ArrayLike) -> Floats:
    """What a 16-bit take file gives back for these samples."""
    quantised = np.clip(np.rint(np.asarray(samples, dtype=np.float32) * 32768.0), -32768, 32767)
    return (quantised / 32768.0).astype(np.float32)


def speech(name: str, seconds: float | None = None) -> Floats:
    """A file from ../shared/data as a 16-bit take holds it: 16 kHz mono, optionally cut."""
    samples = decode_audio(DATA / name)
    if seconds is not None:
        samples = samples[: int(seconds * 16000)]
    return pcm16(samples)


def trickle(samples: Floats, seed: int) -> Iterator[Floats]:
    """The samples in irregular pieces, as a recorder's writer might hand them over."""
    rng = np.random.default_rng(seed)
    i = 0
    while i < samples.size:
        n = int(rng.integers(1, 9000))
        yield samples[i:i + n]
        i += n


def wait_until(condition: Callable[[], bool], bound_s: float = 120.0) -> None:
    """Poll until `condition` holds; the bound only stops a broken test from hanging."""
    deadline = time.monotonic() + bound_s
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.02)


def timed_words(t: Transcript) -> list[tuple[str, float, float]]:
    return [(w.text, w.start, w.end) for w in t.words]


# --- features and VAD: pure, real recordings ----------------------------------------------------

def test_features_of_a_trickled_take_are_bit_identical_to_the_whole_take(shared_data: Path
                                                                          ) -> None:
    from faster_whisper.feature_extractor import FeatureExtractor

    audio = speech("answers/strong_ml_cost.flac")
    whole = LogMelStream(FeatureExtractor())
    whole.append(audio)
    expected = np.asarray(whole.complete())

    live = LogMelStream(FeatureExtractor())
    windows: dict[int, Floats] = {}
    for piece in trickle(audio, seed=1):
        live.append(piece)
        ready = live.update()
        for stop in (3000, 5500):
            if ready >= stop and stop not in windows:
                windows[stop] = live.window(stop - 3000, stop)
    got = live.complete()

    assert np.array_equal(np.asarray(got), expected)
    # A window decoded during the answer is clamped at the loudest frame up to its end, so it is
    # the same window a whole-take pass reads, whatever louder audio came later.
    complete = whole.complete()
    for stop, window in windows.items():
        assert np.array_equal(window, complete[:, stop - 3000:stop])


def test_the_last_window_matches_stock_faster_whisper_to_the_rounding(shared_data: Path) -> None:
    from faster_whisper.feature_extractor import FeatureExtractor

    audio = speech("real/jfk.flac")
    stream = LogMelStream(FeatureExtractor())
    stream.append(audio)
    ours = np.asarray(stream.complete())
    stock = FeatureExtractor()(audio)
    assert ours.shape == stock.shape
    assert np.max(np.abs(ours - stock)) < 1e-6


@pytest.mark.parametrize("min_silence_ms", [2000, 300])
def test_vad_speech_of_a_trickled_take_is_the_whole_file_vad_speech(
        shared_data: Path, min_silence_ms: int) -> None:
    from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

    # Pauses of several lengths, so chunks open, close and get padded both ways.
    audio = np.concatenate([
        np.zeros(32000, np.float32), speech("answers/tasks_we_no_result.flac", 12.0),
        np.zeros(40000, np.float32), speech("real/jfk.flac"),
        np.zeros(9000, np.float32), speech("answers/strong_ml_cost.flac", 9.0),
        np.zeros(20000, np.float32)])
    options = VadOptions(min_silence_duration_ms=min_silence_ms)
    expected_chunks = get_speech_timestamps(audio, options)
    expected = np.concatenate(collect_chunks(audio, expected_chunks)[0])

    stream = SpeechStream(options)
    handed: list[Floats] = []
    end = 0
    for piece in trickle(audio, seed=2):
        end += piece.size
        handed.append(stream.advance(audio[:end]))
    early = sum(h.size for h in handed)
    rest, chunks = stream.close(audio)

    assert chunks == expected_chunks
    assert np.array_equal(np.concatenate([*handed, rest]), expected)
    assert early > 0.9 * expected.size  # most speech was ready before the end


def test_reading_a_take_while_it_is_written_gives_every_sample_once(tmp_path: Path) -> None:
    audio = speech("real/jfk.flac", 3.0)
    take = tmp_path / "take.wav"
    writer = TakeWriter(take, samplerate=16000, channels=1)
    tail = WavTail(take)
    got: list[Floats] = []
    for piece in trickle(audio, seed=3):
        writer.write(piece[:, None])
        got.append(tail.read())
    writer.close()
    got.append(tail.read(final=True))
    assert np.array_equal(np.concatenate(got), audio)


# --- without the model: fallback ------------------------------------------------------------------

class WholeFileOnly:
    """A transcriber that can only transcribe whole takes (no incremental hooks)."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def transcribe_array(self, samples: Floats, *, source: str = "") -> Transcript:
        self.calls.append(len(samples))
        return Transcript((Word("whole", 0.0, 0.5),), duration_s=len(samples) / 16000,
                          source=source)


def test_when_incremental_decoding_cannot_run_finish_falls_back_to_the_whole_take() -> None:
    stub = WholeFileOnly()
    inc = IncrementalTranscriber(stub)
    inc.start(source="take")
    audio = np.sin(np.arange(48000) / 9).astype(np.float32) * 0.1
    for piece in trickle(audio, seed=4):
        inc.feed(piece)
    transcript = inc.finish()
    assert transcript.text == "whole"
    assert stub.calls == [audio.size]  # every sample fed, once
    assert inc.stats.fallback is not None


# --- with the model --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def own_transcriber() -> Any:
    """A transcriber of our own: incremental use gives its model stable features, which must not
    leak into other modules' tests of the session-wide one."""
    from mockmic.audio.transcriber import Transcriber

    instance = Transcriber()
    instance.load()
    return instance


def record_following(samples: Floats, transcriber: Any, take: Path
                     ) -> tuple[Transcript, IncrementalTranscriber]:
    """Record `samples` through the real Recorder and a fake microphone (20x real time) while
    an IncrementalTranscriber follows the take file; stop at the end, as the user would."""
    sd = FakeSoundDevice(input_audio=samples[:, None])
    sd.behaviour.speed = 20.0
    sd.behaviour.after_end = "stop"
    recorder = Recorder(sd)
    inc = IncrementalTranscriber(transcriber)
    recorder.start(take)
    inc.follow(take)
    assert sd.fed_all.wait(120)
    result = recorder.stop()
    assert result.overflows == 0
    return inc.finish(), inc


@pytest.mark.model
def test_a_take_transcribed_while_recorded_is_the_whole_file_transcript(
        shared_data: Path, own_transcriber: Any, tmp_path: Path) -> None:
    audio = speech("answers/strong_ml_cost.flac")  # 64 s: two full windows and a tail
    live, inc = record_following(audio, own_transcriber, tmp_path / "take.wav")
    whole = own_transcriber.transcribe(tmp_path / "take.wav")

    assert inc.stats.windows_during >= 2  # most of it was decoded before the stop
    assert inc.stats.fallback is None
    assert timed_words(live) == timed_words(whole)
    starts = [w.start for w in live.words]
    assert starts == sorted(starts)
    assert all(w.start <= w.end <= live.duration_s for w in live.words)
    # Times continue across windows: the last words are at the end of the take, not at 0-30 s.
    assert live.words[-1].end > live.duration_s - 5.0


@pytest.mark.model
def test_an_answer_that_ends_in_a_pause_was_already_transcribed_at_stop(
        shared_data: Path, own_transcriber: Any) -> None:
    audio = np.concatenate([speech("answers/tasks_we_no_result.flac"),
                            np.zeros(16000 * 4, np.float32)])
    inc = IncrementalTranscriber(own_transcriber)
    inc.start(source="pause")
    done = threading.Event()

    def feed() -> None:
        for i in range(0, audio.size, 1024):
            inc.feed(audio[i:i + 1024])
        done.set()

    threading.Thread(target=feed).start()
    assert done.wait(60)
    # The user pauses before pressing stop: meanwhile the rest is decoded as if stopped.
    wait_until(lambda: inc.stats.guesses > 0)
    live = inc.finish()
    whole = own_transcriber.transcribe_array(audio, source="pause")
    assert timed_words(live) == timed_words(whole)
    assert inc.stats.guess_used  # the rest was decoded during the pause, not after stop


@pytest.mark.model
def test_a_take_shorter_than_one_window_is_transcribed_whole(
        shared_data: Path, own_transcriber: Any) -> None:
    audio = speech("real/jfk.flac")
    inc = IncrementalTranscriber(own_transcriber)
    inc.start()
    inc.feed(audio)
    live = inc.finish()
    assert inc.stats.windows_during == 0
    assert timed_words(live) == timed_words(own_transcriber.transcribe_array(audio))
    assert "ask not what your country" in live.text.lower()


@pytest.mark.model
@pytest.mark.parametrize("samples", [np.zeros(0, np.float32), np.zeros(8000, np.float32)],
                         ids=["nothing", "half a second of silence"])
def test_an_empty_take_gets_a_one_line_reason(own_transcriber: Any, samples: Floats) -> None:
    inc = IncrementalTranscriber(own_transcriber)
    inc.start()
    inc.feed(samples)
    with pytest.raises(AudioInputError) as caught:
        inc.finish()
    assert "\n" not in str(caught.value)


@pytest.mark.model
def test_cancel_ends_the_background_work_and_keeps_nothing(
        shared_data: Path, own_transcriber: Any) -> None:
    inc = IncrementalTranscriber(own_transcriber)
    inc.start()
    inc.feed(speech("real/jfk.flac"))
    inc.cancel()
    inc.feed(speech("real/jfk.flac"))  # ignored: the take is gone
    wait_until(lambda: not inc.running)
    with pytest.raises(RuntimeError):
        inc.finish()
