"""Four hand-written ML/platform stories in parts (situation, actions, result, learning), so
tests can rearrange them: result first, result late, set-up padded, steps piled up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    situation: str
    actions: tuple[str, ...]
    result: str
    learning: str

    def told(self, *parts: str) -> str:
        """Join parts named 's', 'a', 'a:2' (first two actions), 'a2:' (the rest), 'r', 'l'."""
        out: list[str] = []
        for part in parts:
            if part == "s":
                out.append(self.situation)
            elif part == "a":
                out.extend(self.actions)
            elif part.startswith("a:"):
                out.extend(self.actions[: int(part[2:])])
            elif part.startswith("a") and part.endswith(":"):
                out.extend(self.actions[int(part[1:-1]):])
            elif part == "r":
                out.append(self.result)
            elif part == "l":
                out.append(self.learning)
            else:
                out.append(part)
        return " ".join(out)


CACHE = Story(
    "Our recommendation API was timing out for about three percent of requests during the "
    "evening peak, and the mobile team was getting complaints from users.",
    ("I started by pulling a week of traces and grouping the slow requests by endpoint.",
     "Most of them hit the same feature lookup, which fanned out to four services.",
     "I wrote a small batching layer so each request made one call instead of four.",
     "I rolled it out behind a flag to five percent of traffic and watched the error budget "
     "for two days.",
     "Then I moved the flag to half of the traffic, and finally to everyone."),
    "Timeouts dropped from three percent to under a tenth of a percent, and the complaints "
    "stopped.",
    "Since then I always look at fan-out before I look at hardware.",
)

TRAINING_COST = Story(
    "Our training jobs for the ranking model were costing more than our whole serving budget, "
    "and finance asked us to explain the bill.",
    ("I tagged every job with an owner and a purpose and built a cost dashboard.",
     "It showed that a third of the spend came from hyperparameter sweeps nobody looked at.",
     "I wrote a proposal to cap sweeps per project and to stop runs early when they fell "
     "behind the baseline.",
     "I walked each team through their numbers and got agreement within two weeks.",
     "Then I implemented early stopping in our shared training library."),
    "Monthly training spend went down by forty percent with no change in model quality.",
    "What I learned is that people change behaviour when they can see their own numbers.",
)

CHURN = Story(
    "Our churn model's accuracy had been slipping for a month, and the retention team was "
    "about to use it for their biggest campaign of the year.",
    ("I compared the training data with last quarter's and found that a key feature had "
     "changed meaning upstream.",
     "I traced it to a logging change in the mobile app.",
     "I worked with the app team to add the old field back, and I wrote a validation check "
     "that compares feature distributions every night.",
     "I also retrained the model on the corrected data.",
     "Then I wrote up the incident for the data platform review."),
    "Accuracy came back to where it had been, and the campaign went out on time.",
    "The lesson for me was that every feature needs an owner upstream.",
)

MIGRATION = Story(
    "We had to move our feature store off a database that was going out of support in three "
    "months, or we would lose security patches.",
    ("I inventoried every table and every consumer, which took a week.",
     "I grouped the consumers by how risky they were to move.",
     "I chose to dual-write for a month instead of a big bang cut-over, because it let us "
     "compare results.",
     "I wrote the dual-write layer and a nightly diff report.",
     "Then I moved the consumers group by group, starting with the internal dashboards."),
    "We finished two weeks before the deadline with no downtime.",
    "Now I always plan a dual-run period into a migration.",
)

STORIES = (CACHE, TRAINING_COST, CHURN, MIGRATION)
