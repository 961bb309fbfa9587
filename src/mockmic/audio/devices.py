"""Finding sound devices: loading PortAudio, listing devices, choosing one by name or index.

Every failure here becomes a DeviceError whose message says what to do next.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from dataclasses import dataclass
from typing import Any, Literal

from mockmic.errors import DeviceError

Kind = Literal["input", "output"]

PORTAUDIO_MISSING = "PortAudio is not installed: apt-get install libportaudio2"
CHOOSE_INPUT_FIX = "choose another input with --input-device (mockmic doctor lists them)"


def load_sounddevice(sd: Any = None) -> Any:
    """The injected sounddevice module, or the real one imported now.

    sounddevice raises OSError at import when libportaudio is missing; that is the most common
    first-run problem, so it gets the exact fix.
    """
    if sd is not None:
        return sd
    _quiet_alsa()
    try:
        import sounddevice
    except OSError as exc:
        raise DeviceError(PORTAUDIO_MISSING) from exc
    return sounddevice


# ALSA's error handler is variadic in C; ctypes passes the fixed arguments, which is all a
# handler that ignores them needs.
_AlsaHandler = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                ctypes.c_int, ctypes.c_char_p)
_alsa_handler: Any = None


def _ignore_alsa_message(file: bytes | None, line: int, function: bytes | None, err: int,
                         fmt: bytes | None) -> None:
    return None


def _quiet_alsa() -> None:
    """Stop libasound writing to stderr.

    It prints recoverable glitches ("underrun occurred") and, on many desktops, a page of
    probe failures while PortAudio lists devices, straight onto the terminal, through the
    Textual screen. Installed before PortAudio loads, since listing happens at import.
    """
    global _alsa_handler
    if _alsa_handler is not None or not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("asound")
    if name is None:
        return
    try:
        lib = ctypes.CDLL(name)
        handler = _AlsaHandler(_ignore_alsa_message)
        lib.snd_lib_error_set_handler(handler)
    except (OSError, AttributeError):
        return
    _alsa_handler = handler  # keep it alive: ALSA holds only a raw pointer


@dataclass(frozen=True)
class DeviceInfo:
    index: int
    name: str
    hostapi: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False

    def channels(self, kind: Kind) -> int:
        return self.max_input_channels if kind == "input" else self.max_output_channels

    def describe(self) -> str:
        marks = ("<" if self.is_default_input else " ") + (">" if self.is_default_output else " ")
        return (f"{marks} {self.index:2d} {self.name} ({self.hostapi}, "
                f"{self.max_input_channels} in, {self.max_output_channels} out, "
                f"{self.default_samplerate:g} Hz)")

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "name": self.name, "hostapi": self.hostapi,
                "inputs": self.max_input_channels, "outputs": self.max_output_channels,
                "default_samplerate": self.default_samplerate,
                "default_input": self.is_default_input, "default_output": self.is_default_output}


def _default_pair(sd: Any) -> tuple[int, int]:
    try:
        pair = sd.default.device
        return int(pair[0]), int(pair[1])
    except (TypeError, ValueError, IndexError):
        return -1, -1


def list_devices(sd: Any) -> list[DeviceInfo]:
    """Every PortAudio device, with the system defaults marked."""
    try:
        raw = list(sd.query_devices())
        hostapis = [str(h.get("name", "?")) for h in sd.query_hostapis()]
    except sd.PortAudioError as exc:
        raise DeviceError(f"cannot list sound devices: {exc}") from exc
    default_in, default_out = _default_pair(sd)
    devices = []
    for fallback_index, d in enumerate(raw):
        index = int(d.get("index", fallback_index))
        api = int(d.get("hostapi", 0))
        devices.append(DeviceInfo(
            index=index,
            name=str(d["name"]),
            hostapi=hostapis[api] if 0 <= api < len(hostapis) else "?",
            max_input_channels=int(d["max_input_channels"]),
            max_output_channels=int(d["max_output_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            is_default_input=index == default_in,
            is_default_output=index == default_out,
        ))
    return devices


def resolve_device(sd: Any, spec: str | int | None, kind: Kind) -> DeviceInfo:
    """The device `spec` names (index, exact name, or unique substring), or the default one.

    sounddevice resolves names itself, but its errors are multi-line and say nothing about the
    fix; ours are one line and list what is there.
    """
    devices = list_devices(sd)
    usable = [d for d in devices if d.channels(kind) > 0]
    noun = "microphone (input device)" if kind == "input" else "speaker (output device)"
    if not usable:
        fix = ("plug in a microphone or headset" if kind == "input"
               else "plug in headphones or speakers")
        raise DeviceError(f"no {noun} found: {fix}")
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        default_index = _default_pair(sd)[0 if kind == "input" else 1]
        for d in usable:
            if d.index == default_index:
                return d
        # No system default (common with bare ALSA): the first usable device is the best guess.
        return usable[0]
    options = ", ".join(f"{d.index} {d.name!r}" for d in usable)
    if isinstance(spec, int) or spec.strip().lstrip("-").isdigit():
        index = int(spec)
        for d in devices:
            if d.index == index:
                if d.channels(kind) > 0:
                    return d
                raise DeviceError(f"device {index} ({d.name}) has no {kind} channels: "
                                  f"choose one of {options}")
        raise DeviceError(f"there is no device {index}: choose one of {options}")
    wanted = spec.strip().lower()
    exact = [d for d in usable if d.name.lower() == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = [d for d in usable if wanted in d.name.lower()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise DeviceError(f"no {kind} device matches {spec!r}: choose one of {options}")
    names = ", ".join(f"{d.index} {d.name!r}" for d in partial)
    raise DeviceError(f"{spec!r} matches several {kind} devices ({names}): use the index")


def negotiate_format(sd: Any, info: DeviceInfo, kind: Kind, *, rate: int, channels: int
                     ) -> tuple[int, int]:
    """The (rate, channels) to open `info` with: ours if it takes them, else its own default
    rate (the caller resamples) and, for devices that refuse our channel count, two channels
    (the caller mixes). DeviceError, with PortAudio's reason, when nothing fits."""
    limit = info.channels(kind)
    if limit < 1:
        raise DeviceError(f"{info.name} has no {kind} channels")
    check = sd.check_input_settings if kind == "input" else sd.check_output_settings
    rates = dict.fromkeys(r for r in (rate, int(info.default_samplerate)) if r > 0)
    last_error: Exception | None = None
    for ch in dict.fromkeys((min(channels, limit), min(2, limit))):
        for r in rates:
            try:
                check(device=info.index, channels=ch, dtype="float32", samplerate=r)
            except (sd.PortAudioError, ValueError) as exc:
                last_error = exc
                continue
            return r, ch
    assert last_error is not None
    raise DeviceError(explain_portaudio_error(last_error, kind, info))


def explain_portaudio_error(exc: BaseException, kind: Kind, device: DeviceInfo | None) -> str:
    """A one-line, actionable message for a PortAudio failure to open or run a stream."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    where = f" ({device.name})" if device else ""
    lowered = text.lower()
    if "unavailable" in lowered or "busy" in lowered:
        return (f"the {kind} device{where} is busy — another app may be using it; close it or "
                + (CHOOSE_INPUT_FIX if kind == "input" else "choose another output device"))
    if "sample rate" in lowered or "samplerate" in lowered:
        return f"the {kind} device{where} refused the sample rate: {text}"
    if "no default" in lowered or "invalid device" in lowered or "not found" in lowered:
        return f"the {kind} device{where} is gone (unplugged?): " + (
            CHOOSE_INPUT_FIX if kind == "input" else "choose another output device")
    return f"the {kind} device{where} failed: {text}"
