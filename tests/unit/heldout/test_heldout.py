"""The coach against the held-out answers (labelled by hand before the coach saw them).

Every label must hold except the calls listed in KNOWN_MISSES, each with the reason the coach
still disagrees; and the accuracy over all flag decisions must stay above a floor, so a change
that fixes one answer by breaking several others fails here.
"""

from __future__ import annotations

import pytest

from mockmic.core.coach import coach

from . import JUDGED, Case, all_cases, batches, transcript
from .evaluate import evaluate, raised

#: (answer, flag) -> why the coach still gets it wrong. Not a to-do list: each is a call we
#: chose not to chase with a rule that would misfire elsewhere (12 of 1456 flag decisions).
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("reproducibility_detail_dump", "rambling"):
        "nine 'then I' steps in 29 s; the detail rule needs 36 s of steps, and the shared "
        "34 s task list (tasks_we_no_result) must not read as rambling",
    ("redis_repetitive_whisper", "missing_stakes"):
        "'everything was slow for everyone' after 'meant that' reads as a consequence",
    ("sso_first", "missing_metric"):
        "'both deals closed' refers back to the $400k said earlier; no coreference",
    ("qa_lead_conflict", "missing_stakes"):
        "'a full manual regression which took two days' before each release reads as a cost",
    ("pgvector_hold_off", "missing_stakes"):
        "'another thing to run on call' in the decision's reason reads as a stake",
    ("microservices_whisper_ramble", "missing_stakes"):
        "'some incidents along the way' is found as a late stake (an info hint, not raised)",
    ("sdk_crash_passive", "weak_ownership"):
        "one passive step in 30 words is below every ownership threshold",
    ("reconciliation_overrun", "missing_metric"):
        "'estimated eight weeks ... it took twenty' needs the bare 'twenty' read as weeks",
    ("deploy_drain_automation", "missing_stakes"):
        "'manually drain traffic' reads as harm to traffic",
    ("buzzwords_no_substance", "missing_stakes"):
        "'critical for the business' is a stake said outright, if hollow",
    ("recs_latency_long_timed", "late_impact"):
        "'kept accuracy within half a point in our offline tests' counts as the first result",
    ("poc_sampling", "missing_metric"):
        "'they signed' refers back to the $800k said earlier; no coreference",
}

CASES = all_cases()


def _params() -> list[object]:
    return [pytest.param(c, id=c.name) for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_every_label_holds_except_the_known_misses(case: Case) -> None:
    report = coach(transcript(case), 90.0)
    wrong = {code for code in JUDGED
             if raised(report, code) != (code in case.expected)
             and (case.name, code) not in KNOWN_MISSES}
    assert not wrong, {code: (f.message if (f := report.flag(code)) else "not raised")
                       for code in wrong}


def test_known_misses_name_real_answers_and_flags() -> None:
    names = {c.name for c in CASES}
    for name, code in KNOWN_MISSES:
        assert name in names and code in JUDGED, (name, code)


def test_known_misses_are_still_misses() -> None:
    """When a change fixes one, take it off the list so it is held from then on."""
    res = evaluate(CASES)
    missed = {(c.name, code) for c, code, _, _ in res.misses}
    assert set(KNOWN_MISSES) <= missed, set(KNOWN_MISSES) - missed


def test_accuracy_stays_above_the_floor() -> None:
    res = evaluate(CASES)
    assert res.overall.accuracy >= 0.97, res.overall.accuracy
    for code, tally in res.per_flag.items():
        assert tally.accuracy >= 0.93, (code, tally.accuracy)


@pytest.mark.parametrize("batch", ["fresh2", "fresh3"])
def test_the_batches_written_blind_stay_well_above_keyword_flaggers(batch: str) -> None:
    """The last batches were labelled after rounds of fixes, before the coach saw them: the
    closest thing to unseen answers, so each gets its own floor (keyword flaggers get ~2/3
    right)."""
    res = evaluate(batches()[batch])
    assert res.overall.accuracy >= 0.95, res.overall.accuracy


def test_the_set_is_big_and_every_label_has_a_reason() -> None:
    assert len(CASES) >= 60
    assert all(c.why.strip() for c in CASES)
    flagged = {code for c in CASES for code in c.expected}
    assert flagged == set(JUDGED), set(JUDGED) - flagged
