"""Find the figures in an answer: "22%", "twenty two percent", "$400k", "from 40 minutes to 5".

The coach uses these to tell a quantified outcome from a date or a head count, and the story bank
uses them to check that a take repeats a story's figures ("22 %" and "twenty two percent" are the
same figure; see `same_figure`). Pure stdlib, no state.

Word indices in a Quantity always refer to the caller's word list, so a Quantity maps straight
back onto a Transcript span. A hyphenated word ("twenty-two", "two-week", "5-10%") is one word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

#: What a figure measures. "number" is a bare number we could not place.
KINDS: tuple[str, ...] = ("percent", "money", "duration", "multiplier", "count", "number",
                          "year", "version", "clock")

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "bucks": "USD", "usd": "USD",
                   "euro": "EUR", "euros": "EUR", "eur": "EUR", "pounds": "GBP", "gbp": "GBP"}
_TIME_UNITS = {
    "ms": "ms", "millisecond": "ms", "milliseconds": "ms", "msec": "ms",
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
    "min": "min", "mins": "min", "minute": "min", "minutes": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year",
    "yrs": "year", "quarter": "quarter", "quarters": "quarter", "sprint": "sprint",
    "sprints": "sprint",
}
#: Seconds per time unit, so "an hour" and "60 minutes" compare equal.
SECONDS_PER: dict[str, float] = {
    "ms": 0.001, "s": 1.0, "min": 60.0, "h": 3600.0, "day": 86400.0, "week": 604800.0,
    "month": 2629800.0, "quarter": 7889400.0, "year": 31557600.0, "sprint": 1209600.0,
}
_PERCENT_WORDS = {"percent", "pct", "%", "percentage"}
_MULTIPLIER_WORDS = {"twice": 2.0, "double": 2.0, "doubled": 2.0, "triple": 3.0,
                     "tripled": 3.0, "quadrupled": 4.0, "halved": 0.5, "tenfold": 10.0}
_COMPARATIVES = {"faster", "slower", "cheaper", "more", "less", "fewer", "bigger", "smaller",
                 "higher", "lower", "better", "quicker", "larger", "as", "longer", "shorter"}
_RATE_WORDS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
               "daily": "day", "nightly": "night", "hourly": "h"}
_PER_LEADS = {"a", "an", "per", "every", "each", "/"}
_APPROX = {"about", "around", "roughly", "approximately", "nearly", "almost", "over", "under",
           "some", "~", "≈", "close", "than", "circa", "approx"}
_VERSION_LEADS = {"version", "v", "python", "java", "spark", "ios", "android", "gpt", "release",
                  "node", "postgres", "postgresql", "kubernetes", "tensorflow", "pytorch",
                  "scala", "windows", "macos", "ubuntu", "debian", "llama", "airflow", "django",
                  "react", "angular", "hadoop", "rhel", "centos", "php", "ruby", "rails", "go"}
#: Words that never name what was counted ("five of the", "two to three").
_NOT_NOUNS = {
    "a", "an", "the", "of", "to", "and", "or", "but", "by", "in", "on", "at", "for", "from",
    "with", "we", "i", "it", "they", "he", "she", "you", "that", "this", "which", "who",
    "was", "were", "is", "are", "be", "been", "so", "then", "more", "less", "as", "than",
    "per", "each", "every", "into", "out", "up", "down", "over", "under", "after", "before",
    "our", "my", "their", "its", "his", "her", "your", "one", "other", "another", "if",
    "when", "while", "because", "since", "until", "about", "around", "had", "have", "has",
    "would", "could", "should", "will", "can", "did", "do", "does", "not", "no", "all",
    "what", "why", "how", "where", "whom", "whose", "there", "these", "those", "them", "me",
    "us", "him", "also", "just", "still", "later", "earlier", "ago", "instead", "again",
}
_SKIP_ONE_BEFORE = {"of", "by", "another", "or", "thing", "way", "point", "day", "time"}
_SKIP_ONE_AFTER = {"by", "no", "the", "this", "that", "which", "every", "any", "each", "some",
                   "someone", "anyone", "only", "one", "big", "little", "new", "old", "last"}

_NUM_RE = re.compile(
    r"^(?P<approx>[~≈])?(?P<cur>[$€£])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>%|k|mm|mn|m|bn|b|x|ms|s|secs?|h|hrs?|hours?|mins?|minutes?|pp|fold)?$",
    re.IGNORECASE,
)
_RANGE_RE = re.compile(r"^(?P<cur>[$€£])?(?P<a>\d+(?:\.\d+)?)[-–](?P<b>\d+(?:\.\d+)?)"
                       r"(?P<suf>%|k|x|ms|s|h|m)?$", re.IGNORECASE)
_HYPHEN_UNIT_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)?)-(?P<unit>[a-z]+)$", re.IGNORECASE)
_CLOCK_RE = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)$", re.IGNORECASE)
_VERSION_TOKEN_RE = re.compile(r"^v\d+(?:\.\d+)*$|^\d+\.\d+\.\d+$", re.IGNORECASE)
_STRIP_LEFT = "\"'“‘([{<*_"
_STRIP_RIGHT = "\"'”’)]}>*_.,;:!?…"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure: its value in base units, what it measures, and where it was said.

    `value` is scaled ("$4 million" is 4000000.0) but not converted: 40 minutes is value 40 with
    unit "min"; use `base_value` to compare durations. `unit` is "%", "pp", a currency code
    ("USD"), "x", a time unit ("ms" "s" "min" "h" "day" "week" "month" "quarter" "year"), the
    counted noun ("offices", "engineers") or "". `per` is the rate's denominator ("$400k a year"
    has per="year"). Words [start, end) of the caller's list.
    """

    value: float
    unit: str
    kind: str
    start: int
    end: int
    text: str
    per: str = ""
    approx: bool = False

    @property
    def base_value(self) -> float:
        """The value in seconds for durations, else `value`."""
        return self.value * SECONDS_PER.get(self.unit, 1.0) if self.kind == "duration" \
            else self.value

    def format(self) -> str:
        """A short canonical rendering: "22%", "$400,000/year", "40 min", "2x", "5 offices"."""
        if self.kind in ("year", "version"):
            return f"{self.value:g}"
        if self.kind == "clock":
            return f"{int(self.value):02d}:{round(self.value % 1 * 60):02d}"
        v = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,.4g}"
        if self.kind == "money":
            sym = {"USD": "$", "EUR": "€", "GBP": "£"}.get(self.unit, self.unit + " ")
            out = f"{sym}{v}"
        elif self.unit in ("%", "x"):
            out = f"{v}{self.unit}"
        elif self.unit:
            out = f"{v} {self.unit}"
        else:
            out = v
        return f"{out}/{self.per}" if self.per else out


def same_figure(a: Quantity, b: Quantity, rel_tol: float = 0.02) -> bool:
    """True when two quantities state the same figure ("22 %" vs "twenty two percent")."""
    if a.kind != b.kind:
        return False
    if a.kind == "duration":
        return math.isclose(a.base_value, b.base_value, rel_tol=rel_tol, abs_tol=1e-9)
    if a.kind in ("percent", "money", "multiplier") and a.unit != b.unit:
        return False
    return math.isclose(a.value, b.value, rel_tol=rel_tol, abs_tol=1e-9)


def _clean(word: str) -> str:
    return word.strip().lstrip(_STRIP_LEFT).rstrip(_STRIP_RIGHT).replace("’", "'")


def _split_hyphens(norms: list[str], idx: list[int]) -> tuple[list[str], list[int]]:
    """Spread spelled compounds over sub-tokens that keep their word index."""
    out: list[str] = []
    out_idx: list[int] = []
    for n, i in zip(norms, idx, strict=True):
        m = _RANGE_RE.match(n)
        hm = _HYPHEN_UNIT_RE.match(n)
        if m:
            cur, suf = m.group("cur") or "", m.group("suf") or ""
            out += [cur + m.group("a") + suf, "to", cur + m.group("b") + suf]
            out_idx += [i, i, i]
        elif hm:
            out += [hm.group("num"), hm.group("unit").lower()]
            out_idx += [i, i]
        elif "-" in n and not n.startswith("-") and any(
                p.lower() in _SMALL or p.lower() in _TENS or p.lower() in _TIME_UNITS
                or p.lower() == "fold" for p in n.split("-")):
            parts = [p for p in n.split("-") if p]
            out += parts
            out_idx += [i] * len(parts)
        else:
            out.append(n)
            out_idx.append(i)
    return out, out_idx


def _parse_spelled(toks: list[str], i: int) -> tuple[float, int] | None:
    """A spelled-out number starting at toks[i]: (value, tokens consumed) or None."""
    n = len(toks)
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last = ""  # "small" | "tens" | "scale" | "point"
    while j < n:
        t = toks[j].lower()
        nxt = toks[j + 1].lower() if j + 1 < n else ""
        if t in ("a", "an") and not seen and nxt in _SCALES:
            current, seen, last = 1.0, True, "small"
        elif t == "half" and not seen and nxt in ("a", "an") and j + 2 < n and (
                toks[j + 2].lower() in _SCALES or toks[j + 2].lower() in _PERCENT_WORDS or
                toks[j + 2].lower() in _TIME_UNITS) and toks[j + 2].lower() != "hundred":
            # "half a million", "half a percent", "half an hour"
            current, seen, last = 0.5, True, "small"
            j += 1
        elif t in _SMALL and last not in ("small",) and not (last == "tens" and _SMALL[t] >= 10):
            current += _SMALL[t]
            seen, last = True, "small"
        elif t in _TENS and last not in ("small", "tens"):
            current += _TENS[t]
            seen, last = True, "tens"
        elif t in _SCALES and seen:
            if t == "hundred":
                current = (current or 1.0) * 100.0
            else:
                total += (current or 1.0) * _SCALES[t]
                current = 0.0
            last = "scale"
        elif t == "and" and seen and nxt == "a" and j + 2 < n and toks[j + 2].lower() == "half":
            current += 0.5
            j += 3
            last = "small"
            continue
        elif t == "and" and last == "scale" and (nxt in _SMALL or nxt in _TENS):
            j += 1
            continue
        elif t == "point" and seen and nxt in _SMALL:
            k = j + 1
            digits = ""
            while k < n and toks[k].lower() in _SMALL and _SMALL[toks[k].lower()] < 10:
                digits += str(_SMALL[toks[k].lower()])
                k += 1
            current += float("0." + digits)
            j = k
            break
        elif t == "dozen" and seen:
            current *= 12
            last = "scale"
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, j - i


def _read_number(toks: list[str], i: int) -> tuple[float, str, str, int, bool] | None:
    """(value, currency, suffix, tokens consumed, has_decimal) for a number at toks[i]."""
    t = toks[i]
    m = _NUM_RE.match(t)
    if m:
        raw = m.group("num").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            return None
        if not math.isfinite(value):
            return None
        cur = _CURRENCY_SYMBOLS.get(m.group("cur") or "", "")
        return value, cur, (m.group("suf") or "").lower(), 1, "." in raw
    low = t.lower()
    if low == "one":
        before = toks[i - 1].lower() if i > 0 else ""
        after = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if after in _SKIP_ONE_BEFORE or before in _SKIP_ONE_AFTER:
            return None
    nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
    if low in ("a", "an") and nxt in _TIME_UNITS and len(nxt) > 2 and nxt not in (
            "second", "quarter", "sprint"):
        return 1.0, "", "", 1, False
    before = toks[i - 1].lower() if i > 0 else ""
    before2 = toks[i - 2].lower() if i > 1 else ""
    if low == "half" and (before in ("in", "by") or (before in _APPROX and
                                                    before2 in ("in", "by"))):
        return 0.5, "", "x", 1, False  # "cut in half", "fell by about half"
    if low in _MULTIPLIER_WORDS:
        return _MULTIPLIER_WORDS[low], "", "x", 1, False
    spelled = _parse_spelled(toks, i)
    if spelled is None:
        return None
    return spelled[0], "", "", spelled[1], False


def _join_split_thousands(norms: list[str]) -> tuple[list[str], list[int], list[int]]:
    """Whisper sometimes splits "$400,000" into "$400" + ",000": glue them back.

    Returns the glued words with, for each, its first and last original word index.
    """
    out: list[str] = []
    first: list[int] = []
    last: list[int] = []
    for i, n in enumerate(norms):
        if out and re.match(r"^,\d{3}", n) and out[-1][-1:].isdigit():
            out[-1] += n
            last[-1] = i
            continue
        out.append(n)
        first.append(i)
        last.append(i)
    return out, first, last


def find_quantities(words: Sequence[str]) -> list[Quantity]:
    """Every figure in `words` (word texts as spoken or typed), in order.

    >>> [q.format() for q in find_quantities("we cut it by twenty two percent".split())]
    ['22%']
    >>> [q.format() for q in find_quantities("about $400k a year".split())]
    ['$400,000/year']
    """
    glued, first_word, last_word = _join_split_thousands([w.strip() for w in words])
    norms0 = [_clean(w) for w in glued]
    toks, idx = _split_hyphens(norms0, list(range(len(norms0))))
    lows = [t.lower() for t in toks]
    out: list[Quantity] = []
    n = len(toks)
    i = 0
    while i < n:
        clock = _read_clock(toks, i)
        if clock is not None:
            value, used = clock
            start, end = first_word[idx[i]], last_word[idx[i + used - 1]] + 1
            text = " ".join(w.strip() for w in words[start:end])
            out.append(Quantity(value, "h", "clock", start, end, text))
            i += used
            continue
        read = _read_number(toks, i)
        if read is None:
            i += 1
            continue
        value, currency, suffix, used, has_decimal = read
        j = i + used
        unit, kind, per = "", "", ""
        # A currency word or symbol just before: "$ 400", "USD 400".
        if i > 0 and lows[i - 1] in ("$", "usd", "€", "£"):
            currency = _CURRENCY_SYMBOLS.get(lows[i - 1], "USD")
        if suffix in _SUFFIX_SCALES:
            value *= _SUFFIX_SCALES[suffix]
            suffix = ""
        while j < n and lows[j] in _SCALES:
            value *= _SCALES[lows[j]]
            j += 1
        if j < n and lows[j] in _SUFFIX_SCALES and (currency or (j + 1 < n and lows[j + 1] in
                                                                 _CURRENCY_WORDS)):
            value *= _SUFFIX_SCALES[lows[j]]
            j += 1
        if suffix == "%" or (j < n and lows[j] in _PERCENT_WORDS):
            unit, kind = "%", "percent"
            if suffix != "%":
                j += 1
            if j < n and lows[j] == "points":
                unit = "pp"
                j += 1
        elif suffix == "pp" or (j < n and lows[j] == "pp"):
            unit, kind = "pp", "percent"
            j += 0 if suffix == "pp" else 1
        elif j + 1 < n and lows[j] == "per" and lows[j + 1] == "cent":
            unit, kind = "%", "percent"
            j += 2
        elif suffix in ("x", "fold") or (j < n and lows[j] in ("x", "fold")):
            unit, kind = "x", "multiplier"
            j += 0 if suffix in ("x", "fold") else 1
        elif j < n and lows[j] == "times" and j + 1 < n and lows[j + 1] in _COMPARATIVES:
            unit, kind = "x", "multiplier"
            j += 1
        elif suffix and suffix in _TIME_UNITS and not (suffix == "s" and 1900 <= value < 2100):
            unit, kind = _TIME_UNITS[suffix], "duration"
        elif j < n and lows[j] in _CURRENCY_WORDS:
            currency = _CURRENCY_WORDS[lows[j]]
            j += 1
        elif j < n and lows[j] in _TIME_UNITS and len(lows[j]) > 1:
            unit, kind = _TIME_UNITS[lows[j]], "duration"
            j += 1
        if currency and kind == "":
            unit, kind = currency, "money"
        if kind == "":
            # "... instead of four. What I learned": the sentence ends, no noun follows.
            ends_sentence = glued[idx[j - 1]].rstrip("\"')]”’").endswith((".", "!", "?", ";"))
            kind, unit = _classify_bare(toks, lows, i, j, value, has_decimal, ends_sentence)
            if kind == "count":
                # "two senior engineers": the counted noun is the plural after an adjective.
                if j + 1 < n and not lows[j].endswith("s") and lows[j + 1].endswith("s") and \
                        lows[j + 1].isalpha() and lows[j + 1] not in _NOT_NOUNS and \
                        idx[j + 1] == idx[j] + 1:
                    unit = lows[j + 1]
                    j += 1
                j += 1
        # A rate: "$400k a year", "ten hours per week", "$2M annually".
        if kind in ("money", "duration", "count", "percent") and j < n:
            if lows[j] in _PER_LEADS and j + 1 < n and lows[j + 1] not in _NOT_NOUNS:
                per = _TIME_UNITS.get(lows[j + 1], lows[j + 1])
                j += 2
            elif lows[j] in _RATE_WORDS:
                per = _RATE_WORDS[lows[j]]
                j += 1
        approx = (i > 0 and lows[i - 1] in _APPROX) or toks[i].startswith(("~", "≈"))
        start, end = first_word[idx[i]], last_word[idx[j - 1]] + 1
        text = " ".join(w.strip() for w in words[start:end])
        out.append(Quantity(value, unit, kind, start, end, text, per, approx))
        i = j
    return _inherit_units(out, lows, [first_word[k] for k in idx], last_word)


def _read_clock(toks: list[str], i: int) -> tuple[float, int] | None:
    """A time of day: '5am', '8:30 pm', '5 a.m.' -> (hours since midnight, tokens used)."""
    for used in (1, 2):
        if i + used > len(toks):
            return None
        m = _CLOCK_RE.match("".join(toks[i:i + used]))
        if m:
            hours = int(m.group(1)) % 12 + (12 if m.group(3).lower().startswith("p") else 0)
            return hours + int(m.group(2) or 0) / 60.0, used
    return None


def _classify_bare(toks: list[str], lows: list[str], i: int, j: int, value: float,
                   has_decimal: bool, ends_sentence: bool = False) -> tuple[str, str]:
    """A number with no unit: a year, a version, a head count ("five offices") or bare."""
    prev = lows[i - 1] if i > 0 else ""
    if prev in _VERSION_LEADS or _VERSION_TOKEN_RE.match(toks[i]):
        return "version", ""
    nxt = lows[j] if j < len(lows) and not ends_sentence else ""
    is_noun = bool(nxt) and nxt.isalpha() and nxt not in _NOT_NOUNS and nxt not in _SCALES
    if not has_decimal and value == int(value) and 1900 <= value < 2100 and not is_noun:
        return "year", ""
    if is_noun:
        return "count", nxt
    return "number", ""


def _inherit_units(found: list[Quantity], lows: list[str], idx: list[int],
                   last_word: list[int]) -> list[Quantity]:
    """'from 40 minutes to 5': the bare end of a from-to pair takes the other end's unit."""
    out = list(found)
    word_to_tok = {w: t for t, w in reversed(list(enumerate(idx)))}
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        between = [lows[t] for t in range(word_to_tok.get(a.end, len(lows)),
                                          word_to_tok.get(b.start, 0))]
        pairs = (["to"], ["-"], ["down", "to"], ["up", "to"], ["instead", "of"],
                 ["rather", "than"], ["versus"], ["vs"], ["compared", "to"],
                 ["compared", "with"], ["from"], ["down", "from"], ["up", "from"])
        # "in a day on average instead of four": a short aside may sit before the link word.
        if len(between) > 4 or not any(between[-len(p):] == p for p in pairs):
            continue
        if a.kind in ("number", "year") and b.kind in ("percent", "money", "duration",
                                                        "multiplier"):
            out[k] = Quantity(a.value, b.unit, b.kind, a.start, a.end, a.text, b.per, a.approx)
        elif b.kind in ("number", "year") and a.kind in ("percent", "money", "duration",
                                                          "multiplier", "count"):
            out[k + 1] = Quantity(b.value, a.unit, a.kind, b.start, b.end, b.text, a.per,
                                  b.approx)
    return out


def find_quantities_in_text(text: str) -> list[Quantity]:
    """find_quantities over `text` split on whitespace (word indices count those tokens)."""
    return find_quantities(re.findall(r"\S+", text))
