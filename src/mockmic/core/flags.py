"""Findings -> flags (a severity, a message naming the cause, one tip, the evidence) -> score.

The tips are written the way an experienced interviewer would say them to a friend before the
real thing: direct, specific, kind. One sentence each.

The 0-100 score starts at 100 and takes off points for each flag:

    score = 100 - sum(points[code] * factor[severity] for each flag) - too_short, clamped 0..100

`points` (Rules.flag_points) weighs content above delivery: a missing metric costs 16 at
severity fail, a filler-heavy answer 5. `factor` (Rules.severity_factor) is 1.0 for fail, 0.6
for warn, 0.15 for info. `too_short` takes up to 40 points off an answer under 25 words, in
proportion. The breakdown lists every deduction, so the number is explainable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from mockmic.core.report import SEVERITY_ORDER, Flag, Severity, Span
from mockmic.core.rules import Rules
from mockmic.core.structure import Findings, WordRange
from mockmic.core.text import find_phrases

_MAX_EVIDENCE = 12
_DEBATE = ("went back and forth", "back and forth", "opinions", "some people wanted",
           "some wanted", "some of the team wanted", "some of us wanted", "others wanted",
           "other people wanted", "debate*", "argued", "disagree*", "couldn't agree",
           "different views", "discussed it", "discussed whether")


def clock(seconds: float) -> str:
    """'52 s' under a minute, else '1:05'."""
    s = max(0.0, seconds)
    if s < 60:
        return f"{s:.0f} s"
    m, rest = divmod(round(s), 60)
    return f"{m}:{rest:02d}"


def _spans(f: Findings, ranges: Sequence[WordRange], limit: int = _MAX_EVIDENCE) -> tuple[
        Span, ...]:
    return tuple(Span.of(f.transcript, a, b) for a, b in ranges[:limit] if b > a)


def _quote(f: Findings, r: WordRange, words: int = 12) -> str:
    a, b = r
    text = " ".join(w.text.strip() for w in f.transcript.words[a:min(b, a + words)])
    text = text.strip(" ,.;:")
    return f"'{text}…'" if b - a > words else f"'{text}'"


def _version(target_s: float) -> str:
    """'90-second version', or '2-minute version' for a round number of minutes over 90 s."""
    if target_s > 90 and target_s % 60 == 0:
        return f"{target_s / 60:.0f}-minute version"
    return f"{target_s:.0f}-second version"


def over_time(f: Findings) -> Flag | None:
    rules = f.rules
    if f.target_s <= 0:
        return None
    ratio = (f.answer_end_s - f.target_s) / f.target_s
    if ratio <= rules.over_time_warn_ratio:
        return None
    sev: Severity = "fail" if ratio > rules.over_time_fail_ratio else "warn"
    ev: tuple[Span, ...] = ()
    if f.target_word_index is not None:
        ev = (Span.of(f.transcript, f.target_word_index, len(f.transcript.words)),)
    said_after = len(f.transcript.words) - (f.target_word_index or len(f.transcript.words))
    words = "1 word" if said_after == 1 else f"{said_after} words"
    msg = (f"You spoke for {clock(f.answer_end_s)} against a {clock(f.target_s)} target "
           f"({ratio:.0%} over); {words} came after the mark.")
    tip = ("Cut the set-up to one sentence and stop on the result and the lesson: the "
           f"{_version(f.target_s)} is the one interviewers remember.")
    return Flag("over_time", sev, msg, tip, ev)


_RAMBLING_TIPS = {
    "setup": "Give the situation in one sentence (what broke and why it mattered), then go "
             "straight to what you did.",
    "repetition": "When you catch yourself repeating, stop and let a short silence do the "
                  "work; a pause reads as thinking, a restart reads as lost.",
    "detail": "Keep the two or three steps that changed the outcome and say the decision "
              "behind each; drop the rest.",
    "trailing": "End on the result or the lesson; whatever comes after it dilutes both.",
    "off_question": "Answer the question in its own words in your first sentence, then tell "
                    "the story that proves it.",
}


def rambling(f: Findings) -> Flag | None:
    if not f.causes:
        return None
    sev: Severity = "fail" if len(f.causes) >= 2 else "warn"
    msg = "Rambling: " + "; ".join(c.what for c in f.causes) + "."
    ev = [r for c in f.causes for r in c.evidence]
    return Flag("rambling", sev, msg, _RAMBLING_TIPS[f.causes[0].code], _spans(f, ev))


def missing_stakes(f: Findings) -> Flag | None:
    found = f.found
    if not found.stakes:
        msg = ("No stakes: you never say what was at risk for the business or its users, such "
               "as money, customers, a deadline or an outage.")
        tip = ("Add one early sentence on what was at risk, such as 'if we didn't fix it by the "
               "end of the quarter, the team's budget would be cut'.")
        return Flag("missing_stakes", "fail", msg, tip)
    speech = f.delivery.speech_s
    first = f.first_stakes_s if f.first_stakes_s is not None else 0.0
    share = (first - f.speech_start_s) / speech if speech > 0 else 0.0
    if share <= f.rules.stakes_late_share:
        return None
    msg = (f"The stakes only arrive at {clock(first)} ({share:.0%} in): until then the "
           "listener doesn't know why this mattered.")
    tip = "Move that sentence to the top, before you describe the system or the fix."
    return Flag("missing_stakes", "info", msg, tip, _spans(f, [f.words(found.stakes[0])]))


def missing_metric(f: Findings) -> Flag | None:
    found = f.found
    if found.metrics:
        return None
    tip = ("Put a number on the outcome (a percentage, time or money saved, before and "
           "after), even a rough one said honestly: 'about 20 %'.")
    if not found.results:
        msg = "No outcome: you never say what changed because of your work."
        return Flag("missing_metric", "fail", msg, tip)
    ranges = [f.words(r) for r in found.results]
    # A hedge inside the result or just after it ("it failed less, I think").
    hedged = [r for r in ranges if any(r[0] <= h0 < r[1] + 3 for h0, _ in f.delivery.hedges)]
    msg = f"The result {_quote(f, ranges[0])} has no number"
    msg += ", and it is hedged." if hedged else "."
    return Flag("missing_metric", "warn", msg, tip, _spans(f, ranges))


def missing_decision(f: Findings) -> Flag | None:
    if f.found.decisions:
        return None
    norms = [t.norm for t in f.content]
    debate = find_phrases(norms, _DEBATE)
    tip = "Name one choice you made, the option you turned down, and why: 'I chose X over Y " \
          "because…'."
    if debate:
        msg = ("The options were debated, but we never hear what was chosen, by whom, or "
               "why.")
        return Flag("missing_decision", "warn", msg, tip,
                    _spans(f, [f.words(r) for r in debate]))
    msg = ("No decision: we hear what was done, but not one choice you made, the option you "
           "turned down, or why.")
    return Flag("missing_decision", "warn", msg, tip)


def missing_learning(f: Findings) -> Flag | None:
    if f.found.learnings:
        return None
    ends = "stops at the outcome" if f.found.results else "ends"
    msg = (f"No learning: the story {ends} with nothing on what you took from it or do "
           "differently now.")
    tip = "Close with one sentence on what you have done differently since: 'Since then I " \
          "always…'."
    return Flag("missing_learning", "warn", msg, tip)


def weak_ownership(f: Findings) -> Flag | None:
    """'We' does most of the work; or, with no 'I' step at all, the work is 'we' twice over,
    told in the passive, or the speaker was only 'involved'."""
    rules = f.rules
    found = f.found
    n_i, n_we = len(found.i_actions), len(found.we_actions)
    n_pass = len(found.passive_actions)
    total = n_i + n_we
    tip = ("Keep 'we' for the team's context and say 'I' for what you did yourself: the "
           "interviewer is hiring you, not the team.")
    we_heavy = total >= rules.ownership_min_actions and n_i / total < \
        rules.ownership_min_i_share
    no_i = n_i == 0 and (n_we >= rules.ownership_min_we_alone or (
        n_we >= 1 and f.delivery.word_count >= rules.ownership_no_i_words))
    if we_heavy or no_i:
        sev: Severity = "fail" if n_i == 0 and n_we >= 4 else "warn"
        if n_i == 0 and n_we == 1:
            msg = ("You never say 'I': the one step in the story is 'we', so your own part is "
                   "unclear.")
        elif n_i == 0:
            every = "both steps are" if n_we == 2 else f"all {n_we} steps are"
            msg = (f"'We' did the work: {every} 'we' and none is 'I', so your own part is "
                   "unclear.")
        else:
            said_i = "only 1 is 'I'" if n_i == 1 else f"only {n_i} are 'I'"
            msg = (f"'We' did most of the work: {n_we} of {total} steps are 'we' and "
                   f"{said_i}, so your own part is unclear.")
        ranges = [f.words((c.start, c.end)) for c in found.we_actions]
        return Flag("weak_ownership", sev, msg, tip, _spans(f, ranges))
    if n_i == 0 and n_pass and n_we + n_pass >= rules.ownership_min_passive:
        first = found.passive_actions[0]
        steps = "1 step is" if n_pass == 1 else f"{n_pass} steps are"
        msg = (f"Nobody does the work: {steps} told in the passive, like "
               f"{_quote(f, f.words((first.start, first.end)), 8)}, and none with 'I'.")
        tip = ("Put yourself in the sentence: 'I wrote the plan', not 'a plan was written'; "
               "the passive hides exactly what the interviewer is listening for.")
        ranges = [f.words((c.start, c.end)) for c in found.passive_actions]
        return Flag("weak_ownership", "warn", msg, tip, _spans(f, ranges))
    if found.involvement and found.concrete_i == 0:
        said = _quote(f, f.words(found.involvement[0]), 6)
        msg = (f"You say {said}, but never name one thing you did yourself, so your part "
               "is unclear.")
        tip = ("Swap 'I was involved in' for the two or three things you did: 'I designed "
               "the schema, I wrote the migration'.")
        return Flag("weak_ownership", "warn", msg, tip,
                    _spans(f, [f.words(r) for r in found.involvement]))
    return None


def late_impact(f: Findings) -> Flag | None:
    rules = f.rules
    if f.first_result_s is None:
        return None  # never lands: missing_metric says so, with severity fail
    horizon = max(f.answer_end_s, f.target_s)
    after_target = f.first_result_s > f.target_s
    if f.first_result_s < rules.late_impact_fraction * horizon and not after_target:
        return None
    where = "after the target mark" if after_target else \
        f"{f.first_result_s / horizon:.0%} of the way in"
    msg = f"The first result lands at {clock(f.first_result_s)}, {where}."
    tip = ("Say the outcome in your first two sentences, then explain how you got there.")
    sev: Severity = "fail" if after_target else "warn"
    return Flag("late_impact", sev, msg, tip, _spans(f, [f.words(f.found.results[0])]))


def _rate_windows(f: Findings, over: Callable[[float], bool]) -> list[WordRange]:
    d = f.delivery
    w = f.rules.rate_window_s
    out: list[WordRange] = []
    for k, rate in enumerate(d.window_wpm):
        if not over(rate):
            continue
        lo, hi = d.speech_start_s + k * w, d.speech_start_s + (k + 1) * w
        idx = [i for i, word in enumerate(f.transcript.words) if lo <= word.start < hi]
        if idx:
            out.append((idx[0], idx[-1] + 1))
    return out


def _rate_flag(f: Findings, fast: bool) -> Flag | None:
    rules = f.rules
    d = f.delivery
    if d.speech_s < rules.rate_min_speech_s or d.wpm <= 0:
        return None
    limit = rules.wpm_fast if fast else rules.wpm_slow

    def beyond(rate: float) -> bool:
        return rate > limit if fast else rate < limit

    if not beyond(d.wpm):
        return None
    windows = _rate_windows(f, beyond)
    if d.window_wpm and len(windows) < rules.rate_sustained_share * len(d.window_wpm):
        return None
    lo, hi = rules.wpm_target
    # A typed answer has one average rate: we can't tell a sustained pace from a burst.
    where = "for most of the answer" if f.transcript.timed else "on average (typed answer)"
    if fast:
        sev: Severity = "fail" if d.wpm > rules.wpm_fast_fail else "warn"
        sev = sev if f.transcript.timed else "info"
        msg = f"Fast: {d.wpm:.0f} words per minute, above {limit:.0f} {where}."
        tip = (f"Slow to about {lo:.0f}–{hi:.0f} words per minute: breathe after each number "
               "and each decision so they land.")
        return Flag("too_fast", sev, msg, tip, _spans(f, windows))
    sev = "fail" if d.wpm < rules.wpm_slow_fail else "warn"
    sev = sev if f.transcript.timed else "info"
    msg = f"Slow: {d.wpm:.0f} words per minute, below {limit:.0f} {where}."
    tip = (f"Aim for about {lo:.0f}–{hi:.0f} words per minute: rehearse the story's beats "
           "until the next step comes without searching.")
    return Flag("too_slow", sev, msg, tip, _spans(f, windows))


def too_fast(f: Findings) -> Flag | None:
    return _rate_flag(f, fast=True)


def too_slow(f: Findings) -> Flag | None:
    return _rate_flag(f, fast=False)


def filler_stats(f: Findings) -> tuple[int, float, float]:
    """(count, per 100 words, per minute of speech)."""
    d = f.delivery
    n = len(d.fillers)
    per_100 = 100.0 * n / d.word_count if d.word_count else 0.0
    per_min = 60.0 * n / d.speech_s if d.speech_s > 0 else 0.0
    return n, per_100, per_min


def filler_heavy(f: Findings) -> Flag | None:
    rules = f.rules
    n, per_100, per_min = filler_stats(f)
    if n < rules.filler_min_count or f.delivery.word_count < rules.filler_min_words:
        return None
    ratio = max(per_100 / rules.filler_per_100_words, per_min / rules.filler_per_min)
    if ratio <= 1.0:
        return None
    sev: Severity = "fail" if ratio >= rules.filler_fail_factor else "warn"
    which = Counter(w for _, _, w in f.delivery.fillers).most_common(3)
    top = ", ".join(f"'{w}' ×{k}" for w, k in which)
    msg = (f"{n} fillers ({per_100:.1f} per 100 words, {per_min:.1f} a minute), mostly {top}; "
           "the recogniser misses some, so the real count is higher.")
    tip = ("Swap the filler for a silent half-second: a pause sounds sure of itself, an 'um' "
           "sounds unsure.")
    return Flag("filler_heavy", sev, msg, tip,
                _spans(f, [(a, b) for a, b, _ in f.delivery.fillers]))


def long_pauses(f: Findings) -> Flag | None:
    rules = f.rules
    if not f.transcript.timed:
        return None
    long = [p for p in f.delivery.pauses if p.length_s > rules.long_pause_s]
    if len(long) < rules.long_pauses_warn:
        return None
    sev: Severity = "fail" if len(long) >= rules.long_pauses_fail else "warn"
    longest = max(p.length_s for p in long)
    msg = (f"{len(long)} silences longer than {rules.long_pause_s:.0f} s (longest "
           f"{longest:.1f} s) in the middle of the answer.")
    tip = ("Sketch the story's three beats before you start so you're never searching "
           "mid-answer; a short pause is fine, a long one loses the listener.")
    return Flag("long_pauses", sev, msg, tip,
                _spans(f, [(p.after_word, p.after_word + 2) for p in long]))


FLAG_BUILDERS: tuple[Callable[[Findings], Flag | None], ...] = (
    over_time, rambling, missing_stakes, missing_metric, missing_decision, missing_learning,
    weak_ownership, late_impact, too_fast, too_slow, filler_heavy, long_pauses,
)


def build_flags(f: Findings) -> tuple[Flag, ...]:
    """All flags, most severe first (ties keep FLAG_CODES order)."""
    flags = [flag for build in FLAG_BUILDERS if (flag := build(f)) is not None]
    flags.sort(key=lambda fl: SEVERITY_ORDER[fl.severity])
    return tuple(flags)


def score(flags: Sequence[Flag], rules: Rules, words: int | None = None) -> tuple[
        int, dict[str, float]]:
    """(score, breakdown): breakdown maps 'base' to 100, each flag code to its deduction and,
    for an answer under Rules.short_answer_words, 'too_short' to its deduction."""
    breakdown: dict[str, float] = {"base": 100.0}
    total = 100.0
    if words is not None and words < rules.short_answer_words:
        short = rules.short_answer_points * (1 - words / rules.short_answer_words)
        breakdown["too_short"] = round(-short, 1)
        total -= short
    for flag in flags:
        points = rules.flag_points.get(flag.code, 0.0) * rules.severity_factor.get(
            flag.severity, 0.0)
        breakdown[flag.code] = round(breakdown.get(flag.code, 0.0) - points, 1)
        total -= points
    return max(0, min(100, round(total))), breakdown
