"""The coaching lexicons: the phrases that tell stakes, outcomes, decisions, learning and
ownership apart, each with its source or reason. `Rules` (core.rules) takes its defaults from
here, so a custom Rules can swap any of them.

Sources are the tags of core.rules: [ART] the article the product grew from, [STAR] the
90-second STAR budget, [OURS] our own choice, [held-out] found on the held-out answers in
tests/unit/heldout (labelled before the coach was run on them).

Entries are lowercase phrases matched word by word; a trailing "*" matches any word with that
prefix ("escalat*" matches "escalated", "escalation").
"""

from __future__ import annotations

STAKES_STRONG: tuple[str, ...] = (
    "between us and a competitor", "deciding between us", "choosing between us",
    "comparing us with", "comparing us to", "to a competitor", "over a competitor",
    "lose the deal", "lose the customer", "lose them", "end of support", "end-of-support",
    "no longer supported", "unsupported", "stop getting patches", "stopped getting patches",
    "ended up leaving", "about to leave", "about to quit", "thinking of leaving", "resigned",
    "attrition", "turnover",
    "at risk", "at stake", "risk of", "risking", "in jeopardy", "jeopardi*",
    "out of support", "end of life", "end-of-life", "security patch*", "mattered",
    "launch date", "hard launch", "hard deadline", "due date", "go-live date",
    "matters because", "important because", "critical", "urgent",
    "top priority", "high priority", "priority for", "high stakes", "high-stakes",
    "outage*", "downtime", "incident*", "sev1", "sev-1",
    "p0", "p1", "sla", "slas", "slo", "slos", "churn*", "revenue", "compliance",
    "one star", "one-star", "1-star", "bad reviews", "negative reviews", "uninstall*",
    "price increase", "price hike", "serious", "severe", "big deal", "huge deal",
    "whether to keep", "whether to stay", "whether to renew", "whether to cancel",
    "cancel their", "cancelled their", "canceled their", "renew their",
    "feature freeze", "code freeze", "biggest source of", "largest source of",
    "main source of", "second biggest source of", "top source of", "biggest driver of",
    "main driver of", "biggest customer*", "largest customer*", "biggest client*",
    "blocked on", "blocked by", "was blocking",
    "were blocking", "is blocking", "blocking the", "blocking our", "blocking us",
    "blocking a", "blocking two", "blocking three", "blocking other", "blocking release*",
    "were blocked", "was blocked", "are blocked", "got blocked", "a blocker",
    "the blocker", "blocker for", "blocked the", "blocked our", "blocked us",
    "blocked all", "blocked every*", "blocked two", "blocked three",
    "regulat*", "audit*", "gdpr", "hipaa", "breach*", "vulnerabilit*", "penalt*", "fines",
    "lawsuit*", "legal", "escalat*", "under pressure", "wrong choice", "wrong decision",
    "get it wrong", "got it wrong", "lock-in", "locked in", "lock us in", "costing",
    "cost us", "costs us", "cost the company",
    "burning", "bleeding", "deadline*", "losing", "paged", "on-call", "on call",
    "complain*", "millions of", "thousands of",
    "data loss", "lose the", "miss the", "missing the", "miss our",
    "slip*", "go-live", "make or break")
"""One of these in a clause states stakes [ART: why the problem mattered to the business].
'Budget' alone is not here: 'a 50 ms budget' is a latency target; it is a party below.
'Blocking' only as a verb phrase: 'mark comments as blocking' is a label [held-out]."""

STAKES_CONDITIONAL: tuple[str, ...] = (
    "unless", "if we didn't", "if we did not", "if we don't", "if we hadn't",
    "if we couldn't", "if we could not", "if i didn't", "if i hadn't", "if it failed",
    "if this failed", "if that failed", "otherwise", "or else", "without a fix",
    "without the fix", "without it", "if nothing changed", "if we missed",
    "if we did nothing", "if we waited", "or lose", "or losing", "or we lose",
    "or we'd lose", "or risk", "or miss", "or face", "or drop")
"""A risk stated as a condition: stakes even though the clause is negative."""

STAKES_SETUP_ONLY: tuple[str, ...] = (
    "meant", "which meant", "that meant", "so every", "every failure", "every time it",
    "each time it", "each failure")
"""Consequence words that state stakes in the set-up (before the first action); later
they usually explain a decision or a result."""

STAKES_WOULD_HAVE: tuple[str, ...] = (
    "lost", "missed", "cost", "failed", "broken", "slipped", "blocked", "churned",
    "delayed", "breached", "violated", "hurt", "damaged", "been late", "lose", "miss",
    "fail", "break", "slip", "block", "churn", "delay", "breach", "violate", "hurt",
    "damage", "be late", "be cut", "killed", "cancel*", "pull*", "run out", "ran out",
    "drained", "stolen", "leaked", "exposed", "compromised", "taken down", "deleted",
    "wiped", "lost", "sunk", "been sunk")
"""'would have X' / 'would X' / 'we'd X' with X here is a consequence construction."""

STAKES_HARM: tuple[str, ...] = (
    "out of control", "spiralling", "spiraling", "ballooning", "ballooned", "exploded",
    "skyrocket*",
    "fail*", "broke", "broken", "break*", "slow", "slower", "latency", "error*", "bug*",
    "crash*", "down", "stale", "wrong", "delay*", "late", "lose", "lost", "drop*",
    "expensive", "cost", "costs", "costly", "spend*", "bill", "pain*", "manual*", "toil",
    "frustrat*", "unhappy", "stuck", "risk*", "timeout*", "flaky", "unreliable",
    "degrad*", "leak*", "inaccurate", "miss*", "affect*", "impact*", "hurt*", "outdated",
    "out of date", "could not handle", "couldn't handle", "couldn't keep up",
    "could not keep up", "overload*", "fell over", "fall over", "falling over",
    "not ready", "bottleneck*", "struggl*", "unusable", "unavailable", "outage*", "wait*",
    "longer", "worse", "misrout*", "mislabel*", "misclassif*", "wrongly", "incorrect*",
    "abandon*", "angry", "upset", "bad", "annoyed", "confus*", "stale", "flat",
    "stagnat*", "plateau*", "declin*", "falling", "fell", "fallen", "pressure",
    "overwhelm*", "flood*", "discourag*",
    "burn*", "yesterday's", "day-old", "old data", "wrong data", "couldn't", "could not",
    "unable", "can't", "cannot", "slowing", "slowed", "depended on", "depends on",
    "depend on", "relied on", "rely on", "relies on", "taken away", "wasn't usable",
    "weren't usable", "not usable", "isn't usable", "wasn't accessible", "inaccessible")
"""A harm word plus an affected party (stakes_party) near it also states stakes."""

STAKES_PARTY: tuple[str, ...] = (
    "investor*", "funding", "board", "cfo", "coo", "cio", "founder*", "head of",
    "customer*", "client*", "user*", "business", "revenue", "sales", "partner*",
    "merchant*", "advertiser*", "patient*", "leadership", "executive*", "vp", "ceo",
    "cto", "finance", "launch*", "release", "contract*", "deal*", "production", "prod",
    "traffic", "money", "dollars", "checkout", "orders", "subscribers", "members",
    "drivers", "riders", "sellers", "buyers", "analysts", "stakeholders", "budget*",
    "sale", "payment*", "invoice*", "billing", "sign-ups", "signups", "sign-up",
    "conversion*", "bookings", "app reviews", "store reviews", "star reviews",
    "user reviews", "customer reviews", "app store", "play store", "ratings",
    "data scientists", "scientists",
    "engineers", "developers", "researchers", "demo", "product manager*", "pms",
    "regulator*", "renewal*", "roadmap", "launches", "headcount", "fraud", "shoppers",
    "visitors", "listeners", "viewers", "readers", "players", "students", "passengers",
    "guests", "hosts", "tenants", "advertisers", "creators", "subscription*")
"""Who or what a harm hurts. Colleagues count: 'data scientists couldn't start training
until lunchtime' is a cost the business pays [held-out answers]. 'Fraud' is here, not a
stake on its own: 'our fraud model degraded' is a risk, 'a new fraud model' a topic."""

IMPORTANCE_VERBS: tuple[str, ...] = (
    "drove", "drives", "drive", "accounts for", "accounted for", "account for",
    "brought in", "brings in", "generates", "generated", "makes up", "made up", "make up",
    "was worth", "is worth", "worth")

IMPORTANCE_OF: tuple[str, ...] = (
    "of our", "of all", "of total", "of the company's", "of company", "of revenue",
    "of sales", "of the business", "a year", "a month", "per year", "per month")
"""'Reminders drove about a third of our weekly active users', 'search accounts for 60 %
of revenue': how much rode on the thing is stakes [ART: why it mattered]."""

CHANGE_VERBS: tuple[str, ...] = (
    "back to", "back under", "back below", "back above", "signed", "renewed",
    "cut", "cuts", "reduc*", "lower*", "decreas*", "dropp*", "drop", "drops", "fell",
    "went down", "came down", "brought down", "brought it down", "increas*", "improv*",
    "rais*", "grew", "grow*", "rose", "boost*", "doubl*", "tripl*", "halv*", "saved",
    "saving*", "save", "sped up", "speed up", "went up", "shrank", "shrunk", "eliminat*",
    "lift*", "gain*", "jumped", "climbed", "trimmed", "slashed", "freed up", "recovered",
    "reached", "beat", "exceeded", "down to", "up to", "faster", "slower",
    "cheaper", "fewer", "less", "more", "higher", "better", "quicker", "smaller", "kept",
    "held", "stayed", "maintained", "caught", "prevented", "avoided", "reclaimed",
    "missed", "slipped", "overran", "filled", "won", "closed", "went to")
"""A quantity in a clause with one of these (after the first action) is an outcome [ART:
impact tied to outcomes, e.g. 'reduced inference cost by 22 %']."""

SCHEDULE_MARGIN: tuple[str, ...] = (
    "early", "earlier than planned", "late", "ahead of schedule", "ahead of the deadline",
    "ahead of time", "ahead of plan", "behind schedule", "behind plan", "before the deadline",
    "before the shutdown", "before the launch", "before the cutoff", "before the due date",
    "before go-live", "before the go-live", "before the date", "before the freeze",
    "before it was due", "before the renewal", "before the audit", "before the end of")
"""After a duration, a margin against a date: 'shipped two weeks early', 'three weeks
late' is the outcome of a deadline story [ART: impact tied to outcomes; held-out failure
stories]."""

RECOVERY_WORDS: tuple[str, ...] = (
    "worked again", "working again", "up again", "online again", "running again",
    "back to normal", "back up", "back online", "back under", "back below", "back within",
    "restored", "recovered", "came back", "went back", "mitigated", "was back", "were back",
    "is back", "are back", "back in", "rolled back", "rolled it back", "reverted",
    "failed over")
"""A duration in a clause saying service came back is time to recover, the outcome of an
incident story, even as 'twenty minutes after the page' [OURS: MTTR is how SREs score
incidents]."""

ADOPTION_CUES: tuple[str, ...] = (
    "now use*", "now run*", "are now", "now rely", "adopted", "signed up", "onboarded",
    "switched to", "moved to", "started", "began")
"""A count near one of these, said of others after the work, is adoption: 'they started
tagging 300 tickets a day', '40 teams now use it' [OURS: usage is how internal tools
show impact]. 'started'/'began' only before an -ing verb or 'to'."""

AFTER_PERIOD: tuple[str, ...] = (
    "the next", "the following", "after that", "afterwards", "since then", "by the end",
    "over the next", "in the following", "for the rest of", "that year", "that quarter",
    "that month", "that week", "in the first month", "in the first quarter",
    "in the first week")
"""A count in a clause that opens on the period after the work is its outcome: 'the next
two quarters we had one sev-1' [OURS]."""

THRESHOLD_COMPARATORS: tuple[str, ...] = (
    "more than", "less than", "over", "above", "below", "under", "greater than",
    "higher than", "lower than", "at least", "exceeds", "exceeded")

THRESHOLD_HEADS: tuple[str, ...] = (
    "anything", "any", "everything", "whatever", "anyone", "whenever", "when it",
    "if it", "if the", "once it", "when the", "flag", "flagged", "alert*", "block*",
    "reject*", "drop any", "cap", "capped", "limit")
"""'Dropped anything that was more than 30 % off', 'alerted when it went over 0.2': a
comparator after one of these heads is a rule the work sets, not its outcome [OURS]."""

FIGURE_LEAD_SKIP: frozenset[str] = frozenset({
    "about", "around", "roughly", "approximately", "nearly", "almost", "some", "like",
    "maybe", "probably", "just", "only", "us", "me", "them", "him", "her", "the", "a",
    "an", "all", "another", "over", "more", "than"})
"""Skipped when looking for the word that governs a figure: 'saved us roughly two
engineers' is governed by 'saved' [OURS]."""

PLAN_WORDS: tuple[str, ...] = (
    "goal", "target*", "aim*", "plan*", "estimat*", "expect*", "projected", "hoping",
    "supposed", "asked us", "asked me", "needed to", "wanted to", "would", "could",
    "should", "might", "will", "going to", "budgeted", "quoted", "if", "unless")
"""A quantity in a clause with one of these is a plan or target, not an outcome."""

RESULT_IMPACT: tuple[str, ...] = (
    "signed", "renewed", "won the", "closed the deal",
    "cut", "reduc*", "lowered", "decreased", "dropped", "fell", "went down", "came down",
    "brought down", "brought it down", "increased", "improved", "raised", "grew", "rose",
    "boosted", "doubled", "tripled", "halved", "saved", "sped up", "eliminated", "shrank",
    "jumped", "climbed", "recovered", "on time", "on schedule", "ahead of schedule",
    "hit the deadline", "hit the target", "hit our", "met the deadline", "met our",
    "met the sla", "adopted", "was kept", "were kept", "kept accuracy", "keeping accuracy",
    "stayed flat", "stayed steady", "held steady", "no longer", "never again",
    "stopped complaining", "complaints stopped",
    "as a result", "the result", "the outcome", "led to", "ended up", "less", "fewer",
    "resulted in", "result was", "impact was", "outcome was", "which meant we", "this meant",
    "faster", "cheaper", "happier", "happy with", "were happy", "was happy", "pleased with",
    "more reliable", "more stable", "still use*",
    "still running", "still in use", "is used", "are used", "now use*", "is now",
    "are now", "was now", "since then it", "since then we haven't", "zero", "it worked",
    "that worked", "this worked", "paid off", "won", "stopped failing", "stopped paging",
    "went away", "disappeared", "went to zero", "went from", "down from", "up from",
    "returned", "got back", "came back", "back to normal", "before the deadline",
    "go away", "goes away", "goes down", "go down", "drops", "falls", "improves",
    "saves", "halves", "doubles", "is down", "are down",
    "in the end", "by the end of it", "at the end of it",
    "ahead of the deadline", "no downtime", "zero downtime", "without downtime",
    "on the date", "on the planned date", "on the agreed date", "on the day we promised",
    "on target", "as planned", "as promised", "on the date i'd promised",
    "without any downtime", "stopped", "went away")
"""What changed because of the actions, whoever the subject: the 'result' signal."""

OUTCOME_NOUNS: tuple[str, ...] = (
    "cost*", "bill*", "spend*", "latency", "latencies", "p50", "p90", "p95", "p99", "time*",
    "error*", "failure*", "incident*", "outage*", "downtime", "page*", "alert*",
    "complaint*", "ticket*", "churn*", "revenue", "conversion*", "accuracy", "precision",
    "recall", "throughput", "usage", "backlog", "queue*", "wait*", "delay*", "crash*",
    "bug*", "defect*", "toil", "load", "traffic", "retention", "engagement", "click*",
    "sales", "orders", "bookings", "margin*", "speed", "performance", "reliability",
    "uptime", "availability", "false positives", "false negatives", "risk", "headcount",
    "budget", "size", "footprint", "memory", "cpu", "storage", "rate", "share", "score*",
    "satisfaction", "nps", "csat", "adoption", "friction", "noise", "effort", "hours",
    "days", "minutes", "weeks", "money", "dollars")
"""With 'I'/'we' as subject, a change verb is a result only on an outcome like these: 'we
cut the bill' is a result, 'I raised the pool size' is a step [OURS; held-out]."""

RESULT_IMPACT_VETO: tuple[str, ...] = (
    "came back with", "come back with", "comes back with", "went back and forth",
    "went back to the drawing", "went back to them", "came back to me", "came back to us")
"""Result words that, in these phrases, report a person's move, not an outcome."""

ZERO_PHRASES: tuple[str, ...] = (
    "a single", "not one", "none of", "no one", "nobody", "zero")
"""In a result, a counted zero said without a digit: 'we didn't lose a single account'
is a quantified outcome [OURS]."""

RESULT_NEGATIVE: tuple[str, ...] = (
    "didn't change", "did not change", "didn't get worse", "no change in", "stayed the same",
    "haven't had", "hasn't had", "haven't seen", "hasn't happened", "hasn't failed",
    "haven't failed", "never happened again", "not happened since", "didn't have to",
    "haven't had to", "hasn't needed", "no more", "never came back", "never failed",
    "not a single", "haven't been paged", "hasn't paged", "didn't lose", "didn't miss",
    "didn't slip")
"""Results said in the negative ('we haven't had a wrong-model incident since')."""

RESULT_COMPLETION: tuple[str, ...] = (
    "fixed", "resolved", "shipped", "launched", "went live", "went out", "rolled out",
    "unblocked", "stopped", "prevented", "avoided", "delivered", "landed", "closed",
    "passed", "succeeded", "completed on time", "finished", "completed")
"""Results when said of the system ('the leak was fixed') or in the wrap-up; an early
'we fixed the schema differences' is one more task [ART: work described as tasks]."""

DECISION_CHOICE: tuple[str, ...] = (
    "suggested", "limited it to", "restricted it to", "capped it at", "kept it to", "scoped it to",
    "made the decision", "made a decision", "decided against", "the call i made",
    "decided", "decide", "chose", "choose", "opted", "went with", "go with", "picked",
    "settled on", "made the call", "my call", "the call was", "pushed for",
    "pushed to", "argued for", "recommended", "proposed", "prioritized",
    "prioritised", "bet on", "committed to", "ruled out", "rejected", "scoped",
    "traded", "said no", "went for", "landed on", "the decision", "my decision",
    "our decision", "convinced", "skipped", "held off", "postponed", "deferred",
    "deprioritiz*", "deprioritis*", "pushed back", "stuck with", "opted", "settled for",
    "narrowed", "ruled", "choosing", "opting", "picking", "deciding", "settling on",
    "going with", "replaced", "replacing", "swapped", "ranked", "prioritising",
    "prioritizing", "kept",
    "i'd rather", "i would rather", "we'd rather", "we would rather", "i'd prefer",
    "i would prefer", "i preferred")
"""Choice verbs; a decision needs one of these with a reason or alternative nearby.
'Replaced X with Y' names the option turned down; 'ranked them by' is a priority call
[held-out: EM and prioritisation answers]."""

PREFERENCE: tuple[str, ...] = (
    "i'd rather", "i would rather", "we'd rather", "we would rather", "i'd prefer",
    "i would prefer")
"""'I'd rather X than Y' states a choice despite the modal."""

REJECTED_OPTIONS: tuple[str, ...] = (
    "i could have", "i could've", "we could have", "we could've", "i might have",
    "the obvious move was", "the obvious fix was", "the easy option was",
    "the fastest fix was", "the quick fix was")
"""'I could have pushed through, but losing one of them would have sunk the launch': an
option weighed and turned down, when a 'but' follows in the same sentence."""

REFUSALS: tuple[str, ...] = (
    "didn't want to", "did not want to", "wasn't going to", "was not going to",
    "didn't think we should", "refused to", "chose not to", "decided not to")
"""'I didn't want to go around her, so I ...': an option rejected out loud, then what was
done instead."""

DECISION_CHOICE_PRESENT: frozenset[str] = frozenset({
    "propose", "proposes", "suggest", "suggests", "recommend", "recommends", "decide",
    "decides", "choose", "chooses", "pick", "picks", "prioritize", "prioritise", "opt",
    "prefer"})
"""Present-tense choice verbs, as the clause's own verb after 'I'/'we' only ('I propose to
them to automate ...', told in the present by non-native speakers); after 'asked them to'
they are someone else's task [held-out]."""

LEARNING_LABELS: frozenset[str] = frozenset({
    "learning", "learnings", "lesson", "lessons", "takeaway", "takeaways", "reflection"})
"""A label opening a sentence ('Learning - always test token expiry'), STAR-style."""

MEASURE_LEVEL: tuple[str, ...] = (
    "was", "were", "is", "came in at", "ended at", "ended up at", "landed at", "settled at",
    "stood at", "came out at")
"""'The real accuracy was 89 %' after the work: an outcome noun, one of these, then the
figure reports the level reached [OURS]."""

CHOICE_PARTICIPLES: frozenset[str] = frozenset({
    "choosing", "opting", "picking", "deciding", "going", "settling", "preferring",
    "trading", "accepting", "sacrificing", "prioritising", "prioritizing", "favouring",
    "favoring", "keeping", "leaving", "replacing", "swapping"})
"""', choosing it over a deep model': a participle clause that carries the previous
clause's I/we subject into the choice [OURS]."""

ORDERING_VERBS: frozenset[str] = frozenset({
    "put", "moved", "pushed", "kept", "bumped", "sequenced", "scheduled", "parked",
    "ranked"})

ORDERING_PLACES: tuple[str, ...] = (
    "first", "ahead of", "to the top", "at the top", "on hold", "to the back", "last",
    "above", "below the line", "to the front", "before the")
"""'I put the lead-scoring model first, because ...': ordering work is a priority call
[held-out prioritisation answers]."""

OTHER_ACTORS: frozenset[str] = frozenset({
    "director", "manager", "boss", "lead", "vp", "cto", "ceo", "cfo", "leadership",
    "management", "pm", "architect", "customer", "client", "he", "she", "they",
    "stakeholders", "legal", "executives", "founder", "founders", "committee", "board",
    "someone", "somebody", "others", "vendor", "partner", "company"})
"""A decision whose subject is one of these is someone else's call, however well argued:
'our director decided we would rewrite it' [ART: ownership at your level]."""

DECISION_ALTERNATIVE: tuple[str, ...] = (
    "evaluated", "assessed", "looked at three options", "looked at two options",
    "instead of", "instead", "rather than", "in favour of", "in favor of",
    "trade-off*", "tradeoff*", "trade off*", "at the cost of", "at the expense of",
    "downside*", "upside*", "option*", "alternative*", "versus", "vs", "either",
    "considered", "weighed", "compared", "pros and cons", "the risk was", "but it would",
    "even though", "although",
    "would have taken", "would have cost", "would have meant", "would have risked",
    "accepting that", "knowing that", "even if it meant", "even though it meant",
    "at the price of", "even it was", "even if it was", "even if it cost",
    "even though it was", "to the next sprint", "to next sprint", "to the next quarter",
    "to next quarter", "to the backlog", "for later", "to the next release")
"""A rejected option or trade-off [ART: decisions explained with trade-offs]."""

DECISION_REASON: tuple[str, ...] = (
    "because", "since it", "since we", "since the", "so that", "given", "as it was",
    "to avoid", "the reason", "which meant", "that meant", "reversible", "cheaper",
    "safer", "simpler", "easier", "faster", "less risk*", "lower risk", "more reliable",
    "risk*", "so we could", "so i could", "so it", "as the", "as our", "as we", "as they",
    "as it", "as i", "because of", "due to", "in order to", "wanted to hit", "to hit",
    "since those", "since these", "since they", "since our", "since this", "since that",
    "since there")

DECISION_STRONG: tuple[str, ...] = (
    "instead of", "rather than", "in favour of", "in favor of", "trade-off*",
    "tradeoff*", "trade off*", "at the cost of", "at the expense of", "weighed",
    "pros and cons", "two options", "three options", "two approaches", "made the call",
    "two choices", "three choices", "a few options", "several options", "two ways",
    "the trade", "considered", "accepting that", "even if it meant", "at the price of",
    "the choice of", "a choice between", "the choice between", "had a choice",
    "even though it meant",
    "had the choice", "choice was between",
    "the downside was", "the cost of that was")
"""These alone state a decision when an I/we clause says them [ART]."""

LEARNING_CUES: tuple[str, ...] = (
    "key learning", "biggest learning", "main learning", "my learning", "learning for me",
    "my learnings", "key learnings", "one thing i'd change", "if i could do it again",
    "i'd take away", "i realized that", "i realised that",
    "i learned", "i learnt", "i've learned", "we learned", "the lesson", "lesson i",
    "lessons learned", "lessons i", "lessons from", "lessons for me", "my lessons",
    "key lessons", "main lesson", "biggest lesson", "two lessons", "taught me",
    "teach me", "takeaway", "take away", "what i'd do differently",
    "i'd do differently", "do it differently", "i would do differently", "next time",
    "i learn to", "i learned to", "i learnt to", "from this i", "from that i",
    "from this experience", "from that experience",
    "going forward", "moving forward", "from then on", "ever since", "since then",
    "these days", "nowadays", "in hindsight", "looking back", "in retrospect",
    "if i did it again", "if i had to do it again", "if i were to do it again",
    "i wish i had", "i should have", "i'd have", "changed how i", "changed the way i",
    "changed how we", "changed the way we", "made me", "i now", "we now", "i always",
    "now i", "now we", "i still", "i make sure", "i try to", "i've started",
    "i started to", "i'm now", "i'm much more", "i'm more", "i am more", "i've become",
    "i became more", "we should have", "became the standard", "became our standard",
    "became a template", "became our playbook", "became the playbook", "into the runbook",
    "into our runbook", "to the runbook", "into our playbook", "now our standard",
    "our standard process", "standard practice", "now part of our", "is now part of",
    "became part of", "now the default", "became the default", "my rule", "rule of thumb",
    "lesson for me", "lesson learned", "lesson here", "my lesson", "lesson was",
    "now every", "now all", "now each", "i learn",
    "my default now", "i now default", "i realized that i", "i realised that i",
    "that experience taught", "it changed how", "it changed the way", "what i took from",
    "what i took away", "i took away", "my takeaway", "now whenever", "now when",
    "now every time", "every time i", "whenever i", "whenever we", "since that project",
    "since that day", "i carry", "stuck with me", "i've kept", "i keep doing")
"""A lasting change after the story [ART: close with what changed after the outcome]."""

LEARNING_EMPTY: tuple[str, ...] = (
    "a lot", "so much", "a ton", "tons", "loads", "lots", "many things", "a great deal",
    "heaps", "a bunch", "plenty", "a few things", "new things", "new skills")
"""'I learned a lot (about X)' right after a learning cue: no lesson, nothing changed
[ART: close with what changed after the outcome]."""

PRACTICE_MARKERS: tuple[str, ...] = (
    "can", "can't", "cannot", "nobody", "no one", "everyone",
    "always", "every", "each", "never", "by default", "any", "all new", "whenever",
    "standard", "policy", "checklist", "template", "runbook", "rule", "required",
    "requires", "must", "goes through", "go through", "has a", "have a", "includes",
    "include", "runs", "uses", "starts with", "gets")
"""After 'since then' with no I/we, these say a practice changed: 'since then every
change goes through a reviewed plan', 'our release checklist has a staged rollout'."""

LASTING_RESULT: tuple[str, ...] = (
    "has been", "have been", "has had", "have had", "hasn't", "haven't", "has not",
    "have not", "has stayed", "have stayed", "went", "was", "were")
"""... and these say an outcome lasted, which is a result, not a lesson."""

LEARNING_EARLY_OK: tuple[str, ...] = (
    "the lesson", "lesson i", "taught me", "takeaway", "what i'd do differently",
    "i'd do differently", "in hindsight", "looking back", "in retrospect", "going forward")
"""Learning cues that count wherever they are said; the others only in the second half
(an early 'I learned that the job ran nightly' is finding out, not learning)."""

INVOLVEMENT: tuple[str, ...] = (
    "i was involved", "i was part of", "i was a part of", "i helped with",
    "i contributed to", "i participated in", "i was one of the", "i supported the",
    "i assisted", "i was on the team that", "i was in the team that", "i got involved")
"""Presence, not action: with no concrete 'I' step, weak_ownership [ART: ownership at
your level; 'vague or junior']."""

INVOLVEMENT_VERBS: frozenset[str] = frozenset({
    "helped", "contributed", "participated", "supported", "assisted", "collaborated",
    "involved", "joined"})
"""Verbs that don't say what the speaker did themselves."""
