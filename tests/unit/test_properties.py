"""coach() never raises, on any text and any word timings, and its score stays in 0..100."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockmic.core.coach import coach
from mockmic.core.quantities import find_quantities
from mockmic.core.report import FLAG_CODES
from mockmic.core.transcript import Transcript, Word

# Words that steer the coach into its branches, mixed with arbitrary text.
VOCAB = ["I", "we", "We,", "um,", "uh", "like,", "so", "you", "know,", "kind", "of", "the",
         "team", "cut", "cost", "by", "22%", "twenty", "two", "percent.", "$400k", "because",
         "instead", "rather", "than", "unless", "would", "have", "lost", "I", "learned",
         "since", "then", "always", "had", "to", "was", "and", "then,", "from", "40", "minutes",
         "5.", "half", "a", "million", "twice", "one", "by", "one", "—", ",", ".", "?", "",
         "   ", "I'd", "we'd", "didn't", "chose", "options:", "trade-off", "zero", "incidents"]
word_text = st.one_of(st.sampled_from(VOCAB), st.text(max_size=12))
any_float = st.floats(allow_nan=True, allow_infinity=True)
finite = st.floats(min_value=-5.0, max_value=400.0, allow_nan=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=600) | st.lists(word_text, max_size=150).map(" ".join),
       duration=st.none() | st.floats(min_value=0.0, max_value=600.0),
       target=st.floats(min_value=1.0, max_value=300.0),
       question=st.none() | st.text(max_size=80))
def test_coach_never_raises_on_typed_text(text: str, duration: float | None, target: float,
                                          question: str | None) -> None:
    report = coach(Transcript.from_text(text, duration_s=duration), target, question=question)
    assert 0 <= report.score <= 100
    assert set(report.flag_codes) <= set(FLAG_CODES)
    # Everything but the transcript echo is finite JSON.
    out = report.to_dict()
    out.pop("transcript")
    json.dumps(out, allow_nan=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.tuples(word_text, any_float, any_float), max_size=120),
       duration=any_float, target=any_float)
def test_coach_never_raises_on_arbitrary_word_timings(
        words: list[tuple[str, float, float]], duration: float, target: float) -> None:
    transcript = Transcript(words=tuple(Word(t, s, e) for t, s, e in words),
                            duration_s=duration, timed=True)
    report = coach(transcript, target)
    assert 0 <= report.score <= 100


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.tuples(word_text, finite, st.floats(min_value=0.0, max_value=5.0)),
                      max_size=120),
       tail=st.floats(min_value=0.0, max_value=30.0))
def test_metrics_stay_finite_for_sane_timings(words: list[tuple[str, float, float]],
                                              tail: float) -> None:
    built = tuple(Word(t, s, s + d) for t, s, d in words)
    end = max((w.end for w in built), default=0.0) + tail
    report = coach(Transcript(words=built, duration_s=max(0.0, end), timed=True))
    json.dumps(report.to_dict(), allow_nan=False)
    assert math.isfinite(report.metrics["wpm"])


@given(st.lists(word_text, max_size=60))
def test_quantities_never_raise_and_point_inside_the_words(words: list[str]) -> None:
    for q in find_quantities(words):
        assert 0 <= q.start < q.end <= len(words)
        assert math.isfinite(q.value)
