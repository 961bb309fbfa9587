"""Audio file → 16 kHz mono float32 samples, the only input the transcriber takes.

PyAV (FFmpeg, bundled with faster-whisper) decodes whatever FFmpeg reads: wav, flac, mp3, ogg,
m4a, webm, any rate, any channel count. Every way a file can be unusable becomes an
AudioInputError with a one-line message naming the file; nothing here raises a library error.

Files longer than MAX_SECONDS are refused before decoding when the container states its length,
and mid-decode (as soon as the limit is passed) when it does not, so a mislabelled or endless
stream cannot fill memory: an hour of 16 kHz float32 is 230 MB, which is as far as we go.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from mockmic.errors import AudioInputError

#: Whisper's input rate; everything is resampled to it.
SAMPLE_RATE = 16_000

#: The longest audio we transcribe. A mock answer is minutes long; an hour is a whole interview
#: recorded by mistake, and bounds memory (decoded samples + features) to well under 1 GB.
MAX_SECONDS = 60 * 60

Samples = npt.NDArray[np.float32]


def _describe_limit(max_seconds: float) -> str:
    if max_seconds % 60 == 0:
        return f"{int(max_seconds // 60)}-minute"
    return f"{max_seconds:g}-second"


def check_audio_path(path: str | Path) -> Path:
    """The path as a Path if it names a non-empty regular file; AudioInputError otherwise."""
    p = Path(path).expanduser()
    try:
        st = p.stat()
    except FileNotFoundError:
        raise AudioInputError(f"no such file: {p}") from None
    except OSError as exc:
        raise AudioInputError(f"cannot read {p}: {exc.strerror or exc}") from None
    if p.is_dir():
        raise AudioInputError(f"{p} is a directory, not an audio file")
    if st.st_size == 0:
        raise AudioInputError(f"{p} is empty (0 bytes)")
    return p


def _stated_duration(container: Any, stream: Any) -> float | None:
    """The length the file claims, in seconds, or None when it does not say."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration) / av.time_base
    return None


def probe_duration(path: str | Path) -> float | None:
    """The stated length of an audio file in seconds, without decoding it (None if unknown)."""
    p = check_audio_path(path)
    try:
        with av.open(str(p), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioInputError(f"{p} has no audio stream")
            return _stated_duration(container, container.streams.audio[0])
    except av.FFmpegError as exc:
        raise AudioInputError(f"{p} is not a readable audio file ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    """A short reason from an FFmpeg error: its strerror without the file name it repeats."""
    text = getattr(exc, "strerror", None) or str(exc)
    return str(text).strip().rstrip(".").splitlines()[0] if text else type(exc).__name__


def _frames(container: Any) -> Iterator[Any]:
    """Decoded frames of the first audio stream, skipping frames FFmpeg cannot decode.

    A damaged stretch in the middle of a recording should cost that stretch, not the whole
    take (faster-whisper's own decoder does the same).
    """
    packets = container.demux(audio=0)
    for packet in packets:
        try:
            frames = packet.decode()
        except av.InvalidDataError:
            continue
        yield from frames


def _mono(frame: Any) -> Samples:
    planes = frame.to_ndarray()  # planar float: (channels, samples)
    mono = planes[0] if planes.shape[0] == 1 else planes.mean(axis=0)
    return np.asarray(mono, dtype=np.float32)


def decode_audio(path: str | Path, *, max_seconds: float = MAX_SECONDS) -> Samples:
    """Decode any audio file to 16 kHz mono float32 in [-1, 1].

    Raises AudioInputError when the path is missing, a directory, empty, not audio, holds no
    decodable audio, or is longer than `max_seconds`.
    """
    p = check_audio_path(path)
    limit = _describe_limit(max_seconds)
    max_samples = math.ceil(max_seconds * SAMPLE_RATE)
    chunks: list[Samples] = []
    total = 0
    try:
        with av.open(str(p), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioInputError(f"{p} has no audio stream")
            stream = container.streams.audio[0]
            stated = _stated_duration(container, stream)
            if stated is not None and stated > max_seconds:
                raise AudioInputError(
                    f"{p} is {stated / 60:.0f} minutes long, longer than the {limit} limit")
            # Keep the channels and average them ourselves: FFmpeg's stereo-to-mono matrix adds
            # the channels at -3 dB each, which is 1.4x their mean and clips loud recordings.
            resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
            for frame in _frames(container):
                # Timestamps that jump (damaged or concatenated files) make the resampler raise;
                # we only need the samples, in order.
                frame.pts = None
                for out in resampler.resample(frame):
                    chunk = _mono(out)
                    total += chunk.size
                    if total > max_samples:
                        raise AudioInputError(f"{p} is longer than the {limit} limit")
                    chunks.append(chunk)
            for out in resampler.resample(None):
                chunk = _mono(out)
                total += chunk.size
                chunks.append(chunk)
            # PyAV's resampler holds FFmpeg buffers until collected (faster-whisper issue #390).
            del resampler
            gc.collect()
    except av.FFmpegError as exc:
        raise AudioInputError(f"{p} is not a readable audio file ({_reason(exc)})") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise AudioInputError(f"{p} is not a readable audio file ({exc})") from None
    if total == 0:
        raise AudioInputError(f"{p} holds no decodable audio")
    samples = np.concatenate(chunks)
    np.clip(samples, -1.0, 1.0, out=samples)
    return samples


def as_mono_16k(samples: npt.ArrayLike) -> Samples:
    """Validate samples already at 16 kHz: 1-D, or 2-D (frames, channels) averaged to mono.

    Raises AudioInputError for empty, wrongly shaped or non-finite input.
    """
    arr = np.asarray(samples)
    if np.issubdtype(arr.dtype, np.integer):
        # Integer PCM (what a recorder writes) is scaled to [-1, 1] by its type's range.
        arr = arr.astype(np.float32) / (float(np.iinfo(arr.dtype).max) + 1.0)
    if arr.ndim == 2:
        if arr.shape[1] > arr.shape[0]:
            # (channels, frames) would average each channel to one number: refuse, don't guess.
            raise AudioInputError(f"audio must be (frames, channels), got shape {arr.shape}")
        arr = arr.mean(axis=1)
    if arr.ndim != 1:
        raise AudioInputError(f"audio must be 1-D or (frames, channels), got shape {arr.shape}")
    if arr.size == 0:
        raise AudioInputError("no audio samples")
    out = np.ascontiguousarray(arr, dtype=np.float32)
    if not np.all(np.isfinite(out)):
        raise AudioInputError("audio holds NaN or infinite samples")
    return out


def split_points(samples: Samples, *, piece_s: float, search_s: float = 30.0,
                 frame_s: float = 0.2) -> list[int]:
    """Sample indices that cut `samples` into pieces no longer than `piece_s`, each cut at the
    quietest `frame_s` frame within the last `search_s` seconds before the piece's limit.

    The transcriber decodes long audio piece by piece so its memory stays bounded (faster-whisper
    builds the features of its whole input at once: ~45 MB per minute). Cutting where it is
    quietest keeps words whole; returns [] when the audio fits in one piece.
    """
    piece = int(piece_s * SAMPLE_RATE)
    if samples.size <= piece:
        return []
    frame = max(1, int(frame_s * SAMPLE_RATE))
    search = min(int(search_s * SAMPLE_RATE), piece // 2)
    cuts: list[int] = []
    start = 0
    while samples.size - start > piece:
        lo, hi = start + piece - search, start + piece
        n_frames = (hi - lo) // frame
        window = samples[lo:lo + n_frames * frame].reshape(n_frames, frame)
        energy = np.einsum("ij,ij->i", window, window)
        # Centre of the quietest frame: the cut falls inside the pause, not at its edge.
        cut = lo + int(np.argmin(energy)) * frame + frame // 2
        cuts.append(cut)
        start = cut
    return cuts
