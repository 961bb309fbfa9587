"""End-to-end audio tests through a real PortAudio device: a private PulseAudio daemon.

The `pulse` fixture uses the daemon `PULSE_SERVER` points at when it has the test sinks (CI
starts one with scripts/pulse-test-mic.sh), else starts its own for the session and stops it at
the end. Without pulseaudio the tests skip, unless MOCKMIC_REQUIRE_E2E=1 (CI), where they fail.

mockmic runs in subprocesses whose environment points PortAudio at the daemon: PortAudio lists
devices once, when it initialises, so a fresh process is the reliable way to see them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
DATA = SHARED / "data"
SCRIPT = REPO / "scripts" / "pulse-test-mic.sh"
TEST_SINKS = ("speaker", "micfeed")


# `tests.support` (the shared WER scorer) is imported from the repository root, which pytest
# does not put on sys.path for a test directory without __init__.py.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)


def _unavailable(reason: str) -> None:
    if os.environ.get("MOCKMIC_REQUIRE_E2E") == "1":
        pytest.fail(f"end-to-end audio required (MOCKMIC_REQUIRE_E2E=1) but {reason}",
                    pytrace=False)
    pytest.skip(reason)


def _parse_exports(text: str) -> dict[str, str]:
    env = {}
    for line in text.splitlines():
        if line.startswith("export ") and "=" in line:
            key, value = line[len("export "):].split("=", 1)
            env[key.strip()] = value.strip()
    return env


def _has_test_sinks(env: dict[str, str]) -> bool:
    try:
        out = subprocess.run(["pactl", "list", "short", "sinks"], env=env, capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    names = {line.split("\t")[1] for line in out.stdout.splitlines() if "\t" in line}
    return out.returncode == 0 and all(s in names for s in TEST_SINKS)


@dataclass
class Pulse:
    """The daemon, and an environment in which PortAudio's default devices are its sinks."""

    env: dict[str, str]

    def with_home(self, mockmic_home: Path) -> dict[str, str]:
        """The env for one mockmic run: its own MOCKMIC_HOME, and HOME kept out of the user's."""
        home = mockmic_home / "home"
        home.mkdir(parents=True, exist_ok=True)
        return self.env | {"MOCKMIC_HOME": str(mockmic_home), "HOME": str(home)}

    def feed(self, audio: Path) -> subprocess.Popen[bytes]:
        """Start "speaking" `audio` into the microphone, in real time."""
        return subprocess.Popen(["paplay", "-d", "micfeed", str(audio)], env=self.env)

    def listen(self) -> Capture:
        """Start capturing what is played on the speaker (16 kHz mono)."""
        return Capture(self.env)


class Capture:
    """Raw 16-bit samples from the speaker sink's monitor, collected by a thread."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            ["parec", "-d", "speaker.monitor", "--rate=16000", "--channels=1",
             "--format=s16le", "--raw"], env=env, stdout=subprocess.PIPE)
        self._chunks: list[bytes] = []
        self._flowing = threading.Event()
        self._thread = threading.Thread(target=self._pump, args=(self.proc.stdout,),
                                        daemon=True)
        self._thread.start()
        # An idle null sink's monitor takes up to ~2 s to start delivering: anything played
        # before that would be missing from the capture.
        assert self._flowing.wait(20), "parec never delivered audio"

    def _pump(self, stream: IO[bytes] | None) -> None:
        assert stream is not None
        while chunk := stream.read1(3200):  # type: ignore[attr-defined]
            self._chunks.append(chunk)
            self._flowing.set()

    def stop(self) -> npt.NDArray[np.float32]:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._thread.join(10)
        raw = b"".join(self._chunks)
        raw = raw[: len(raw) // 2 * 2]
        return np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0


@pytest.fixture(scope="session")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pulse]:
    base = dict(os.environ)
    if base.get("PULSE_SERVER") and _has_test_sinks(base):
        yield Pulse(base)
        return
    for tool in ("pulseaudio", "pactl", "paplay", "parec"):
        if shutil.which(tool) is None:
            _unavailable(f"{tool} is not installed "
                         "(apt-get install pulseaudio pulseaudio-utils libasound2-plugins)")
    folder = tmp_path_factory.mktemp("pulse")
    started = subprocess.run(["bash", str(SCRIPT), "start", str(folder)], capture_output=True,
                             text=True, timeout=60)
    if started.returncode != 0:
        _unavailable(f"the private PulseAudio daemon did not start: {started.stderr.strip()}")
    env = base | _parse_exports(started.stdout)
    try:
        if not _has_test_sinks(env):
            _unavailable("the private PulseAudio daemon has no test sinks")
        yield Pulse(env)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], timeout=30, check=False)


def mockmic(*args: str) -> list[str]:
    return [sys.executable, "-m", "mockmic", *args]


def speech_span(samples: npt.NDArray[Any], rate: int, threshold: float = 1e-3
                ) -> tuple[float, float]:
    """(first, last) second where the signal rises above `threshold`."""
    loud = np.flatnonzero(np.abs(samples) > threshold)
    assert len(loud), "no sound at all"
    return loud[0] / rate, loud[-1] / rate
