"""What the widgets compute from their data: the thresholds and layouts a user sees."""

from __future__ import annotations

import pytest

from mockmic.core.report import Flag, Report, Span
from mockmic.core.transcript import Transcript, Word
from mockmic.widgets.flag_list import flag_detail, flag_prompt, sort_flags
from mockmic.widgets.level import level_fraction, level_state
from mockmic.widgets.timer import bar_state, format_clock
from mockmic.widgets.timing_bar import TimingMarks, bar_line, legend_line
from mockmic.widgets.transcript_view import WordMarks, layout, words_in


@pytest.mark.parametrize(("seconds", "shown"), [(0, "0:00"), (9.9, "0:09"), (90.4, "1:30"),
                                                (600, "10:00"), (-3, "0:00")])
def test_clock_reads_minutes_and_seconds(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown


@pytest.mark.parametrize(("elapsed", "state"), [(0, "ok"), (67.4, "ok"), (67.5, "amber"),
                                                (89.9, "amber"), (90, "red"), (200, "red")])
def test_target_bar_turns_amber_at_75_percent_and_red_at_the_target(elapsed: float,
                                                                     state: str) -> None:
    assert bar_state(elapsed, 90.0) == state


def test_level_meter_calls_digital_silence_no_signal_and_flags_clipping() -> None:
    assert level_state(-120.0) == "none"
    assert level_state(-70.0) == "low"
    assert level_state(-25.0) == "ok"
    assert level_state(-1.0) == "clip"
    assert level_fraction(-120.0) == 0.0
    assert level_fraction(0.0) == 1.0
    assert 0.4 < level_fraction(-30.0) < 0.6


def _transcript(n: int = 20, step: float = 6.0) -> Transcript:
    return Transcript(tuple(Word(f"w{i}", i * step, i * step + step * 0.8) for i in range(n)),
                      n * step)


def _report(transcript: Transcript, *, target: float = 90.0, **metrics: object) -> Report:
    return Report("t", transcript.duration_s, target, False, transcript, 50, (), {},
                  dict(metrics))


def test_timing_marks_place_action_result_and_target_in_order() -> None:
    report = _report(_transcript(), timing={"first_action_s": 20.0, "first_result_s": 70.0})
    marks = TimingMarks.of(report)
    line = bar_line(marks, 60).plain
    assert line.index("A") < line.index("R") < line.index("┃")
    assert len(line) == 60
    assert "first action 0:20" in legend_line(marks).plain
    assert "spoke 2:00 (+0:30)" in legend_line(marks).plain


def test_action_and_result_at_the_same_moment_both_stay_visible() -> None:
    report = _report(_transcript(), timing={"first_action_s": 30.0, "first_result_s": 30.0})
    line = bar_line(TimingMarks.of(report), 40).plain
    assert "A" in line and "R" in line


def test_timing_legend_says_when_there_was_no_clear_action_or_result() -> None:
    marks = TimingMarks.of(_report(_transcript(), timing={}))
    assert "no clear action" in legend_line(marks).plain
    assert "no clear result" in legend_line(marks).plain


def test_layout_wraps_on_words_and_puts_the_divider_before_the_overrun() -> None:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    lines, divider = layout(words, 12, break_before=4)
    assert lines == [[0, 1], [2, 3], [], [4, 5]]
    assert divider == 2
    assert all(sum(len(words[i]) for i in line) + len(line) - 1 <= 12 for line in lines if line)


def test_word_marks_find_fillers_signals_and_the_overrun_tail() -> None:
    transcript = _transcript()
    report = Report(
        "t", 120.0, 90.0, False, transcript, 50, (),
        {"metric": (Span.of(transcript, 3, 5),)},
        {"fillers": {"count": 1, "items": [Span.of(transcript, 7, 8).to_dict()]},
         "timing": {"overrun_tail": Span.of(transcript, 15, 20).to_dict()}})
    marks = WordMarks.of(report)
    assert marks.fillers == {7}
    assert marks.signals == {3: "metric", 4: "metric"}
    assert marks.overrun_from == 15


def test_overrun_tail_falls_back_to_word_times_when_the_coach_gives_none() -> None:
    marks = WordMarks.of(_report(_transcript(), target=90.0))
    assert marks.overrun_from == 15  # the first word starting at or after 90 s
    assert WordMarks.of(_report(_transcript(), target=200.0)).overrun_from is None


def test_flags_are_listed_worst_first_keeping_the_coachs_order_within_a_severity() -> None:
    flags = [Flag("too_fast", "info", "", ""), Flag("rambling", "warn", "", ""),
             Flag("over_time", "fail", "", ""), Flag("late_impact", "warn", "", "")]
    assert [f.code for f in sort_flags(flags)] == ["over_time", "rambling", "late_impact",
                                                   "too_fast"]


def test_evidence_words_cover_every_span() -> None:
    transcript = _transcript()
    assert words_in([Span.of(transcript, 2, 4), Span.of(transcript, 9, 10)]) == {2, 3, 9}


def test_the_flag_list_shows_a_short_line_and_the_detail_the_whole_message() -> None:
    flag = Flag("rambling", "fail", "Rambling: 44 s of set-up (41% of the answer) before the "
                "first thing you did; past 20 s it reads as stalling.", "Say the situation "
                "in one sentence.", ())
    line = flag_prompt(flag).plain
    assert line.startswith("✖ Rambling  44 s of set-up")
    assert line.endswith("…") and len(line) < 70
    detail = flag_detail(flag).plain
    assert flag.message in detail and "Tip: Say the situation in one sentence." in detail
    assert detail.index("Tip:") < detail.index(flag.message)
    assert "leaves out" in detail  # no evidence: says why nothing is highlighted
