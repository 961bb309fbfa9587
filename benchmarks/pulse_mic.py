"""The latency runs through a real PortAudio microphone: a private PulseAudio daemon.

`scripts/pulse-test-mic.sh` starts a daemon whose default source is the monitor of a null sink
("micfeed"); `paplay -d micfeed answer.wav` speaks into it in real time. The recorder then reads
a real PortAudio input stream, so its overflow count is PortAudio's own, not the fake device's.
PortAudio reads the daemon's address when it initialises, so these runs happen in a child
process started with the daemon's environment (`python -m benchmarks ... --mic pulse` does it).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.answers import RATE, Answer
from benchmarks.latency import RunResult, Ticker, render

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "pulse-test-mic.sh"
#: Started before the answer is played, as a user starts recording and then speaks.
LEAD_S = 0.3


@contextmanager
def private_pulse(workdir: Path) -> Iterator[dict[str, str]]:
    """Start the private daemon; yields the environment that points PortAudio at it."""
    home = workdir / "pulse"
    started = subprocess.run(["bash", str(SCRIPT), "start", str(home)], capture_output=True,
                             text=True, check=False)
    if started.returncode != 0:
        raise RuntimeError(f"could not start PulseAudio: {started.stderr.strip()}")
    env = dict(os.environ)
    for line in started.stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            key, value = line[len("export "):].split("=", 1)
            env[key.strip()] = value.strip()
    try:
        yield env
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(home)], check=False,
                       capture_output=True)


def run_once(mode: str, ans: Answer, transcriber: Any, workdir: Path,
             target_s: float = 90.0) -> RunResult:
    """One take spoken into the PulseAudio microphone in real time (child process only)."""
    import soundfile as sf

    from mockmic.audio.incremental import IncrementalTranscriber
    from mockmic.audio.recorder import Recorder

    folder = Path(tempfile.mkdtemp(dir=workdir))
    speech = folder / "answer.wav"
    sf.write(speech, ans.samples, RATE, subtype="PCM_16")
    take = folder / "take.wav"
    recorder = Recorder()
    inc = IncrementalTranscriber(transcriber) if mode == "incremental" else None
    with Ticker() as ticker:
        recorder.start(take)
        if inc is not None:
            inc.follow(take)
        time.sleep(LEAD_S)
        subprocess.run(["paplay", "-d", "micfeed", str(speech)], check=True)
        t_stop = time.perf_counter()  # the stop key, as the last word is heard
        result = recorder.stop()
        t_decode = time.perf_counter()
        transcript = inc.finish() if inc is not None else transcriber.transcribe(take)
        t_decoded = time.perf_counter()
        render(transcript, target_s)
        t_ready = time.perf_counter()
    detail: dict[str, Any] = {"stop_s": round(t_decode - t_stop, 3),
                              "decode_s": round(t_decoded - t_decode, 3),
                              "render_s": round(t_ready - t_decoded, 3),
                              "device": getattr(recorder.device_info, "name", "?")}
    busy = t_decoded - t_decode
    if inc is not None:
        busy = inc.stats.busy_s
        detail.update(windows_during=inc.stats.windows_during,
                      windows_after=inc.stats.windows_after, tail_s=round(inc.stats.tail_s, 2),
                      fallback=inc.stats.fallback)
    whole_text = transcript.text if inc is None else transcriber.transcribe(take).text
    return RunResult(
        mode=mode, latency_s=t_ready - t_stop, transcript_text=transcript.text,
        whole_text=whole_text, rtf=busy / ans.seconds, overflows=result.overflows,
        max_block_late_s=0.0, max_ui_lag_s=ticker.max_lag_s, machine_lag_s=ticker.outside_max_lag_s,
        peak_rss_mb=ticker.peak_rss / 2**20, detail=detail)


def run_in_child(argv: list[str], workdir: Path) -> int:
    """Re-run this benchmark in a child process that talks to a private PulseAudio daemon."""
    import sys

    with private_pulse(workdir) as env:
        child = subprocess.run([sys.executable, "-m", "benchmarks", *argv, "--pulse-child"],
                               env=env, cwd=REPO, check=False)
        return child.returncode
