"""What the answer says: stakes, a quantified outcome, a decision, a learning, the results,
and who did the work. Each finding is a clause range, so the report can show the words.

Everything is decided per clause with its subject and verb (core.clauses), never by a bare
keyword: "customer" in passing is not stakes, "six weeks" in a plan is not a metric, a team
arguing is not a decision, "I learned the job ran nightly" early on is not a learning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mockmic.core.clauses import Clause, analyse_clauses
from mockmic.core.quantities import Quantity, find_quantities
from mockmic.core.rules import Rules
from mockmic.core.text import PhraseIndex, Token, match_at

Range = tuple[int, int]
_WOULD = frozenset({"would", "could", "we'd", "it'd", "i'd", "they'd", "would've",
                    "could've", "might", "might've", "wouldn't"})
_CONDITIONAL = ("if", "unless", "otherwise", "without", "or else")
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
_SUBORDINATE = frozenset({"so", "because", "which", "that", "who", "when", "if", "since",
                          "while", "where", "unless", "until", "once", "whether"})
_HABIT_TIMES = frozenset({"since then", "ever since", "these days", "nowadays",
                          "from then on"})
_HABIT_STARTS = ("i now", "we now", "i always", "i still", "now i", "now we", "these days",
                 "nowadays", "since then", "ever since", "i make sure", "i try to")


@dataclass(slots=True)
class Content:
    """Findings as ranges of content-token positions (the answer without fillers)."""

    sents: list[Range] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    first_action: int | None = None
    stakes: list[Range] = field(default_factory=list)
    metrics: list[tuple[Range, Quantity]] = field(default_factory=list)
    results: list[Range] = field(default_factory=list)
    decisions: list[Range] = field(default_factory=list)
    learnings: list[Range] = field(default_factory=list)
    i_actions: list[Clause] = field(default_factory=list)
    we_actions: list[Clause] = field(default_factory=list)
    passive_actions: list[Clause] = field(default_factory=list)
    involvement: list[Range] = field(default_factory=list)
    concrete_i: int = 0


class _Ctx:
    """Shared lookups for one answer."""

    def __init__(self, content: Sequence[Token], fracs: Sequence[float], rules: Rules) -> None:
        self.toks = content
        self.norms = [t.norm for t in content]
        self.ix = PhraseIndex(self.norms)
        self.fracs = fracs
        self.rules = rules
        self.sents, self.clauses = analyse_clauses(content, rules)
        self.clause_at = [0] * len(content)
        for ci, c in enumerate(self.clauses):
            for p in range(c.start, c.end):
                self.clause_at[p] = ci
        first = next((c for c in self.clauses if c.is_action and c.kind == "action" and
                      not c.obligation), None)
        if first is None:
            # "A plan was written, the tables were moved": the story starts even if no one
            # is named doing it (weak_ownership says so).
            first = next((c for c in self.clauses if c.kind == "passive"), None)
        self.first_action = first
        self.first_action_sent = first.sent if first else None
        self.last_action_start = max((c.start for c in self.clauses if c.is_action), default=-1)
        self.sent_has_actor: set[int] = {
            c.sent for c in self.clauses
            if c.subject in ("i", "we") and c.kind in ("action", "role", "context")}

    def sent_range(self, s: int) -> Range:
        return self.sents[s]

    def after_setup(self, c: Clause) -> bool:
        """The clause is part of the story proper, not the problem description before it."""
        return self.first_action_sent is None or c.sent >= self.first_action_sent or (
            c.is_action and not c.obligation)

    def frac(self, p: int) -> float:
        return self.fracs[p] if 0 <= p < len(self.fracs) else 1.0

    def result_cues(self, lo: int, hi: int,
                    phrases: tuple[str, ...] | None = None) -> list[Range]:
        """Result phrases in [lo, hi), minus those that report a person's move ('the PM came
        back with a new idea')."""
        vetoed = {a for a, _ in self.ix.find(self.rules.result_impact_veto, lo, hi)}
        found = self.ix.find(phrases or self.rules.result_impact, lo, hi)
        return [r for r in found if r[0] not in vetoed]

    def planned_before(self, lo: int, p: int) -> bool:
        """A plan word governs p unless a reported change comes between them: "the bigger
        box would only buy us a few months; after the change the job went from 9 hours to 40
        minutes" reports an outcome after the hypothetical."""
        plans = self.ix.find(self.rules.plan_words, lo, p)
        if not plans:
            return False
        return not self.result_cues(plans[-1][1], p)


def _would_consequence(ctx: _Ctx, c: Clause) -> bool:
    """'would have lost', "we'd miss ... unless", 'would be cut unless': a consequence."""
    norms = ctx.norms
    s0, s1 = ctx.sent_range(c.sent)
    conditional = ctx.ix.has(_CONDITIONAL, s0, s1) or "or" in c.lead
    for p in range(c.start, c.end):
        if norms[p] not in _WOULD:
            continue
        q = p + 1
        counterfactual = norms[p].endswith("'ve")
        while q < c.end and norms[q] in ("have", "not", "never", "also", "probably", "just",
                                         "certainly", "definitely", "all"):
            counterfactual = counterfactual or norms[q] == "have"
            q += 1
        if not (counterfactual or conditional):
            continue
        if match_at(norms, q, ctx.rules.stakes_would_have, c.end):
            return True
        q += 1 if q < c.end and norms[q] in ("been", "be") else 0
        if match_at(norms, q, ctx.rules.stakes_harm, c.end):
            return True
    return False


def _harm_near_party(ctx: _Ctx, c: Clause) -> bool:
    rules = ctx.rules
    s0, s1 = ctx.sent_range(c.sent)
    if not ctx.after_setup(c):
        # In the set-up the affected party is often named a sentence earlier.
        s0 = ctx.sent_range(max(0, c.sent - 1))[0]
    harms = ctx.ix.find(rules.stakes_harm, c.start, c.end)
    if not harms:
        return False
    parties = ctx.ix.find(rules.stakes_party, s0, s1)
    return any(abs(h0 - p0) <= rules.stakes_window for h0, _ in harms for p0, _ in parties)


def _find_results(ctx: _Ctx) -> list[Range]:
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


def _find_metrics(ctx: _Ctx, word_pos: dict[int, int], words: Sequence[str],
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


def _threshold(ctx: _Ctx, c: Clause, p: int) -> bool:
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


def _zero_outcomes(ctx: _Ctx, results: list[Range],
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


def _find_decisions(ctx: _Ctx) -> tuple[list[Range], int | None]:
    """Decision ranges, and where the first weighing of options starts (even when the choice
    that follows it stands for the decision)."""
    rules = ctx.rules
    norms = ctx.norms
    out: list[Range] = []
    kinds: list[bool] = []  # True when the range holds a choice verb, not only options
    for ci, c in enumerate(ctx.clauses):
        # ", choosing it over a deep model because ...": a participle continues the actor of
        # the clause before it, even when a modal follows ("accepting that we'd see ...").
        head = c.start + len(c.lead)
        prev = ctx.clauses[ci - 1] if ci > 0 else None
        # The nearest main-clause actor: "I added a load test, so it wouldn't come back,
        # choosing a nightly run over ..." skips the purpose clause.
        actor = next((x for x in reversed(ctx.clauses[max(0, ci - 4):ci])
                      if x.sent == c.sent and x.subject and not (
                          x.subject == "other" and _SUBORDINATE.intersection(x.lead))), None)
        inherited = head < c.end and norms[head] in rules.choice_participles and \
            actor is not None and actor.subject in ("i", "we")
        # "I'd rather lose one headcount than hire someone we'd have to manage out" is a
        # stated preference, not a hypothetical.
        prefers = c.subject in ("i", "we") and ctx.ix.has(rules.preference, c.start, c.end)
        # "I didn't want to just go around her, so I sat down with her": an option rejected
        # out loud, then what was done instead.
        nxt_c = ctx.clauses[ci + 1] if ci + 1 < len(ctx.clauses) else None
        if c.kind == "negated" and c.subject in ("i", "we") and ctx.ix.has(
                rules.refusals, c.start, c.end) and nxt_c is not None and \
                nxt_c.sent == c.sent and "so" in nxt_c.lead and nxt_c.is_action:
            out.append((c.start, nxt_c.end))
            kinds.append(True)
            continue
        # "I could have pushed through, but losing one of them would have sunk the launch."
        but = next((x for x in ctx.clauses[ci + 1:ci + 4] if x.sent == c.sent and
                    "but" in x.lead), None)
        if but is not None and ctx.ix.has(rules.rejected_options, c.start, c.end):
            out.append((c.start, ctx.sents[c.sent][1]))
            kinds.append(True)
            continue
        if c.kind in ("hypothetical", "negated") and not (inherited or prefers):
            continue
        # "Our director decided", "the customer accepted a discount instead": not the speaker.
        other = _other_chooser(ctx, c)
        mine = not other and (c.subject in ("i", "we") or inherited or ctx.ix.has(
            ("my", "our", "the decision", "the call", "the trade*"), c.start, c.end))
        # "Instead of rewriting it, I added a queue": the subject comes after the comma.
        sentence_mine = c.sent in ctx.sent_has_actor and not other
        choice = mine and (_has_choice(ctx, c) or (
            c.verb in rules.ordering_verbs and ctx.ix.has(rules.ordering_places, c.start,
                                                          c.end)))
        strong = (mine or sentence_mine) and (
            ctx.ix.has(rules.decision_strong, c.start, c.end) or (
                c.subject in ("i", "we") and c.kind == "action" and "instead" in
                norms[c.start:c.end]))
        # "I tried salting the keys, but it made the code unreadable": an option rejected.
        tried = c.subject in ("i", "we") and c.verb in ("tried", "tested", "prototyped",
                                                       "experimented", "piloted")
        nxt_c = ctx.clauses[ctx.clause_at[c.end]] if c.end < len(norms) else None
        if tried and nxt_c is not None and nxt_c.sent == c.sent and "but" in nxt_c.lead:
            out.append((c.start, nxt_c.end))
            kinds.append(True)
            continue
        if not (choice or strong):
            continue
        s_lo = ctx.sents[max(0, c.sent - 1)][0]
        s_hi = ctx.sents[min(len(ctx.sents) - 1, c.sent + 1)][1]
        why = ctx.ix.has(rules.decision_reason, s_lo, s_hi) or ctx.ix.has(
            rules.decision_alternative, s_lo, s_hi)
        # "I prioritised the triage model over a full rewrite": the rejected option, inline.
        why = why or (choice and "over" in norms[c.start:c.end] and
                      "all over" not in " ".join(norms[c.start:c.end]))
        # "The spike showed REST cut payloads by 60 %, so we went with REST": the reason
        # comes first and "so" hands it to the choice.
        why = why or (choice and "so" in c.lead and prev is not None and prev.sent == c.sent)
        if strong or why:
            end = c.end
            nxt = ctx.clause_at[c.end] if c.end < len(norms) else None
            if nxt is not None and ctx.clauses[nxt].sent == c.sent and ctx.ix.has(
                    rules.decision_reason, ctx.clauses[nxt].start, ctx.clauses[nxt].end):
                end = ctx.clauses[nxt].end
            out.append((c.start, end))
            kinds.append(bool(choice))
    # "I had two options: ..." then "so I chose caching, because ...": the choice says it all.
    keep: list[Range] = []
    for k, r in enumerate(out):
        sent = ctx.clauses[ctx.clause_at[r[0]]].sent
        followed = any(kinds[m] and 0 < ctx.clauses[ctx.clause_at[out[m][0]]].sent - sent <= 2
                       for m in range(k + 1, len(out)))
        if kinds[k] or not followed:
            keep.append(r)
    return keep, (out[0][0] if out else None)


def _has_choice(ctx: _Ctx, c: Clause) -> bool:
    """A choice verb, but not 'kept' as in 'it kept falling over'."""
    norms = ctx.norms
    return any(not (norms[a] == "kept" and b < len(norms) and norms[b].endswith("ing"))
               for a, b in ctx.ix.find(ctx.rules.decision_choice, c.start, c.end))


def _other_chooser(ctx: _Ctx, c: Clause) -> bool:
    """The clause's own subject is someone else ('our director decided we would ...'): the
    first actor word, read from the clause start, is a third party, not 'I'/'we'."""
    norms = ctx.norms
    others = ctx.rules.other_actors
    for p in range(c.start + len(c.lead), min(c.end, c.start + len(c.lead) + 6)):
        w = norms[p]
        if w in ("i", "we", "i'd", "we'd", "i've", "we've", "me", "us"):
            return False
        if w in others:
            # "My manager and I decided": shared.
            return not (p + 2 < c.end and norms[p + 1] == "and" and norms[p + 2] in ("i", "me"))
    return False


def _standing_practice(ctx: _Ctx, lo: int, hi: int) -> bool:
    """After 'since then' / 'these days' with no I/we: a present-tense rule or habit
    ('every change goes through', 'our checklist has'), not a lasting result ('has been
    stable', 'hasn't failed')."""
    rules = ctx.rules
    if ctx.ix.has(rules.lasting_result, lo, hi):
        return False
    return ctx.ix.has(rules.practice_markers, lo, hi)


def _find_learnings(ctx: _Ctx, results: list[Range]) -> list[Range]:
    rules = ctx.rules
    norms = ctx.norms
    out: list[Range] = []
    first_result = results[0][0] if results else len(norms)
    for m0, m1 in ctx.ix.find(rules.learning_cues):
        phrase = " ".join(norms[m0:m1])
        c = ctx.clauses[ctx.clause_at[m0]]
        # A lesson comes after the outcome or late in the answer; earlier, "I learned that
        # the job ran nightly" is finding out.
        early_ok = match_at(norms, m0, rules.learning_early_ok) > 0
        if not early_ok and ctx.frac(m0) < 0.5 and m0 < first_result:
            continue
        if phrase == "next time" and m0 > 0 and norms[m0 - 1] == "the":
            continue
        s1 = ctx.sents[c.sent][1]
        # "I learned a lot (about Go)" says nothing about what changed [ART: no learning].
        if match_at(norms, m1, rules.learning_empty, s1):
            continue
        if any(phrase.startswith(h) for h in _HABIT_STARTS):
            # A habit, not a scene: "I now profile cost", not "since then I moved teams".
            ci = ctx.clause_at[m0]
            # "Since then, I always ...": the subject is in the next clause only when the
            # cue stands alone before a comma.
            alone = ctx.clauses[ci].end - m1 <= 1
            near = [ctx.clauses[k] for k in ((ci, ci + 1) if alone else (ci,))
                    if k < len(ctx.clauses)]
            who = next((x for x in near if x.subject in ("i", "we")), None)
            # "I never skip shadow mode" is a habit too; "we haven't had an outage" is a result.
            never = who is not None and who.subject == "i" and who.kind == "negated" and \
                who.verb in ("never", "no")
            if who is not None and who.kind == "context" and not who.verb:
                who = None  # "every tool we launch": 'we' in a relative clause
            if who is None:
                # "Since then every infra change goes through a reviewed plan": a practice
                # that changed, said in the present; "has been stable" is a result.
                hi = near[-1].end
                if phrase not in _HABIT_TIMES or not _standing_practice(ctx, m1, hi):
                    continue
            elif who.kind not in ("action", "role") and not never:
                continue
        # "What I learned is ...": start the evidence at the clause, not mid-phrase.
        out.append((c.start if m0 - c.start <= 2 else m0, s1))
    merged: list[Range] = []
    for r in sorted(out):
        if merged and r[0] < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], r[1]))
        else:
            merged.append(r)
    return merged


def _importance(ctx: _Ctx, c: Clause) -> bool:
    """'Reminders drove about a third of our weekly active users': what rode on it, said in
    the set-up (after the work, 'worth $2M a year' is the impact, not the stakes)."""
    return not ctx.after_setup(c) and any(ctx.ix.has(ctx.rules.importance_of, b, min(c.end, b + 6))
               for _, b in ctx.ix.find(ctx.rules.importance_verbs, c.start, c.end))


def _find_stakes(ctx: _Ctx, results: list[Range], money_at: set[int]) -> list[Range]:
    result_starts = {r[0] for r in results}
    out: list[Range] = []
    for c in ctx.clauses:
        # "We were paying a vendor $400,000 a year": money in the set-up is what is at stake.
        if not ctx.after_setup(c) and c.kind != "hypothetical" and any(
                c.start <= p < c.end for p in money_at):
            out.append((c.start, c.end))
            continue
        strong = ctx.ix.has(ctx.rules.stakes_strong, c.start, c.end) or _importance(ctx, c)
        conditional = ctx.ix.has(ctx.rules.stakes_conditional, c.start, c.end) or (
            not ctx.after_setup(c) and ctx.ix.has(ctx.rules.stakes_setup_only,
                                                  c.start, c.end))
        if conditional or _would_consequence(ctx, c) or (c.start not in result_starts and (
                (strong and c.kind != "negated") or _harm_near_party(ctx, c))):
            out.append((c.start, c.end))
    return out


def analyse_content(content: Sequence[Token], fracs: Sequence[float], words: Sequence[str],
                    rules: Rules) -> Content:
    """Findings for the content tokens (fillers and recogniser loops already removed).

    `fracs[p]` is how far into the answer content token p was said (0..1); `words` are the
    transcript's word texts, for quantities.
    """
    ctx = _Ctx(content, fracs, rules)
    out = Content(sents=ctx.sents, clauses=ctx.clauses)
    if ctx.first_action is not None:
        out.first_action = ctx.first_action.start
    word_pos = {t.i: p for p, t in enumerate(content)}
    out.results = _find_results(ctx)
    quantities = find_quantities(words)
    out.metrics = _find_metrics(ctx, word_pos, words, quantities)
    out.metrics += _zero_outcomes(ctx, out.results, content)
    seen = set(out.results)
    for r, _ in out.metrics:
        if r not in seen:
            out.results.append(r)
            seen.add(r)
    out.results.sort()
    money_at = {word_pos[q.start] for q in quantities
                if q.kind == "money" and q.start in word_pos}
    out.stakes = _find_stakes(ctx, out.results, money_at)
    out.decisions, weighing = _find_decisions(ctx)
    # Weighing options is already part of the action: "I had two choices: ..." ends the set-up.
    if weighing is not None and (out.first_action is None or weighing < out.first_action):
        out.first_action = weighing
    out.learnings = _find_learnings(ctx, out.results)
    _find_ownership(ctx, out)
    return out


def _find_ownership(ctx: _Ctx, out: Content) -> None:
    """Who does the work. Next to 'I' steps, a 'we' outcome ('we cut the bill by 35 %') or
    remit ('we owned checkout') is the team's context, not a step hidden behind 'we'; passive
    steps ('a plan was written') and vague involvement ('I was part of it') hide the actor
    too."""
    rules = ctx.rules

    def outcome(c: Clause) -> bool:
        return any(a <= c.start < b for a, b in out.results)

    out.i_actions = [c for c in ctx.clauses if c.is_action and c.subject == "i"]
    # With no 'I' anywhere, 'we shipped it' and 'we owned it' hide the speaker too.
    out.we_actions = [c for c in ctx.clauses if c.is_action and c.subject == "we" and (
        not out.i_actions or (c.kind != "role" and not outcome(c)))]
    out.passive_actions = [c for c in ctx.clauses if c.kind == "passive" and not outcome(c)]
    out.involvement = ctx.ix.find(rules.involvement)
    out.concrete_i = sum(1 for c in out.i_actions if c.kind == "action" and
                         c.verb not in rules.involvement_verbs)
