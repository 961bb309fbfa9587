"""The story bank: TOML format and its errors, the writer, the drill rule, figure consistency."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockmic.core.quantities import find_quantities_in_text
from mockmic.core.report import Flag, Report, Severity
from mockmic.core.stories import (
    Story,
    StoryBankError,
    check_figures,
    check_stories,
    claim_status,
    find_story,
    landed,
    load_stories,
    parse_stories,
    save_stories,
    stories_for,
    write_stories,
)
from mockmic.core.transcript import Transcript

EXAMPLE = '''\
[[stories]]
id = "ml-cost-cut"
title = "Cut recommendation inference cost"
summary = "Cut inference cost 22 % while keeping accuracy steady, which kept the team's budget."
figures = ["22 %", "$400k/yr"]
tags = ["cost", "trade-off"]
questions = ["general:cost-tradeoff", "Tell me about a time you reduced cost"]   # ids or text
target_s = 90   # optional

[[stories]]
id = "oncall"
title = "Fixed the on-call rota"
'''
PATH = Path("stories.toml")


def test_the_documented_example_parses() -> None:
    cost, oncall = parse_stories(EXAMPLE, PATH)
    assert cost == Story(
        id="ml-cost-cut", title="Cut recommendation inference cost",
        summary="Cut inference cost 22 % while keeping accuracy steady, which kept the team's "
                "budget.",
        figures=("22 %", "$400k/yr"), tags=("cost", "trade-off"),
        questions=("general:cost-tradeoff", "Tell me about a time you reduced cost"),
        target_s=90.0)
    assert oncall == Story(id="oncall", title="Fixed the on-call rota")
    assert cost.question_refs == ("general/cost-tradeoff",)
    assert cost.prompts == ("Tell me about a time you reduced cost",)


@pytest.mark.parametrize(("text", "line", "message"), [
    ('[[stories]]\nid = "a"\ntitle = "T"\nfigures = "22 %"\n', 4,
     "story 'a': 'figures' must be an array of non-empty strings"),
    ('[[stories]]\nid = "a"\ntitle = "T"\ntitel = "x"\n', 4,
     "story 'a': unknown key 'titel' (did you mean 'title'?)"),
    ('[[stories]]\nid = "a"\n', 1, "story 'a': 'title' must be a non-empty string (missing)"),
    ('[[stories]]\nid = "has space"\ntitle = "T"\n', 2, "story 1: 'id' must be letters"),
    ('[[stories]]\ntitle = "T"\n', 1, "story 1: 'id' must be letters, digits"),
    ('[[stories]]\nid = "a"\ntitle = "T"\ntarget_s = true\n', 4,
     "story 'a': 'target_s' must be a number of seconds between 0 and 3600, got True"),
    ('[[stories]]\nid = "a"\ntitle = "T"\ntarget_s = -5\n', 4, "got -5"),
    ('[[stories]]\nid = "a"\ntitle = "T"\n\n[[stories]]\nid = "a"\ntitle = "U"\n', 6,
     "duplicate story id 'a' (first on line 2)"),
    ('[[stories]]\nid = "a"\ntitle = "T\n', 3, "invalid TOML:"),
    ('story = 1\n', 1, "unknown key 'story' (did you mean 'stories'?)"),
    ('stories = [1]\n', 1, "story 1 must be a table"),
])
def test_problems_name_the_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(StoryBankError) as caught:
        parse_stories(text, PATH)
    assert str(caught.value).startswith(f"stories.toml:{line}: ")
    assert message in str(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    text = ('[[stories]]\nid = "a"\ntitel = "x"\n\n[[stories]]\nid = "b"\ntitle = "B"\n'
            'tags = [1]\n')
    stories, errors = check_stories(text, PATH)
    assert stories == []
    assert [e.line for e in errors] == [3, 1, 8]


def test_an_empty_or_missing_bank_has_no_stories(tmp_path: Path) -> None:
    assert parse_stories("", PATH) == []
    assert load_stories(tmp_path / "nope.toml") == []


texts = st.text(min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,20}", fullmatch=True)
stories_strategy = st.builds(
    Story, id=ids, title=texts, summary=st.one_of(st.just(""), texts),
    figures=st.lists(texts, max_size=3).map(tuple),
    tags=st.lists(texts.map(str.lower), max_size=3, unique=True).map(tuple),
    questions=st.lists(texts, max_size=12).map(tuple),
    target_s=st.one_of(st.none(), st.integers(1, 3600).map(float),
                       st.floats(0.5, 3600, allow_nan=False)))


@given(st.lists(stories_strategy, max_size=4, unique_by=lambda s: s.id))
def test_the_writer_round_trips_any_story(stories: list[Story]) -> None:
    assert parse_stories(save_stories(stories), PATH) == stories


def test_the_writer_escapes_what_toml_needs() -> None:
    story = Story(id="q", title='He said "22 %" \\ then left\ttab',
                  figures=('$400k "per" year',))
    text = save_stories([story])
    assert parse_stories(text, PATH)[0].title == 'He said "22 %" \\ then left tab'
    with pytest.raises(StoryBankError, match="duplicate story id 'q'"):
        save_stories([story, story])


def test_write_stories_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "config" / "stories.toml"
    first = parse_stories(EXAMPLE, PATH)
    write_stories(path, first)
    assert load_stories(path) == first
    write_stories(path, first[1:])
    assert load_stories(path) == first[1:]
    assert [p.name for p in path.parent.iterdir()] == ["stories.toml"]


def test_finding_stories_for_a_question() -> None:
    stories = parse_stories(EXAMPLE, PATH)
    assert [s.id for s in stories_for(stories, "general/cost-tradeoff")] == ["ml-cost-cut"]
    assert [s.id for s in stories_for(stories, "general:cost-tradeoff")] == ["ml-cost-cut"]
    assert [s.id for s in stories_for(stories, "tell me about a time you reduced cost")] == \
        ["ml-cost-cut"]
    assert stories_for(stories, "general/conflict-peer") == []
    assert find_story(stories, "oncall").title == "Fixed the on-call rota"
    with pytest.raises(StoryBankError, match="no story 'x' \\(ml-cost-cut, oncall\\)"):
        find_story(stories, "x")


def test_the_drill_prompt_prefers_a_known_question() -> None:
    cost, oncall = parse_stories(EXAMPLE, PATH)
    resolve = {"general/cost-tradeoff": "Tell me about a cost trade-off you made."}
    assert cost.drill_prompt(resolve) == "Tell me about a cost trade-off you made."
    assert cost.drill_prompt() == "Tell me about a time you reduced cost"
    assert oncall.drill_prompt() == "Tell me about this: Fixed the on-call rota."


def _report(duration: float, target: float = 90.0, flags: tuple[Severity, ...] = (),
            estimated: bool = False) -> Report:
    return Report(source="", duration_s=duration, target_s=target,
                  duration_estimated=estimated,
                  transcript=Transcript.from_text("words", duration_s=duration), score=70,
                  flags=tuple(Flag("rambling", s, "m", "t") for s in flags), signals={})


@pytest.mark.parametrize(("report", "target", "expected"), [
    (_report(84), None, True),
    (_report(90), None, True),
    (_report(90.4), None, False),
    (_report(70, flags=("warn", "info")), None, True),
    (_report(70, flags=("warn", "fail")), None, False),
    (_report(70, estimated=True), None, False),  # a typed answer proves nothing about time
    (_report(84), 75.0, False),                   # the story's own, tighter target
    (_report(100, target=120), None, True),
])
def test_the_drill_rule(report: Report, target: float | None, expected: bool) -> None:
    assert landed(report, target) is expected


CLAIMS = ["22 %", "$400k/yr"]


def _check(said: str, *earlier: str, claims: list[str] = CLAIMS) -> list[str]:
    return [i.message for i in check_figures(
        find_quantities_in_text(said), claims, [find_quantities_in_text(e) for e in earlier])]


@pytest.mark.parametrize(("said", "earlier", "expected"), [
    ("We cut cost by twenty two percent, saving 400 thousand dollars a year.", (), []),
    ("We cut cost by 30% and saved $400k a year.", (),
     ["your story claims 22 %; this take said 30%"]),
    ("We cut cost by 22% and saved $300k.", (),
     ["your story claims $400k/yr; this take said $300,000"]),
    # Another percentage about something else is not a contradiction of the 22 % claim.
    ("We cut cost by 22% while accuracy dropped 1%.", (), []),
    ("Costs fell 22% and throughput rose 40%.", ("Costs fell 22% and throughput rose 50%.",),
     ["you said 50% last time, 40% now"]),
    ("Latency went from 40 ms to 30 ms.", ("Latency went from 40 ms to 25 ms.",),
     ["you said 25 ms last time, 30 ms now"]),
    ("We hired 5 engineers.", ("We hired 4 engineers.", "We hired 6 engineers."),
     ["you said 6 engineers last time, 5 engineers now"]),
    ("We hired 5 engineers.", ("We hired 4 engineers.", "It took a week."),
     ["you said 4 engineers in an earlier take, 5 engineers now"]),
    ("It took 2 weeks.", ("It took 14 days.",), []),  # same duration, other words
    ("We started in 2019 with 3 people.", ("We started in 2021 with 3 people.",), []),
    ("We cut cost by 30%.", ("We cut cost by 30%.",),
     ["your story claims 22 %; this take said 30%"]),  # the claim wins over habit
])
def test_figure_consistency(said: str, earlier: tuple[str, ...], expected: list[str]) -> None:
    assert _check(said, *earlier) == expected


def test_inconsistencies_carry_what_the_ui_needs() -> None:
    said = find_quantities_in_text("we saved 30 percent, and then 30 percent again")
    (item,) = check_figures(said, ["22 % cost cut"], [])
    assert item.source == "claim" and item.claim == "22 % cost cut"
    assert item.expected.value == 22 and item.said.value == 30
    (later,) = check_figures(find_quantities_in_text("5 engineers"), [],
                             [find_quantities_in_text("4 engineers")])
    assert later.source == "earlier" and later.earlier_index == 0


def test_claim_status_tells_which_claims_a_take_said() -> None:
    said = find_quantities_in_text("We cut cost by 22 percent.")
    assert claim_status(said, CLAIMS) == {"22 %": True, "$400k/yr": False}
    assert claim_status(said, ["the big launch"]) == {"the big launch": True}
