"""Reports and audio files for storage tests (no model, no sound card)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from mockmic.core.report import Flag, Report, Severity, Span
from mockmic.core.transcript import Transcript, Word

STRONG_TEXT = ("The budget was being cut, so I had to reduce inference cost. I chose "
               "distillation over pruning because accuracy mattered. We cut cost by 22 percent "
               "and saved $400k a year. I learned to measure first.")


def make_report(text: str = STRONG_TEXT, *, duration_s: float = 64.0, target_s: float = 90.0,
                score: int = 80, flags: tuple[tuple[str, Severity], ...] = (),
                estimated: bool = False, metrics: dict[str, object] | None = None) -> Report:
    """A report with real word timings spread over `duration_s`, evidence on every flag and
    a couple of signals, so JSON round-trips exercise every field."""
    tokens = text.split()
    step = duration_s / max(1, len(tokens))
    words = tuple(Word(t, i * step + 0.0123, (i + 1) * step - 0.0456, 0.91234)
                  for i, t in enumerate(tokens))
    transcript = Transcript(words=words, duration_s=duration_s, timed=not estimated,
                            source="test.wav")
    n = len(words)
    flag_objs = tuple(
        Flag(code, severity, f"{code} happened", f"fix {code}",
             (Span.of(transcript, k % n, min(n, k % n + 3)),))
        for k, (code, severity) in enumerate(flags))
    signals = {"stakes": (Span.of(transcript, 0, min(n, 5)),),
               "metric": (Span.of(transcript, max(0, n - 6), n),)}
    return Report(source="test.wav", duration_s=duration_s, target_s=target_s,
                  duration_estimated=estimated, transcript=transcript, score=score,
                  flags=flag_objs, signals=signals,
                  metrics=dict(metrics if metrics is not None
                               else {"wpm": 151.2, "fillers": 2, "filler_per_min": 1.9}))


def write_wav(path: Path, seconds: float = 1.0, rate: int = 16000, freq: float = 220.0) -> Path:
    """A short tone (not silence, so a lossless copy can be told from an empty file)."""
    t = np.arange(int(seconds * rate)) / rate
    sf.write(str(path), (0.3 * np.sin(2 * np.pi * freq * t)).astype("float32"), rate,
             subtype="PCM_16")
    return path


def audio_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.exists() else []
