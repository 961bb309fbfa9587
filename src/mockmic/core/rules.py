"""Every threshold, weight and lexicon the coach uses, as data, each with its source.

Sources (see /work/shared/COACHING.md for the full table):
  [MS]    Microsoft Speaker Coach support page: 100-165 WPM recommended.
  [RAI]   Read.ai coaching methodology: 130-175 WPM "optimal clarity"; fillers < 4 % of words.
  [GT]    Griffiths 1990; Tauroza & Allison 1990: 130-160 WPM comprehension band.
  [SA]    speechaway.co after Miller et al. 1976: target 140-160, flag only sustained <110 / >190.
  [GZ]    Götz 2013; Corley & Stewart 2008: ~1.2 fillers/min fluent, ~4.8/min hesitant.
  [LVC]   local-voice-coach / interview-voice-coach: a gap >= 0.6 s is a pause, > 3 s thinking.
  [SW]    Swarthmore career centre: 1-2 minutes typical; 90 s is our target.
  [STAR]  jobtrackfy "90-second STAR": Situation 10-15 s, Task ~10 s, Action 45-55 s, Result
          15-20 s; Situation > 20 s reads as stalling; behavioural rubric 10/10/60/20 %.
  [ART]   the article the product grew from (shared/context/000_...): stakes, decisions with
          trade-offs, impact tied to outcomes, ownership, learning; rambling, too much detail;
          the 10-second scan.
  [OURS]  our own choice, tuned on hand-written answers in tests/unit; change freely.

Lexicon entries are lowercase phrases matched word by word; a trailing "*" matches any word with
that prefix ("escalat*" matches "escalated", "escalation").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def _frozen(d: dict[str, float]) -> Mapping[str, float]:
    return MappingProxyType(d)


@dataclass(frozen=True)
class Rules:
    # --- Timing -----------------------------------------------------------------------------
    over_time_warn_ratio: float = 0.10
    """over_time warns when the answer runs this fraction past the target [SW][OURS]."""
    over_time_fail_ratio: float = 0.33
    """... and fails past this fraction (90 s -> 2:00) [SW: 2 minutes is the upper end]."""
    late_impact_fraction: float = 0.75
    """The first result is late after this share of max(answer, target) [STAR: Result is the
    last 15-20 s of 90], or after the target mark itself. Measured against the target too,
    because a short answer's last sentence is not a long wait [OURS]."""
    setup_max_s: float = 20.0
    """Set-up before the first action longer than this reads as stalling [STAR]."""
    setup_max_share: float = 0.30
    """... or longer than this share of the answer [STAR: Situation+Task = 20 % of the rubric,
    plus slack for a one-sentence stakes statement] [OURS]."""
    setup_share_min_answer: float = 0.75
    """... and only in answers at least this share of the target: a two-sentence context
    is 30-40 % of a 50 s answer without stalling anyone [OURS; held-out answers of 45-60 s]."""
    task_cues: tuple[str, ...] = (
        "my job was", "my task was", "my role was", "it was my job", "i was asked to",
        "i was tasked", "i was the", "i was on call", "i was on-call", "task", "my part was",
        "i was responsible", "i owned", "i was in charge")
    """A set-up saying what the speaker was there to do is Situation + Task [STAR]."""
    setup_min_s_for_share: float = 10.0
    """The share rule needs at least this much set-up: 8 s of context in a 25 s answer is fine."""
    setup_task_allowance_s: float = 10.0
    """A set-up that states the stakes or the speaker's role is Situation + Task: this much
    longer is fine [STAR: Situation up to 20 s, Task ~10 s] ..."""
    setup_task_allowance_share: float = 0.10
    """... and this much more of the answer."""
    opening_words: int = 25
    """The 10-second scan [ART]: ~25 words at 150 WPM."""
    stakes_late_share: float = 0.5
    """Stakes first stated after this share of the answer get an info-level hint [OURS]."""
    trailing_min_words: int = 15
    """Talk after the last result/learning longer than this is trailing [ART: rambling][OURS]."""
    detail_run_min_clauses: int = 6
    """'Too much detail': this many action clauses in a row with no decision or result ..."""
    detail_run_min_target_share: float = 0.4
    """... lasting at least this share of the target (36 s of 90: most of the STAR Action
    budget of 45-55 s) [STAR][ART][OURS]. A short task list is not rambling (the shared
    tasks_we_no_result answer: 10 steps in 34 s); missing_decision/missing_metric cover it."""

    # --- Delivery ---------------------------------------------------------------------------
    pause_min_s: float = 0.6
    """A gap between words of at least this long is a pause [LVC]."""
    long_pause_s: float = 3.0
    """Longer than this is 'thinking time' [LVC]."""
    long_pauses_warn: int = 3
    """long_pauses warns at this many thinking-time pauses ('several') [OURS] ..."""
    long_pauses_fail: int = 5
    """... and fails at this many."""
    filler_setoff_pause_s: float = 0.3
    """'like'/'so' count as fillers when a pause at least this long sets them off [OURS]."""
    wpm_target: tuple[float, float] = (140.0, 160.0)
    """The band tips aim for [SA]; [GT] 130-160, [RAI] 130-175, [MS] 100-165 agree around it."""
    wpm_fast: float = 190.0
    """too_fast when sustained above this [SA]."""
    wpm_slow: float = 110.0
    """too_slow when sustained below this [SA]."""
    wpm_fast_fail: float = 220.0
    """too_fast fails above this [OURS]."""
    wpm_slow_fail: float = 90.0
    """too_slow fails below this [OURS]."""
    rate_window_s: float = 15.0
    """'Sustained' rate: windows of this length ..."""
    rate_sustained_share: float = 0.5
    """... at least this share of which are out of band [SA: flag only sustained extremes]."""
    rate_min_speech_s: float = 20.0
    """No rate verdict on less speech than this [OURS]."""
    filler_per_100_words: float = 4.0
    """filler_heavy above this many fillers per 100 words [RAI: < 4 % of words] ..."""
    filler_per_min: float = 4.8
    """... or above this many per minute [GZ: hesitant speakers]."""
    filler_fail_factor: float = 2.0
    """filler_heavy fails at this multiple of either threshold [OURS]."""
    filler_min_count: int = 3
    """No filler flag below this many fillers or ..."""
    filler_min_words: int = 30
    """... in an answer shorter than this many words [OURS]."""
    repeat_ngram_min: int = 3
    """Repeated phrases are n-grams of at least this many words with a content word [OURS]."""
    repeat_ngram_max: int = 6
    repeat_rambling_count: int = 3
    """Rambling when phrases are re-said this many times in all (beyond the first) [OURS] ..."""
    restart_rambling_count: int = 3
    """... or the speaker restarts this many times ('we, um, we') [OURS]."""
    asr_loop_min_repeats: int = 3
    """A phrase of 2+ words said this many times back to back is the recogniser looping, not
    the speaker (measured on rambling_no_stakes.flac, ARCHITECTURE.md); collapse it."""

    # --- Content ----------------------------------------------------------------------------
    ownership_min_actions: int = 3
    """weak_ownership needs at least this many I/we action clauses ..."""
    ownership_min_i_share: float = 0.5
    """... and fires when fewer than this share of them are 'I' [ART: ownership at your level]."""
    ownership_min_we_alone: int = 2
    """With no 'I' action at all, this many 'we' actions are enough: a two-sentence 'we moved
    it, we split it' answer still hides the speaker [held-out short answers]."""
    ownership_no_i_words: int = 40
    """... and in an answer of this many words, one 'we' action with no 'I' anywhere is
    enough: the speaker never appears in their own story [ART: ownership]."""
    ownership_min_passive: int = 3
    """With no 'I' action, this many passive steps ('a plan was written') hide the actor."""
    off_topic_min_question_words: int = 3
    """Off-question rambling needs a question with this many content words ..."""
    off_topic_min_answer_words: int = 40
    """... an answer of this many words, and no shared content word at all [OURS: keep it
    conservative; behavioural answers rarely reuse the question's words]."""
    short_answer_words: int = 25
    """Answers shorter than this lose up to `short_answer_points`, in proportion [OURS]."""
    short_answer_points: float = 40.0
    """... so an empty or one-line answer can't score well by having nothing to flag."""

    # --- Score ------------------------------------------------------------------------------
    flag_points: Mapping[str, float] = field(default_factory=lambda: _frozen({
        # Content first: what hiring teams listen for [ART].
        "missing_metric": 16.0, "missing_stakes": 14.0, "missing_decision": 12.0,
        "rambling": 12.0, "weak_ownership": 12.0, "late_impact": 8.0, "missing_learning": 8.0,
        # The 90-second version [ART] sits between content and delivery.
        "over_time": 10.0,
        # Delivery: real but secondary; filler counts are a lower bound.
        "too_fast": 5.0, "too_slow": 5.0, "filler_heavy": 5.0, "long_pauses": 4.0,
    }))
    """Points a flag costs at severity 'fail' (score starts at 100) [OURS]."""
    severity_factor: Mapping[str, float] = field(default_factory=lambda: _frozen({
        "fail": 1.0, "warn": 0.6, "info": 0.15}))
    """Share of a flag's points each severity costs [OURS]."""

    # --- Lexicons ---------------------------------------------------------------------------
    fillers_always: frozenset[str] = frozenset({
        "um", "umm", "ummm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "mmm", "ah",
        "eh"})
    """Always fillers [COACHING: Whisper drops many, so counts are a lower bound]."""
    fillers_set_off: frozenset[str] = frozenset({
        "like", "so", "basically", "actually", "well", "literally", "right", "okay"})
    """Fillers only when set off by a comma, a pause or a sentence start [OURS]."""
    filler_phrases: tuple[str, ...] = ("you know", "i mean", "kind of", "sort of")
    """Two-word fillers; 'kind of'/'sort of' only when no determiner makes them a noun."""
    hedges: tuple[str, ...] = (
        "i think", "i guess", "i suppose", "i believe", "maybe", "perhaps", "probably",
        "sort of", "kind of", "pretty much", "more or less", "somewhat", "i feel like",
        "i'm not sure", "not sure")

    stakes_strong: tuple[str, ...] = (
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
    stakes_conditional: tuple[str, ...] = (
        "unless", "if we didn't", "if we did not", "if we don't", "if we hadn't",
        "if we couldn't", "if we could not", "if i didn't", "if i hadn't", "if it failed",
        "if this failed", "if that failed", "otherwise", "or else", "without a fix",
        "without the fix", "without it", "if nothing changed", "if we missed",
        "if we did nothing", "if we waited", "or lose", "or losing", "or we lose",
        "or we'd lose", "or risk", "or miss", "or face", "or drop")
    """A risk stated as a condition: stakes even though the clause is negative."""
    stakes_setup_only: tuple[str, ...] = (
        "meant", "which meant", "that meant", "so every", "every failure", "every time it",
        "each time it", "each failure")
    """Consequence words that state stakes in the set-up (before the first action); later
    they usually explain a decision or a result."""
    stakes_would_have: tuple[str, ...] = (
        "lost", "missed", "cost", "failed", "broken", "slipped", "blocked", "churned",
        "delayed", "breached", "violated", "hurt", "damaged", "been late", "lose", "miss",
        "fail", "break", "slip", "block", "churn", "delay", "breach", "violate", "hurt",
        "damage", "be late", "be cut", "killed", "cancel*", "pull*", "run out", "ran out",
        "drained", "stolen", "leaked", "exposed", "compromised", "taken down", "deleted",
        "wiped", "lost", "sunk", "been sunk")
    """'would have X' / 'would X' / 'we'd X' with X here is a consequence construction."""
    stakes_harm: tuple[str, ...] = (
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
    stakes_party: tuple[str, ...] = (
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
    importance_verbs: tuple[str, ...] = (
        "drove", "drives", "drive", "accounts for", "accounted for", "account for",
        "brought in", "brings in", "generates", "generated", "makes up", "made up", "make up",
        "was worth", "is worth", "worth")
    importance_of: tuple[str, ...] = (
        "of our", "of all", "of total", "of the company's", "of company", "of revenue",
        "of sales", "of the business", "a year", "a month", "per year", "per month")
    """'Reminders drove about a third of our weekly active users', 'search accounts for 60 %
    of revenue': how much rode on the thing is stakes [ART: why it mattered]."""
    stakes_window: int = 12
    """Harm and party must be within this many words of each other, the party in the same
    sentence or, in the set-up, the one before ('Our team ran the fraud pipeline. Its accuracy
    had degraded.') [OURS]."""

    change_verbs: tuple[str, ...] = (
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
    schedule_margin: tuple[str, ...] = (
        "early", "earlier than planned", "late", "ahead of schedule", "ahead of the deadline",
        "ahead of time", "ahead of plan", "behind schedule", "behind plan", "before the deadline",
        "before the shutdown", "before the launch", "before the cutoff", "before the due date",
        "before go-live", "before the go-live", "before the date", "before the freeze",
        "before it was due", "before the renewal", "before the audit", "before the end of")
    """After a duration, a margin against a date: 'shipped two weeks early', 'three weeks
    late' is the outcome of a deadline story [ART: impact tied to outcomes; held-out failure
    stories]."""
    recovery_words: tuple[str, ...] = (
        "worked again", "working again", "up again", "online again", "running again",
        "back to normal", "back up", "back online", "back under", "back below", "back within",
        "restored", "recovered", "came back", "went back", "mitigated", "was back", "were back",
        "is back", "are back", "back in")
    """A duration in a clause saying service came back is time to recover, the outcome of an
    incident story, even as 'twenty minutes after the page' [OURS: MTTR is how SREs score
    incidents]."""
    adoption_cues: tuple[str, ...] = (
        "now use*", "now run*", "are now", "now rely", "adopted", "signed up", "onboarded",
        "switched to", "moved to", "started", "began")
    """A count near one of these, said of others after the work, is adoption: 'they started
    tagging 300 tickets a day', '40 teams now use it' [OURS: usage is how internal tools
    show impact]. 'started'/'began' only before an -ing verb or 'to'."""
    after_period: tuple[str, ...] = (
        "the next", "the following", "after that", "afterwards", "since then", "by the end",
        "over the next", "in the following", "for the rest of", "that year", "that quarter")
    """A count in a clause that opens on the period after the work is its outcome: 'the next
    two quarters we had one sev-1' [OURS]."""
    threshold_comparators: tuple[str, ...] = (
        "more than", "less than", "over", "above", "below", "under", "greater than",
        "higher than", "lower than", "at least", "exceeds", "exceeded")
    threshold_heads: tuple[str, ...] = (
        "anything", "any", "everything", "whatever", "anyone", "whenever", "when it",
        "if it", "if the", "once it", "when the", "flag", "flagged", "alert*", "block*",
        "reject*", "drop any", "cap", "capped", "limit")
    """'Dropped anything that was more than 30 % off', 'alerted when it went over 0.2': a
    comparator after one of these heads is a rule the work sets, not its outcome [OURS]."""
    figure_lead_skip: frozenset[str] = frozenset({
        "about", "around", "roughly", "approximately", "nearly", "almost", "some", "like",
        "maybe", "probably", "just", "only", "us", "me", "them", "him", "her", "the", "a",
        "an", "all", "another", "over", "more", "than"})
    """Skipped when looking for the word that governs a figure: 'saved us roughly two
    engineers' is governed by 'saved' [OURS]."""
    plan_words: tuple[str, ...] = (
        "goal", "target*", "aim*", "plan*", "estimat*", "expect*", "projected", "hoping",
        "supposed", "asked us", "asked me", "needed to", "wanted to", "would", "could",
        "should", "might", "will", "going to", "budgeted", "quoted", "if", "unless")
    """A quantity in a clause with one of these is a plan or target, not an outcome."""
    result_impact: tuple[str, ...] = (
        "cut", "reduc*", "lowered", "decreased", "dropped", "fell", "went down", "came down",
        "brought down", "brought it down", "increased", "improved", "raised", "grew", "rose",
        "boosted", "doubled", "tripled", "halved", "saved", "sped up", "eliminated", "shrank",
        "jumped", "climbed", "recovered", "on time", "on schedule", "ahead of schedule",
        "hit the deadline", "hit the target", "hit our", "met the deadline", "met our",
        "met the sla", "adopted", "was kept", "were kept", "kept accuracy", "keeping accuracy",
        "stayed flat", "stayed steady", "held steady", "no longer", "never again",
        "stopped complaining", "complaints stopped",
        "as a result", "the result", "the outcome", "led to", "ended up", "less", "fewer",
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
    outcome_nouns: tuple[str, ...] = (
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
    result_impact_veto: tuple[str, ...] = (
        "came back with", "come back with", "comes back with", "went back and forth",
        "went back to the drawing", "went back to them", "came back to me", "came back to us")
    """Result words that, in these phrases, report a person's move, not an outcome."""
    zero_phrases: tuple[str, ...] = (
        "a single", "not one", "none of", "no one", "nobody", "zero")
    """In a result, a counted zero said without a digit: 'we didn't lose a single account'
    is a quantified outcome [OURS]."""
    result_negative: tuple[str, ...] = (
        "haven't had", "hasn't had", "haven't seen", "hasn't happened", "hasn't failed",
        "haven't failed", "never happened again", "not happened since", "didn't have to",
        "haven't had to", "hasn't needed", "no more", "never came back", "never failed",
        "not a single", "haven't been paged", "hasn't paged", "didn't lose", "didn't miss",
        "didn't slip")
    """Results said in the negative ('we haven't had a wrong-model incident since')."""
    result_completion: tuple[str, ...] = (
        "fixed", "resolved", "shipped", "launched", "went live", "went out", "rolled out",
        "unblocked", "stopped", "prevented", "avoided", "delivered", "landed", "closed",
        "passed", "succeeded", "completed on time", "finished", "completed")
    """Results when said of the system ('the leak was fixed') or in the wrap-up; an early
    'we fixed the schema differences' is one more task [ART: work described as tasks]."""
    result_completion_late_share: float = 0.6
    """... 'wrap-up' means after this share of the answer [OURS]."""
    decision_choice: tuple[str, ...] = (
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
    preference: tuple[str, ...] = (
        "i'd rather", "i would rather", "we'd rather", "we would rather", "i'd prefer",
        "i would prefer")
    """'I'd rather X than Y' states a choice despite the modal."""
    rejected_options: tuple[str, ...] = (
        "i could have", "i could've", "we could have", "we could've", "i might have",
        "the obvious move was", "the obvious fix was", "the easy option was",
        "the fastest fix was", "the quick fix was")
    """'I could have pushed through, but losing one of them would have sunk the launch': an
    option weighed and turned down, when a 'but' follows in the same sentence."""
    refusals: tuple[str, ...] = (
        "didn't want to", "did not want to", "wasn't going to", "was not going to",
        "didn't think we should", "refused to", "chose not to", "decided not to")
    """'I didn't want to go around her, so I ...': an option rejected out loud, then what was
    done instead."""
    choice_participles: frozenset[str] = frozenset({
        "choosing", "opting", "picking", "deciding", "going", "settling", "preferring",
        "trading", "accepting", "sacrificing", "prioritising", "prioritizing", "favouring",
        "favoring", "keeping", "leaving", "replacing", "swapping"})
    """', choosing it over a deep model': a participle clause that carries the previous
    clause's I/we subject into the choice [OURS]."""
    ordering_verbs: frozenset[str] = frozenset({
        "put", "moved", "pushed", "kept", "bumped", "sequenced", "scheduled", "parked",
        "ranked"})
    ordering_places: tuple[str, ...] = (
        "first", "ahead of", "to the top", "at the top", "on hold", "to the back", "last",
        "above", "below the line", "to the front", "before the")
    """'I put the lead-scoring model first, because ...': ordering work is a priority call
    [held-out prioritisation answers]."""
    other_actors: frozenset[str] = frozenset({
        "director", "manager", "boss", "lead", "vp", "cto", "ceo", "cfo", "leadership",
        "management", "pm", "architect", "customer", "client", "he", "she", "they",
        "stakeholders", "legal", "executives", "founder", "founders", "committee", "board",
        "someone", "somebody", "others", "vendor", "partner", "company"})
    """A decision whose subject is one of these is someone else's call, however well argued:
    'our director decided we would rewrite it' [ART: ownership at your level]."""
    decision_alternative: tuple[str, ...] = (
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
    decision_reason: tuple[str, ...] = (
        "because", "since it", "since we", "since the", "so that", "given", "as it was",
        "to avoid", "the reason", "which meant", "that meant", "reversible", "cheaper",
        "safer", "simpler", "easier", "faster", "less risk*", "lower risk", "more reliable",
        "risk*", "so we could", "so i could", "so it", "as the", "as our", "as we", "as they",
        "as it", "as i", "because of", "due to", "in order to", "wanted to hit", "to hit",
        "since those", "since these", "since they", "since our", "since this", "since that",
        "since there")
    decision_strong: tuple[str, ...] = (
        "instead of", "rather than", "in favour of", "in favor of", "trade-off*",
        "tradeoff*", "trade off*", "at the cost of", "at the expense of", "weighed",
        "pros and cons", "two options", "three options", "two approaches", "made the call",
        "two choices", "three choices", "a few options", "several options", "two ways",
        "the trade", "considered", "accepting that", "even if it meant", "at the price of",
        "the choice of", "a choice between", "the choice between", "had a choice",
        "had the choice", "choice was between",
        "the downside was", "the cost of that was")
    """These alone state a decision when an I/we clause says them [ART]."""
    learning_cues: tuple[str, ...] = (
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
    learning_empty: tuple[str, ...] = (
        "a lot", "so much", "a ton", "tons", "loads", "lots", "many things", "a great deal",
        "heaps", "a bunch", "plenty", "a few things", "new things", "new skills")
    """'I learned a lot (about X)' right after a learning cue: no lesson, nothing changed
    [ART: close with what changed after the outcome]."""
    practice_markers: tuple[str, ...] = (
        "always", "every", "each", "never", "by default", "any", "all new", "whenever",
        "standard", "policy", "checklist", "template", "runbook", "rule", "required",
        "requires", "must", "goes through", "go through", "has a", "have a", "includes",
        "include", "runs", "uses", "starts with", "gets")
    """After 'since then' with no I/we, these say a practice changed: 'since then every
    change goes through a reviewed plan', 'our release checklist has a staged rollout'."""
    lasting_result: tuple[str, ...] = (
        "has been", "have been", "has had", "have had", "hasn't", "haven't", "has not",
        "have not", "has stayed", "have stayed", "went", "was", "were")
    """... and these say an outcome lasted, which is a result, not a lesson."""
    learning_early_ok: tuple[str, ...] = (
        "the lesson", "lesson i", "taught me", "takeaway", "what i'd do differently",
        "i'd do differently", "in hindsight", "looking back", "in retrospect", "going forward")
    """Learning cues that count wherever they are said; the others only in the second half
    (an early 'I learned that the job ran nightly' is finding out, not learning)."""

    # --- Clause grammar ---------------------------------------------------------------------
    runon_sentence_words: int = 30
    """A 'sentence' longer than this is a typed answer without punctuation: split it before
    each new 'I'/'we' subject so clauses and sentence windows still work [OURS; held-out
    typed answers]."""
    runon_binders: frozenset[str] = frozenset({
        "and", "or", "but", "so", "that", "which", "what", "because", "when", "if", "then",
        "where", "who", "how", "why", "than", "as", "until", "while", "after", "before",
        "once", "since", "whether", "unless", "though", "although", "whenever", "me", "us",
        "thing", "things", "way", "lesson", "one", "time", "day", "think", "thought", "said",
        "say", "knew", "know", "realised", "realized", "felt", "feel", "believe", "guess",
        "hope", "hoped", "sure", "like"})
    """... unless the word before the subject binds it into the running clause ('what I
    learned', 'and we', 'the thing I'd do', 'I think we')."""
    clause_openers: frozenset[str] = frozenset({
        "and", "but", "so", "then", "because", "which", "who", "where", "when", "while",
        "after", "before", "until", "unless", "although", "though", "since", "if",
        "whereas", "or", "once", "whether", "whenever", "wherever", "however"})
    hypothetical_openers: frozenset[str] = frozenset({"if", "unless", "whether"})
    adverbs: frozenset[str] = frozenset({
        "then", "also", "just", "quickly", "eventually", "finally", "first", "really",
        "actually", "basically", "only", "personally", "later", "immediately", "initially",
        "still", "now", "always", "all", "both", "together", "ourselves", "myself",
        "originally", "ultimately", "instead", "again", "already", "even", "soon",
        "simply", "carefully", "manually", "successfully", "jointly", "gradually",
        "essentially", "literally", "ended", "kind", "sort", "of", "like", "so", "well",
        "proactively", "directly", "specifically", "mostly", "largely", "partly"})
    """Words skipped between a subject and its verb ('we then quickly moved')."""
    modals: frozenset[str] = frozenset({
        "would", "could", "might", "should", "can", "will", "may", "must", "shall", "wanna",
        "gonna"})
    negations: frozenset[str] = frozenset({
        "didn't", "don't", "never", "couldn't", "wasn't", "weren't", "not", "haven't",
        "hadn't", "won't", "wouldn't", "can't", "cannot"})
    be_forms: frozenset[str] = frozenset({
        "am", "was", "were", "are", "is", "be", "been", "being", "'s", "'re", "'m"})
    have_forms: frozenset[str] = frozenset({"had", "have", "has", "having"})
    stative_verbs: frozenset[str] = frozenset({
        "know", "knew", "think", "thought", "believe", "believed", "feel", "felt", "guess",
        "mean", "meant", "want", "wanted", "need", "needed", "hope", "hoped", "like", "liked",
        "love", "loved", "seem", "seemed", "wish", "remember", "wondered", "realized",
        "realised", "noticed", "saw", "see", "heard", "understood", "understand", "learned",
        "learnt", "kind", "sort", "used", "tend", "tended", "agreed", "assumed",
        "expected", "inherited", "enjoyed", "say", "said", "mentioned", "guessed", "sat", "sit",
        "reported", "belonged", "lived", "hated", "disliked", "preferred", "cared", "doubted"})
    """After I/we these describe a state or a thought, not an action."""
    stative_actions: tuple[str, ...] = ("sat down", "sit down", "sat with", "heard out",
                                        "saw to")
    """... except in these phrases: 'I sat down with product' is a step [held-out]."""
    passive_states: frozenset[str] = frozenset({
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
    involvement: tuple[str, ...] = (
        "i was involved", "i was part of", "i was a part of", "i helped with",
        "i contributed to", "i participated in", "i was one of the", "i supported the",
        "i assisted", "i was on the team that", "i was in the team that", "i got involved")
    """Presence, not action: with no concrete 'I' step, weak_ownership [ART: ownership at
    your level; 'vague or junior']."""
    involvement_verbs: frozenset[str] = frozenset({
        "helped", "contributed", "participated", "supported", "assisted", "collaborated",
        "involved", "joined"})
    """Verbs that don't say what the speaker did themselves."""
    role_verbs: frozenset[str] = frozenset({
        "owned", "own", "led", "lead", "managed", "manage", "oversaw", "headed"})
    """Ownership of a remit: counts towards 'I' ownership, not as the first action."""
    context_moves: frozenset[str] = frozenset({
        "joined", "moved", "transferred", "switched", "worked", "started", "left", "work",
        "rejoined", "spent"})
    """'I joined the team', 'I moved to a different team', 'I worked at X' are context."""
    context_move_objects: frozenset[str] = frozenset({
        "team", "company", "role", "job", "position", "group", "org", "organisation",
        "organization", "department", "startup", "firm", "at", "as", "for", "there", "here"})
    we_nouns: tuple[str, ...] = ("our team", "my team", "the team", "our group", "my group",
                                 "the whole team", "our squad", "everyone")
    """Team subjects that count as 'we' in ownership [OURS]."""
    irregular_past: frozenset[str] = frozenset({
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
    stopwords: frozenset[str] = frozenset({
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
    generic_nouns: frozenset[str] = frozenset({
        "company", "team", "time", "thing", "things", "job", "role", "work", "project",
        "people", "someone", "something", "year", "years", "month", "months", "day", "days",
        "week", "weeks", "story", "situation", "example", "question", "previous", "current",
        "big", "pretty", "really", "back", "called", "later", "earlier", "last", "first",
        "spring", "summer", "fall", "autumn", "winter", "quarter", "office", "offices",
        "data", "tell", "talk", "going", "okay", "right", "sure", "think", "know", "maybe",
        "guess", "mean", "want", "wanted", "need", "needed", "said", "went", "made", "did",
        "happened", "different", "new", "old", "good", "great"})
    """Words too generic to say what a story is about in the 10-second scan [OURS]."""
    question_generic: frozenset[str] = frozenset({
        "tell", "time", "describe", "example", "situation", "give", "talk", "walk", "share",
        "experience", "project", "when", "what", "how", "did", "you", "your", "had", "have",
        "about", "me", "us", "handle", "handled", "moment", "occasion", "instance", "specific",
        "particular", "recent", "recently", "ever", "worked", "work"})


DEFAULT_RULES = Rules()
