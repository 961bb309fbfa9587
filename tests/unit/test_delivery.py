"""Delivery on typed answers: fillers (in context), hedges, repetition, restarts, recogniser
loops, and the filler_heavy flag. Timed behaviour lives in test_timed_fixture.py.
"""

from __future__ import annotations

import pytest

from mockmic.core.coach import coach
from mockmic.core.transcript import Transcript

from .helpers import raised, typed


def fillers(text: str) -> list[str]:
    return [item["text"].strip(",.").lower() for item in typed(text).metrics["fillers"]["items"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("It was um a really old pipeline, uh, written in Perl.", ["um", "uh"]),
    ("It was, like, written by someone who had left.", ["like"]),
    ("So, we had a problem with the exporter.", ["so"]),
    ("So we had a problem with the exporter.", ["so"]),
    ("It was, you know, kind of annoying for everyone.", ["you know", "kind of"]),
    ("Well, it was called the data platform team back then.", ["well"]),
    ("I mean, the job was failing every night.", ["i mean"]),
    ("Basically, I rewrote the loader.", ["basically"]),
])
def test_fillers_are_found_in_context(text: str, expected: list[str]) -> None:
    assert fillers(text) == expected


@pytest.mark.parametrize("text", [
    "I'd like to talk about a migration I led.",
    "I added a cache so that repeated requests were cheap.",
    "It looks like a small change, but it touched every service.",
    "Do you know how the scheduler works? I didn't either.",
    "We built a kind of cache in front of the feature store.",
    "The new model did well, and I shipped it, so the team could move on.",
    "Things like retries and timeouts were all hard-coded.",
    "I actually rewrote the loader.",
])
def test_words_that_only_look_like_fillers_are_not_counted(text: str) -> None:
    assert fillers(text) == []


def test_hedges_are_counted_with_their_words() -> None:
    report = typed("I think it was maybe five offices, and it failed less, probably. It was "
                   "sort of a hack and pretty much done.")
    hedges = [h["text"].strip(",.").lower() for h in report.metrics["hedges"]["items"]]
    assert hedges == ["i think", "maybe", "probably", "sort of", "pretty much"]


def test_restarts_and_repeated_phrases_are_counted() -> None:
    report = typed("So we, um, we had a problem. We looked at the logs, we looked at the code, "
                   "and we looked at the scheduler. Then I, I fixed it.")
    items = report.metrics["repetitions"]["items"]
    kinds = sorted(i["kind"] for i in items)
    assert kinds == ["phrase", "phrase", "restart", "restart"]
    assert {i["phrase"] for i in items if i["kind"] == "phrase"} == {"we looked at the"}


def test_a_recogniser_loop_is_collapsed_not_counted_as_rambling() -> None:
    looped = " ".join(["we changed the time out,"] * 9)
    text = ("The nightly job kept failing and blocking the reports for finance. I profiled "
            f"it and {looped} and it stopped failing. Since then I always check timeouts.")
    report = typed(text)
    reps = report.metrics["repetitions"]
    assert len(reps["asr_loops"]) == 1
    assert reps["count"] == 0
    assert report.metrics["ownership"]["we_actions"] == 1
    assert report.flag("rambling") is None


FILLER_HEAVY = (
    "So, um, the model was, like, drifting, you know, and, uh, the fraud team was, um, worried. "
    "I, uh, retrained it, and, um, it was, like, better. I mean, it was, uh, fine.")


def test_filler_heavy_answers_are_flagged_as_a_lower_bound() -> None:
    report = typed(FILLER_HEAVY + " " + FILLER_HEAVY.replace("fraud", "risk"))
    assert raised(report, "filler_heavy")
    fl = report.metrics["fillers"]
    assert fl["lower_bound"] is True
    assert fl["which"]["um"] == 6
    assert fl["per_100_words"] > 4
    flag = report.flag("filler_heavy")
    assert flag is not None and "misses some" in flag.message
    assert len(flag.evidence) == min(12, fl["count"])


def test_a_clean_answer_has_no_filler_flag() -> None:
    report = typed("The fraud model was blocking good orders. I retrained it with merchant "
                   "features because rules would rot, and false positives fell by 60%. Since "
                   "then I always start with error analysis. " * 2)
    assert report.flag("filler_heavy") is None
    assert report.metrics["fillers"]["count"] == 0


def test_untimed_answers_report_no_pauses_or_lead_in() -> None:
    report = coach(Transcript.from_text("I fixed it. It worked."))
    assert report.duration_estimated is True
    assert report.metrics["lead_in_s"] is None
    assert report.metrics["pauses"] == {"count": 0, "longest_s": None, "items": []}
    assert report.flag("long_pauses") is None
