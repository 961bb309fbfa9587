"""A stand-in for the `sounddevice` module: real speech in, played audio captured.

The input stream replays a recording from ../shared/data in fixed blocks from its own thread,
calling the recorder's callback exactly as PortAudio would (indata, frames, time, status). It
can drop in overflow flags, refuse sample rates, go silent mid-take (an unplugged mic) or fail
to start (a busy device). The output stream pulls blocks through the player's callback and keeps
what it was given, so tests can check what would have come out of the speaker.

`speed` runs the clock faster than real time (blocks are paced, not dumped) so threads interleave
as they do with a real device.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import numpy.typing as npt
import soundfile as sf

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DATA = SHARED / "data"


def load_speech(relative: str, seconds: float | None = None) -> tuple[npt.NDArray[np.float32], int]:
    """(frames, channels) float32 samples from ../shared/data/<relative>, optionally cut."""
    samples, rate = sf.read(DATA / relative, dtype="float32", always_2d=True)
    if seconds is not None:
        samples = samples[: int(seconds * rate)]
    return samples, int(rate)


class PortAudioError(Exception):
    pass


class CallbackStop(Exception):  # sounddevice's name
    pass


class CallbackAbort(Exception):  # sounddevice's name
    pass


@dataclass
class Flags:
    input_overflow: bool = False
    output_underflow: bool = False


@dataclass
class FakeDevice:
    name: str
    inputs: int = 0
    outputs: int = 0
    rate: float = 16000.0
    #: Rates the device accepts; None = any.
    rates: set[int] | None = None
    #: Channel counts the device accepts for input; None = 1..inputs.
    input_channels: set[int] | None = None


@dataclass
class Behaviour:
    """What the fake microphone does; tests change fields before starting a recording."""

    speed: float = 20.0
    #: Block indices whose callback gets status.input_overflow = True.
    overflow_blocks: set[int] = field(default_factory=set)
    #: After this many blocks the device stops calling back (unplugged).
    die_after_blocks: int | None = None
    #: When the device dies, also call finished_callback (some host APIs do, ALSA does not).
    finish_when_dead: bool = False
    #: After the recording runs out: "silence" keeps sending zeros, "stop" sends nothing more.
    after_end: str = "silence"
    #: stream.start() raises this PortAudio message (a busy device).
    start_error: str | None = None


class FakeSoundDevice:
    """Module-like object with the parts of sounddevice that mockmic uses."""

    PortAudioError = PortAudioError
    CallbackStop = CallbackStop
    CallbackAbort = CallbackAbort

    def __init__(self, *, input_audio: npt.NDArray[np.float32] | None = None,
                 devices: Iterable[FakeDevice] | None = None,
                 default: tuple[int, int] = (0, 1)) -> None:
        self.devices = list(devices) if devices is not None else [
            FakeDevice("Fake Mic", inputs=1, rate=16000.0, rates={16000, 44100, 48000}),
            FakeDevice("Fake Speakers", outputs=2, rate=48000.0),
        ]
        self.default = SimpleNamespace(device=list(default))
        self.input_audio = input_audio if input_audio is not None else np.zeros((0, 1), np.float32)
        self.behaviour = Behaviour()
        self.input_streams: list[FakeInputStream] = []
        self.output_streams: list[FakeOutputStream] = []
        #: Set once the input stream has handed over every sample of input_audio.
        self.fed_all = threading.Event()

    # -- module functions -----------------------------------------------------------------

    def get_portaudio_version(self) -> tuple[int, str]:
        return 1246976, "PortAudio V19.7.0-devel (fake)"

    def query_hostapis(self, index: int | None = None) -> Any:
        apis = [{"name": "Fake API", "devices": list(range(len(self.devices)))}]
        return apis if index is None else apis[index]

    def _info(self, index: int) -> dict[str, Any]:
        d = self.devices[index]
        return {"name": d.name, "index": index, "hostapi": 0, "max_input_channels": d.inputs,
                "max_output_channels": d.outputs, "default_samplerate": d.rate}

    def query_devices(self, device: int | None = None, kind: str | None = None) -> Any:
        if device is None and kind is None:
            return [self._info(i) for i in range(len(self.devices))]
        index = device if device is not None else self.default.device[kind == "output"]
        if index is None or index < 0 or index >= len(self.devices):
            raise PortAudioError("Error querying device -1")
        return self._info(int(index))

    def _check(self, device: int, channels: int, samplerate: float, kind: str) -> FakeDevice:
        if not 0 <= device < len(self.devices):
            raise PortAudioError(f"Invalid device [PaErrorCode -9996]: {device}")
        d = self.devices[device]
        limit = d.inputs if kind == "input" else d.outputs
        allowed = d.input_channels if kind == "input" and d.input_channels else None
        if channels > limit or (allowed is not None and channels not in allowed):
            raise PortAudioError("Invalid number of channels [PaErrorCode -9998]")
        if d.rates is not None and int(samplerate) not in d.rates:
            raise PortAudioError("Invalid sample rate [PaErrorCode -9997]")
        return d

    def check_input_settings(self, device: int, channels: int, dtype: str, samplerate: float
                             ) -> None:
        self._check(device, channels, samplerate, "input")

    def check_output_settings(self, device: int, channels: int, dtype: str, samplerate: float
                              ) -> None:
        self._check(device, channels, samplerate, "output")

    def InputStream(self, **kwargs: Any) -> FakeInputStream:  # sounddevice's name
        self._check(kwargs["device"], kwargs["channels"], kwargs["samplerate"], "input")
        stream = FakeInputStream(self, **kwargs)
        self.input_streams.append(stream)
        return stream

    def OutputStream(self, **kwargs: Any) -> FakeOutputStream:
        self._check(kwargs["device"], kwargs["channels"], kwargs["samplerate"], "output")
        stream = FakeOutputStream(self, **kwargs)
        self.output_streams.append(stream)
        return stream


class _FakeStream:
    def __init__(self, sd: FakeSoundDevice, *, device: int, samplerate: float, channels: int,
                 dtype: str, blocksize: int = 1024, callback: Callable[..., None],
                 finished_callback: Callable[[], None] | None = None, **_: Any) -> None:
        self.sd = sd
        self.device = device
        self.samplerate = float(samplerate)
        self.channels = channels
        self.blocksize = blocksize or 1024
        self.callback = callback
        self.finished_callback = finished_callback
        self.closed = False
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        self._finished_once = threading.Lock()
        self._finished = False

    @property
    def active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _pace(self, block_index: int, t0: float) -> None:
        due = t0 + block_index * self.blocksize / self.samplerate / self.sd.behaviour.speed
        delay = due - time.monotonic()
        if delay > 0:
            self._halt.wait(delay)

    def _signal_finished(self) -> None:
        with self._finished_once:
            if self._finished:
                return
            self._finished = True
        if self.finished_callback is not None:
            self.finished_callback()

    def start(self) -> None:
        if self.sd.behaviour.start_error:
            raise PortAudioError(self.sd.behaviour.start_error)
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._halt.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        self._signal_finished()

    abort = stop

    def close(self) -> None:
        self.stop()
        self.closed = True


class FakeInputStream(_FakeStream):
    def __init__(self, sd: FakeSoundDevice, **kwargs: Any) -> None:
        super().__init__(sd, **kwargs)
        self.blocks_sent = 0

    def _loop(self) -> None:
        audio, b = self.sd.input_audio, self.sd.behaviour
        t0 = time.monotonic()
        pos = 0
        while not self._halt.is_set():
            if b.die_after_blocks is not None and self.blocks_sent >= b.die_after_blocks:
                if b.finish_when_dead:
                    self._signal_finished()
                return
            block = audio[pos:pos + self.blocksize]
            pos += len(block)
            if pos >= len(audio):
                self.sd.fed_all.set()
            if len(block) < self.blocksize:
                if b.after_end == "stop" and len(block) == 0:
                    return
                pad = np.zeros((self.blocksize - len(block), audio.shape[1]), np.float32)
                block = np.concatenate([block, pad]) if len(block) else pad
            indata = _fit(block, self.channels)
            self.callback(indata, self.blocksize, None,
                          Flags(input_overflow=self.blocks_sent in b.overflow_blocks))
            self.blocks_sent += 1
            self._pace(self.blocks_sent, t0)


class FakeOutputStream(_FakeStream):
    def __init__(self, sd: FakeSoundDevice, **kwargs: Any) -> None:
        super().__init__(sd, **kwargs)
        self.played: list[npt.NDArray[np.float32]] = []

    @property
    def played_audio(self) -> npt.NDArray[np.float32]:
        if not self.played:
            return np.zeros((0, self.channels), np.float32)
        return np.concatenate(self.played)

    def _loop(self) -> None:
        t0 = time.monotonic()
        n = 0
        while not self._halt.is_set():
            out = np.full((self.blocksize, self.channels), np.nan, np.float32)
            try:
                self.callback(out, self.blocksize, None, Flags())
            except CallbackStop:
                self.played.append(out.copy())
                break
            except CallbackAbort:
                break
            self.played.append(out.copy())
            n += 1
            self._pace(n, t0)
        self._signal_finished()


def _fit(block: npt.NDArray[np.float32], channels: int) -> npt.NDArray[np.float32]:
    if block.shape[1] == channels:
        return block.copy()
    mono = block.mean(axis=1, keepdims=True, dtype=np.float32)
    return np.repeat(mono, channels, axis=1)
