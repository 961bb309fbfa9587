"""Decisions: a choice the speaker made with its reason, a rejected option or a trade-off.

"I chose X over Y because ...", "instead of rewriting it I added a queue", "I had two options",
"I'd rather lose a headcount than ...", "I didn't want to go around her, so I ...". Not a
decision: someone else's call ("our director decided"), a choice with no why, a team debate.
"""

from __future__ import annotations

from mockmic.core.clauses import Clause
from mockmic.core.reading import Range, Reading

_SUBORDINATE = frozenset({"so", "because", "which", "that", "who", "when", "if", "since",
                          "while", "where", "unless", "until", "once", "whether"})


def find_decisions(ctx: Reading) -> tuple[list[Range], int | None]:
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


def _has_choice(ctx: Reading, c: Clause) -> bool:
    """A choice verb, but not 'kept' as in 'it kept falling over'; a present-tense one only
    as the I/we clause's own verb."""
    norms = ctx.norms
    if c.subject in ("i", "we") and c.verb in ctx.rules.decision_choice_present:
        return True
    return any(not (norms[a] == "kept" and b < len(norms) and norms[b].endswith("ing"))
               for a, b in ctx.ix.find(ctx.rules.decision_choice, c.start, c.end))


def _other_chooser(ctx: Reading, c: Clause) -> bool:
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
