"""The answer coach: a Transcript and a target length in, a Report with flags and evidence out.

    report = coach(transcript, target_s=90.0, question="Tell me about a time you cut costs")

Pure, deterministic and fast (a three-minute answer takes a few milliseconds). Every threshold
and word list lives in core.rules; the pieces are:

  core.text        tokens, sentences, clauses          core.quantities  figures
  core.delivery    rate, pauses, fillers, repetition   core.clauses     subject + verb per clause
  core.reading     one answer's clauses and phrase index, shared by the content finders
  core.content     stakes, learning, ownership         core.outcomes    results and metrics
  core.decisions   choices with a reason               core.structure   timing, opening, rambling
  core.flags       messages, tips, evidence, and the 0-100 score
  core.rules       thresholds; core.lexicon and core.english hold the word lists

How each flag is decided is documented on its builder in core.flags and in the README.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from mockmic.core.content import analyse_content
from mockmic.core.delivery import analyse_delivery, find_repetitions
from mockmic.core.flags import build_flags, filler_stats, score
from mockmic.core.report import SIGNAL_KINDS, Report, Span
from mockmic.core.rules import DEFAULT_RULES, Rules
from mockmic.core.structure import (
    Findings,
    content_tokens,
    find_rambling,
    measure_timing,
)
from mockmic.core.text import tokenize
from mockmic.core.transcript import Transcript

__all__ = ["analyse", "coach"]


def _r(x: float | None, nd: int = 2) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return round(x, nd)


def analyse(transcript: Transcript, target_s: float = 90.0, *, question: str | None = None,
            rules: Rules = DEFAULT_RULES) -> Findings:
    """Everything the coach measured, before it is turned into flags (for tools and tests)."""
    target = target_s if math.isfinite(target_s) and target_s > 0 else 90.0
    tokens = tokenize(transcript)
    duration = transcript.duration_s if math.isfinite(transcript.duration_s) else 0.0
    delivery = analyse_delivery(tokens, max(0.0, duration), transcript.timed, rules)
    drop = set(delivery.ignored)
    for a, b, _ in delivery.fillers:
        drop.update(range(a, b))
    content = content_tokens(tokens, drop)
    speech = delivery.speech_s
    fracs = [min(1.0, max(0.0, (t.start - delivery.speech_start_s) / speech)) if speech > 0
             else p / max(1, len(content)) for p, t in enumerate(content)]
    found = analyse_content(content, fracs, [w.text for w in transcript.words], rules)
    f = Findings(transcript, target, rules, tokens, content, delivery, found)
    repeats, restarts = find_repetitions(content, rules)
    f.repeats = repeats
    f.restarts = restarts
    measure_timing(f)
    find_rambling(f, question)
    return f


def coach(transcript: Transcript, target_s: float = 90.0, *, question: str | None = None,
          rules: Rules = DEFAULT_RULES) -> Report:
    """Coach one answer. Never raises on any transcript; score is always 0..100."""
    f = analyse(transcript, target_s, question=question, rules=rules)
    flags = build_flags(f)
    points, breakdown = score(flags, rules, f.delivery.word_count)
    signals = _signals(f)
    duration = transcript.duration_s if math.isfinite(transcript.duration_s) else 0.0
    return Report(
        source=transcript.source,
        duration_s=max(0.0, duration),
        target_s=f.target_s,
        duration_estimated=not transcript.timed,
        transcript=transcript,
        score=points,
        flags=flags,
        signals=signals,
        metrics=_metrics(f, breakdown),
    )


def _signals(f: Findings) -> dict[str, tuple[Span, ...]]:
    found = f.found
    ranges: dict[str, list[tuple[int, int]]] = {
        "stakes": found.stakes,
        "metric": list(dict.fromkeys(r for r, _ in found.metrics)),
        "decision": found.decisions,
        "learning": found.learnings,
        "result": found.results,
    }
    return {kind: tuple(Span.of(f.transcript, *f.words(r)) for r in ranges[kind])
            for kind in SIGNAL_KINDS}


def _span_dict(f: Findings, a: int, b: int) -> dict[str, Any]:
    return Span.of(f.transcript, a, b).to_dict()


def _metrics(f: Findings, breakdown: dict[str, float]) -> dict[str, Any]:
    d = f.delivery
    timed = f.transcript.timed
    n_fill, per_100, per_min = filler_stats(f)
    longest = max((p.length_s for p in d.pauses), default=None)
    n_i, n_we = len(f.found.i_actions), len(f.found.we_actions)
    tail = None
    if f.target_word_index is not None:
        tail = _span_dict(f, f.target_word_index, len(f.transcript.words))
    repeats = [dict(_span_dict(f, *f.words((a, b))), kind="phrase", phrase=g)
               for a, b, g in f.repeats]
    restarts = [dict(_span_dict(f, *f.words(r)), kind="restart") for r in f.restarts]
    return {
        "wpm": _r(d.wpm, 1),
        "articulation_wpm": _r(d.articulation_wpm, 1),
        "lead_in_s": _r(d.speech_start_s) if timed and f.transcript.words else None,
        "fillers": {
            "count": n_fill,
            "per_min": _r(per_min),
            "per_100_words": _r(per_100),
            "lower_bound": True,
            "which": dict(Counter(w for _, _, w in d.fillers).most_common()),
            "items": [_span_dict(f, a, b) for a, b, _ in d.fillers],
        },
        "pauses": {
            "count": len(d.pauses) if timed else 0,
            "longest_s": _r(longest) if timed else None,
            "items": [{"start_s": _r(p.start_s), "end_s": _r(p.end_s),
                       "after_word": p.after_word} for p in d.pauses],
        },
        "hedges": {"count": len(d.hedges), "items": [_span_dict(f, a, b) for a, b in d.hedges]},
        "repetitions": {
            "count": len(f.repeats) + len(f.restarts),
            "items": repeats + restarts,
            "asr_loops": [_span_dict(f, a, b) for a, b in d.loops],
        },
        "timing": {
            "answer_end_s": _r(f.answer_end_s),
            "first_action_s": _r(f.first_action_s),
            "first_result_s": _r(f.first_result_s),
            "first_stakes_s": _r(f.first_stakes_s),
            "setup_s": _r(f.setup_s),
            "overrun_tail": tail,
            "target_word_index": f.target_word_index,
        },
        "opening": {
            "passes": bool(f.opening_about) and f.opening_why,
            "about": bool(f.opening_about),
            "why": f.opening_why,
            "about_words": f.opening_about[:5],
            "text": Span.of(f.transcript, *f.opening_range).text,
        },
        "ownership": {
            "i_actions": n_i,
            "we_actions": n_we,
            "i_share": _r(n_i / (n_i + n_we)) if n_i + n_we else None,
        },
        "rambling_causes": [c.code for c in f.causes],
        "score_breakdown": breakdown,
    }
