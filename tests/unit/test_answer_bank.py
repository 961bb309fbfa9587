"""The coach on a bank of realistic, independently labelled answers: every content flag and
over_time must match the label (warn/fail counts as raised; info hints do not)."""

from __future__ import annotations

import pytest

from .answer_bank import ANSWERS
from .helpers import raised, typed

JUDGED = ("missing_stakes", "missing_metric", "missing_decision", "missing_learning",
          "weak_ownership", "late_impact", "rambling", "over_time")


@pytest.mark.parametrize(("name", "text", "seconds", "expected"), ANSWERS,
                         ids=[a[0] for a in ANSWERS])
def test_flags_match_the_label(name: str, text: str, seconds: float | None,
                               expected: set[str]) -> None:
    report = typed(text, duration_s=seconds)
    got = {code for code in JUDGED if raised(report, code)}
    assert got == expected, {code: (f.message if (f := report.flag(code)) else None)
                             for code in got ^ expected}
