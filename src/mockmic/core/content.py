"""What the answer says: stakes, a quantified outcome, a decision, a learning, the results,
and who did the work. Each finding is a clause range, so the report can show the words.
Stakes, learning and ownership are found here; results and figures in core.outcomes,
decisions in core.decisions, over one core.reading.Reading of the answer.

Everything is decided per clause with its subject and verb (core.clauses), never by a bare
keyword: "customer" in passing is not stakes, "six weeks" in a plan is not a metric, a team
arguing is not a decision, "I learned the job ran nightly" early on is not a learning.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockmic.core.clauses import Clause
from mockmic.core.decisions import find_decisions
from mockmic.core.outcomes import find_metrics, find_results, zero_outcomes
from mockmic.core.quantities import find_quantities
from mockmic.core.reading import Content, Range, Reading
from mockmic.core.rules import Rules
from mockmic.core.text import Token, match_at

__all__ = ["Content", "analyse_content"]

_WOULD = frozenset({"would", "could", "we'd", "it'd", "i'd", "they'd", "would've",
                    "could've", "might", "might've", "wouldn't"})
_CONDITIONAL = ("if", "unless", "otherwise", "without", "or else")
_HABIT_TIMES = frozenset({"since then", "ever since", "these days", "nowadays",
                          "from then on"})
_HABIT_STARTS = ("i now", "we now", "i always", "i still", "now i", "now we", "these days",
                 "nowadays", "since then", "ever since", "i make sure", "i try to")


def _would_consequence(ctx: Reading, c: Clause) -> bool:
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


def _harm_near_party(ctx: Reading, c: Clause) -> bool:
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


def _standing_practice(ctx: Reading, lo: int, hi: int) -> bool:
    """After 'since then' / 'these days' with no I/we: a present-tense rule or habit
    ('every change goes through', 'our checklist has'), not a lasting result ('has been
    stable', 'hasn't failed')."""
    rules = ctx.rules
    if ctx.ix.has(rules.lasting_result, lo, hi):
        return False
    return ctx.ix.has(rules.practice_markers, lo, hi)


def _find_learnings(ctx: Reading, results: list[Range]) -> list[Range]:
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
    # "Learning - always test token expiry paths": a STAR-style label opening a sentence.
    for c in ctx.clauses:
        head = c.start + len(c.lead)
        if head < c.end and norms[head] in rules.learning_labels and \
                ctx.toks[head].soft_after and head == ctx.sents[c.sent][0] and \
                (ctx.frac(head) >= 0.5 or head >= first_result):
            out.append((head, ctx.sents[c.sent][1]))
    merged: list[Range] = []
    for r in sorted(out):
        if merged and r[0] < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], r[1]))
        else:
            merged.append(r)
    return merged


def _importance(ctx: Reading, c: Clause) -> bool:
    """'Reminders drove about a third of our weekly active users': what rode on it, said in
    the set-up (after the work, 'worth $2M a year' is the impact, not the stakes)."""
    return not ctx.after_setup(c) and any(ctx.ix.has(ctx.rules.importance_of, b, min(c.end, b + 6))
               for _, b in ctx.ix.find(ctx.rules.importance_verbs, c.start, c.end))


def _find_stakes(ctx: Reading, results: list[Range], money_at: set[int]) -> list[Range]:
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
    ctx = Reading(content, fracs, rules)
    out = Content(sents=ctx.sents, clauses=ctx.clauses)
    if ctx.first_action is not None:
        out.first_action = ctx.first_action.start
    word_pos = {t.i: p for p, t in enumerate(content)}
    out.results = find_results(ctx)
    quantities = find_quantities(words)
    out.metrics = find_metrics(ctx, word_pos, words, quantities)
    out.metrics += zero_outcomes(ctx, out.results, content)
    seen = set(out.results)
    for r, _ in out.metrics:
        if r not in seen:
            out.results.append(r)
            seen.add(r)
    out.results.sort()
    money_at = {word_pos[q.start] for q in quantities
                if q.kind == "money" and q.start in word_pos}
    out.stakes = _find_stakes(ctx, out.results, money_at)
    out.decisions, weighing = find_decisions(ctx)
    # Weighing options is already part of the action: "I had two choices: ..." ends the set-up.
    if weighing is not None and (out.first_action is None or weighing < out.first_action):
        out.first_action = weighing
    out.learnings = _find_learnings(ctx, out.results)
    _find_ownership(ctx, out)
    return out


def _find_ownership(ctx: Reading, out: Content) -> None:
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
