"""A history to browse: takes saved through the real Store from the committed report fixtures,
with the real spoken answers from ../shared/data as their audio, at fixed times; a story bank
file; and a player whose clock the test moves (pause and seek included).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mockmic import paths
from mockmic.core.report import Report
from mockmic.core.stories import Story, write_stories
from mockmic.storage import Store, TakeRecord

from .fakes import FIXTURES, FakePlayer, answer_audio

#: The first seeded take; each later one is a day (or `step`) after.
DAY_ONE = datetime(2025, 3, 10, 8, 30, tzinfo=UTC)

COST_STORY = Story(
    id="ml-cost-cut", title="Cut recommendation inference cost",
    summary="Cut inference cost 22 % while keeping accuracy steady, which kept the budget.",
    figures=("22 %", "$400k/yr"), tags=("cost",),
    questions=("Tell me about a time you reduced cost.",), target_s=90.0)
LAUNCH_STORY = Story(
    id="launch-slip", title="The launch that slipped",
    summary="Moved the launch two weeks and kept the customer.",
    figures=("2 weeks",), questions=("Tell me about a time you missed a deadline.",))


def fixture_report(name: str) -> Report:
    return Report.from_dict(json.loads((FIXTURES / "reports" / f"{name}.json")
                                       .read_text(encoding="utf-8")))


def with_word(report: Report, old: str, new: str) -> Report:
    """The same report with one word of its transcript changed (a figure said differently)."""
    words = tuple(replace(w, text=new) if w.text == old else w for w in report.transcript.words)
    assert words != report.transcript.words, f"{old!r} is not in the transcript"
    return replace(report, transcript=replace(report.transcript, words=words))


def save(store: Store, name: str, *, when: datetime, story: Story | None = None,
         question: str | None = None, bank_id: str | None = None, audio: bool = True,
         report: Report | None = None) -> TakeRecord:
    """One take of the spoken answer `name` (its fixture report and its real audio)."""
    return store.save_take(
        report=report or fixture_report(name),
        audio_src=answer_audio(name) if audio else None,
        question_text=question or (story.questions[0] if story else f"Question for {name}"),
        question_id=None if story else f"q-{name}", bank_id=bank_id or ("stories" if story
                                                                      else "practice"),
        story_id=story.id if story else None, created_at=when)


def seed_week(store: Store) -> list[TakeRecord]:
    """A week of practice: the cost story drilled until it landed (rambling, list of tasks,
    then the strong answer), then a take that said 30 % instead of the claimed 22 %; and two
    plain bank questions, one of them without audio (removed by retention)."""
    day = timedelta(days=1)
    return [
        save(store, "rambling_no_stakes", when=DAY_ONE, story=COST_STORY),
        save(store, "tasks_we_no_result", when=DAY_ONE + day, bank_id="practice",
             question="Describe a project you are proud of."),
        save(store, "tasks_we_no_result", when=DAY_ONE + 2 * day, story=COST_STORY),
        save(store, "strong_ml_cost", when=DAY_ONE + 3 * day, story=COST_STORY),
        save(store, "rambling_no_stakes", when=DAY_ONE + 4 * day, audio=False,
             question="Tell me about a conflict with a colleague."),
        save(store, "strong_ml_cost", when=DAY_ONE + 5 * day, story=COST_STORY,
             report=with_word(fixture_report("strong_ml_cost"), "22%,", "30%,")),
    ]


def write_bank(stories: list[Story] | None = None) -> Path:
    path = paths.stories_file()
    write_stories(path, stories if stories is not None else [COST_STORY, LAUNCH_STORY])
    return path


class ClockPlayer(FakePlayer):
    """FakePlayer that also keeps pause state and a log of what it was told to do."""

    def __init__(self) -> None:
        super().__init__()
        self._paused = False
        self.calls: list[tuple[str, Any]] = []

    @property
    def paused(self) -> bool:
        return self._paused and self.playing

    def play(self, path: Path, start_s: float = 0.0,
             on_position: Callable[[float], None] | None = None) -> None:
        super().play(path, start_s, on_position)
        self._paused = False
        self.calls.append(("play", (path.name, start_s)))

    def pause(self) -> None:
        self._paused = True
        self.calls.append(("pause", None))

    def resume(self) -> None:
        self._paused = False
        self.calls.append(("resume", None))

    def seek_to(self, position_s: float) -> None:
        self.calls.append(("seek_to", round(position_s, 2)))
        super().seek_to(position_s)

    def stop(self) -> None:
        if self._playing:
            self.calls.append(("stop", None))
        super().stop()
