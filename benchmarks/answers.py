"""Benchmark answers of about 30, 90 and 180 s, built from the real and spoken audio in
../shared/data, each with the reference text of every part (so WER against it is defined).

A part is a whole file (or one channel of the two-speaker file): cutting inside a file would
cut inside words and leave no exact reference. Parts are joined with a short pause, and every
answer starts after a beat of silence, as a real answer does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DATA = SHARED / "data"
RATE = 16_000
LEAD_IN_S = 1.0
PAUSE_S = 0.7

#: (file, channel or None, reference file) per part.
Part = tuple[str, int | None, str]

JFK: Part = ("real/jfk.flac", None, "real/jfk.txt")
LEFT: Part = ("real/stereo_two_speakers.wav", 0, "real/stereo_two_speakers.left.txt")
RIGHT: Part = ("real/stereo_two_speakers.wav", 1, "real/stereo_two_speakers.right.txt")
STRONG: Part = ("answers/strong_ml_cost.flac", None, "answers/strong_ml_cost.txt")
RAMBLING: Part = ("answers/rambling_no_stakes.flac", None, "answers/rambling_no_stakes.txt")
TASKS: Part = ("answers/tasks_we_no_result.flac", None, "answers/tasks_we_no_result.txt")

#: Nominal length → parts. Actual lengths: 35 s, 88 s, 185 s.
RECIPES: dict[int, tuple[Part, ...]] = {
    30: (TASKS,),
    90: (JFK, STRONG, LEFT, RIGHT),
    180: (RAMBLING, STRONG, LEFT, RIGHT),
}


@dataclass(frozen=True)
class Answer:
    name: str
    samples: Floats  # 16 kHz mono float32, already 16-bit exact (what a take file holds)
    reference: str | None

    @property
    def seconds(self) -> float:
        return self.samples.size / RATE


def load_part(relative: str, channel: int | None = None) -> Floats:
    """A file from ../shared/data as 16 kHz mono float32 (resampled with the app's decoder)."""
    from mockmic.audio.decode import decode_audio

    path = DATA / relative
    if channel is None:
        samples: Floats = np.asarray(decode_audio(path), dtype=np.float32)
        return samples
    import soundfile as sf

    data, rate = sf.read(path, dtype="float32", always_2d=True)
    if rate != RATE:
        raise ValueError(f"{relative}: {rate} Hz; only 16 kHz files can be split by channel")
    column: Floats = np.ascontiguousarray(data[:, channel], dtype=np.float32)
    return column


def pcm16(samples: Floats) -> Floats:
    """Round to what a 16-bit take file stores, so every path sees the same samples."""
    quantised = np.clip(np.rint(samples * 32768.0), -32768, 32767)
    out: Floats = (quantised / 32768.0).astype(np.float32)
    return out


def build(parts: tuple[Part, ...], name: str) -> Answer:
    pieces: list[Floats] = [np.zeros(int(LEAD_IN_S * RATE), dtype=np.float32)]
    texts: list[str] = []
    for i, (relative, channel, ref) in enumerate(parts):
        if i:
            pieces.append(np.zeros(int(PAUSE_S * RATE), dtype=np.float32))
        pieces.append(load_part(relative, channel))
        texts.append((DATA / ref).read_text(encoding="utf-8").strip())
    return Answer(name, pcm16(np.concatenate(pieces)), " ".join(texts))


def answer(nominal_s: int) -> Answer:
    """The benchmark answer of about `nominal_s` seconds (30, 90 or 180)."""
    if nominal_s not in RECIPES:
        raise ValueError(f"no {nominal_s}-s answer; choose from {sorted(RECIPES)}")
    return build(RECIPES[nominal_s], f"answer_{nominal_s}s")


def single(relative: str) -> Answer:
    """One file as an answer, with its reference text if ../shared/data has one."""
    ref = (DATA / relative).with_suffix(".txt")
    text = ref.read_text(encoding="utf-8").strip() if ref.exists() else None
    return Answer(Path(relative).stem, pcm16(load_part(relative)), text)
