"""How long the history screen takes to open, and to refilter, with thousands of takes.

    python -m benchmarks.history_screen                  # 5,000 takes, 5 runs
    python -m benchmarks.history_screen --takes 20000 --repeats 3 --out history.json

Seeds a fresh store (MOCKMIC_HOME in a temp folder) through the real `Store.save_take`: the
three committed report fixtures in turn, each with a short FLAC of its own (so every row's
audio file is really looked up), spread over 90 days, a third of them filed under stories.
Then, in a headless Textual app (`run_test`, as the Pilot tests run it), for each run:

- first rows: from pressing `h` on the home screen to the newest takes drawn (the screen's
  worker reads the newest 100 summaries first; no report JSON is parsed);
- all rows: to the table holding every take, filters filled;
- refilter: choosing a flag filter, then clearing it (the table refilled from memory);
- store only: `Store.list_takes()` alone, for comparison.

Prints a table and, with --out, writes JSON. Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def seed(count: int, workdir: Path) -> float:
    """Fill the store under MOCKMIC_HOME with `count` takes; returns the seconds it took."""
    import numpy as np
    import soundfile as sf

    from mockmic.core.report import Report
    from mockmic.storage import Store

    fixtures = REPO / "tests" / "app" / "fixtures" / "reports"
    reports = [Report.from_dict(json.loads(p.read_text(encoding="utf-8")))
               for p in sorted(fixtures.glob("*.json"))]
    tone = (0.2 * np.sin(2 * np.pi * 220 * np.arange(16000) / 16000)).astype("float32")
    clip = workdir / "clip.flac"
    sf.write(clip, tone, 16000, format="FLAC", subtype="PCM_16")
    start = time.perf_counter()
    first = datetime(2025, 1, 1, 8, tzinfo=UTC)
    step = timedelta(days=90) / count
    with Store() as store:
        for i in range(count):
            story = f"story-{i % 9}" if i % 3 == 0 else None
            store.save_take(report=reports[i % len(reports)], audio_src=clip,
                            question_text=f"Practice question {i % 40}",
                            question_id=None if story else f"q{i % 40}",
                            bank_id="stories" if story else ("general", "leadership")[i % 2],
                            story_id=story, created_at=first + i * step)
    return time.perf_counter() - start


async def measure(repeats: int) -> dict[str, list[float]]:
    from textual.widgets import Select

    from mockmic.app import MockmicApp
    from mockmic.screens.history import HistoryScreen
    from mockmic.services import Services
    from mockmic.settings import Settings
    from mockmic.storage import Store

    times: dict[str, list[float]] = {"first_rows_s": [], "all_rows_s": [], "refilter_s": [],
                                     "store_only_s": []}
    store = Store()
    services = Services(settings=Settings(), transcriber=_NoModel(), new_recorder=None,
                        speaker=None, player=None, store=store, banks=[], coach=_no_coach,
                        takes_dir=Path(tempfile.gettempdir()), recorder_error="benchmark")
    total = store.count_takes()
    try:
        for _ in range(repeats):
            t0 = time.perf_counter()
            store.list_takes()
            times["store_only_s"].append(time.perf_counter() - t0)
            app = MockmicApp(services, load_model=False)
            async with app.run_test(size=(120, 36)) as pilot:
                await pilot.pause()
                t0 = time.perf_counter()
                await pilot.press("h")
                while not (isinstance(app.screen, HistoryScreen)
                           and app.screen.table.row_count > 0):
                    await asyncio.sleep(0.001)
                await pilot.pause()  # one frame drawn with the newest rows
                times["first_rows_s"].append(time.perf_counter() - t0)
                history = app.screen
                assert isinstance(history, HistoryScreen)
                while not (history.loaded and history.table.row_count == total):
                    await asyncio.sleep(0.001)
                await pilot.pause()
                times["all_rows_s"].append(time.perf_counter() - t0)
                assert isinstance(history, HistoryScreen)
                t0 = time.perf_counter()
                history.query_one("#filter-flag", Select).value = "rambling"
                await pilot.pause()
                await pilot.press("x")
                await pilot.pause()
                assert history.table.row_count == total
                times["refilter_s"].append(time.perf_counter() - t0)
    finally:
        store.close()
    return times


class _NoModel:
    def load(self) -> None: ...

    def transcribe(self, audio: Path, *, on_progress: Any = None) -> Any:
        raise RuntimeError("no transcription in this benchmark")


def _no_coach(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("no coaching in this benchmark")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.history_screen",
                                description=__doc__.splitlines()[0])
    p.add_argument("--takes", type=int, default=5000)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mockmic-bench-") as tmp:
        os.environ["MOCKMIC_HOME"] = str(Path(tmp) / "home")
        seeded_s = seed(args.takes, Path(tmp))
        print(f"seeded {args.takes} takes in {seeded_s:.1f} s", flush=True)
        times = asyncio.run(measure(args.repeats))
    result = {"takes": args.takes, "repeats": args.repeats, "load_avg": os.getloadavg(),
              **{k: {"median": round(statistics.median(v), 3), "max": round(max(v), 3),
                     "all": [round(x, 3) for x in v]} for k, v in times.items()}}
    print("| measure | median | max |\n|---|---|---|")
    for key in ("first_rows_s", "all_rows_s", "refilter_s", "store_only_s"):
        print(f"| {key} | {result[key]['median']:.3f} s | {result[key]['max']:.3f} s |")
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
