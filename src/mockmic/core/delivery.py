"""How the answer was said: rate, pauses, fillers, hedges, repetition and restarts.

Filler counts are a lower bound: Whisper drops many "um"/"uh" (COACHING.md). Pause, lead-in and
rate figures from word timestamps are exact; for typed answers (untimed) they are skipped or, for
the rate, computed from the stated duration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from mockmic.core.rules import Rules
from mockmic.core.text import Token, match_at

_DETERMINERS = frozenset({
    "a", "the", "what", "this", "that", "some", "any", "which", "every", "no", "one", "these",
    "those", "all", "what's", "same", "different", "right", "wrong", "whatever", "each",
    "another", "other", "of", "new", "own"})
_YOU_KNOW_NOT_FILLER_BEFORE = frozenset({
    "do", "did", "if", "as", "would", "will", "don't", "didn't", "to", "should", "what",
    "might", "may", "could", "whether", "when", "that", "how", "let", "ya", "you'd"})
_YOU_KNOW_NOT_FILLER_AFTER = frozenset({
    "how", "what", "that", "the", "when", "if", "where", "who", "why", "him", "her", "them",
    "it", "this", "about", "whether", "which", "exactly", "me", "us", "everything", "anything",
    "something", "more", "a", "an", "your", "my", "our", "their", "those", "these"})
_LIKE_NOT_FILLER_BEFORE = frozenset({
    "i'd", "would", "'d", "feel", "felt", "feels", "look", "looks", "looked", "seem", "seems",
    "seemed", "something", "things", "thing", "just", "more", "much", "sounds", "sounded",
    "sound", "we'd", "you'd", "they'd", "didn't", "don't", "really", "i", "we", "they", "you",
    "nothing", "anything", "stuff", "exactly"})
_SO_NOT_FILLER_AFTER = frozenset({
    "that", "far", "much", "many", "long", "on", "called", "few", "little", "forth", "to",
    "as", "i'd", "it's"})
_WELL_NOT_FILLER_BEFORE = frozenset({
    "as", "very", "pretty", "so", "went", "worked", "go", "goes", "going", "quite", "really",
    "done", "not", "work", "works", "performed", "scaled", "reasonably", "fairly"})
_RESTART_LEGIT = frozenset({"that", "had", "very", "really", "is", "no", "so", "bye", "more"})
_CONJUNCTIONS = frozenset({"and", "but", "so", "then", "or", "because"})


@dataclass(frozen=True, slots=True)
class Pause:
    start_s: float
    end_s: float
    after_word: int

    @property
    def length_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(slots=True)
class Delivery:
    """Everything about how it was said, with word ranges for evidence."""

    loops: list[tuple[int, int]] = field(default_factory=list)
    ignored: set[int] = field(default_factory=set)
    fillers: list[tuple[int, int, str]] = field(default_factory=list)
    hedges: list[tuple[int, int]] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    phrase_repeats: list[tuple[int, int, str]] = field(default_factory=list)
    restarts: list[tuple[int, int]] = field(default_factory=list)
    word_count: int = 0
    speech_s: float = 0.0
    speech_start_s: float = 0.0
    speech_end_s: float = 0.0
    wpm: float = 0.0
    articulation_wpm: float = 0.0
    window_wpm: list[float] = field(default_factory=list)


def find_asr_loops(tokens: Sequence[Token], rules: Rules) -> tuple[list[tuple[int, int]],
                                                                   set[int]]:
    """Back-to-back copies of a phrase: (first word, end word) of each loop, and the copies.

    A person restarts a phrase once or twice; the recogniser, stuck, writes it many times over.
    The first copy stays (it was probably said once); the rest are ignored everywhere.
    """
    words = [(p, t.norm) for p, t in enumerate(tokens) if t.norm]
    norms = [n for _, n in words]
    loops: list[tuple[int, int]] = []
    ignored: set[int] = set()
    q = 0
    while q < len(norms):
        found = False
        for n in range(8, 0, -1):
            need = rules.asr_loop_min_repeats if n > 1 else rules.asr_loop_min_repeats + 2
            if q + n * need > len(norms):
                continue
            unit = norms[q:q + n]
            reps = 1
            while norms[q + reps * n:q + (reps + 1) * n] == unit:
                reps += 1
            if reps >= need:
                first = words[q][0]
                last = words[q + reps * n - 1][0]
                loops.append((tokens[first].i, tokens[last].i + 1))
                for k in range(q + n, q + reps * n):
                    ignored.add(words[k][0])
                q += reps * n
                found = True
                break
        if not found:
            q += 1
    return loops, ignored


def _gap_before(tokens: Sequence[Token], p: int) -> float:
    return tokens[p].start - tokens[p - 1].end if p > 0 else 0.0


def _gap_after(tokens: Sequence[Token], p: int) -> float:
    return tokens[p + 1].start - tokens[p].end if p + 1 < len(tokens) else 0.0


def _set_off(tokens: Sequence[Token], p: int, last: int, timed: bool, rules: Rules) -> bool:
    """Word p..last is fenced off by punctuation, a sentence start or a short pause."""
    if p == 0 or tokens[p - 1].hard_after or tokens[p - 1].soft_after:
        return True
    if tokens[last].soft_after or tokens[last].hard_after:
        return True
    return timed and (_gap_before(tokens, p) >= rules.filler_setoff_pause_s
                      or _gap_after(tokens, last) >= rules.filler_setoff_pause_s)


def _sentence_start(tokens: Sequence[Token], p: int) -> bool:
    return p == 0 or tokens[p - 1].hard_after


def find_fillers(tokens: Sequence[Token], ignored: set[int], timed: bool,
                 rules: Rules) -> list[tuple[int, int, str]]:
    """(start position, end position, filler) for every filler, positions in `tokens`."""
    norms = [t.norm for t in tokens]
    out: list[tuple[int, int, str]] = []
    p = 0
    n = len(tokens)
    while p < n:
        w = norms[p]
        if p in ignored or not w:
            p += 1
            continue
        prev = norms[p - 1] if p > 0 else ""
        nxt = norms[p + 1] if p + 1 < n else ""
        two = match_at(norms, p, rules.filler_phrases)
        if two:
            phrase = " ".join(norms[p:p + two])
            last = p + two - 1
            after = norms[last + 1] if last + 1 < n else ""
            setoff = _set_off(tokens, p, last, timed, rules)
            if phrase in ("kind of", "sort of"):
                ok = prev not in _DETERMINERS and not prev.endswith("'s")
            elif phrase == "you know":
                ok = prev not in _YOU_KNOW_NOT_FILLER_BEFORE and (
                    setoff or after not in _YOU_KNOW_NOT_FILLER_AFTER)
            else:  # "i mean"
                ok = prev not in ("what", "which", "that") and setoff
            if ok:
                out.append((p, p + two, phrase))
                p += two
                continue
        if w in rules.fillers_always or (w in rules.fillers_set_off and _is_set_off_filler(
                tokens, p, prev, nxt, timed, rules)):
            out.append((p, p + 1, w))
        p += 1
    return out


def _is_set_off_filler(tokens: Sequence[Token], p: int, prev: str, nxt: str, timed: bool,
                       rules: Rules) -> bool:
    w = tokens[p].norm
    if w == "like" and prev in _LIKE_NOT_FILLER_BEFORE:
        return False
    if w == "so" and nxt in _SO_NOT_FILLER_AFTER:
        return False
    if w == "well" and prev in _WELL_NOT_FILLER_BEFORE:
        return False
    if w in ("right", "okay") and not (tokens[p].soft_after or tokens[p].hard_after) \
            and not _sentence_start(tokens, p):
        return False
    if w == "right" and prev in ("all", "the", "that's", "exactly", "is", "was", "right"):
        return False
    if w in ("so", "actually", "basically", "literally", "like") and _sentence_start(tokens, p):
        return True
    if w in ("so", "like"):
        # ", so I took the lead" is a conjunction; "so, um" and "like, written" are fillers.
        return tokens[p].soft_after or (timed and _gap_after(tokens, p) >=
                                        rules.filler_setoff_pause_s)
    if w == "well":
        # "Well, ..." or ", well, ..." is a filler; "it went well, and" is an adverb.
        opens = _sentence_start(tokens, p) or tokens[p - 1].soft_after
        return opens and (tokens[p].soft_after or (
            timed and _gap_after(tokens, p) >= rules.filler_setoff_pause_s))
    return _set_off(tokens, p, p, timed, rules)


def find_hedges(norms: Sequence[str], fillers: list[tuple[int, int, str]],
                rules: Rules) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    filler_kind_of = {s for s, _, f in fillers if f in ("kind of", "sort of")}
    p = 0
    while p < len(norms):
        n = match_at(norms, p, rules.hedges)
        if n:
            phrase = " ".join(norms[p:p + n])
            if phrase not in ("kind of", "sort of") or p in filler_kind_of:
                out.append((p, p + n))
            p += n
        else:
            p += 1
    return out


def find_pauses(tokens: Sequence[Token], ignored: set[int], rules: Rules) -> list[Pause]:
    spoken = [t for p, t in enumerate(tokens) if t.raw and p not in ignored]
    out: list[Pause] = []
    for a, b in pairwise(spoken):
        gap = b.start - a.end
        if gap >= rules.pause_min_s:
            out.append(Pause(a.end, b.start, a.i))
    return out


def find_repetitions(content: Sequence[Token], rules: Rules) -> tuple[
        list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Re-said phrases (positions of each repeat after the first) and restarts ('we, um, we').

    `content` is the answer without fillers, so "we, um, we" reads "we we". Only repeats within
    ~60 words of each other count: a phrase that returns at the end ties the story together.
    """
    norms = [t.norm for t in content]
    n = len(norms)
    restarts: list[tuple[int, int]] = []
    p = 0
    while p < n:
        for k in (3, 2, 1):
            if p + 2 * k <= n and norms[p:p + k] == norms[p + k:p + 2 * k] and not (
                    k == 1 and norms[p] in _RESTART_LEGIT):
                restarts.append((p, p + 2 * k))
                p += 2 * k - 1
                break
        p += 1
    covered = [False] * n
    repeats: list[tuple[int, int, str]] = []
    for size in range(rules.repeat_ngram_max, rules.repeat_ngram_min - 1, -1):
        positions: dict[tuple[str, ...], list[int]] = {}
        for q in range(n - size + 1):
            gram = tuple(norms[q:q + size])
            # "my team and I" three times is a habit of speech; re-said content needs a
            # specific word ("we changed the retries").
            if gram[0] in _CONJUNCTIONS or not any(
                    w not in rules.stopwords and w not in rules.generic_nouns and w.isalpha()
                    for w in gram):
                continue
            positions.setdefault(gram, []).append(q)
        for gram, starts in positions.items():
            kept: list[int] = []
            for q in starts:
                if (not kept or q >= kept[-1] + size) and not any(covered[q:q + size]):
                    if kept and q - kept[-1] > 60:
                        kept = []
                    kept.append(q)
            if len(kept) < 2:
                continue
            for q in kept:
                for r in range(q, q + size):
                    covered[r] = True
            repeats += [(q, q + size, " ".join(gram)) for q in kept[1:]]
    repeats.sort()
    return repeats, restarts


def measure_rate(tokens: Sequence[Token], ignored: set[int], fillers: int, pauses: list[Pause],
                 duration_s: float, timed: bool, rules: Rules, d: Delivery) -> None:
    spoken = [t for p, t in enumerate(tokens) if t.norm and p not in ignored]
    d.word_count = len(spoken)
    if not spoken:
        return
    if timed:
        d.speech_start_s = max(0.0, spoken[0].start)
        d.speech_end_s = max(d.speech_start_s, spoken[-1].end)
    else:
        d.speech_start_s, d.speech_end_s = 0.0, max(0.0, duration_s)
    d.speech_s = d.speech_end_s - d.speech_start_s
    if d.speech_s < 0.5:
        return  # one clipped word has no meaningful rate
    d.wpm = len(spoken) * 60.0 / d.speech_s
    paused = sum(pz.length_s for pz in pauses) if timed else 0.0
    talking = d.speech_s - paused
    d.articulation_wpm = len(spoken) * 60.0 / talking if talking > 0 else d.wpm
    # Bounded: garbage timestamps (a word at 1e308 s) must not allocate 1e306 windows.
    if timed and rules.rate_window_s <= d.speech_s <= rules.rate_window_s * 2000:
        counts: Counter[int] = Counter()
        for t in spoken:
            counts[int((t.start - d.speech_start_s) // rules.rate_window_s)] += 1
        full = int(d.speech_s // rules.rate_window_s)
        d.window_wpm = [counts[k] * 60.0 / rules.rate_window_s for k in range(full)]


def analyse_delivery(tokens: Sequence[Token], duration_s: float, timed: bool,
                     rules: Rules) -> Delivery:
    d = Delivery()
    d.loops, d.ignored = find_asr_loops(tokens, rules)
    d.fillers = find_fillers(tokens, d.ignored, timed, rules)
    norms = [t.norm if p not in d.ignored else "" for p, t in enumerate(tokens)]
    d.hedges = find_hedges(norms, d.fillers, rules)
    d.pauses = find_pauses(tokens, d.ignored, rules) if timed else []
    measure_rate(tokens, d.ignored, len(d.fillers), d.pauses, duration_s, timed, rules, d)
    return d
