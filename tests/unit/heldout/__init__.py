"""A held-out set of interview answers, labelled by hand before the coach was run on them.

Each case is one answer as a different person would give it (role, seniority, story type, style
all vary), with the content flags a sharp interviewer would raise. The labels were written
first and are not tuned to the coach: the coach is measured against them (see evaluate.py),
and test_heldout.py holds it to the ones it gets right plus an accuracy floor.

Timed cases are Whisper-style transcripts: word timings spread over `seconds` with short
pauses at sentence and comma breaks, as the recogniser would give them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockmic.core.transcript import Transcript, Word

#: The flags the labels cover (warn/fail counts as raised; info hints do not).
JUDGED: tuple[str, ...] = (
    "missing_stakes", "missing_metric", "missing_decision", "missing_learning",
    "weak_ownership", "late_impact", "rambling", "over_time")


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled answer: `expected` holds the flags that should be raised, `why` the
    interviewer's one-line reasoning."""

    name: str
    text: str
    expected: frozenset[str]
    why: str
    seconds: float | None = None
    timed: bool = False

    def labels(self) -> dict[str, bool]:
        return {code: code in self.expected for code in JUDGED}


def case(name: str, text: str, expected: set[str], why: str, seconds: float | None = None,
         timed: bool = False) -> Case:
    unknown = expected - set(JUDGED)
    if unknown:
        raise ValueError(f"{name}: unknown flags {sorted(unknown)}")
    return Case(name, " ".join(text.split()), frozenset(expected), why, seconds, timed)


def transcript(c: Case) -> Transcript:
    """The transcript the coach sees: typed (even spread) or Whisper-like (timed)."""
    if not c.timed:
        return Transcript.from_text(c.text, duration_s=c.seconds, source=c.name)
    tokens = re.findall(r"\S+", c.text)
    lead_in, sentence_pause, comma_pause = 0.6, 0.45, 0.15
    pauses = [sentence_pause if t.endswith((".", "?", "!")) else
              comma_pause if t.endswith(",") else 0.0 for t in tokens]
    seconds = c.seconds if c.seconds is not None else len(tokens) * 60.0 / 150.0
    speaking = max(1.0, seconds - lead_in - 0.4 - sum(pauses[:-1]))
    step = speaking / len(tokens)
    words: list[Word] = []
    t = lead_in
    for token, pause in zip(tokens, pauses, strict=True):
        words.append(Word(token, round(t, 3), round(t + step * 0.9, 3), 0.9))
        t += step + pause
    return Transcript(words=tuple(words), duration_s=round(seconds, 3), timed=True,
                      source=c.name)


def batches() -> dict[str, list[Case]]:
    """'first': the 87 answers labelled before the coach was first run on them (the fixes
    were made against these); 'fresh': 41 more, labelled after those fixes and before the
    coach saw them, to check that the fixes generalise (a second round of fixes used them);
    'fresh2': 30 more, labelled after the second round and before the coach saw them;
    'fresh3': 24 more, labelled after the third round and before the coach saw them."""
    from .cases_fresh import CASES as FRESH
    from .cases_fresh2 import CASES as FRESH2
    from .cases_fresh3 import CASES as FRESH3
    from .cases_mixed import CASES as MIXED
    from .cases_strong import CASES as STRONG
    from .cases_weak import CASES as WEAK

    return {"first": STRONG + MIXED + WEAK, "fresh": FRESH, "fresh2": FRESH2,
            "fresh3": FRESH3}


def all_cases() -> list[Case]:
    cases = [c for batch in batches().values() for c in batch]
    names = [c.name for c in cases]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError(f"duplicate case names: {sorted(dupes)}")
    return cases
