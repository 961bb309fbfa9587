"""Reading a take while the recorder is still writing it, and fed audio made equal to it.

The recorder writes each 16 kHz block to a 16-bit WAV with a plain write(2) as it arrives
(recovery.TakeWriter) and refreshes the header's sizes only now and then. `WavTail` reads such a
file up to its current end, whole frames only, so a reader sees exactly the samples the
whole-file pass will decode, with no work added to the recorder and nothing it can drop.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

SAMPLE_RATE = 16_000


def as_pcm16_mono(samples: npt.ArrayLike) -> Floats:
    """The samples as the take file holds them and the whole-file pass reads them: each channel
    16-bit (the recorder writes rint(x * 32768) clipped, recovery.TakeWriter), read back as
    x / 32768, channels averaged (mockmic.audio.decode)."""
    arr = np.asarray(samples)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2:
        raise ValueError(f"audio must be 1-D or (frames, channels), got shape {arr.shape}")
    if np.issubdtype(arr.dtype, np.integer):
        scaled = arr.astype(np.float32) / np.float32(32768.0)
    else:
        pcm = np.clip(np.rint(arr.astype(np.float32) * np.float32(32768.0)), -32768, 32767)
        scaled = pcm.astype(np.float32) / np.float32(32768.0)
    mono: Floats = (scaled[:, 0] if scaled.shape[1] == 1
                    else scaled.mean(axis=1, dtype=np.float32)).astype(np.float32)
    return mono


class WavTail:
    """Reads a 16-bit PCM WAV file that the recorder is still appending to.

    The recorder writes each block with a plain write(2) as it arrives and only refreshes the
    header's sizes now and then, so we read up to the end of the file, whole frames only.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: BinaryIO | None = None
        self._pos = 0
        self._channels = 1
        self._done = False

    def _open(self) -> bool:
        try:
            fh = self.path.open("rb")
        except FileNotFoundError:
            return False
        header = fh.read(4096)
        found = _parse_wav_header(header)
        if found is None:
            fh.close()
            return False  # the recorder has not written the header yet
        rate, channels, bits, offset = found
        if rate != SAMPLE_RATE or bits != 16:
            fh.close()
            raise ValueError(f"{self.path.name}: {rate} Hz {bits}-bit; expected 16 kHz 16-bit")
        self._fh, self._pos, self._channels = fh, offset, channels
        return True

    def read(self, *, final: bool = False) -> Floats:
        """Samples appended since the last call (mono float); `final`: the file is complete."""
        if self._done:
            return np.zeros(0, dtype=np.float32)
        if self._fh is None and not self._open():
            if final:
                raise FileNotFoundError(f"{self.path} has no audio")
            return np.zeros(0, dtype=np.float32)
        assert self._fh is not None
        self._fh.seek(self._pos)
        data = self._fh.read()
        frame = 2 * self._channels
        usable = len(data) // frame * frame
        self._pos += usable
        if final:
            self.close()
        pcm = np.frombuffer(data[:usable], dtype="<i2").reshape(-1, self._channels)
        return as_pcm16_mono(pcm)

    def close(self) -> None:
        self._done = True
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _parse_wav_header(header: bytes) -> tuple[int, int, int, int] | None:
    """(rate, channels, bits, data offset) of a PCM WAV header, or None if incomplete."""
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        return None
    pos = 12
    fmt: tuple[int, int, int] | None = None
    while pos + 8 <= len(header):
        chunk, size = header[pos:pos + 4], int.from_bytes(header[pos + 4:pos + 8], "little")
        if chunk == b"fmt " and pos + 24 <= len(header):
            channels = int.from_bytes(header[pos + 10:pos + 12], "little")
            rate = int.from_bytes(header[pos + 12:pos + 16], "little")
            bits = int.from_bytes(header[pos + 22:pos + 24], "little")
            fmt = (rate, channels, bits)
        elif chunk == b"data":
            return None if fmt is None else (*fmt, pos + 8)
        pos += 8 + size + (size & 1)
    return None
