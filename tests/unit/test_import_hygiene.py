"""mockmic.core is pure: importing any core module pulls in no UI, audio or model library."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("textual", "numpy", "sounddevice", "faster_whisper", "pyttsx3", "ctranslate2",
             "soundfile", "rich")

PROBE = f"""
import importlib, json, pkgutil, sys
import mockmic.core
names = sorted(m.name for m in pkgutil.iter_modules(mockmic.core.__path__, "mockmic.core."))
for name in names:
    importlib.import_module(name)
import mockmic.core.coach
print(json.dumps({{"modules": names,
                   "loaded": sorted(m for m in {FORBIDDEN!r} if m in sys.modules)}}))
"""


def test_core_imports_nothing_heavy() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True, timeout=60)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "mockmic.core.coach" in result["modules"]
    assert "mockmic.core.rules" in result["modules"]
    assert result["loaded"] == []
