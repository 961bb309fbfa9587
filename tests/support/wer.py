"""Word error rate the way ASR papers score it, plus small text measures for transcripts.

Both sides go through Whisper's English normaliser (PyPI `whisper-normalizer`) before
`jiwer.wer`, so "22 percent" vs "22%" or "Mr" vs "mister" are not counted as errors. The
normaliser also drops "um"/"uh", so WER says nothing about fillers: count them separately with
`filler_counts`, on the raw text. Whisper spells hesitations several ways ("umm...", "uhh",
"Uhm"); they are folded to "um"/"uh" first, so the normaliser drops them all alike and a primed
"umm" is neither a WER error nor a missed filler.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import jiwer
from whisper_normalizer.english import EnglishTextNormalizer

#: Fillers a coach counts; "you know" is a two-word filler, "like" is counted whatever its role.
FILLERS: tuple[str, ...] = ("um", "uh", "like", "you know")


_UM = re.compile(r"\b(?:u+h*m+|e+r+m+)\b", re.IGNORECASE)
_UH = re.compile(r"\b(?:u+h+|e+r+)\b(?!-)", re.IGNORECASE)


def fold_hesitations(text: str) -> str:
    """Spell every hesitation as "um" or "uh" ("Umm..." -> "um...", "uhh" -> "uh")."""
    return _UH.sub("uh", _UM.sub("um", text))


@lru_cache(maxsize=1)
def _normalizer() -> EnglishTextNormalizer:
    return EnglishTextNormalizer()


def normalize(text: str) -> str:
    return str(_normalizer()(fold_hesitations(text)))


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of `hypothesis` against `reference`, after normalising both (0.0 = exact).

    An empty normalised reference is an error in the test data, not a 0 or 100 % score.
    """
    ref = normalize(reference)
    hyp = normalize(hypothesis)
    if not ref.strip():
        raise ValueError("reference is empty after normalisation")
    return float(jiwer.wer(ref, hyp))


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'-]+", text.lower())


def filler_counts(text: str) -> dict[str, int]:
    """How often each filler in FILLERS occurs in raw (unnormalised) text."""
    words = _plain_words(fold_hesitations(text))
    joined = " " + " ".join(words) + " "
    return {f: joined.count(f" {f} ") if " " in f else words.count(f) for f in FILLERS}


def ngram_counts(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Counts of every n-word sequence in the normalised text."""
    words = normalize(text).split()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def excess_ngrams(reference: str, hypothesis: str, n: int = 3) -> dict[str, tuple[int, int]]:
    """Every n-gram the hypothesis holds more often than the reference: {ngram: (hyp, ref)}."""
    ref = ngram_counts(reference, n)
    hyp = ngram_counts(hypothesis, n)
    return {" ".join(g): (c, ref[g]) for g, c in hyp.items() if c >= 2 and c > ref[g]}


def invented_repeats(reference: str, hypothesis: str, n: int = 3) -> dict[str, tuple[int, int]]:
    """n-grams the recogniser repeated more often than the speaker did: {ngram: (hyp, ref)}.

    A loop repeats something that was said ("we changed the time out" x9, said once), so an
    n-gram counts when the reference has it and the hypothesis has it more often, or when the
    hypothesis has it three or more times anyway. A word misheard the same way twice ("data"
    -> "the day to", twice) is left to WER: that is a substitution, not a repeat.
    """
    return {g: (h, r) for g, (h, r) in excess_ngrams(reference, hypothesis, n).items()
            if r >= 1 or h >= 3}
