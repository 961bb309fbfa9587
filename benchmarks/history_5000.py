"""How fast the history store answers with 5,000 takes in it.

    python -m benchmarks.history_5000                 # 5,000 takes, 7 runs per measure
    python -m benchmarks.history_5000 --takes 20000 --repeats 5 --out store.json

Seeds a fresh store (MOCKMIC_HOME in a temp folder) through the real `Store.save_take`:
90-second answers of ~220 timed words with flags, evidence and figures, each with a short
FLAC of its own, over 120 days, a third of them under nine stories. Then measures, as the
median of --repeats runs:

- open: `Store()` on the existing file (schema check, interrupted-save sweep of the audio dir);
- list all: `list_takes()` (every summary, each audio file's existence checked);
- list filtered: by flag, by story, and the newest 50;
- open one take: `get_take()` (report and transcript JSON parsed), over random takes;
- story progress and figure consistency for the story with the most takes;
- cold CLI: `mockmic history --limit 50` in a fresh interpreter (imports included).

Not a test: the numbers depend on the machine and on what else it is running.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SENTENCES = (
    "The recommendation service was costing us far more than the budget allowed.",
    "I compared distillation against pruning and chose distillation because accuracy "
    "mattered most.",
    "We cut inference cost by 22 percent and saved $400k a year.",
    "Latency went from 40 ms to 25 ms at the 99th percentile.",
    "Um, so basically we had, like, a lot of meetings about the timeout and the retries.",
    "I learned to measure the baseline before arguing about the fix.",
)
FLAG_SETS = (
    (("over_time", "fail"), ("rambling", "warn"), ("filler_heavy", "info")),
    (("missing_learning", "info"),),
    (("missing_metric", "warn"), ("weak_ownership", "warn")),
    (),
)


def make_report(i: int) -> Any:
    from mockmic.core.report import Flag, Report, Span
    from mockmic.core.transcript import Transcript, Word

    rng = random.Random(i)
    text = " ".join(rng.choice(SENTENCES) for _ in range(16))
    tokens = text.split()[:220]
    duration = rng.uniform(55.0, 130.0)
    step = duration / len(tokens)
    words = tuple(Word(t, k * step, (k + 1) * step - 0.05, 0.9) for k, t in enumerate(tokens))
    transcript = Transcript(words=words, duration_s=duration, source="bench.flac")
    flags = tuple(Flag(code, sev, f"{code} message", f"{code} tip",  # type: ignore[arg-type]
                       (Span.of(transcript, 10 * n, 10 * n + 8),))
                  for n, (code, sev) in enumerate(FLAG_SETS[i % len(FLAG_SETS)]))
    return Report(source="bench.flac", duration_s=duration, target_s=90.0,
                  duration_estimated=False, transcript=transcript, score=rng.randint(30, 95),
                  flags=flags, signals={"metric": (Span.of(transcript, 20, 30),)},
                  metrics={"wpm": len(tokens) / duration * 60, "fillers": 3})


def seed(count: int, workdir: Path) -> float:
    """Fill the store under MOCKMIC_HOME; returns takes saved per second."""
    import numpy as np
    import soundfile as sf

    from mockmic.storage import Store

    clip = workdir / "clip.flac"
    tone = (0.2 * np.sin(2 * np.pi * 220 * np.arange(8000) / 16000)).astype("float32")
    sf.write(str(clip), tone, 16000, format="FLAC", subtype="PCM_16")
    reports = [make_report(i) for i in range(64)]
    first = datetime(2025, 1, 1, 8, tzinfo=UTC)
    step = timedelta(days=120) / count
    start = time.perf_counter()
    with Store() as store:
        for i in range(count):
            story = f"story-{i % 9}" if i % 3 == 0 else None
            store.save_take(report=reports[i % len(reports)], audio_src=clip,
                            question_text=f"Practice question {i % 40}",
                            bank_id=("general", "leadership")[i % 2], story_id=story,
                            created_at=first + i * step)
    return count / (time.perf_counter() - start)


def timed(fn: Callable[[], object], repeats: int) -> dict[str, float]:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return {"median_ms": statistics.median(runs) * 1000, "max_ms": max(runs) * 1000}


def measure(count: int, repeats: int) -> dict[str, Any]:
    from mockmic.core.stories import Story
    from mockmic.storage import Store, take_consistency

    results: dict[str, Any] = {}
    results["open"] = timed(lambda: Store().close(), repeats)
    story = Story(id="story-0", title="bench", figures=("22 %", "$400k/yr"))
    with Store() as store:
        assert store.count_takes() == count
        results["list all"] = timed(store.list_takes, repeats)
        results["list by flag"] = timed(lambda: store.list_takes(flag="rambling"), repeats)
        results["list by story"] = timed(lambda: store.list_takes(story_id="story-0"), repeats)
        results["list newest 50"] = timed(lambda: store.list_takes(limit=50), repeats)
        ids = [t.id for t in store.list_takes()]
        rng = random.Random(1)
        results["open one take"] = timed(lambda: store.get_take(rng.choice(ids)), repeats * 10)
        results["story progress"] = timed(lambda: store.story_progress("story-0"), repeats)
        latest = store.list_takes(story_id="story-0", limit=1)[0].id
        results["figure consistency"] = timed(
            lambda: take_consistency(store, latest, story), repeats)
        results["story takes"] = len(store.list_takes(story_id="story-0"))
        db_bytes = sum(p.stat().st_size for p in store.db_path.parent.glob("mockmic.db*"))
        results["db_mb"] = db_bytes / 1e6
        results["audio_files"], audio_bytes = store.audio_usage()
        results["audio_mb"] = audio_bytes / 1e6
    cli = [sys.executable, "-m", "mockmic", "history", "--limit", "50"]
    results["cold cli history"] = timed(
        lambda: subprocess.run(cli, check=True, capture_output=True), max(3, repeats // 2))
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.history_5000",
                                description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--takes", type=int, default=5000, help="takes to seed (default 5000)")
    p.add_argument("--repeats", type=int, default=7, help="runs per measure (default 7)")
    p.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = p.parse_args(argv)
    if args.takes < 10 or args.repeats < 1:
        p.error("--takes must be at least 10 and --repeats at least 1")
    with tempfile.TemporaryDirectory(prefix="mockmic-bench-") as tmp:
        old_home = os.environ.get("MOCKMIC_HOME")
        os.environ["MOCKMIC_HOME"] = str(Path(tmp) / "home")
        try:
            rate = seed(args.takes, Path(tmp))
            results = measure(args.takes, args.repeats)
        finally:
            if old_home is None:
                os.environ.pop("MOCKMIC_HOME", None)
            else:
                os.environ["MOCKMIC_HOME"] = old_home
    results["seed_takes_per_s"] = rate
    print(f"{args.takes} takes seeded at {rate:.0f} takes/s; database "
          f"{results['db_mb']:.1f} MB, {results['audio_files']} audio files "
          f"({results['audio_mb']:.1f} MB); story-0 has {results['story takes']} takes")
    print(f"{'measure':<20} {'median ms':>10} {'max ms':>10}")
    for name, value in results.items():
        if isinstance(value, dict):
            print(f"{name:<20} {value['median_ms']:>10.1f} {value['max_ms']:>10.1f}")
    if args.out is not None:
        args.out.write_text(json.dumps({"takes": args.takes, **results}, indent=1) + "\n",
                            encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
