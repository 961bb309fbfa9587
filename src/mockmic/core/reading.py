"""One answer, read once for the content finders: sentences and clauses (core.clauses), a
phrase index over the words, when each word was said, and where the story proper starts.

`Content` is what the finders report: every finding is a range of content-token positions
(the answer without fillers), so the report can show the exact words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mockmic.core.clauses import Clause, analyse_clauses
from mockmic.core.quantities import Quantity
from mockmic.core.rules import Rules
from mockmic.core.text import PhraseIndex, Token

Range = tuple[int, int]


@dataclass(slots=True)
class Content:
    """Findings as ranges of content-token positions (the answer without fillers)."""

    sents: list[Range] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    first_action: int | None = None
    stakes: list[Range] = field(default_factory=list)
    metrics: list[tuple[Range, Quantity]] = field(default_factory=list)
    results: list[Range] = field(default_factory=list)
    decisions: list[Range] = field(default_factory=list)
    learnings: list[Range] = field(default_factory=list)
    i_actions: list[Clause] = field(default_factory=list)
    we_actions: list[Clause] = field(default_factory=list)
    passive_actions: list[Clause] = field(default_factory=list)
    involvement: list[Range] = field(default_factory=list)
    concrete_i: int = 0


class Reading:
    """One answer read once: its clauses, a phrase index, when each word was said, and
    where the story proper starts. Every content finder asks this object."""

    def __init__(self, content: Sequence[Token], fracs: Sequence[float], rules: Rules) -> None:
        self.toks = content
        self.norms = [t.norm for t in content]
        self.ix = PhraseIndex(self.norms)
        self.fracs = fracs
        self.rules = rules
        self.sents, self.clauses = analyse_clauses(content, rules)
        self.clause_at = [0] * len(content)
        for ci, c in enumerate(self.clauses):
            for p in range(c.start, c.end):
                self.clause_at[p] = ci
        first = next((c for c in self.clauses if c.is_action and c.kind == "action" and
                      not c.obligation), None)
        if first is None:
            # "A plan was written, the tables were moved": the story starts even if no one
            # is named doing it (weak_ownership says so).
            first = next((c for c in self.clauses if c.kind == "passive"), None)
        self.first_action = first
        self.first_action_sent = first.sent if first else None
        self.last_action_start = max((c.start for c in self.clauses if c.is_action), default=-1)
        self.sent_has_actor: set[int] = {
            c.sent for c in self.clauses
            if c.subject in ("i", "we") and c.kind in ("action", "role", "context")}

    def sent_range(self, s: int) -> Range:
        return self.sents[s]

    def after_setup(self, c: Clause) -> bool:
        """The clause is part of the story proper, not the problem description before it."""
        return self.first_action_sent is None or c.sent >= self.first_action_sent or (
            c.is_action and not c.obligation)

    def frac(self, p: int) -> float:
        return self.fracs[p] if 0 <= p < len(self.fracs) else 1.0

    def result_cues(self, lo: int, hi: int,
                    phrases: tuple[str, ...] | None = None) -> list[Range]:
        """Result phrases in [lo, hi), minus those that report a person's move ('the PM came
        back with a new idea')."""
        vetoed = {a for a, _ in self.ix.find(self.rules.result_impact_veto, lo, hi)}
        found = self.ix.find(phrases or self.rules.result_impact, lo, hi)
        return [r for r in found if r[0] not in vetoed]

    def planned_before(self, lo: int, p: int) -> bool:
        """A plan word governs p unless a reported change comes between them: "the bigger
        box would only buy us a few months; after the change the job went from 9 hours to 40
        minutes" reports an outcome after the hypothetical."""
        plans = self.ix.find(self.rules.plan_words, lo, p)
        if not plans:
            return False
        return not self.result_cues(plans[-1][1], p)
