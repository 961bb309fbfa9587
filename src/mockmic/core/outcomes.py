"""What changed because of the work: result clauses and the figures that quantify them.

A figure is an outcome only in the right grammar: "cut the bill by 22 %", "went from 40
minutes to 5", "shipped three weeks late", "zero incidents since". The same figure in a plan
("we wanted to cut 20 %"), a reason ("because data grew 20 % a year"), a threshold ("anything
over 30 % off"), an effort ("the migration took six weeks") or a date is not.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockmic.core.clauses import Clause
from mockmic.core.quantities import Quantity
from mockmic.core.reading import Range, Reading
from mockmic.core.text import Token, match_at

_BEFORE_NUMBER = frozenset({"by", "to", "from", "at", "under", "below", "above", "of", "up",
                            "down"})
_COMPARISON = ("instead of", "compared to", "compared with", "versus", "vs", "rather than",
               "down from", "up from", "from", "to", "down to", "against")
_MEASURED = frozenset({"percent", "duration", "money", "multiplier", "clock"})
_WHEN_WORDS = frozenset({"later", "earlier", "ago", "after", "afterwards", "prior",
                         "into"})
_EFFORT_OVERRIDE = ("in the end", "now", "eventually", "finally", "only", "just", "down to",
                    "instead of", "rather than", "compared", "after that", "by then")
_EFFORT = frozenset({"took", "take", "takes", "taking", "spent", "spend", "spending", "lasted",
                     "over", "for", "during"})
#: "false flags were under half a percent", "p95 under 50 ms": a level reached, after the work.
_LEVEL = frozenset({"under", "below", "within"})
_AFTER_PERCENT = ("drop*", "reduc*", "improv*", "increas*", "decreas*", "fewer", "less",
                  "more", "faster", "cheaper", "lower", "higher", "lift", "gain", "saving*",
                  "cut", "better", "smaller", "bigger", "speed*", "off")
_NOT_A_RESULT_AFTER = frozenset({"had", "how", "what", "why", "whether", "where", "if"})
#: A result cue in a clause led by these is a condition ("stop runs when they fell behind")
#: or a reason ("because the data was growing 20 % a year"), not an outcome.
_CONDITION_LEADS = frozenset({"when", "whenever", "until", "if", "unless", "whether",
                              "because"})


def find_results(ctx: Reading) -> list[Range]:
    rules = ctx.rules
    out: list[Range] = []
    for c in ctx.clauses:
        if not ctx.after_setup(c) or _CONDITION_LEADS.intersection(c.lead):
            continue
        if c.kind in ("hypothetical", "negated"):
            if c.kind == "negated" and ctx.ix.has(rules.result_negative, c.start,
                                                  c.end):
                out.append((c.start, c.end))
            continue
        hit = ctx.ix.has(rules.result_negative, c.start, c.end)
        for m0, _ in ctx.result_cues(c.start, c.end):
            prev = ctx.norms[m0 - 1] if m0 > 0 else ""
            # "latency had increased" is background; "knew how it worked" is not a result.
            if prev in _NOT_A_RESULT_AFTER or ctx.planned_before(c.start, m0):
                continue
            # "I raised the pool size", "I dropped anything over 30 % off": the speaker's
            # verb on a setting is a step; "we cut the bill" is a result.
            if c.is_action and m0 == c.verb_pos and not ctx.ix.has(
                    rules.outcome_nouns, c.start, c.end):
                continue
            hit = True
        if not hit:
            late = ctx.frac(c.start) >= rules.result_completion_late_share
            # "we shipped it" counts when it is the story's last step, not one task of many.
            last_step = c.start >= ctx.last_action_start
            for m0, _ in ctx.ix.find(rules.result_completion, c.start, c.end):
                if ctx.planned_before(c.start, m0):
                    continue
                if c.subject not in ("i", "we") or (late and last_step):
                    hit = True
        if hit:
            out.append((c.start, c.end))
    return out


def find_metrics(ctx: Reading, word_pos: dict[int, int], words: Sequence[str],
                  found: Sequence[Quantity]) -> list[tuple[Range, Quantity]]:
    rules = ctx.rules
    norms = ctx.norms
    out: list[tuple[Range, Quantity]] = []
    for k, q in enumerate(found):
        if q.kind in ("year", "version"):
            continue
        p = word_pos.get(q.start)
        if p is None:
            continue
        c = ctx.clauses[ctx.clause_at[p]]
        # "because the data was growing 20 % a year" is a reason; "because it had to run on
        # cpu it now tags 70 %" (unpunctuated) still reports the present state.
        reason = "because" in c.lead and "now" not in norms[c.start:p]
        if c.kind == "hypothetical" or ctx.planned_before(c.start, p) or \
                not ctx.after_setup(c) or reason:
            continue
        ci = ctx.clause_at[p]
        prev = ctx.clauses[ci - 1] if ci > 0 else None
        after = ctx.clauses[ci + 1] if ci + 1 < len(ctx.clauses) else None
        lo = prev.start if prev is not None and prev.sent == c.sent and \
            prev.kind != "hypothetical" else c.start
        # "the job finished by 5am, and the emails went out on time": the outcome word may
        # follow in the next clause of the same sentence.
        hi = after.end if after is not None and after.sent == c.sent and \
            after.kind != "hypothetical" and not after.lead_is_condition else c.end
        changed = ctx.ix.has(rules.change_verbs, lo, c.end) or bool(ctx.result_cues(lo, hi))
        before = norms[p - 1] if p > 0 else ""
        nxt = found[k + 1] if k + 1 < len(found) else None
        # "from 40 minutes to 5", "12 minutes instead of two hours": a before and an after.
        from_to = before == "from" and nxt is not None and nxt.start - q.end <= 2
        if nxt is not None and q.kind in _MEASURED and nxt.kind == q.kind and \
                nxt.start - q.end <= 4:
            gap = " ".join(w.lower().strip(",.") for w in words[q.end:nxt.start])
            from_to = from_to or any(gap == c_ or gap.endswith(" " + c_) for c_ in _COMPARISON)
        q_end = word_pos.get(q.end - 1, p) + 1
        # "shipped three weeks late", "ten days before the shutdown": a schedule outcome;
        # "login worked again twenty minutes after the page": time to recover.
        timing_outcome = q.kind == "duration" and (
            match_at(norms, q_end, rules.schedule_margin, c.end) > 0 or
            bool(ctx.result_cues(c.start, c.end, rules.recovery_words)))
        # "the migration took six weeks" is effort, not an outcome.
        effort = q.kind == "duration" and any(w in _EFFORT for w in norms[max(c.start, p - 3):p])
        if effort and not (from_to or timing_outcome) and not ctx.ix.has(
                _EFFORT_OVERRIDE, c.start, c.end):
            continue
        # "deploys now take 8 minutes" reports a new state; "I now run a 24-hour soak test"
        # is a habit.
        habit = c.subject in ("i", "we") and c.kind == "action"
        if q.kind in _MEASURED and not habit and ("now" in norms[c.start:p] or before in _LEVEL):
            changed = True
        # "a week later", "two years ago", "after four months": when, not how much; "every two
        # weeks": how often.
        if q.kind == "duration" and not timing_outcome and (
                (q_end < len(norms) and norms[q_end] in _WHEN_WORDS) or
                before in ("after", "every", "each", "per", "once", "twice")):
            continue
        self_describing = timing_outcome or (q.kind == "multiplier" and q.value != 1.0) or (
            q.kind == "percent" and match_at(norms, q_end, _AFTER_PERCENT, c.end) > 0)
        if q.kind == "clock" and not (changed and before in ("by", "before", "at", "to")):
            continue
        # "dropped anything that was more than 30 % off", "alert when it went over 0.2": a
        # threshold the work sets, not an outcome.
        if _threshold(ctx, c, p):
            continue
        # "saved us roughly two engineers' worth", "missed it by about three weeks": look
        # past hedges and object pronouns for the word that governs the figure.
        g = p - 1
        while g > c.start and norms[g] in rules.figure_lead_skip:
            g -= 1
        gov = norms[g] if g >= c.start else ""
        governed = gov in _BEFORE_NUMBER or match_at(norms, g, rules.change_verbs, g + 1) > 0
        # "went to shipping three times a week": the change verb governs through a gerund.
        governed = governed or (gov.endswith("ing") and any(
            b == g for a, b in ctx.ix.find(rules.change_verbs, max(c.start, g - 3), g)))
        # "The next two quarters we had one sev-1": a figure for the period after the work.
        governed = governed or (q.kind in ("number", "count") and ctx.ix.has(
            rules.after_period, c.start, p))
        changed = changed or (q.kind in ("number", "count") and ctx.ix.has(
            rules.after_period, c.start, p))
        # "and the real accuracy was 89 %": the level an outcome measure reached.
        if q.kind in _MEASURED and not habit and ctx.ix.has(rules.outcome_nouns, c.start, p):
            g2 = p - 1
            while g2 > c.start and norms[g2] in rules.figure_lead_skip:
                g2 -= 1
            changed = changed or any(b == g2 + 1 for _, b in ctx.ix.find(
                rules.measure_level, max(c.start, g2 - 3), g2 + 1))
        # "they started tagging about 300 tickets a day", "40 teams now use it": adoption.
        adopted = q.kind == "count" and c.subject not in ("i", "we") and any(
            norms[a] not in ("started", "began") or (
                b < len(norms) and (norms[b].endswith("ing") or norms[b] == "to"))
            for a, b in ctx.ix.find(rules.adoption_cues, max(c.start, p - 4),
                                    min(c.end, q_end + 3)))
        if q.kind in ("number", "count") and not (
                (changed and (before in _BEFORE_NUMBER or governed)) or from_to or
                q.value == 0 or adopted):
            continue
        changed = changed or adopted
        if q.kind == "duration" and changed and gov == "by" and not (from_to or timing_outcome):
            self_describing = True  # "cut the build by ten minutes", "slipped by a week"
        if changed or from_to or self_describing:
            out.append(((c.start, c.end), q))
    return out


def _threshold(ctx: Reading, c: Clause, p: int) -> bool:
    norms = ctx.norms
    q = p - 1
    while q > c.start and norms[q] in ("about", "around", "roughly", "approximately"):
        q -= 1
    n = 0
    for comp in ctx.rules.threshold_comparators:
        parts = comp.split()
        if q - len(parts) + 1 >= c.start and norms[q - len(parts) + 1:q + 1] == parts:
            n = len(parts)
            break
    if not n:
        return False
    return ctx.ix.has(ctx.rules.threshold_heads, max(c.start, q - n - 5), q - n + 1)


def zero_outcomes(ctx: Reading, results: list[Range],
                   content: Sequence[Token]) -> list[tuple[Range, Quantity]]:
    """'We didn't lose a single account': a counted outcome of zero, said without a digit."""
    out: list[tuple[Range, Quantity]] = []
    for a, b in results:
        for m0, m1 in ctx.ix.find(ctx.rules.zero_phrases, a, b):
            text = " ".join(t.raw for t in content[m0:m1])
            out.append(((a, b), Quantity(0.0, "", "count", content[m0].i,
                                         content[m1 - 1].i + 1, text)))
            break
    return out
