"""A recorded-style answer with word timestamps: pauses, lead-in, the overrun tail, fillers set
off by a pause, and a sustained speaking rate.
"""

from __future__ import annotations

import pytest

from mockmic.core.coach import coach
from mockmic.core.transcript import Transcript

from .helpers import timed

SCRIPT: list[tuple[str, float]] = [
    ("So, last year our checkout model was blocking about two percent of good orders,", 0.7),
    ("which was costing us around $80k a month.", 0.3),
    ("I owned the model, so I pulled a month of false positives and, like,", 0.5),
    ("grouped them by merchant.", 3.5),
    ("I chose to retrain with merchant features instead of adding rules, because rules "
     "would rot and nobody would own them.", 0.4),
    ("We had a so", 0.4),
    ("called shadow mode, so I ran the new model in it for two weeks and compared every "
     "decision with the old one.", 0.2),
    ("I shipped it behind a flag", 4.0),
    ("and false positives dropped by 60%, which gave back about $50k a month.", 0.3),
    ("Um, the lesson for me was to look at the errors before the model.", 3.2),
    ("Since then I always start with an error analysis before touching features.", 0.0),
]
LEAD_IN = 1.5


@pytest.fixture
def answer() -> Transcript:
    return timed(SCRIPT, wpm=150.0, start_s=LEAD_IN)


def index_of(transcript: Transcript, word: str) -> int:
    return next(i for i, w in enumerate(transcript.words) if w.text == word)


def test_pauses_and_lead_in_come_from_the_timestamps(answer: Transcript) -> None:
    m = coach(answer).metrics
    assert m["lead_in_s"] == LEAD_IN
    # Every gap of at least 0.6 s: the 0.4 s chunk breaks plus 0.15 s word gaps are not.
    expected = [p for _, p in SCRIPT if p + 0.06 >= 0.6]
    assert m["pauses"]["count"] == len(expected)
    assert m["pauses"]["longest_s"] == pytest.approx(4.0 + 0.06, abs=0.01)
    first = m["pauses"]["items"][0]
    assert answer.words[first["after_word"]].text == "orders,"


def test_several_thinking_pauses_raise_long_pauses(answer: Transcript) -> None:
    report = coach(answer)
    flag = report.flag("long_pauses")
    assert flag is not None and flag.severity == "warn"
    assert "3 silences" in flag.message
    assert [span.text for span in flag.evidence] == [
        "merchant. I", "flag and", "model. Since"]


def test_the_overrun_tail_is_exactly_the_words_after_the_mark(answer: Transcript) -> None:
    um = index_of(answer, "Um,")
    target = answer.words[um].start - 0.01
    report = coach(answer, target_s=target)
    tail = report.metrics["timing"]["overrun_tail"]
    said_late = SCRIPT[-2][0] + " " + SCRIPT[-1][0]
    assert tail["start_word"] == um
    assert tail["text"] == said_late
    assert report.metrics["timing"]["target_word_index"] == um
    over = report.flag("over_time")
    assert over is not None and over.evidence[0].text == said_late
    # A mark after the last word leaves no tail at all.
    assert coach(answer, target_s=answer.duration_s + 1).metrics["timing"]["overrun_tail"] \
        is None


def test_a_word_set_off_by_a_pause_is_a_filler_and_so_called_is_not(answer: Transcript) -> None:
    report = coach(answer)
    which = report.metrics["fillers"]["which"]
    # "So," opening, "like," and "Um,"; neither "so called" nor ", so I pulled" count.
    assert which == {"so": 1, "like": 1, "um": 1}


def test_a_pause_alone_sets_a_filler_off_without_punctuation() -> None:
    words = timed([("and it was like", 0.4), ("really slow for everyone", 0.0)])
    report = coach(words)
    assert report.metrics["fillers"]["which"] == {"like": 1}
    no_pause = timed([("and it was like really slow for everyone", 0.0)])
    assert coach(no_pause).metrics["fillers"]["count"] == 0


def test_timing_landmarks_are_measured_in_seconds(answer: Transcript) -> None:
    m = coach(answer).metrics["timing"]
    # "I owned the model" is a remit; the first step is "I pulled a month of false positives".
    first_step = answer.words[index_of(answer, "pulled") - 1].start
    assert m["first_action_s"] == pytest.approx(first_step, abs=0.01)
    assert m["setup_s"] == pytest.approx(first_step - LEAD_IN, abs=0.01)
    # "So," is a filler: the stakes start at "last year".
    assert m["first_stakes_s"] == pytest.approx(answer.words[1].start, abs=0.01)
    dropped = answer.words[index_of(answer, "dropped") - 2].start  # "false positives dropped"
    assert m["first_result_s"] == pytest.approx(dropped, abs=0.01)
    assert m["target_word_index"] is None  # the answer is under 90 s


def test_articulation_rate_removes_the_pauses(answer: Transcript) -> None:
    m = coach(answer).metrics
    assert m["articulation_wpm"] == pytest.approx(150.0 * 1.0, rel=0.12)
    assert m["wpm"] < m["articulation_wpm"]


@pytest.mark.parametrize(("wpm", "code", "severity"), [
    (235.0, "too_fast", "fail"), (200.0, "too_fast", "warn"), (100.0, "too_slow", "warn"),
    (80.0, "too_slow", "fail"),
])
def test_a_sustained_rate_outside_the_band_is_flagged(wpm: float, code: str,
                                                      severity: str) -> None:
    sentence = "I rewrote the loader and the job ran faster for the whole team."
    words = timed([(sentence, 0.1)] * 12, wpm=wpm)
    flag = coach(words).flag(code)
    assert flag is not None and flag.severity == severity
    assert flag.evidence


def test_a_short_burst_is_not_a_sustained_rate() -> None:
    calm = [("I rewrote the loader and the job ran faster for the whole team.", 0.1)] * 8
    burst = timed(calm, wpm=150.0)
    fast = timed([("I rewrote the loader and the job ran faster.", 0.1)] * 2, wpm=260.0,
                 start_s=burst.duration_s)
    both = Transcript(words=burst.words + fast.words, duration_s=fast.duration_s)
    report = coach(both)
    assert report.flag("too_fast") is None
    assert coach(timed(calm, wpm=150.0)).flag("too_slow") is None
