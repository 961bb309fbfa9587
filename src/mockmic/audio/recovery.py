"""Takes on disk: the crash-safe writer, the in-progress marker, and repair after a crash.

A take is a 16-bit PCM WAV written straight to its final path. Audio is appended with plain
`write(2)` calls as it arrives, so a killed process leaves everything it captured in the
file (the kernel keeps it); the header's sizes are refreshed twice a second and the file is
fsync'ed every second, so even a power cut loses about a second at most.

While a take is being written, a sidecar `<take>.recording.json` names the process writing
it (pid + process start time) and the app's metadata (question text...). A sidecar whose
process is gone marks an interrupted take: `find_interrupted` lists them and `repair` makes
the WAV header exact from the file size, then retires the sidecar to `<take>.recovered.json`.
Nothing is ever deleted.

The writer and the repair live together because they must agree on the format.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mockmic import paths
from mockmic.errors import UserError

SIDECAR_SUFFIX = ".recording.json"
RECOVERED_SUFFIX = ".recovered.json"
SAMPLE_WIDTH = 2  # bytes: 16-bit PCM is exact for speech and readable by every tool
HEADER_BYTES = 44
HEADER_EVERY_S = 0.5
FSYNC_EVERY_S = 1.0


class TakeFileError(UserError):
    """The take's file cannot be created or written (read-only dir, disk full...)."""


def sidecar_for(take: Path) -> Path:
    return take.with_name(take.name + SIDECAR_SUFFIX)


def recovered_marker_for(take: Path) -> Path:
    return take.with_name(take.name + RECOVERED_SUFFIX)


def _wav_header(samplerate: int, channels: int, frames: int) -> bytes:
    block_align = channels * SAMPLE_WIDTH
    data_bytes = frames * block_align
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + data_bytes, b"WAVE",
        b"fmt ", 16, 1, channels, samplerate, samplerate * block_align, block_align,
        SAMPLE_WIDTH * 8,
        b"data", data_bytes,
    )


def _process_start_ticks(pid: int) -> int | None:
    """When `pid` started (Linux clock ticks since boot), to tell a reused pid from ours."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may contain spaces; fields after it are space-separated.
    rest = stat.rsplit(")", 1)[-1].split()
    try:
        return int(rest[19])
    except (IndexError, ValueError):
        return None


def _write_json_atomically(path: Path, data: Mapping[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, json.dumps(data, indent=1, default=str).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _describe_os_error(exc: OSError, path: Path) -> str:
    reason = exc.strerror or str(exc)
    return f"cannot write {path}: {reason}"


def check_take_path(path: Path) -> None:
    """Refuse a take name we would corrupt or clobber, before any device is opened."""
    if path.suffix.lower() != ".wav":
        raise TakeFileError(
            f"{path.name}: takes are recorded as .wav (a crash cannot corrupt them)")
    if path.exists():
        raise TakeFileError(f"{path} already exists: choose another file name")


class TakeWriter:
    """Appends float blocks to a new take file as 16-bit PCM, crash-safely (see module doc).

    Used from one thread (the recorder's writer thread). Raises TakeFileError on I/O failure;
    whatever was written before stays valid on disk.
    """

    def __init__(self, path: Path, *, samplerate: int, channels: int,
                 meta: Mapping[str, Any] | None = None) -> None:
        check_take_path(path)
        self.path = path
        self.samplerate = samplerate
        self.channels = channels
        self.frames = 0
        self.sidecar = sidecar_for(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_json_atomically(self.sidecar, {
                "take": path.name,
                "pid": os.getpid(),
                "proc_start": _process_start_ticks(os.getpid()),
                "started_at": time.time(),
                "samplerate": samplerate,
                "channels": channels,
                "meta": dict(meta or {}),
            })
        except OSError as exc:
            raise TakeFileError(_describe_os_error(exc, path.parent)) from exc
        try:
            # O_EXCL: never truncate a file someone created since the exists() check.
            self._fd: int | None = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            self._write_all(_wav_header(samplerate, channels, 0))
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.sidecar.unlink()
            raise TakeFileError(_describe_os_error(exc, path)) from exc
        self._last_header = self._last_fsync = time.monotonic()
        self._header_frames = 0

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate

    def _write_all(self, data: bytes) -> int:
        assert self._fd is not None
        view = memoryview(data)
        done = 0
        while done < len(view):
            done += os.write(self._fd, view[done:])
        return done

    def write(self, block: npt.NDArray[np.floating]) -> None:
        """Append (frames, channels) float samples in [-1, 1]; clips beyond full scale."""
        if len(block) == 0:
            return
        pcm = np.clip(np.rint(block * 32768.0), -32768, 32767).astype("<i2")
        try:
            self._write_all(pcm.tobytes())
        except OSError as exc:
            # A short write may have left part of a frame; the header never counts it.
            self.sync(force=True, quiet=True)
            raise TakeFileError(_describe_os_error(exc, self.path)) from exc
        self.frames += len(pcm)
        self.sync()

    def sync(self, *, force: bool = False, quiet: bool = False) -> None:
        """Refresh the header's sizes and fsync, each at its own cadence (or now if `force`)."""
        if self._fd is None:
            return
        now = time.monotonic()
        # Header by audio time as well as wall time: a take read back mid-recording (or after a
        # kill) lags by at most HEADER_EVERY_S of audio whatever the clock does.
        unheaded = (self.frames - self._header_frames) / self.samplerate
        try:
            if force or unheaded >= HEADER_EVERY_S or now - self._last_header >= HEADER_EVERY_S:
                header = _wav_header(self.samplerate, self.channels, self.frames)
                os.pwrite(self._fd, header[4:8], 4)
                os.pwrite(self._fd, header[40:44], 40)
                self._last_header, self._header_frames = now, self.frames
            if force or now - self._last_fsync >= FSYNC_EVERY_S:
                os.fsync(self._fd)
                self._last_fsync = now
        except OSError as exc:
            if not quiet:
                raise TakeFileError(_describe_os_error(exc, self.path)) from exc

    def close(self) -> None:
        """Final header, fsync, close; the take is then complete and the sidecar goes."""
        if self._fd is None:
            return
        try:
            self.sync(force=True)
        finally:
            os.close(self._fd)
            self._fd = None
        # The sidecar is our own lock file; the audio it guarded is now complete.
        with contextlib.suppress(OSError):
            self.sidecar.unlink()

    def discard_if_empty(self) -> None:
        """Undo a take that never got audio (the device failed to start): file and sidecar."""
        if self.frames:
            self.close()
            return
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        for p in (self.path, self.sidecar):
            with contextlib.suppress(OSError):
                p.unlink()


@dataclass(frozen=True)
class InterruptedTake:
    """A take whose recording process died before it finished."""

    path: Path
    sidecar: Path
    pid: int | None
    started_at: float | None
    samplerate: int
    channels: int
    frames: int
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate if self.samplerate else 0.0

    @property
    def question(self) -> str | None:
        q = self.meta.get("question")
        return str(q) if q is not None else None


def _owner_alive(info: Mapping[str, Any]) -> bool:
    pid = info.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    recorded_start = info.get("proc_start")
    current_start = _process_start_ticks(pid)
    if isinstance(recorded_start, int) and current_start is not None:
        return recorded_start == current_start
    return True


def _read_sidecar(sidecar: Path) -> dict[str, Any]:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # Killed while the sidecar was half-written: the take's name is in the sidecar's name.
        return {}
    return data if isinstance(data, dict) else {}


def _data_layout(path: Path) -> tuple[int, int, int] | None:
    """(data offset, samplerate, channels) from a RIFF/WAVE header, or None if unreadable."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    pos, rate, channels = 12, None, None
    while pos + 8 <= len(head):
        chunk_id, size = struct.unpack_from("<4sI", head, pos)
        if chunk_id == b"fmt " and pos + 8 + 16 <= len(head):
            _, channels, rate = struct.unpack_from("<HHI", head, pos + 8)
        if chunk_id == b"data":
            if rate and channels:
                return pos + 8, int(rate), int(channels)
            return None
        pos += 8 + size + (size & 1)
    return None


def _frames_on_disk(path: Path, offset: int, channels: int) -> int:
    try:
        size = path.stat().st_size
    except OSError:
        return 0
    return max(0, size - offset) // (channels * SAMPLE_WIDTH)


def find_interrupted(takes_dir: Path | None = None) -> list[InterruptedTake]:
    """Takes in `takes_dir` (default: the data dir's takes) whose recorder is gone, oldest first.

    Takes still being recorded by a live process (this one included) are left alone.
    """
    folder = takes_dir if takes_dir is not None else paths.takes_dir()
    if not folder.is_dir():
        return []
    found = []
    for sidecar in sorted(folder.glob("*" + SIDECAR_SUFFIX)):
        info = _read_sidecar(sidecar)
        if _owner_alive(info):
            continue
        take = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
        if not take.exists():
            continue
        layout = _data_layout(take)
        rate = int(info.get("samplerate") or (layout[1] if layout else 16000))
        channels = int(info.get("channels") or (layout[2] if layout else 1))
        offset = layout[0] if layout else HEADER_BYTES
        started = info.get("started_at")
        meta = info.get("meta")
        found.append(InterruptedTake(
            path=take, sidecar=sidecar,
            pid=info.get("pid") if isinstance(info.get("pid"), int) else None,
            started_at=float(started) if isinstance(started, int | float) else None,
            samplerate=rate, channels=channels,
            frames=_frames_on_disk(take, offset, channels),
            meta=dict(meta) if isinstance(meta, dict) else {},
        ))
    found.sort(key=lambda t: (t.started_at or 0.0, t.path.name))
    return found


def repair(take: InterruptedTake) -> Path:
    """Make the take a valid WAV whose sample count is exactly what reached the disk.

    Rewrites only the header's size fields (or the whole 44-byte header if it was never
    written); a trailing partial sample frame, if the crash split one, is cut off. Then the
    sidecar becomes `<take>.recovered.json` so the take is offered back only once.
    Raises TakeFileError when the file cannot be written (read-only, vanished).
    """
    path = take.path
    try:
        layout = _data_layout(path)
        size = path.stat().st_size
        if layout is None or size < HEADER_BYTES:
            # Killed before the header was complete: a fresh header in place of the stub.
            offset, rate, channels = HEADER_BYTES, take.samplerate, take.channels
            frames = max(0, size - HEADER_BYTES) // (channels * SAMPLE_WIDTH)
            with path.open("r+b") as fh:
                fh.write(_wav_header(rate, channels, frames))
                fh.truncate(max(HEADER_BYTES, HEADER_BYTES + frames * channels * SAMPLE_WIDTH))
                fh.flush()
                os.fsync(fh.fileno())
        else:
            offset, rate, channels = layout
            block = channels * SAMPLE_WIDTH
            frames = max(0, size - offset) // block
            data_bytes = frames * block
            with path.open("r+b") as fh:
                fh.seek(4)
                fh.write(struct.pack("<I", offset - 8 + data_bytes))
                fh.seek(offset - 4)
                fh.write(struct.pack("<I", data_bytes))
                fh.truncate(offset + data_bytes)
                fh.flush()
                os.fsync(fh.fileno())
        info = _read_sidecar(take.sidecar)
        info.update({"take": path.name, "samplerate": rate, "channels": channels,
                     "frames": frames, "duration_s": frames / rate, "repaired_at": time.time(),
                     "meta": info.get("meta", take.meta)})
        _write_json_atomically(recovered_marker_for(path), info)
        take.sidecar.unlink(missing_ok=True)
    except OSError as exc:
        raise TakeFileError(f"cannot repair {path}: {exc.strerror or exc}") from exc
    return path
