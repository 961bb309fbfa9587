"""Take audio on disk: FLAC files beside the database, written so a crash never loses a take.

A save writes `NAME.flac.part` first (slow: encoding), commits the row naming `NAME.flac`,
then renames the part into place. So a `.part` with no row is a save that never committed
(safe to delete once stale), and a `.part` whose row exists is a save that crashed between
commit and rename (finish the rename). Final `.flac` files are never deleted by a sweep: a
file no row names may belong to a database the user restores later.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from mockmic.errors import AudioInputError

AUDIO_SUFFIX = ".flac"
PART_SUFFIX = ".part"
#: A `.part` untouched this long is a dead save, not one in progress in another instance.
STALE_PART_S = 3600.0
_BLOCK_FRAMES = 1 << 16


def new_audio_name(created_at: datetime) -> str:
    """Sortable by time, unique across instances saving in the same second."""
    return f"{created_at:%Y%m%d-%H%M%S}-{secrets.token_hex(4)}{AUDIO_SUFFIX}"


def part_path(final: Path) -> Path:
    return final.with_name(final.name + PART_SUFFIX)


def encode_flac(src: Path, dest: Path) -> None:
    """Write `src` to `dest` as FLAC (a plain copy when it already is one).

    Anything libsndfile reads (WAV, FLAC, OGG, MP3...) keeps its rate and channels; other
    containers (m4a, webm) are decoded by PyAV to 16 kHz mono, what the transcriber hears.
    """
    if src.suffix.lower() == AUDIO_SUFFIX:
        shutil.copyfile(src, dest)
        return
    import numpy as np
    import soundfile as sf

    try:
        info = sf.info(str(src))
    except (RuntimeError, sf.LibsndfileError):
        _encode_with_av(src, dest)
        return
    is_float = info.subtype in ("FLOAT", "DOUBLE")
    deep = is_float or info.subtype in ("PCM_24", "PCM_32")
    try:
        with sf.SoundFile(str(src)) as fin, sf.SoundFile(
                str(dest), "w", samplerate=fin.samplerate, channels=fin.channels,
                format="FLAC", subtype="PCM_24" if deep else "PCM_16") as fout:
            for block in fin.blocks(blocksize=_BLOCK_FRAMES, dtype="float64", always_2d=True):
                # libsndfile wraps float samples beyond full scale around instead of clipping.
                fout.write(np.clip(block, -1.0, 1.0) if is_float else block)
    except (RuntimeError, sf.LibsndfileError) as exc:
        raise AudioInputError(f"cannot store audio {src}: {exc}") from exc


def _encode_with_av(src: Path, dest: Path) -> None:
    import soundfile as sf

    try:
        from faster_whisper.audio import decode_audio
    except ImportError as exc:  # pragma: no cover - faster-whisper is a dependency
        raise AudioInputError(f"cannot read audio {src}: unsupported format") from exc
    try:
        samples = decode_audio(str(src), sampling_rate=16000)
    except Exception as exc:  # PyAV raises many unrelated types for a bad file
        raise AudioInputError(f"cannot read audio {src}: not an audio file ({exc})") from exc
    sf.write(str(dest), samples, 16000, format="FLAC", subtype="PCM_16")


def publish(final: Path) -> bool:
    """Rename `final`'s part into place; True when `final` exists afterwards. Two instances
    may race to do this: whoever loses finds the file already there."""
    if final.exists():
        return True
    with contextlib.suppress(FileNotFoundError):
        os.replace(part_path(final), final)
    return final.exists()


def sweep(audio_dir: Path, referenced: Collection[str], now: float | None = None) -> int:
    """Finish or discard interrupted saves; returns how many part files were handled."""
    now = time.time() if now is None else now
    handled = 0
    for part in audio_dir.glob(f"*{AUDIO_SUFFIX}{PART_SUFFIX}"):
        final_name = part.name[: -len(PART_SUFFIX)]
        try:
            if final_name in referenced:
                publish(audio_dir / final_name)
                handled += 1
            elif now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
                handled += 1
        except FileNotFoundError:
            continue
    return handled


def remove_audio(path: Path) -> int:
    """Delete a take's audio (and any leftover part); returns the bytes freed."""
    freed = 0
    for candidate in (path, part_path(path)):
        try:
            freed += candidate.stat().st_size
            candidate.unlink()
        except FileNotFoundError:
            continue
    return freed
