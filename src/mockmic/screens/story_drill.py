"""Drill a story: its prompt again and again until one take lands (within the target, no fail
flag); then the story's short version counts as landed.

This rides on the app's own interview flow (question → recording → report, `t` and `n` both
ask again): a `StoryDrill` is an `Interview` of one question that knows its story. Each take
is saved with the story's id, so landing is read back from the history
(`Store.story_progress`) rather than kept as a separate flag that could disagree with it.
After each take the drill says whether it landed and, if not, what stood in the way; once it
lands, `n` finishes with the drill's summary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mockmic.core.banks import Bank, Question
from mockmic.core.stories import Story, landed, question_key
from mockmic.errors import UserError
from mockmic.interview import Interview, Take
from mockmic.widgets.flag_list import flag_title, sort_flags
from mockmic.widgets.timer import format_clock

if TYPE_CHECKING:
    from mockmic.app import MockmicApp

#: Takes of a story whose prompt is free text are filed under this pseudo bank.
STORY_BANK_ID = "stories"

Announce = Callable[[str, str], None]
"""(message, severity) → shown to the user."""


def version_name(target_s: float) -> str:
    """"90-second version", or "2-minute version" for a round number of minutes over 90 s."""
    if target_s > 90 and target_s % 60 == 0:
        return f"{target_s / 60:.0f}-minute version"
    return f"{target_s:.0f}-second version"


def drill_question(story: Story, banks: Sequence[Bank], default_target_s: float) -> Question:
    """The question the drill asks: the story's first question a bank knows, or its first
    free-text prompt, else one made from its title; with the story's own target if it has
    one."""
    by_key = {q.key: q for bank in banks for q in bank.questions}
    chosen: Question | None = None
    for entry in story.questions:
        ref = question_key(entry)
        if ref is None:
            chosen = _prompt(story, entry, default_target_s)
            break
        if ref in by_key:
            chosen = by_key[ref]
            break
    if chosen is None:
        chosen = _prompt(story, story.drill_prompt(), default_target_s)
    if story.target_s is not None:
        chosen = replace(chosen, target_s=story.target_s)
    return chosen


def _prompt(story: Story, text: str, target_s: float) -> Question:
    return Question(id=f"story-{story.id}", text=text, follow_ups=(), tags=story.tags,
                    target_s=target_s, bank_id=STORY_BANK_ID)


def not_landed_because(take: Take, target_s: float) -> str:
    report = take.report
    reasons: list[str] = []
    if report.duration_estimated:
        reasons.append("a typed answer has no real duration")
    elif report.duration_s > target_s:
        reasons.append(f"+{format_clock(report.duration_s - target_s)} over "
                       f"{format_clock(target_s)}")
    fails = [flag_title(f) for f in sort_flags(report.flags) if f.severity == "fail"]
    if fails:
        reasons.append("✖ " + ", ".join(fails))
    return "; ".join(reasons) or "not within the target"


@dataclass
class StoryDrill(Interview):
    """An interview of one question, asked until a take lands."""

    story_id: str | None = None
    """Saved with every take (the recording screen passes it to the store)."""
    story: Story | None = None
    landing_target_s: float = 90.0
    landed_take: Take | None = None
    announce: Announce | None = None
    consistency: Callable[[Take], list[str]] | None = None
    """Figure problems in a saved take: said differently from the story's claims or from an
    earlier take."""

    @property
    def is_last(self) -> bool:
        # The report screen then offers "Finish" instead of "Next".
        return self.landed_take is not None

    @property
    def progress_label(self) -> str:
        title = self.story.title if self.story else self.bank_name
        done = " · landed ✓" if self.landed_take is not None else ""
        return f"Story drill · {title}{done}"

    def advance(self) -> bool:
        return self.landed_take is None

    def add(self, take: Take) -> None:
        super().add(take)
        say = self.announce or (lambda _message, _severity: None)
        version = version_name(self.landing_target_s)
        if take.record is None:
            say("This take was not saved, so it cannot count for the story.", "warning")
        elif landed(take.report, self.landing_target_s):
            if self.landed_take is None:
                self.landed_take = take
                say(f"✓ Landed: the {version} of this story "
                    f"({format_clock(take.report.duration_s)}, no ✖ flag). "
                    "n finishes the drill; t tries again.", "information")
            else:
                say(f"✓ Landed again ({format_clock(take.report.duration_s)}).", "information")
        else:
            attempt = self.attempts()
            say(f"Not yet ({attempt} take{'s' if attempt > 1 else ''}): "
                f"{not_landed_because(take, self.landing_target_s)}. t or n: again.",
                "warning")
        if take.record is not None and self.consistency is not None:
            for message in self.consistency(take):
                say(f"Figures: {message}", "warning")


def start_story_drill(app: MockmicApp, story: Story) -> bool:
    """Start drilling `story` in the app's interview flow; False (with a notice) if it cannot
    start (no microphone)."""
    services = app.services
    if not services.can_record:
        app.notify(services.recorder_error or "No microphone.", severity="error")
        return False
    question = drill_question(story, services.banks, services.settings.target_s)
    store: Any = services.store
    session_id = None
    if store is not None:
        try:
            session_id = store.new_session(bank_id=question.bank_id, mode="drill")
        except (UserError, OSError) as exc:
            app.notify(f"Takes will not be grouped into a session: {exc}", severity="warning")

    def announce(message: str, severity: str) -> None:
        level = severity if severity in ("information", "warning", "error") else "information"
        app.notify(message, severity=level, timeout=10)  # type: ignore[arg-type]

    def consistency(take: Take) -> list[str]:
        from mockmic.storage import take_consistency

        try:
            return [i.message for i in take_consistency(store, int(take.take_id), story)]
        except (UserError, TypeError, ValueError):
            return []

    app.interview = StoryDrill(
        "drill", question.bank_id, f"story: {story.title}", [question],
        session_id=session_id, target_override=services.target_override, story_id=story.id,
        story=story, landing_target_s=services.target_for(question), announce=announce,
        consistency=consistency if store is not None else None)
    app.ask()
    return True
