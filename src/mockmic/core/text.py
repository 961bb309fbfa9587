"""Tokens, sentences and clauses of a transcript, and a small phrase matcher.

Every Token keeps the index of the transcript Word it came from, so anything found here maps
straight back onto a Span. Whisper attaches punctuation to words ("well," / "percent."); typed
answers do the same after whitespace splitting, so both go through one path.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mockmic.core.transcript import Transcript

_STRIP_LEFT = "\"'“‘([{<*_-—–"
_STRIP_RIGHT = "\"'”’)]}>*_.,;:!?…-—–"
_SOFT_BREAK = (",", ";", ":", "—", "–", "-", "…")
_HARD_BREAK = (".", "!", "?")
_ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "u.s.", "approx.",
                  "a.m.", "p.m.", "inc.", "no.", "st.", "jr."}
_TRAILING_QUOTES = "\"'”’)]}"


@dataclass(frozen=True, slots=True)
class Token:
    """One word as the coach reads it: `norm` is lowercase without edge punctuation."""

    i: int
    raw: str
    norm: str
    start: float
    end: float
    soft_after: bool = False
    hard_after: bool = False


def _finite(x: float) -> float:
    return x if math.isfinite(x) else 0.0


def normalise(raw: str) -> str:
    """Lowercase, typographic apostrophes made plain, edge punctuation removed."""
    s = raw.strip().replace("’", "'").replace("‘", "'").lower()
    s = s.lstrip(_STRIP_LEFT).rstrip(_STRIP_RIGHT)
    return s


def tokenize(transcript: Transcript) -> list[Token]:
    """One Token per transcript word, punctuation-only words included (norm == "")."""
    out: list[Token] = []
    for i, w in enumerate(transcript.words):
        raw = w.text.strip()
        core = raw.rstrip(_TRAILING_QUOTES)
        low = core.lower()
        hard = core.endswith(_HARD_BREAK) and low not in _ABBREVIATIONS and not (
            re.fullmatch(r"[a-z]\.", low) is not None)
        soft = (not hard) and core.endswith(_SOFT_BREAK)
        out.append(Token(i, raw, normalise(raw), _finite(w.start), _finite(w.end), soft, hard))
    return out


def sentences(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentence ranges [start, end) over `tokens` positions."""
    out: list[tuple[int, int]] = []
    start = 0
    for p, t in enumerate(tokens):
        if t.hard_after:
            out.append((start, p + 1))
            start = p + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


#: An opener right after one of these is not opening a clause: "we then moved", "back then",
#: "after a while", "at once".
_NOT_AN_OPENER_AFTER = {
    "then": frozenset({"back", "i", "we", "they", "he", "she", "it", "you", "since", "until",
                       "by", "just", "even", "only", "right", "and", "but", "so"}),
    "while": frozenset({"a", "little", "short", "long", "whole", "worth"}),
    "once": frozenset({"at", "for", "all", "more", "than", "just"}),
    "so": frozenset({"and", "or", "do", "did", "think", "not", "even", "just", "also"}),
    "since": frozenset({"ever", "long", "not"}),
    "before": frozenset({"long", "never", "ever", "day", "week", "month", "year", "just",
                         "shortly", "right", "earlier", "hour", "minutes", "days", "weeks",
                         "months", "years", "hours", "seconds", "minute", "well"}),
    "after": frozenset({"day", "week", "month", "year", "right", "shortly", "soon", "just",
                        "long", "hour", "even", "days", "weeks", "months", "years", "hours",
                        "minutes", "minute", "seconds"}),
}


_SUBJECT_HEADS = frozenset({"my", "our", "the", "a", "an", "one", "two", "another"})
_NOT_IN_SHARED = frozenset({"i", "we", "i'm", "we're", "it", "they", "he", "she", "you",
                            "them", "him", "her", "us", "this", "that", "then", "so"})


def _shared_subject(tokens: Sequence[Token], start: int, p: int, end: int) -> bool:
    """'My team and I were responsible', 'Priya and I rebuilt it': the 'and' joins a shared
    subject, it doesn't open a clause. Only for a short noun phrase at the clause head."""
    if tokens[p].norm != "and" or p + 1 >= end or tokens[p + 1].norm not in ("i", "me"):
        return False
    head = [tokens[q].norm for q in range(start, p)]
    if not head or len(head) > 4 or tokens[p - 1].soft_after or any(
            w in _NOT_IN_SHARED or w.endswith("ed") for w in head):
        return False
    return head[0] in _SUBJECT_HEADS or len(head) <= 2


def clauses(tokens: Sequence[Token], sents: Sequence[tuple[int, int]],
            openers: frozenset[str]) -> list[tuple[int, int, int]]:
    """Clause ranges (start, end, sentence number): split at commas and clause openers.

    A run of openers ("and then", "but because") stays at the head of one clause.
    """
    out: list[tuple[int, int, int]] = []
    for s_no, (s0, s1) in enumerate(sents):
        start = s0
        for p in range(s0, s1):
            t = tokens[p]
            head_only_openers = all(tokens[q].norm in openers for q in range(start, p))
            blocked = p > s0 and tokens[p - 1].norm in _NOT_AN_OPENER_AFTER.get(
                t.norm, frozenset()) and not tokens[p - 1].soft_after
            blocked = blocked or _shared_subject(tokens, start, p, s1)
            # "..., even though it meant a delay": the clause starts at "even".
            concession = t.norm == "even" and p + 1 < s1 and tokens[p + 1].norm in (
                "though", "if", "when")
            if concession and p > start and not head_only_openers:
                out.append((start, p, s_no))
                start = p
            if t.norm in ("though", "if", "when") and p > start and tokens[p - 1].norm == \
                    "even" and p - 1 == start:
                blocked = True
            if p > start and t.norm in openers and not head_only_openers and not blocked:
                out.append((start, p, s_no))
                start = p
            if t.soft_after and p + 1 < s1:
                out.append((start, p + 1, s_no))
                start = p + 1
        if start < s1:
            out.append((start, s1, s_no))
    return out


def stem(word: str) -> str:
    """A crude stem good enough to match 'migrate'/'migration', 'costs'/'cost'."""
    w = word.lower().strip("'")
    for suffix in ("ations", "ation", "ions", "ion", "ings", "ing", "ied", "ies", "ed", "es",
                   "ers", "er", "ly", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Compiled:
    exact: dict[str, list[Phrase]]
    prefix3: dict[str, list[Phrase]]
    prefix_short: list[Phrase]


@lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...]) -> _Compiled:
    """Index phrases by their first word, or for a prefix first word ("fail*") by its first
    three letters, so a lookup tries only the phrases that can start there."""
    exact: dict[str, list[Phrase]] = {}
    prefix3: dict[str, list[Phrase]] = {}
    short: list[Phrase] = []
    for ph in phrases:
        parts = tuple(ph.lower().split())
        if not parts:
            continue
        head = parts[0]
        if head.endswith("*"):
            if len(head) - 1 >= 3:
                prefix3.setdefault(head[:3], []).append(parts)
            else:
                short.append(parts)
        else:
            exact.setdefault(head, []).append(parts)
    return _Compiled(exact, prefix3, short)


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def match_at(norms: Sequence[str], p: int, phrases: tuple[str, ...],
             hi: int | None = None) -> int:
    """Length of the longest phrase starting at norms[p] and ending by `hi`, 0 when none."""
    limit = len(norms) if hi is None else min(hi, len(norms))
    return _match(norms, p, _compile(phrases), limit)


def _match(norms: Sequence[str], p: int, index: _Compiled, limit: int) -> int:
    if p >= limit:
        return 0
    w = norms[p]
    best = 0
    for group in (index.exact.get(w), index.prefix3.get(w[:3]), index.prefix_short):
        if not group:
            continue
        for parts in group:
            n = len(parts)
            if n > best and p + n <= limit and all(
                    _word_matches(parts[k], norms[p + k]) for k in range(n)):
                best = n
    return best


class PhraseIndex:
    """All matches of each lexicon over one answer, computed once and queried by range.

    The coach asks "does this clause contain a stakes phrase?" hundreds of times per answer;
    scanning once per lexicon keeps a three-minute answer in milliseconds.
    """

    def __init__(self, norms: Sequence[str]) -> None:
        self.norms = norms
        # Keyed by id(): hashing a 100-phrase tuple on every query would cost more than the
        # lookup. The entry keeps the tuple alive, so its id cannot be reused meanwhile.
        self._cache: dict[int, tuple[tuple[str, ...], list[int], list[int]]] = {}

    def _all(self, phrases: tuple[str, ...]) -> tuple[list[int], list[int]]:
        got = self._cache.get(id(phrases))
        if got is None or got[0] is not phrases:
            index = _compile(phrases)
            n_words = len(self.norms)
            starts: list[int] = []
            ends: list[int] = []
            exact, prefix3, short = index.exact, index.prefix3, index.prefix_short
            for p, w in enumerate(self.norms):
                # Most words start no phrase: skip the matcher for them.
                if not short and w not in exact and w[:3] not in prefix3:
                    continue
                n = _match(self.norms, p, index, n_words)
                if n:
                    starts.append(p)
                    ends.append(p + n)
            got = (phrases, starts, ends)
            self._cache[id(phrases)] = got
        return got[1], got[2]

    def find(self, phrases: tuple[str, ...], lo: int = 0,
             hi: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping matches inside [lo, hi), left to right."""
        hi = len(self.norms) if hi is None else hi
        starts, ends = self._all(phrases)
        out: list[tuple[int, int]] = []
        k = bisect_left(starts, lo)
        while k < len(starts) and starts[k] < hi:
            a, b = starts[k], ends[k]
            if b > hi:
                # The longest match runs past the range: a shorter one may still fit.
                b = a + match_at(self.norms, a, phrases, hi)
            if b > a and (not out or a >= out[-1][1]):
                out.append((a, b))
            k += 1
        return out

    def has(self, phrases: tuple[str, ...], lo: int = 0, hi: int | None = None) -> bool:
        return bool(self.find(phrases, lo, hi))


def find_phrases(norms: Sequence[str], phrases: tuple[str, ...], lo: int = 0,
                 hi: int | None = None) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) matches of `phrases` in norms[lo:hi], left to right."""
    hi = len(norms) if hi is None else min(hi, len(norms))
    out: list[tuple[int, int]] = []
    p = lo
    while p < hi:
        n = match_at(norms, p, phrases, hi)
        if n:
            out.append((p, p + n))
            p += n
        else:
            p += 1
    return out


def has_phrase(norms: Sequence[str], phrases: tuple[str, ...], lo: int = 0,
               hi: int | None = None) -> bool:
    return bool(find_phrases(norms, phrases, lo, hi))


def content_words(norms: Iterable[str], stopwords: frozenset[str]) -> list[str]:
    """Words that carry meaning: alphabetic, 3+ letters, not a stopword."""
    return [w for w in norms if len(w) >= 3 and w.replace("'", "").replace("-", "").isalpha()
            and w not in stopwords]
