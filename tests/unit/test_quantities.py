"""Figures as the coach and the story bank see them, spoken or typed."""

from __future__ import annotations

import pytest

from mockmic.core.quantities import find_quantities, find_quantities_in_text, same_figure


def figures(text: str) -> list[tuple[str, str]]:
    return [(q.format(), q.kind) for q in find_quantities_in_text(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("We cut inference cost by twenty two percent", [("22%", "percent")]),
    ("We cut inference cost by 22%.", [("22%", "percent")]),
    ("a drop of 22 % overall", [("22%", "percent")]),
    ("about four hundred thousand dollars a year", [("$400,000/year", "money")]),
    ("roughly $400k a year", [("$400,000/year", "money")]),
    ("it saved $4 million", [("$4,000,000", "money")]),
    ("half a million dollars", [("$500,000", "money")]),
    ("from 40 minutes to 5.", [("40 min", "duration"), ("5 min", "duration")]),
    ("error rate went from 12 to 4%", [("12%", "percent"), ("4%", "percent")]),
    ("p99 dropped to 200ms", [("200 ms", "duration")]),
    ("three times faster", [("3x", "multiplier")]),
    ("it was twice as fast", [("2x", "multiplier")]),
    ("we cut the bill in half", [("0.5x", "multiplier")]),
    ("two hundred and fifty users", [("250 users", "count")]),
    ("one and a half million requests", [("1,500,000 requests", "count")]),
    ("two point five seconds", [("2.5 s", "duration")]),
    ("a two-week sprint", [("2 week", "duration")]),
    ("recall went up 8 percentage points", [("8 pp", "percent")]),
    ("the job finished by 5am", [("05:00", "clock")]),
    ("merged in a day instead of four.", [("1 day", "duration"), ("4 day", "duration")]),
    ("I asked two senior engineers", [("2 engineers", "count")]),
    ("false flags were under half a percent", [("0.5%", "percent")]),
])
def test_spoken_and_typed_figures_are_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("back in 2019 we", "year"),
    ("we upgraded to Python 3.11", "version"),
    ("we had five offices", "count"),
    ("I had two options", "count"),
])
def test_numbers_that_are_not_outcomes_keep_their_kind(text: str, kind: str) -> None:
    assert [q.kind for q in find_quantities_in_text(text)] == [kind]


@pytest.mark.parametrize("text", ["we moved them one by one", "no one knew", "the first time"])
def test_words_that_only_look_like_numbers_are_ignored(text: str) -> None:
    assert find_quantities_in_text(text) == []


def test_word_range_points_back_at_the_callers_words() -> None:
    words = ["We", "cut", "cost", "by", "twenty-two", "percent."]
    (q,) = find_quantities(words)
    assert (q.start, q.end, q.value, q.unit) == (4, 6, 22.0, "%")
    assert q.text == "twenty-two percent."


@pytest.mark.parametrize(("said", "claimed"), [
    ("22 %", "twenty two percent"),
    ("$400k", "four hundred thousand dollars"),
    ("an hour", "60 minutes"),
    ("$4 million", "4,000,000 dollars"),
])
def test_same_figure_matches_across_spellings(said: str, claimed: str) -> None:
    (a,) = find_quantities_in_text(said)
    (b,) = find_quantities_in_text(claimed)
    assert same_figure(a, b)


def test_same_figure_rejects_a_different_figure_or_unit() -> None:
    (a,) = find_quantities_in_text("22%")
    (b,) = find_quantities_in_text("25%")
    (c,) = find_quantities_in_text("$22")
    assert not same_figure(a, b)
    assert not same_figure(a, c)


def test_whisper_split_thousands_are_glued_back() -> None:
    words = ["costing", "us", "$400", ",000", "a", "year"]
    (q,) = find_quantities(words)
    assert q.format() == "$400,000/year"
    assert (q.start, q.end) == (2, 6)


def test_a_number_ending_a_sentence_counts_nothing_in_the_next() -> None:
    (q,) = find_quantities_in_text("we hired four. What I learned")
    assert q.kind == "number" and q.unit == ""
