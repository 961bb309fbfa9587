"""Score the coach against the held-out labels: per-flag precision, recall and accuracy.

    .venv/bin/python -m tests.unit.heldout.evaluate            # the table
    .venv/bin/python -m tests.unit.heldout.evaluate --misses   # plus every wrong call
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from mockmic.core.coach import coach
from mockmic.core.report import Report

from . import JUDGED, Case, all_cases, batches, transcript


def raised(report: Report, code: str) -> bool:
    """Raised at warn or fail; an info hint is not a flag the user is asked to fix."""
    flag = report.flag(code)
    return flag is not None and flag.severity in ("warn", "fail")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Result:
    per_flag: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in JUDGED})
    misses: list[tuple[Case, str, bool, str]] = field(default_factory=list)
    exact: int = 0
    cases: int = 0

    @property
    def overall(self) -> Tally:
        t = Tally()
        for x in self.per_flag.values():
            t.tp, t.fp, t.fn, t.tn = t.tp + x.tp, t.fp + x.fp, t.fn + x.fn, t.tn + x.tn
        return t


def got_flags(c: Case) -> set[str]:
    report = coach(transcript(c), 90.0)
    return {code for code in JUDGED if raised(report, code)}


def evaluate(cases: list[Case] | None = None) -> Result:
    res = Result()
    for c in cases if cases is not None else all_cases():
        report = coach(transcript(c), 90.0)
        got = {code for code in JUDGED if raised(report, code)}
        res.cases += 1
        res.exact += got == set(c.expected)
        for code in JUDGED:
            exp = code in c.expected
            res.per_flag[code].add(exp, code in got)
            if exp != (code in got):
                flag = report.flag(code)
                res.misses.append((c, code, exp, flag.message if flag else ""))
    return res


def table(res: Result) -> str:
    lines = [f"{'flag':18s} {'P':>6s} {'R':>6s} {'acc':>6s}   tp fp fn tn"]
    for code, t in res.per_flag.items():
        lines.append(f"{code:18s} {t.precision:6.1%} {t.recall:6.1%} {t.accuracy:6.1%}   "
                     f"{t.tp:2d} {t.fp:2d} {t.fn:2d} {t.tn:2d}")
    o = res.overall
    lines.append(f"{'all decisions':18s} {o.precision:6.1%} {o.recall:6.1%} {o.accuracy:6.1%}"
                 f"   {o.tp:2d} {o.fp:2d} {o.fn:2d} {o.tn:2d}")
    lines.append(f"answers with every flag right: {res.exact}/{res.cases}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every wrong call")
    parser.add_argument("--batch", choices=("first", "fresh", "fresh2", "fresh3"), default=None,
                        help="score one batch only (default: all)")
    args = parser.parse_args()
    res = evaluate(batches()[args.batch] if args.batch else None)
    print(table(res))
    if args.misses:
        for c, code, exp, msg in res.misses:
            kind = "MISSED" if exp else "FALSE "
            print(f"{kind} {code:17s} {c.name:36s} {msg[:90]}")


if __name__ == "__main__":
    main()
