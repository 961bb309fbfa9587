"""Is the incremental transcript the whole-file transcript? Compared on one audio file.

Three transcripts of the same 16-bit samples:

- whole: the app's whole-file pass, `Transcriber.transcribe(take)`, with the model's features
  computed by `windows.StableFeatureExtractor` (installed by the first incremental use);
- stock: the same, with faster-whisper's own feature extractor, to show what the stable
  features cost (only rounding and the clamp differ, and tiny.en flips on both);
- incremental: fed block by block at `speed` x real time from another thread, then finish().
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.answers import RATE, Answer

BLOCK = 1024


def feed_paced(inc: Any, ans: Answer, speed: float) -> None:
    """Feed `ans` to an IncrementalTranscriber as a microphone would, from another thread."""
    t0 = time.perf_counter()
    for i in range(0, ans.samples.size, BLOCK):
        delay = t0 + i / RATE / speed - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        inc.feed(ans.samples[i:i + BLOCK])


@contextmanager
def stock_features(model: Any) -> Iterator[None]:
    """faster-whisper's own feature extractor on `model` for a while (nothing else may run)."""
    from mockmic.audio.windows import StableFeatureExtractor

    stable = model.feature_extractor
    if not isinstance(stable, StableFeatureExtractor):
        yield
        return
    model.feature_extractor = stable.base
    try:
        yield
    finally:
        model.feature_extractor = stable


def compare(ans: Answer, transcriber: Any, take: Path, speed: float = 20.0) -> dict[str, Any]:
    from mockmic.audio.incremental import IncrementalTranscriber
    from tests.support.wer import wer

    with stock_features(transcriber.model):
        stock = transcriber.transcribe(take)
    whole = transcriber.transcribe(take)
    inc = IncrementalTranscriber(transcriber)
    inc.start(source=ans.name)
    feeder = threading.Thread(target=feed_paced, args=(inc, ans, speed))
    feeder.start()
    feeder.join()
    got = inc.finish()

    def key(t: Any) -> list[tuple[str, float, float]]:
        return [(w.text, w.start, w.end) for w in t.words]

    def pct(ref: str | None, hyp: str) -> float | None:
        return None if not ref or not ref.strip() else round(wer(ref, hyp) * 100, 2)

    return {
        "audio": ans.name,
        "seconds": round(ans.seconds, 1),
        "wer_inc_vs_whole": pct(whole.text, got.text),
        "identical": key(whole) == key(got),
        "wer_whole_vs_stock": pct(stock.text, whole.text),
        "wer_stock_vs_ref": pct(ans.reference, stock.text),
        "wer_whole_vs_ref": pct(ans.reference, whole.text),
        "wer_inc_vs_ref": pct(ans.reference, got.text),
        "windows_during": inc.stats.windows_during,
        "fallback": inc.stats.fallback,
    }
