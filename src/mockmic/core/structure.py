"""The shape of the answer in time: set-up, first action, first result, overrun, the opening
scan, and the structural causes of rambling.

Rambling is structure, not length [ART]: a long set-up before anything happens, phrases said
again and restarts, a long run of steps with no decision or outcome, talk that trails on after
the result, or (when we know the question) an answer that never touches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from mockmic.core.content import Content
from mockmic.core.delivery import Delivery
from mockmic.core.rules import Rules
from mockmic.core.text import Token, content_words, find_phrases, stem
from mockmic.core.transcript import Transcript

WordRange = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Cause:
    """One reason the answer rambles: `code` names it, `what` says it in a phrase."""

    code: str  # "setup" | "repetition" | "detail" | "trailing" | "off_question"
    what: str
    evidence: tuple[WordRange, ...] = ()


@dataclass(slots=True)
class Findings:
    """Everything measured about one answer; flags and metrics are built from this."""

    transcript: Transcript
    target_s: float
    rules: Rules
    tokens: list[Token]
    content: list[Token]
    delivery: Delivery
    found: Content
    repeats: list[tuple[int, int, str]] = field(default_factory=list)
    restarts: list[WordRange] = field(default_factory=list)
    answer_end_s: float = 0.0
    first_action_s: float | None = None
    first_result_s: float | None = None
    first_stakes_s: float | None = None
    setup_s: float | None = None
    target_word_index: int | None = None
    opening_range: WordRange = (0, 0)
    opening_about: list[str] = field(default_factory=list)
    opening_why: bool = False
    causes: list[Cause] = field(default_factory=list)

    def words(self, r: tuple[int, int]) -> WordRange:
        """Content positions [p0, p1) as transcript word indices."""
        p0, p1 = r
        if not self.content or p1 <= p0:
            return (0, 0)
        return (self.content[p0].i, self.content[min(p1, len(self.content)) - 1].i + 1)

    def at(self, p: int) -> float:
        return self.content[p].start if 0 <= p < len(self.content) else self.answer_end_s

    def at_clause(self, p: int) -> float:
        """When the clause starting at p gets going: past 'and', 'so', 'then'."""
        while p + 1 < len(self.content) and self.content[p].norm in self.rules.clause_openers:
            p += 1
        return self.at(p)

    @property
    def speech_start_s(self) -> float:
        return self.delivery.speech_start_s


def content_tokens(tokens: Sequence[Token], drop: set[int]) -> list[Token]:
    """Tokens minus `drop` (fillers, recogniser loops) and bare punctuation.

    A dropped word's sentence or comma break moves to the word before, so "annoying, um."
    still ends a sentence.
    """
    out: list[Token] = []
    for p, t in enumerate(tokens):
        if p in drop or not t.norm:
            if out and (t.hard_after or t.soft_after):
                last = out[-1]
                out[-1] = replace(last, hard_after=last.hard_after or t.hard_after,
                                  soft_after=last.soft_after or (t.soft_after and
                                                                 not t.hard_after))
            continue
        out.append(t)
    return out


def measure_timing(f: Findings) -> None:
    rules = f.rules
    d = f.delivery
    f.answer_end_s = d.speech_end_s if f.transcript.timed else f.transcript.duration_s
    found = f.found
    if found.first_action is not None:
        f.first_action_s = f.at_clause(found.first_action)
        f.setup_s = max(0.0, f.first_action_s - d.speech_start_s)
    if found.results:
        f.first_result_s = f.at_clause(found.results[0][0])
    if found.stakes:
        f.first_stakes_s = f.at_clause(found.stakes[0][0])
    f.target_word_index = next((i for i, w in enumerate(f.transcript.words)
                                if w.start >= f.target_s), None)
    # The 10-second scan: do the first ~25 words say what this is about and why it mattered?
    n = min(rules.opening_words, len(f.content))
    f.opening_range = f.words((0, n))
    head = content_words((t.norm for t in f.content[:n]), rules.stopwords)
    rest = {stem(w) for w in content_words((t.norm for t in f.content[n:]), rules.stopwords)}
    about: list[str] = []
    for w in head:
        if w not in rules.generic_nouns and stem(w) in rest and w not in about:
            about.append(w)
    f.opening_about = about
    f.opening_why = any(r[0] < n for r in found.stakes + found.results + [
        m for m, _ in found.metrics])


def _setup_cause(f: Findings) -> Cause | None:
    rules = f.rules
    speech = f.delivery.speech_s
    if f.setup_s is None:
        # Never reaching a step only stalls once the whole Situation + Task budget is spent.
        if speech > rules.setup_max_s + rules.setup_task_allowance_s and \
                f.delivery.word_count >= 30:
            return Cause("setup", "the answer never gets to what you did",
                         (f.words((0, len(f.content))),))
        return None
    share = f.setup_s / speech if speech > 0 else 0.0
    first = f.found.first_action
    if first is None:
        return None
    # Stakes or a stated role in the set-up make it Situation + Task, which may run longer.
    norms = [t.norm for t in f.content[:first]]
    with_task = any(a < first for a, _ in f.found.stakes) or any(
        c.kind == "role" and c.start < first for c in f.found.clauses) or bool(
        find_phrases(norms, rules.task_cues))
    max_s = rules.setup_max_s + (rules.setup_task_allowance_s if with_task else 0.0)
    max_share = rules.setup_max_share + (rules.setup_task_allowance_share if with_task else 0.0)
    long_answer = speech >= rules.setup_share_min_answer * f.target_s
    too_long = f.setup_s > max_s or (long_answer and share > max_share and
                                     f.setup_s >= rules.setup_min_s_for_share)
    if not too_long:
        return None
    what = (f"{f.setup_s:.0f} s of set-up ({share:.0%} of the answer) before the first "
            f"thing you did; past {max_s:.0f} s it reads as stalling")
    return Cause("setup", what, ((0, f.content[first].i),))


def _repetition_cause(f: Findings) -> Cause | None:
    rules = f.rules
    if len(f.repeats) < rules.repeat_rambling_count and len(f.restarts) < \
            rules.restart_rambling_count:
        return None
    parts = []
    if f.repeats:
        phrases = list(dict.fromkeys(g for _, _, g in f.repeats))
        shown = ", ".join(f"'{g}'" for g in phrases[:3])
        parts.append(f"phrases said again {len(f.repeats)} times ({shown})")
    if f.restarts:
        parts.append(f"{len(f.restarts)} restart{'s' if len(f.restarts) != 1 else ''}")
    ev = tuple(f.words((a, b)) for a, b, _ in f.repeats) + tuple(
        f.words(r) for r in f.restarts)
    return Cause("repetition", " and ".join(parts), ev)


def _detail_cause(f: Findings) -> Cause | None:
    """The longest run of action clauses with no decision, result or stakes in between."""
    rules = f.rules
    found = f.found
    marks = {r[0] for r in found.decisions + found.results + found.stakes + found.learnings}
    mark_ranges = found.decisions + found.results + found.stakes + found.learnings
    best: tuple[int, int, int] = (0, 0, 0)  # (actions, start pos, end pos)
    run_n, run_start, run_end = 0, 0, 0
    for c in found.clauses:
        signal = c.start in marks or any(a <= c.start < b for a, b in mark_ranges)
        if signal:
            run_n = 0
            continue
        if c.is_action:
            if run_n == 0:
                run_start = c.start
            run_n += 1
            run_end = c.end
            if run_n > best[0]:
                best = (run_n, run_start, run_end)
    n, a, b = best
    if n < rules.detail_run_min_clauses:
        return None
    seconds = f.at(b - 1) - f.at(a) if b > a else 0.0
    if f.content and b - 1 < len(f.content):
        seconds = f.content[b - 1].end - f.content[a].start
    if seconds < rules.detail_run_min_target_share * f.target_s:
        return None
    return Cause("detail", f"{n} steps in a row ({seconds:.0f} s) with no decision or outcome "
                 "between them", (f.words((a, b)),))


def _trailing_cause(f: Findings) -> Cause | None:
    found = f.found
    # Trailing is talk after the ending; a story with no result has not ended (missing_metric
    # says so), so steps after its last decision are not trailing.
    ends = [r[1] for r in found.results + found.learnings]
    ends += [m[1] for m, _ in found.metrics]
    if not ends:
        return None
    last = max(ends)
    tail = f.content[last:]
    if len(content_words((t.norm for t in tail), frozenset())) < f.rules.trailing_min_words:
        return None
    return Cause("trailing", f"{len(tail)} words trail on after the last result or lesson",
                 (f.words((last, len(f.content))),))


def _off_question_cause(f: Findings, question: str | None) -> Cause | None:
    rules = f.rules
    if not question:
        return None
    q_words = [w for w in content_words((x.lower().strip("?.,!\"'") for x in question.split()),
                                        rules.stopwords) if w not in rules.question_generic]
    q_stems = {stem(w) for w in q_words}
    answer = content_words((t.norm for t in f.content), rules.stopwords)
    if len(q_stems) < rules.off_topic_min_question_words or \
            len(answer) < rules.off_topic_min_answer_words:
        return None
    a_stems = {stem(w) for w in answer}
    if q_stems & a_stems:
        return None
    shown = ", ".join(f"'{w}'" for w in q_words[:3])
    return Cause("off_question", f"the answer never touches the question's {shown}")


def find_rambling(f: Findings, question: str | None) -> None:
    for finder in (_setup_cause, _repetition_cause, _detail_cause, _trailing_cause):
        cause = finder(f)
        if cause is not None:
            f.causes.append(cause)
    off = _off_question_cause(f, question)
    if off is not None:
        f.causes.append(off)
