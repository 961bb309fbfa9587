"""`mockmic doctor` on a machine with a working (virtual) microphone and speaker, and on one
with no sound devices at all."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, Pulse, mockmic

CHECKS = ["PortAudio", "input devices", "output devices", "data folder", "microphone",
          "speech", "speech model", "interrupted takes"]


@pytest.mark.model
def test_everything_passes_with_a_live_microphone(pulse: Pulse, tmp_path: Path) -> None:
    feeder = pulse.feed(DATA / "answers" / "tasks_we_no_result.flac")  # someone talking
    try:
        proc = subprocess.run(mockmic("doctor", "--json"), env=pulse.with_home(tmp_path),
                              capture_output=True, text=True, timeout=300)
    finally:
        feeder.kill()
        feeder.wait()
    checks = json.loads(proc.stdout)
    assert [c["name"] for c in checks] == CHECKS
    failed = [c for c in checks if not c["ok"]]
    assert failed == [] and proc.returncode == 0
    by_name = {c["name"]: c for c in checks}
    assert "live" in by_name["microphone"]["detail"]
    assert "loaded in" in by_name["speech model"]["detail"]


def test_silent_microphone_fails_with_the_unmute_fix(pulse: Pulse, tmp_path: Path) -> None:
    # Nothing plays into the virtual microphone: digital silence, as from a muted mic.
    env = pulse.with_home(tmp_path)
    proc = subprocess.run(mockmic("doctor"), env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    (mic,) = [i for i, line in enumerate(lines) if line.split()[1:2] == ["microphone"]]
    assert lines[mic].startswith("FAIL") and "only silence" in lines[mic]
    assert "fix: unmute the microphone" in lines[mic + 1]
    assert "--input-device" in lines[mic + 1]


def test_no_sound_devices_at_all(pulse: Pulse, tmp_path: Path) -> None:
    # Away from the test daemon (no PULSE_SERVER, an empty runtime dir, no autospawn), a
    # machine without a sound card has no PortAudio devices at all.
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    env = pulse.with_home(tmp_path) | {"XDG_RUNTIME_DIR": str(runtime)}
    for name in ("PULSE_SERVER", "ALSA_CONFIG_PATH"):
        env.pop(name, None)
    proc = subprocess.run(mockmic("doctor", "--json"), env=env, capture_output=True,
                          text=True, timeout=300)
    checks = {c["name"]: c for c in json.loads(proc.stdout)}
    if checks["input devices"]["ok"]:
        pytest.skip("this machine has a real sound card")
    assert proc.returncode == 1
    assert checks["PortAudio"]["ok"]
    assert checks["input devices"]["detail"].startswith("no microphone (input device) found")
    assert checks["input devices"]["fix"] == "plug in a microphone or headset"
    assert checks["microphone"]["fix"] == "plug in a microphone or headset"
    assert not checks["speech"]["ok"] and "speaker" in checks["speech"]["detail"]
    assert checks["data folder"]["ok"]
