"""Post-stop latency: from the stop key to the report rendered, incremental vs whole-file.

Each run records an answer through the real `Recorder`, fed by the fake sound device from
tests/audio (real speech, clocked at `speed` x real time, in 1024-sample blocks from its own
thread, as PortAudio would). The moment the device has sent the last sample is the stop key:

- whole mode: `recorder.stop()`, `Transcriber.transcribe(take)`, coach, render;
- incremental mode: an `IncrementalTranscriber` follows the take file during the recording;
  at stop: `recorder.stop()`, `finish()`, coach, render.

Alongside, a ticker thread asks for a wake-up every 10 ms (its worst lateness is how long a UI
event loop would have been blocked), and samples the process's RSS; the fake device's callback
records how late each block arrived against its clock (a block later than the PortAudio buffer
would be an overflow on a real device).
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.answers import Answer

TICK_S = 0.010


_OUTSIDE_TICKER = """
import sys, time, threading
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
worst, due = 0.0, time.perf_counter() + {tick}
while not stop.is_set():
    time.sleep(max(0.0, due - time.perf_counter()))
    now = time.perf_counter()
    worst = max(worst, now - due)
    due = max(due + {tick}, now)
print(worst)
"""


class Ticker:
    """Worst wake-up lateness of a 10-ms timer and peak RSS, while running.

    The same timer also runs in a separate process: its lateness is the machine's (a busy CPU
    delays any thread); lateness here beyond it is this process holding the GIL.
    """

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self._stop = threading.Event()
        self.max_lag_s = 0.0
        self.outside_max_lag_s = 0.0
        self.peak_rss = self._proc.memory_info().rss
        self._thread = threading.Thread(target=self._run, name="bench-ticker", daemon=True)
        self._outside: subprocess.Popen[str] | None = None

    def __enter__(self) -> Ticker:
        self._outside = subprocess.Popen(
            [sys.executable, "-c", _OUTSIDE_TICKER.format(tick=TICK_S)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self._outside is not None:
            out, _ = self._outside.communicate("", timeout=30)
            self.outside_max_lag_s = float(out.strip() or 0.0)

    def _run(self) -> None:
        n = 0
        due = time.perf_counter() + TICK_S
        while not self._stop.is_set():
            time.sleep(max(0.0, due - time.perf_counter()))
            now = time.perf_counter()
            self.max_lag_s = max(self.max_lag_s, now - due)
            n += 1
            if n % 5 == 0:
                self.peak_rss = max(self.peak_rss, self._proc.memory_info().rss)
            due = max(due + TICK_S, now)


@dataclass
class RunResult:
    mode: str
    latency_s: float
    transcript_text: str
    whole_text: str
    """The whole-file transcript of the same take (after the clock stopped)."""
    rtf: float
    overflows: int
    max_block_late_s: float
    max_ui_lag_s: float
    machine_lag_s: float
    peak_rss_mb: float
    detail: dict[str, Any] = field(default_factory=dict)


def _timed_device(samples: np.ndarray, speed: float) -> tuple[Any, list[float]]:
    """The fake sound device playing `samples`, recording each block's lateness."""
    from tests.audio.fake_sounddevice import FakeSoundDevice

    late: list[float] = []

    class TimedSoundDevice(FakeSoundDevice):
        def InputStream(self, **kwargs: Any) -> Any:
            callback = kwargs["callback"]
            rate = float(kwargs["samplerate"])
            block = int(kwargs.get("blocksize") or 1024)
            state = {"t0": 0.0, "n": 0}

            def timed(indata: Any, frames: int, time_info: Any, status: Any) -> None:
                now = time.perf_counter()
                if state["n"] == 0:
                    state["t0"] = now
                due = state["t0"] + state["n"] * block / rate / speed
                late.append(now - due)
                state["n"] += 1
                callback(indata, frames, time_info, status)

            kwargs["callback"] = timed
            return super().InputStream(**kwargs)

    sd = TimedSoundDevice(input_audio=samples[:, None].astype(np.float32))
    sd.behaviour.speed = speed
    sd.behaviour.after_end = "stop"
    return sd, late


def render(transcript: Any, target_s: float) -> str:
    """Coach the transcript and render the report as the CLI prints it."""
    from rich.console import Console

    from mockmic.core.coach import coach
    from mockmic.render import print_report

    report = coach(transcript, target_s)
    out = io.StringIO()
    print_report(report, Console(file=out, width=100, force_terminal=False))
    return out.getvalue()


def run_once(mode: str, ans: Answer, speed: float, transcriber: Any, workdir: Path,
             target_s: float = 90.0) -> RunResult:
    from mockmic.audio.incremental import IncrementalTranscriber
    from mockmic.audio.recorder import Recorder

    sd, late = _timed_device(ans.samples, speed)
    take = Path(tempfile.mkdtemp(dir=workdir)) / "take.wav"
    recorder = Recorder(sd)
    inc = IncrementalTranscriber(transcriber) if mode == "incremental" else None
    with Ticker() as ticker:
        recorder.start(take)
        if inc is not None:
            inc.follow(take)
        if not sd.fed_all.wait(ans.seconds / speed + 60):
            raise RuntimeError("the fake microphone never finished")
        t_stop = time.perf_counter()  # the stop key
        result = recorder.stop()
        t_decode = time.perf_counter()
        transcript = inc.finish() if inc is not None else transcriber.transcribe(take)
        t_decoded = time.perf_counter()
        render(transcript, target_s)
        t_ready = time.perf_counter()
    if inc is not None:
        busy = inc.stats.busy_s
        detail = {"windows_during": inc.stats.windows_during,
                  "windows_after": inc.stats.windows_after,
                  "tail_s": round(inc.stats.tail_s, 2), "guess_used": inc.stats.guess_used,
                  "fallback": inc.stats.fallback}
    else:
        busy = t_decoded - t_decode
        detail = {}
    detail.update(stop_s=round(t_decode - t_stop, 3), decode_s=round(t_decoded - t_decode, 3),
                  render_s=round(t_ready - t_decoded, 3))
    whole_text = transcript.text if inc is None else transcriber.transcribe(take).text
    return RunResult(
        mode=mode, latency_s=t_ready - t_stop, transcript_text=transcript.text,
        whole_text=whole_text, rtf=busy / ans.seconds, overflows=result.overflows,
        max_block_late_s=max(late) if late else 0.0, max_ui_lag_s=ticker.max_lag_s,
        machine_lag_s=ticker.outside_max_lag_s,
        peak_rss_mb=ticker.peak_rss / 2**20, detail=detail)


def summarise(mode: str, ans: Answer, speed: float, runs: list[RunResult],
              wer: Callable[[str, str], float]) -> dict[str, Any]:
    """One JSON row (the issue's schema) plus an `extra` dict of diagnostics. WER against the
    whole-file pass compares each run with the whole-file transcript of its own take."""
    latencies = [r.latency_s for r in runs]
    vs_whole = statistics.mean(wer(r.whole_text, r.transcript_text) for r in runs)
    vs_ref = (statistics.mean(wer(ans.reference, r.transcript_text) for r in runs)
              if ans.reference else None)
    return {
        "mode": mode,
        "answer_s": round(ans.seconds, 2),
        "speed": speed,
        "repeats": len(runs),
        "post_stop_latency_s": {"median": round(statistics.median(latencies), 3),
                                "max": round(max(latencies), 3)},
        "wer_vs_whole": round(vs_whole * 100, 2),
        "wer_vs_reference": None if vs_ref is None else round(vs_ref * 100, 2),
        "rtf": round(statistics.mean(r.rtf for r in runs), 4),
        "peak_rss_mb": round(max(r.peak_rss_mb for r in runs), 1),
        "overflows": sum(r.overflows for r in runs),
        "extra": {
            "answer": ans.name,
            "latencies_s": [round(x, 3) for x in latencies],
            "max_ui_lag_ms": round(max(r.max_ui_lag_s for r in runs) * 1000, 1),
            "max_machine_lag_ms": round(max(r.machine_lag_s for r in runs) * 1000, 1),
            "max_block_late_ms": round(max(r.max_block_late_s for r in runs) * 1000, 1),
            "runs": [r.detail for r in runs],
        },
    }
