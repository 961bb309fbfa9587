"""Everything the app talks to, in one bundle the screens receive: settings, banks, the speech
model, microphone, speaker, player and the take store.

`Services.real()` builds the real ones and degrades instead of failing: no PortAudio or no
microphone sets `recorder_error` (the home screen says so and still offers import and review),
missing TTS sets `speaker_notice` (questions are shown as text only). Heavy modules are imported
only when a piece is first used, so the first frame appears at once. Tests build a bundle of
fakes with the same fields.
"""

from __future__ import annotations

import argparse
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from mockmic import paths
from mockmic.audio.protocols import (
    PlayerProtocol,
    RecorderProtocol,
    SpeakerProtocol,
    TranscriberProtocol,
)
from mockmic.core.banks import Bank, Question, load_banks
from mockmic.core.report import Report
from mockmic.core.transcript import Transcript
from mockmic.errors import UserError
from mockmic.interview import Take
from mockmic.settings import Settings

CoachFn = Callable[..., Report]

log = logging.getLogger(__name__)


class TakeStore(Protocol):
    """The parts of `mockmic.storage.Store` the app uses."""

    def save_take(self, *, report: Report, audio_src: Path | None, question_text: str,
                  question_id: str | None, bank_id: str | None, story_id: Any = None,
                  session_id: Any = None, recovered: bool = False) -> Any: ...

    def new_session(self, *, bank_id: str, mode: str) -> Any: ...

    def session_takes(self, session_id: Any) -> Sequence[Any]: ...


class TakeFollower(Protocol):
    """Transcribes a take while it is recorded (`mockmic.audio.incremental`), so the report
    follows "stop" in well under a second instead of a whole-file pass of a few seconds."""

    def finish(self, timeout: float | None = None) -> Transcript: ...

    def cancel(self) -> None: ...


class Recovery(Protocol):
    """Finds takes a crash or power cut left behind, and makes their audio usable again."""

    def find(self) -> list[Any]: ...

    def repair(self, take: Any) -> Path: ...


@dataclass
class Services:
    settings: Settings
    transcriber: TranscriberProtocol
    new_recorder: Callable[[], RecorderProtocol] | None
    speaker: SpeakerProtocol | None
    player: PlayerProtocol | None
    store: TakeStore | None
    banks: list[Bank]
    coach: CoachFn
    takes_dir: Path
    bank_errors: list[str] = field(default_factory=list)
    recorder_error: str | None = None
    """Why there is no microphone (one line); None when recording works."""
    speaker_notice: str | None = None
    """Why questions are not read aloud (one line); None when they are, or the user said not to."""
    player_error: str | None = None
    notices: list[str] = field(default_factory=list)
    """Other one-line problems to show on the home screen (a broken settings file)."""
    store_error: str | None = None
    recovery: Recovery | None = None
    follow: Callable[[Path], TakeFollower | None] | None = None
    """Start transcribing a take file as it is written; None: transcribe after the stop."""
    now: Callable[[], datetime] = datetime.now
    seed: int | None = None
    """Shuffle seed for sessions; None draws a new order each time (tests fix it)."""
    target_override: float | None = None
    """`--target` on the command line: wins over every bank's and question's own target."""

    @property
    def can_record(self) -> bool:
        return self.new_recorder is not None and self.recorder_error is None

    @classmethod
    def real(cls, settings: Settings, args: argparse.Namespace | None = None) -> Services:
        """The real pieces; anything missing becomes a notice rather than an exception."""
        extra = [Path(p).expanduser() for p in (getattr(args, "bank", None) or [])]
        input_device = getattr(args, "input_device", None) or settings.input_device
        model = getattr(args, "model", None) or settings.model
        target = getattr(args, "target", None)
        if target is not None:
            settings = settings.with_overrides(target_s=float(target))

        banks, errors = load_banks(paths.builtin_banks_dir(), paths.user_banks_dir(), extra,
                                   default_target_s=settings.target_s)
        recorder_error = probe_input(input_device)
        speaker, speaker_notice = _build_speaker(settings)
        player, player_error = _build_player(settings)
        store, store_error = _build_store()
        from mockmic.core.coach import coach

        transcriber = LazyTranscriber(model, settings.threads)
        return cls(
            settings=settings,
            transcriber=transcriber,
            follow=transcriber.follow,
            new_recorder=None if recorder_error else _recorder_factory(input_device),
            speaker=speaker,
            player=player,
            store=store,
            banks=banks,
            coach=coach,
            takes_dir=paths.takes_dir(),
            bank_errors=[str(e) for e in errors],
            recorder_error=recorder_error,
            speaker_notice=speaker_notice,
            player_error=player_error,
            store_error=store_error,
            recovery=_build_recovery(),
            target_override=float(target) if target is not None else None,
        )

    def _transcribe(self, audio: Path, follower: TakeFollower | None,
                    progress: Callable[[float], None]) -> Transcript:
        if follower is not None:
            try:
                return follower.finish()
            except UserError:
                raise  # what the audio is (no speech...): the whole-file pass would say the same
            except Exception:  # the live pass broke: the file on disk is still complete
                log.exception("incremental transcription failed; transcribing the whole file")
        return self.transcriber.transcribe(audio, on_progress=progress)

    def check_speaker(self) -> bool:
        """Whether questions can be spoken; if not, drops the speaker and says why. Slow the
        first time (it starts the speech engine): call it from a worker."""
        speaker = self.speaker
        if speaker is None or speaker.available:
            return speaker is not None
        reason = getattr(speaker, "unavailable_reason", None) or "no speech engine or speaker"
        self.speaker = None
        self.speaker_notice = f"Questions are shown, not spoken: {reason}"
        return False

    def target_for(self, question: Question | None) -> float:
        if self.target_override is not None:
            return self.target_override
        return question.target_s if question is not None else self.settings.target_s

    def analyze(self, audio: Path, *, question: Question | None, question_text: str,
                session_id: Any = None, recovered: bool = False, imported: bool = False,
                duration_s: float | None = None, story_id: str | None = None,
                follower: TakeFollower | None = None,
                progress: Callable[[str], None] | None = None) -> tuple[Take, str | None]:
        """Transcribe (or read) one answer, coach it and save it: the take, and a one-line
        notice if it could not be saved. Runs in a worker thread; blocks on the model load.

        The store removes the source audio only when it is one of our own recordings in the
        takes folder, so an imported file stays where the user had it.
        """
        say = progress or (lambda _stage: None)
        if imported:
            from mockmic.pipeline import check_input_path

            check_input_path(audio)
        target_s = self.target_for(question)
        if audio.suffix.lower() in {".txt", ".md"}:
            from mockmic.pipeline import read_typed_answer

            transcript = read_typed_answer(audio, None)
            audio_src: Path | None = None
        else:
            say("Transcribing…")
            of = f" of {_clock(duration_s)}" if duration_s else ""

            def done(seconds: float) -> None:
                say(f"Transcribing… {_clock(seconds)}{of}")

            transcript = self._transcribe(audio, follower, done)
            audio_src = audio
        say("Coaching…")
        report = self.coach(transcript, target_s, question=question_text)
        if self.store is None:
            return Take(question, report, None, audio_src), self.store_error
        say("Saving…")
        try:
            record = self.store.save_take(
                report=report, audio_src=audio_src, question_text=question_text,
                question_id=question.id if question else None,
                bank_id=question.bank_id if question else None,
                session_id=session_id, recovered=recovered, story_id=story_id)
        except (UserError, OSError) as exc:
            where = f" (the audio is kept at {audio_src})" if audio_src else ""
            return Take(question, report, None, audio_src), f"Not saved: {_one_line(exc)}{where}"
        return Take(question, report, record, getattr(record, "audio_path", audio_src)), None


def _device(value: str | None) -> str | int | None:
    if value is None or value == "":
        return None
    return int(value) if value.strip().isdigit() else value


def probe_input(device: str | None) -> str | None:
    """None when a microphone can be found by name/index (or the default); else the reason."""
    from mockmic.audio.devices import load_sounddevice, resolve_device

    try:
        resolve_device(load_sounddevice(), _device(device), "input")
    except UserError as exc:
        return _sentence(str(exc))
    except Exception as exc:  # a PortAudio failure we did not foresee: still not fatal
        return _sentence(f"the microphone cannot be used: {_one_line(exc)}")
    return None


def _recorder_factory(device: str | None) -> Callable[[], RecorderProtocol]:
    def build() -> RecorderProtocol:
        from mockmic.audio.recorder import Recorder

        recorder: RecorderProtocol = Recorder(device=_device(device))
        return recorder

    return build


def _build_speaker(settings: Settings) -> tuple[SpeakerProtocol | None, str | None]:
    """The speaker, unchecked: `check_speaker` (from a worker) asks whether it can talk,
    because starting the speech engine takes long enough to delay the first frame."""
    if not settings.speak_questions:
        return None, None
    try:
        from mockmic.audio.speaker import Speaker

        speaker: SpeakerProtocol = Speaker(voice=settings.voice, rate=settings.speech_rate,
                                           output_device=_device(settings.output_device))
    except (ImportError, OSError, RuntimeError, UserError) as exc:
        return None, f"Questions are shown, not spoken: {_one_line(exc)}"
    return speaker, None


def _build_player(settings: Settings) -> tuple[PlayerProtocol | None, str | None]:
    try:
        from mockmic.audio.player import Player

        player: PlayerProtocol = Player(device=_device(settings.output_device))
    except (ImportError, OSError, RuntimeError, UserError) as exc:
        return None, f"Replay is unavailable: {_one_line(exc)}"
    return player, None


def _build_store() -> tuple[TakeStore | None, str | None]:
    try:
        from mockmic.storage import Store

        store: TakeStore = Store()
    except (ImportError, OSError, UserError) as exc:
        return None, f"Takes cannot be saved: {_one_line(exc)}"
    except Exception as exc:  # sqlite3.Error and friends: the app still runs, unsaved
        return None, f"Takes cannot be saved: {_one_line(exc)}"
    return store, None


class _RealRecovery:
    def __init__(self, takes_dir: Path) -> None:
        self.takes_dir = takes_dir

    def find(self) -> list[Any]:
        from mockmic.audio.recovery import find_interrupted

        return list(find_interrupted(self.takes_dir))

    def repair(self, take: Any) -> Path:
        from mockmic.audio.recovery import repair

        repaired = repair(take)
        return Path(getattr(repaired, "path", repaired))


def _build_recovery() -> Recovery | None:
    try:
        import mockmic.audio.recovery  # noqa: F401
    except ImportError:
        return None
    return _RealRecovery(paths.takes_dir())


class LazyTranscriber:
    """Imports faster-whisper and loads the model on the first `load()` (a start-up worker).

    `transcribe` waits for the load, so a recording may start before the model is ready.
    """

    def __init__(self, model_dir: str | None, threads: int) -> None:
        self.model_dir = model_dir
        self.threads = threads
        self._lock = threading.Lock()
        self._inner: TranscriberProtocol | None = None

    def _transcriber(self) -> TranscriberProtocol:
        """The real transcriber, created (not loaded) on first use."""
        with self._lock:
            if self._inner is None:
                from mockmic.audio.transcriber import Transcriber

                self._inner = Transcriber(self.model_dir, threads=self.threads)
            return self._inner

    def load(self) -> None:
        self._transcriber().load()

    def transcribe(self, audio: Path, *, on_progress: Callable[[float], None] | None = None
                   ) -> Transcript:
        return self._transcriber().transcribe(audio, on_progress=on_progress)

    def follow(self, take: Path) -> TakeFollower | None:
        """Transcribe `take` as the recorder writes it; None if that cannot start."""
        try:
            from mockmic.audio.incremental import IncrementalTranscriber

            follower = IncrementalTranscriber(self._transcriber())
            follower.follow(take)
        except Exception:  # never worth failing a recording over: the stop falls back
            log.exception("could not start transcribing during the recording")
            return None
        return follower


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    return text[:1].upper() + text[1:] + ("" if text[-1] in ".!?" else ".")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
