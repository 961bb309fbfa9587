"""How well and how fast the transcriber does on ../shared/data, with and without filler priming.

    python -m benchmarks.transcribe_quality                    # priming off / first / every
    python -m benchmarks.transcribe_quality --variants off --no-guard
    python -m benchmarks.transcribe_quality --prompt "So, um, I was, uh, like, you know..."

For every file and priming variant it prints the transcription time and real-time factor, WER
against the reference where there is one (answers/*.flac, real/jfk.flac), filler counts
(um / uh / like / you know: hypothesis, then reference) and repeats the reference does not have;
files without a reference (lecture, news) get their agreement with the unprimed transcript
instead. Then model load time and peak RSS. Run by hand: it is not part of `make test`.

Variants: "off" is the shipped setting; "first" passes the filler prompt as `initial_prompt`
(with condition_on_previous_text off it primes only the first 30-s window); "every" passes it as
`hotwords`, which faster-whisper puts in front of every window.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO / ".." / "shared" / "data"
FILES = ("real/jfk.flac", "answers/strong_ml_cost.flac", "answers/rambling_no_stakes.flac",
         "answers/tasks_we_no_result.flac", "real/stereo_two_speakers.wav",
         "real/lecture_60s.wav", "real/news_169s_8k.wav")
VARIANTS = ("off", "first", "every")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.transcribe_quality",
                                description=__doc__.splitlines()[0])
    p.add_argument("--variants", default=",".join(VARIANTS),
                   help="comma-separated priming variants from off,first,every (default: all)")
    p.add_argument("--prompt", default=None, help="filler prompt (default: FILLER_PROMPT)")
    p.add_argument("--files", default=",".join(FILES),
                   help="comma-separated paths under ../shared/data (default: all)")
    p.add_argument("--guard", action=argparse.BooleanOptionalAction, default=True,
                   help="the repetition-loop guard (default on)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--model", default=None, help="a CTranslate2 Whisper model directory")
    p.add_argument("--out", type=Path, default=None, help="also write the results as JSON here")
    args = p.parse_args(argv)
    args.variant_list = [v.strip() for v in args.variants.split(",") if v.strip()]
    if not args.variant_list or not set(args.variant_list) <= set(VARIANTS):
        p.error(f"--variants takes some of {','.join(VARIANTS)}")
    args.file_list = [f.strip() for f in args.files.split(",") if f.strip()]
    return args


def measure(transcriber: Any, name: str, baseline: str | None) -> dict[str, Any]:
    from tests.support.wer import filler_counts, invented_repeats, wer

    path = SHARED_DATA / name
    started, cpu_started = time.perf_counter(), time.process_time()
    t = transcriber.transcribe(path)
    seconds = time.perf_counter() - started
    # CPU seconds (all threads) say what the work costs even when other jobs share the cores.
    cpu = time.process_time() - cpu_started
    row: dict[str, Any] = {
        "file": name, "duration_s": round(t.duration_s, 2), "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "rtf": round(seconds / t.duration_s, 3), "fillers": filler_counts(t.text),
        "repairs": len(t.extra.get("loop_repairs", [])), "text": t.text,
    }
    ref_path = path.with_suffix(".txt")
    if ref_path.is_file():
        ref = ref_path.read_text(encoding="utf-8")
        row["wer"] = round(100 * wer(ref, t.text), 1)
        row["ref_fillers"] = filler_counts(ref)
        row["invented_repeats"] = invented_repeats(ref, t.text)
    if baseline is not None:
        row["vs_off"] = round(100 * wer(baseline, t.text), 1)
    return row


def fillers(counts: dict[str, int] | None) -> str:
    return "-" if counts is None else "/".join(str(v) for v in counts.values())


def print_row(variant: str, row: dict[str, Any]) -> None:
    wer_text = f"{row['wer']:5.1f}" if "wer" in row else "    -"
    agree = f"{row['vs_off']:5.1f}" if "vs_off" in row else "    -"
    repeats = len(row.get("invented_repeats", {}))
    print(f"{variant:6} {row['file']:34} {row['duration_s']:7.1f} {row['seconds']:7.2f} "
          f"{row['cpu_s']:6.2f} "
          f"{row['rtf']:6.3f} {wer_text} {agree} {fillers(row['fillers']):>9} "
          f"{fillers(row.get('ref_fillers')):>9} {repeats:4d} {row['repairs']:4d}", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))  # for tests.support when run as a plain script
    from mockmic.audio.transcriber import FILLER_PROMPT, Transcriber

    if not (SHARED_DATA / "real" / "jfk.flac").is_file():
        print(f"shared data not found at {SHARED_DATA.resolve()}", file=sys.stderr)
        return 2
    prompt = args.prompt or FILLER_PROMPT
    base = Transcriber(args.model, threads=args.threads, loop_guard=args.guard)
    base.load()
    print(f"model {base.model_path}  load {base.load_seconds:.2f} s  threads {args.threads}  "
          f"guard {'on' if args.guard else 'off'}  prompt {prompt!r}")
    print(f"{'prime':6} {'file':34} {'audio_s':>7} {'time_s':>7} {'cpu_s':>6} {'RTF':>6} "
          f"{'WER%':>5} "
          f"{'~off%':>5} {'fillers':>9} {'ref':>9} {'rep':>4} {'fix':>4}")
    print("(time_s: wall clock, RTF = time_s / audio_s; cpu_s: CPU seconds of all threads; "
          "fillers: um/uh/like/you know; ~off%: WER against the unprimed transcript; "
          "rep: repeated 3-grams the reference lacks; fix: windows the loop guard repaired)")
    results: dict[str, list[dict[str, Any]]] = {}
    baselines: dict[str, str] = {}
    for variant in args.variant_list:
        options = base.options
        if variant == "first":
            options = replace(options, initial_prompt=prompt)
        elif variant == "every":
            options = replace(options, hotwords=prompt)
        runner = base.with_options(options)
        rows = []
        for name in args.file_list:
            row = measure(runner, name, None if variant == "off" else baselines.get(name))
            if variant == "off":
                baselines[name] = row["text"]
            print_row(variant, row)
            rows.append(row)
        total_audio = sum(r["duration_s"] for r in rows)
        total_time = sum(r["seconds"] for r in rows)
        total_cpu = sum(r["cpu_s"] for r in rows)
        scored = [r["wer"] for r in rows if "wer" in r]
        mean_wer = sum(scored) / len(scored) if scored else float("nan")
        print(f"{variant:6} {'TOTAL':34} {total_audio:7.1f} {total_time:7.2f} {total_cpu:6.2f} "
              f"{total_time / total_audio:6.3f} {mean_wer:5.1f}  (mean WER of scored files)")
        results[variant] = rows
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB (whole process, all variants)")
    if args.out is not None:
        args.out.write_text(json.dumps({"load_s": base.load_seconds, "peak_rss_mb": peak_mb,
                                        "prompt": prompt, "results": results}, indent=1) + "\n",
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
