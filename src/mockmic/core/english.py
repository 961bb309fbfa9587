"""Plain English the coach reads by: function words, verb forms, clause openers, fillers and
hedges. Grammar, not judgement: the coaching lexicons are in core.lexicon, the thresholds in
core.rules (whose `Rules` takes its defaults from here).

Entries are lowercase phrases matched word by word; a trailing "*" matches any word with that
prefix.
"""

from __future__ import annotations

FILLERS_ALWAYS: frozenset[str] = frozenset({
    "um", "umm", "ummm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "mmm", "ah",
    "eh"})
"""Always fillers [COACHING: Whisper drops many, so counts are a lower bound]."""

FILLERS_SET_OFF: frozenset[str] = frozenset({
    "like", "so", "basically", "actually", "well", "literally", "right", "okay"})
"""Fillers only when set off by a comma, a pause or a sentence start [OURS]."""

FILLER_PHRASES: tuple[str, ...] = ("you know", "i mean", "kind of", "sort of")
"""Two-word fillers; 'kind of'/'sort of' only when no determiner makes them a noun."""

HEDGES: tuple[str, ...] = (
    "i think", "i guess", "i suppose", "i believe", "maybe", "perhaps", "probably",
    "sort of", "kind of", "pretty much", "more or less", "somewhat", "i feel like",
    "i'm not sure", "not sure")

RUNON_BINDERS: frozenset[str] = frozenset({
    "and", "or", "but", "so", "that", "which", "what", "because", "when", "if", "then",
    "where", "who", "how", "why", "than", "as", "until", "while", "after", "before",
    "once", "since", "whether", "unless", "though", "although", "whenever", "me", "us",
    "thing", "things", "way", "lesson", "one", "time", "day", "think", "thought", "said",
    "say", "knew", "know", "realised", "realized", "felt", "feel", "believe", "guess",
    "hope", "hoped", "sure", "like"})
"""... unless the word before the subject binds it into the running clause ('what I
learned', 'and we', 'the thing I'd do', 'I think we')."""

CLAUSE_OPENERS: frozenset[str] = frozenset({
    "and", "but", "so", "then", "because", "which", "who", "where", "when", "while",
    "after", "before", "until", "unless", "although", "though", "since", "if",
    "whereas", "or", "once", "whether", "whenever", "wherever", "however"})

HYPOTHETICAL_OPENERS: frozenset[str] = frozenset({"if", "unless", "whether"})

ADVERBS: frozenset[str] = frozenset({
    "then", "also", "just", "quickly", "eventually", "finally", "first", "really",
    "actually", "basically", "only", "personally", "later", "immediately", "initially",
    "still", "now", "always", "all", "both", "together", "ourselves", "myself",
    "originally", "ultimately", "instead", "again", "already", "even", "soon",
    "simply", "carefully", "manually", "successfully", "jointly", "gradually",
    "essentially", "literally", "ended", "kind", "sort", "of", "like", "so", "well",
    "proactively", "directly", "specifically", "mostly", "largely", "partly"})
"""Words skipped between a subject and its verb ('we then quickly moved')."""

MODALS: frozenset[str] = frozenset({
    "would", "could", "might", "should", "can", "will", "may", "must", "shall", "wanna",
    "gonna"})

NEGATIONS: frozenset[str] = frozenset({
    "didn't", "don't", "never", "couldn't", "wasn't", "weren't", "not", "haven't",
    "hadn't", "won't", "wouldn't", "can't", "cannot"})

BE_FORMS: frozenset[str] = frozenset({
    "am", "was", "were", "are", "is", "be", "been", "being", "'s", "'re", "'m"})

HAVE_FORMS: frozenset[str] = frozenset({"had", "have", "has", "having"})

STATIVE_VERBS: frozenset[str] = frozenset({
    "know", "knew", "think", "thought", "believe", "believed", "feel", "felt", "guess",
    "mean", "meant", "want", "wanted", "need", "needed", "hope", "hoped", "like", "liked",
    "love", "loved", "seem", "seemed", "wish", "remember", "wondered", "realized",
    "realised", "noticed", "saw", "see", "heard", "understood", "understand", "learned",
    "learnt", "kind", "sort", "used", "tend", "tended", "agreed", "assumed",
    "expected", "inherited", "enjoyed", "say", "said", "mentioned", "guessed", "sat", "sit",
    "reported", "belonged", "lived", "hated", "disliked", "preferred", "cared", "doubted"})
"""After I/we these describe a state or a thought, not an action."""

STATIVE_ACTIONS: tuple[str, ...] = ("sat down", "sit down", "sat with", "heard out",
                                    "saw to")
"""... except in these phrases: 'I sat down with product' is a step [held-out]."""

PASSIVE_STATES: frozenset[str] = frozenset({
    "called", "named", "based", "located", "supposed", "involved", "interested",
    "worried", "concerned", "surprised", "excited", "pleased", "tired", "scared",
    "frustrated", "annoyed", "confused", "required", "needed", "expected", "allowed",
    "known", "used", "married", "born", "stuck", "bored", "overwhelmed", "impressed",
    "disappointed", "convinced", "aligned", "focused", "motivated", "blocked", "affected",
    "owned", "staffed", "scheduled", "planned", "due", "hosted", "structured",
    "organised", "organized", "spread", "shared", "limited", "understaffed", "paid",
    "hired", "promoted", "caused", "related", "linked", "tied"})
"""'It was called X', 'we were worried', 'it was hosted on AWS': states, not passive work
that hides who did it. Passives only count against ownership when no 'I' acts at all."""

ROLE_VERBS: frozenset[str] = frozenset({
    "owned", "own", "led", "lead", "managed", "manage", "oversaw", "headed"})
"""Ownership of a remit: counts towards 'I' ownership, not as the first action."""

CONTEXT_MOVES: frozenset[str] = frozenset({
    "joined", "moved", "transferred", "switched", "worked", "started", "left", "work",
    "rejoined", "spent"})
"""'I joined the team', 'I moved to a different team', 'I worked at X' are context."""

CONTEXT_MOVE_OBJECTS: frozenset[str] = frozenset({
    "team", "company", "role", "job", "position", "group", "org", "organisation",
    "organization", "department", "startup", "firm", "at", "as", "for", "there", "here"})

WE_NOUNS: tuple[str, ...] = ("our team", "my team", "the team", "our group", "my group",
                             "the whole team", "our squad", "everyone")
"""Team subjects that count as 'we' in ownership [OURS]."""

IRREGULAR_PAST: frozenset[str] = frozenset({
    "built", "wrote", "ran", "took", "made", "set", "put", "cut", "got", "found", "led",
    "sent", "brought", "went", "did", "began", "chose", "drove", "gave", "kept", "met",
    "paid", "sold", "spent", "split", "told", "won", "shut", "rewrote", "rebuilt", "threw",
    "held", "broke", "caught", "fought", "taught", "bought", "dug", "hid", "shook",
    "stood", "struck", "swapped", "redid", "undid", "reran", "overrode", "froze", "fed",
    "flew", "grew", "hung", "laid", "lent", "let", "lost", "read", "rode", "rose", "saw",
    "shot", "slid", "spoke", "spun", "stuck", "swept", "tore", "wound", "wrung", "sped",
    "sat", "sought", "became", "came", "knew", "drew", "wore", "woke", "rang", "sang",
    "sank", "swam", "forgot", "meant", "heard", "felt", "left", "dealt", "bent",
    "understood", "withdrew", "overtook", "undertook", "oversaw", "foresaw", "mistook",
    "ate", "fell", "forgave", "strove", "sprang", "stole", "swore", "wove", "bore", "bled",
    "bred", "clung", "crept", "fled", "flung", "knelt", "leapt", "slept", "spilt", "spat",
    "stank", "stung", "swung", "wept", "shone", "said", "outran", "overran", "thought"})
"""Past-tense verbs without -ed: an 'and ran an A/B test' continues the last subject."""

STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "or", "but", "so", "then", "of", "to", "in", "on", "at",
    "for", "from", "with", "by", "as", "is", "was", "were", "are", "be", "been", "it",
    "its", "it's", "this", "that", "these", "those", "we", "i", "you", "they", "he",
    "she", "our", "my", "your", "their", "his", "her", "me", "us", "them", "had", "have",
    "has", "do", "did", "does", "would", "could", "should", "will", "can", "not", "no",
    "there", "here", "what", "which", "who", "when", "where", "how", "why", "all",
    "some", "any", "about", "into", "out", "up", "down", "over", "after", "before",
    "just", "really", "very", "also", "if", "because", "while", "than", "too", "more",
    "most", "much", "many", "one", "two", "get", "got", "like", "well", "um", "uh",
    "i'm", "i'd", "i've", "we'd", "we're", "we've", "don't", "didn't", "wasn't",
    "other", "each", "every", "again", "still", "now", "even", "back", "way", "thing",
    "things", "lot", "bit", "kind", "sort", "actually", "basically", "pretty", "quite"})

GENERIC_NOUNS: frozenset[str] = frozenset({
    "company", "team", "time", "thing", "things", "job", "role", "work", "project",
    "people", "someone", "something", "year", "years", "month", "months", "day", "days",
    "week", "weeks", "story", "situation", "example", "question", "previous", "current",
    "big", "pretty", "really", "back", "called", "later", "earlier", "last", "first",
    "spring", "summer", "fall", "autumn", "winter", "quarter", "office", "offices",
    "data", "tell", "talk", "going", "okay", "right", "sure", "think", "know", "maybe",
    "guess", "mean", "want", "wanted", "need", "needed", "said", "went", "made", "did",
    "happened", "different", "new", "old", "good", "great"})
"""Words too generic to say what a story is about in the 10-second scan [OURS]."""

QUESTION_GENERIC: frozenset[str] = frozenset({
    "tell", "time", "describe", "example", "situation", "give", "talk", "walk", "share",
    "experience", "project", "when", "what", "how", "did", "you", "your", "had", "have",
    "about", "me", "us", "handle", "handled", "moment", "occasion", "instance", "specific",
    "particular", "recent", "recently", "ever", "worked", "work"})
