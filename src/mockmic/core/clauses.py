"""Who did what: split the answer into clauses and read each clause's subject and verb.

No tagger, just English's own helpers: "I" and "we" are always subjects (the object forms are
"me" and "us"), and the word after them, past a few adverbs, is their verb. The verb then tells
an action ("we changed the retries") from context ("we had a pipeline", "I was on the data
team"), a hypothetical ("we could ship it"), a negation, or a remit ("I owned the serving
stack"). A clause that opens on a past-tense verb ("..., and ran an A/B test") continues the
previous clause's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from mockmic.core.rules import Rules
from mockmic.core.text import Token, clauses, match_at, sentences

_I_FORMS = {"i": "", "i'm": "be", "i've": "have", "i'd": "modal", "i'll": "modal"}
_WE_FORMS = {"we": "", "we're": "be", "we've": "have", "we'd": "modal", "we'll": "modal"}
_OTHER_SUBJECTS = frozenset({
    "he", "she", "they", "it", "someone", "somebody", "nobody", "people", "everybody",
    "they're", "it's", "he's", "she's", "they'd", "it'd", "there", "management",
    "leadership", "nothing", "everything", "he'd", "she'd", "they've"})
_COMPLEMENT_VERBS = frozenset({"think", "thought", "guess", "believe", "mean", "feel", "felt",
                               "suppose", "said", "say", "knew", "know", "realized",
                               "realised", "noticed", "saw", "figured"})
_PARTICIPLES = frozenset({
    "done", "written", "taken", "seen", "given", "gone", "chosen", "driven", "grown",
    "known", "shown", "begun", "run", "rewritten", "spoken", "broken", "frozen", "undone",
    "redone", "become", "been"})
_GOT_CONTEXT = frozenset({"stuck", "lucky", "worse", "better", "busy", "bigger", "slower",
                          "to", "used", "a", "an"})
_TO_VERBS_ACTION = frozenset({"decided", "started", "began", "tried", "managed", "helped",
                              "continued", "chose", "opted", "went", "offered", "volunteered",
                              "stepped", "got", "set", "rushed", "worked", "pushed", "had"})
_TO_VERBS_CONTEXT = frozenset({"needed", "wanted", "planned", "agreed", "hoped", "used",
                               "expected", "tended", "happened", "seemed", "asked", "promised",
                               "intended", "aimed", "failed", "forgot", "refused"})
_TEAM_NOUN_TAILS = frozenset({"lead", "leads", "leader", "manager", "managers", "member",
                              "members", "'s", "size", "name", "channel", "meeting",
                              "meetings", "budget", "wiki", "of", "that", "which", "who",
                              "lead's", "before", "next", "over"})
_TIME_NOUNS = frozenset({"week", "month", "year", "spring", "summer", "autumn", "fall", "winter",
                         "day", "time", "morning", "night", "quarter", "sprint", "weekend",
                         "afternoon", "evening", "today", "yesterday", "eventually", "finally",
                         "instead", "later", "ago", "earlier", "initially", "together",
                         "ultimately", "personally", "honestly", "basically", "point", "then",
                         "now", "tomorrow", "hour", "minute", "moment", "end",
                         "afterward", "afterwards", "meantime", "meanwhile", "parallel"})
_RUNON_DETERMINERS = frozenset({"the", "our", "my", "their"})
_INTRO_PREPOSITIONS = frozenset({"at", "in", "on", "during", "for", "with", "across",
                                 "within", "over", "throughout", "from"})
_ROLE_WORDS = frozenset({"responsible", "tasked", "accountable", "charge", "point", "owner",
                         "lead", "dri"})


@dataclass(frozen=True, slots=True)
class Clause:
    """Positions [start, end) in the content tokens; `subject` is 'i', 'we', 'other' or ''.

    `kind` is 'action', 'role' (a remit: "I owned X"), 'context', 'hypothetical', 'negated',
    'passive' (work with no one doing it: "a plan was written") or 'none' (no verb found).
    `implicit` marks a subject carried over from the clause before.
    """

    start: int
    end: int
    sent: int
    lead: tuple[str, ...]
    subject: str
    verb: str
    verb_pos: int
    kind: str
    implicit: bool = False
    obligation: bool = False

    @property
    def lead_is_condition(self) -> bool:
        return bool({"if", "unless", "whether", "when", "whenever"}.intersection(self.lead))

    @property
    def is_action(self) -> bool:
        return self.subject in ("i", "we") and self.kind in ("action", "role")


def _is_past(word: str, rules: Rules) -> bool:
    return (word.endswith("ed") and len(word) > 4 and word not in rules.stative_verbs) or (
        word in rules.irregular_past and word not in rules.stative_verbs)


def _next_word(norms: Sequence[str], p: int, end: int, rules: Rules) -> int:
    while p < end and norms[p] in rules.adverbs:
        p += 1
    return p


def classify_verb(norms: Sequence[str], p: int, end: int, aux: str,
                  rules: Rules) -> tuple[str, int, str]:
    """(kind, verb position, verb) for the verb group starting at norms[p] (after the subject).

    `aux` is the auxiliary a contraction already supplied ("i'm" -> "be").
    """
    p = _next_word(norms, p, end, rules)
    if aux == "modal":
        return "hypothetical", p, norms[p] if p < end else ""
    if aux == "be":
        return _after_be(norms, p, end, rules)
    if aux == "have":
        return _after_have(norms, p, end, rules)
    if p >= end:
        return "none", p, ""
    v = norms[p]
    nx_p = _next_word(norms, p + 1, end, rules)
    nx = norms[nx_p] if nx_p < end else ""
    if v in rules.negations or (v in ("did", "do", "does") and nx in ("not", "never")):
        return "negated", p, v
    if v in rules.modals or v in ("going", "gonna"):
        return "hypothetical", p, v
    if v in rules.be_forms:
        return _after_be(norms, nx_p, end, rules)
    if v in rules.have_forms:
        return _after_have(norms, nx_p, end, rules)
    if v == "got":
        ctx = nx in _GOT_CONTEXT or _is_past(nx, rules)
        return ("context" if ctx else "action"), p, v
    if nx == "to" and v in _TO_VERBS_CONTEXT:
        return "context", p, v
    if nx == "to" and v in _TO_VERBS_ACTION and nx_p + 1 < end:
        kind, _, _ = classify_verb(norms, nx_p + 1, end, "", rules)
        return ("action" if kind in ("action", "none") else kind), p, v
    if v in rules.stative_verbs and match_at(norms, p, rules.stative_actions, end) == 0:
        return "context", p, v
    if v in ("went", "go", "came", "come") and nx not in ("with", "ahead", "for", "and"):
        return "context", p, v  # motion ("I went on the data team"), not a step
    if v in rules.role_verbs:
        return "role", p, v
    if v in rules.context_moves and _is_context_move(norms, p, end, rules):
        return "context", p, v
    return "action", p, v


def _is_context_move(norms: Sequence[str], p: int, end: int, rules: Rules) -> bool:
    """'I joined the data team', 'I moved to a different team', 'I worked at X': a career
    move, not a step; 'I moved the consumers group by group' is a step."""
    v = norms[p]
    nxt = norms[p + 1] if p + 1 < end else ""
    window = norms[p + 1:min(end, p + 6)]
    org = any(w in rules.context_move_objects for w in window)
    if v in ("worked", "work", "started", "spent"):
        if nxt in ("at", "as", "for", "there", "here"):
            return True
        return org and ("at" in window or (v != "spent" and nxt in ("on", "in")))
    if v in ("joined", "left", "rejoined"):
        return org or nxt in ("as", "there", "here", "")  # "when I joined, ..."
    return org and nxt in ("to", "into", "over", "from", "on", "across", "back")


def _after_be(norms: Sequence[str], p: int, end: int, rules: Rules) -> tuple[str, int, str]:
    if p >= end:
        return "context", p, ""
    v = norms[p]
    if v == "able" and p + 2 < end and norms[p + 1] == "to":
        kind, vp, verb = classify_verb(norms, p + 2, end, "", rules)
        return ("action" if kind == "none" else kind), vp, verb
    if v == "gonna" or (v in ("going", "about") and p + 1 < end and norms[p + 1] == "to"):
        return "hypothetical", p, v
    if v in rules.negations:
        return "negated", p, v
    if v in _ROLE_WORDS or (v in ("in", "on") and p + 1 < end and norms[p + 1] in _ROLE_WORDS):
        return "role", p, v
    return "context", p, v


def _after_have(norms: Sequence[str], p: int, end: int, rules: Rules) -> tuple[str, int, str]:
    if p >= end:
        return "context", p, ""
    v = norms[p]
    if v == "to" and p + 1 < end:
        kind, vp, verb = classify_verb(norms, p + 1, end, "", rules)
        return ("action" if kind == "none" else kind), vp, verb
    if v in rules.negations:
        return "negated", p, v
    if v == "been":
        return _after_be(norms, _next_word(norms, p + 1, end, rules), end, rules)
    if _is_past(v, rules) or v in _PARTICIPLES:
        return classify_verb(norms, p, end, "", rules)
    return "context", p, v


def _find_subject(norms: Sequence[str], p: int, end: int,
                  rules: Rules) -> tuple[str, int, int, str]:
    """(subject, subject position, first position after it, contracted aux) or ('', ...)."""
    limit = min(end, p + 10)
    q = p
    while q < limit:
        w = norms[q]
        if w in _I_FORMS:
            # "My colleague and I rebuilt it" is shared credit, like "we".
            shared = q > p and norms[q - 1] == "and"
            return ("we" if shared else "i"), q, q + 1, _I_FORMS[w]
        if w in _WE_FORMS:
            return "we", q, q + 1, _WE_FORMS[w]
        # "In my team I was owner of ...": a team after a preposition is not the subject.
        after_prep = q > p and norms[q - 1] in _INTRO_PREPOSITIONS
        n = match_at(norms, q, rules.we_nouns, end) if q - p <= 1 and not after_prep else 0
        if n and q + n < end and norms[q + n] in _TEAM_NOUN_TAILS:
            n = 0  # "the team lead picked": someone else
        if n:
            after = q + n
            if after < end and norms[after] == "and" and after + 1 < end and \
                    norms[after + 1] in ("i", "me"):
                after += 2
            return "we", q, after, ""
        if w in _OTHER_SUBJECTS and not (
                w == "it" and q > p and norms[q - 1].endswith(("ing", "ed"))):
            # ("instead of shipping it I ran a test": "it" after a verb is its object)
            return "other", q, q + 1, ""
        q += 1
    return "", -1, p, ""


def _passive_verb(norms: Sequence[str], p: int, end: int, rules: Rules) -> int:
    """Position of the participle in 'a plan was written', 'the decision was made to ...',
    or -1: work with no one doing it [ART: ownership]. 'It was called X', 'we were worried'
    and 'the service was down' are states, not passives."""
    for q in range(p, min(end, p + 8)):
        if norms[q] in ("was", "were", "got", "been", "being") and (
                q == p or norms[q - 1] not in ("i", "we", "there", "it", "that", "this")):
            r = _next_word(norms, q + 1, end, rules)
            if r < end and norms[r] not in rules.passive_states and (
                    _is_past(norms[r], rules) or norms[r] in _PARTICIPLES):
                return r
            return -1
    return -1


def analyse_clause(norms: Sequence[str], start: int, end: int, sent: int,
                   prev: Clause | None, rules: Rules) -> Clause:
    p = start
    lead: list[str] = []
    while p < end and norms[p] in rules.clause_openers:
        lead.append(norms[p])
        p += 1
    hypothetical = any(w in rules.hypothetical_openers for w in lead)
    first = _next_word(norms, p, end, rules)
    relative = bool({"which", "who", "that", "where"}.intersection(lead))
    if first < end and not relative and _is_past(norms[first], rules) and prev is not None and \
            prev.subject in ("i", "we") and prev.kind in ("action", "role"):
        kind, vp, verb = classify_verb(norms, first, end, "", rules)
        kind = "hypothetical" if hypothetical else kind
        return Clause(start, end, sent, tuple(lead), prev.subject, verb, vp, kind, True)
    subject, s_pos, after, aux = _find_subject(norms, p, end, rules)
    if not subject or subject == "other":
        vp = _passive_verb(norms, p, end, rules)
        if vp >= 0 and not hypothetical:
            return Clause(start, end, sent, tuple(lead), subject, norms[vp], vp, "passive")
        return Clause(start, end, sent, tuple(lead), subject, "", -1, "none")
    before = norms[s_pos - 1] if s_pos > p else ""
    # "At my last company I owned ...": an opening phrase without its comma (Whisper often
    # drops it), not a relative clause.
    intro = norms[p] in _INTRO_PREPOSITIONS and s_pos - p <= 6
    if before.isalpha() and before not in rules.stopwords and before.rstrip("s") not in \
            _TIME_NOUNS and before not in rules.adverbs and not before.endswith("ly") and \
            not intro:
        # "users we had already scored": a relative clause describing a noun, not a step.
        return Clause(start, end, sent, tuple(lead), subject, "", s_pos, "context")
    while after < end and norms[after] == norms[s_pos]:  # "we, um, we had": a restart
        after += 1
    kind, vp, verb = classify_verb(norms, after, end, aux, rules)
    a = _next_word(norms, after, end, rules)
    # "We had to move the feature store": the task being set, until something has been done.
    obligation = a + 1 < end and norms[a] in ("had", "have", "has", "needed") and \
        norms[a + 1] == "to"
    if verb in _COMPLEMENT_VERBS:
        # "I think we changed the retries": the action belongs to the inner subject.
        inner, i_pos, i_after, i_aux = _find_subject(norms, vp + 1, end, rules)
        if inner in ("i", "we"):
            kind, vp, verb = classify_verb(norms, i_after, end, i_aux, rules)
            subject, s_pos = inner, i_pos
    if hypothetical and kind in ("action", "role"):
        kind = "hypothetical"
    return Clause(start, end, sent, tuple(lead), subject, verb, vp, kind, obligation=obligation)


def split_runons(content: Sequence[Token], sents: list[tuple[int, int]],
                 rules: Rules) -> list[tuple[int, int]]:
    """Split unpunctuated stretches ("...the previous days data i looked at the job and saw")
    before each new I/we subject, so a typed answer without full stops still has sentences.
    Sentences under Rules.runon_sentence_words, or with a comma every ~25 words (a long but
    punctuated spoken sentence), are left alone."""
    norms = [t.norm for t in content]
    out: list[tuple[int, int]] = []
    for s0, s1 in sents:
        commas = sum(1 for t in content[s0:s1] if t.soft_after)
        if s1 - s0 <= rules.runon_sentence_words or commas * 25 >= s1 - s0:
            out.append((s0, s1))
            continue
        start = s0
        for p in range(s0 + 1, s1):
            prev = norms[p - 1]
            pronoun = norms[p] in _I_FORMS or norms[p] in _WE_FORMS
            # "...for audits the bill went back down": a new noun subject with its own verb.
            noun_subject = norms[p] in _RUNON_DETERMINERS and prev not in _INTRO_PREPOSITIONS \
                and prev not in ("of", "to", "by", "into", "than", "about") and any(
                    _is_past(w, rules) for w in norms[p + 2:min(s1, p + 5)])
            if (pronoun or noun_subject) and p - start >= 3 and \
                    prev not in rules.runon_binders and prev not in _I_FORMS and \
                    prev not in _WE_FORMS:
                out.append((start, p))
                start = p
        out.append((start, s1))
    return out


def analyse_clauses(content: Sequence[Token], rules: Rules) -> tuple[
        list[tuple[int, int]], list[Clause]]:
    """Sentence ranges and analysed clauses over the content tokens."""
    norms = [t.norm for t in content]
    sents = split_runons(content, sentences(content), rules)
    out: list[Clause] = []
    prev: Clause | None = None
    for start, end, s_no in clauses(content, sents, rules.clause_openers):
        same_sentence = prev is not None and prev.sent == s_no
        carry = prev if (same_sentence or (start < len(norms) and norms[start] in
                                           ("and", "then"))) else None
        c = analyse_clause(norms, start, end, s_no, carry, rules)
        out.append(c)
        if c.subject or c.kind != "none":
            prev = c
    return sents, _scene_in_present(norms, out, rules)


def _is_present(verb: str, rules: Rules) -> bool:
    return bool(verb) and verb.isalpha() and not verb.endswith(("ed", "ing")) and \
        verb not in rules.irregular_past and verb not in _PARTICIPLES


def _scene_in_present(norms: Sequence[str], out: list[Clause], rules: Rules) -> list[Clause]:
    """In a story told in the past, a present-tense 'we do last-mile delivery in twelve
    cities' before the first past step describes the company, not a step. A story told in
    the present ("First I make a hotfix, then I contact the bank") keeps its actions."""
    acts = [c for c in out if c.is_action and c.kind == "action"]
    past = [c for c in acts if not _is_present(c.verb, rules)]
    if not past or len(past) < 2 * (len(acts) - len(past)):
        return out
    first_past = next(k for k, c in enumerate(out) if c is past[0])
    act_ids = {id(c) for c in acts}
    return [replace(c, kind="context") if k < first_past and id(c) in act_ids and
            _is_present(c.verb, rules) else c for k, c in enumerate(out)]
