"""How often do `ipplan propose`'s values come true? A calibration benchmark.

It generates series of the kinds IP offices track, holds out their last years, asks
ipplan.analysis.propose for the value reached with each probability at the end of the held-out
years, and counts how often the truth reached it:

- ``stock``: stocks (valid patents, trademarks) growing at a rate that drifts from year
  to year (the growth rate is itself a random walk), with a little measurement noise;
- ``flow``: noisy yearly flows (applications, PCT filings) around a growth trend;
- ``count``: small counts (0, 2, 1, 3 …): Poisson draws around a slowly rising mean;
- ``break``: stocks with a level break (a reclassification) in their history, half of
  them flagged ``b`` as an office would flag it.

Run it with

    uv run python bench/calibration.py [--series 1000] [--seed 1] [--horizon 5]

It prints, per kind and overall, the share of series whose held-out value reached each
proposed value. The aim is every probability within ±10 points (an 80 % value reached
70–90 % of the time). tests/bench/test_calibration.py runs it on a small seeded sample.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ipplan.analysis.propose import propose_indicator
from ipplan.core.model import Indicator, Observation
from ipplan.core.periods import Period

PROBABILITIES = (0.5, 0.8)
FIRST_YEAR = 2010
KINDS = ("stock", "flow", "count", "break")

Series = tuple[list[float], int | None]  # values, index of a flagged break (or None)


def stock(rng: random.Random, n: int) -> Series:
    level = math.log(rng.uniform(1e3, 1e6))
    growth = rng.uniform(0.03, 0.25)
    tau = rng.uniform(0.005, 0.03)
    values = []
    for _ in range(n):
        values.append(math.exp(level + rng.gauss(0, 0.01)))
        growth += rng.gauss(0, tau)
        level += growth
    return values, None


def flow(rng: random.Random, n: int) -> Series:
    base = rng.uniform(50, 50_000)
    growth = rng.uniform(-0.03, 0.15)
    sigma = rng.uniform(0.05, 0.3)
    return [base * (1 + growth) ** t * math.exp(rng.gauss(0, sigma)) for t in range(n)], None


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, product = math.exp(-lam), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def count(rng: random.Random, n: int) -> Series:
    start = rng.uniform(0.5, 6)
    slope = rng.uniform(0, 0.6)
    return [float(_poisson(rng, start + slope * t)) for t in range(n)], None


def level_break(rng: random.Random, n: int, history: int) -> Series:
    values, _ = stock(rng, n)
    at = rng.randrange(1, max(2, history - 3))
    jump = rng.uniform(0.15, 0.4) * rng.choice((-1, 1))
    values = [v * (1 + jump) if i >= at else v for i, v in enumerate(values)]
    return values, at if rng.random() < 0.5 else None


@dataclass
class Tally:
    trials: int = 0
    short: int = 0
    reached: dict[float, int] | None = None

    def add(self, hits: dict[float, bool]) -> None:
        self.reached = self.reached or dict.fromkeys(PROBABILITIES, 0)
        self.trials += 1
        for p, hit in hits.items():
            self.reached[p] += hit

    def share(self, p: float) -> float | None:
        if not self.trials or self.reached is None:
            return None
        return self.reached[p] / self.trials


def run(series: int = 400, seed: int = 1, horizon: int = 5) -> dict[str, Tally]:
    """The tallies per kind (and ``all``) over ``series`` generated series."""
    rng = random.Random(seed)
    tallies = {kind: Tally() for kind in (*KINDS, "all")}
    makers: dict[str, Callable[[random.Random, int, int], Series]] = {
        "stock": lambda r, n, h: stock(r, n),
        "flow": lambda r, n, h: flow(r, n),
        "count": lambda r, n, h: count(r, n),
        "break": level_break,
    }
    for i in range(series):
        kind = KINDS[i % len(KINDS)]
        history = rng.randint(5, 12)
        values, flagged = makers[kind](rng, history + horizon, history)
        hits = check(kind, values, history, flagged, horizon)
        if hits is None:
            tallies[kind].short += 1
            tallies["all"].short += 1
            continue
        tallies[kind].add(hits)
        tallies["all"].add(hits)
    return tallies


def check(
    kind: str, values: Sequence[float], history: int, flagged: int | None, horizon: int
) -> dict[float, bool] | None:
    """Propose on the first ``history`` values; did the last value reach each candidate?"""
    indicator = Indicator("x", "x", "flow" if kind in ("flow", "count") else "stock")
    observations = [
        Observation("x", Period(FIRST_YEAR + t, "Y", 0), v, flag="b" if t == flagged else None)
        for t, v in enumerate(values[:history])
    ]
    end = date(FIRST_YEAR + history - 1 + horizon, 12, 31)
    proposal = propose_indicator(indicator, observations, end, PROBABILITIES)
    if any(c.value is None for c in proposal.candidates):
        return None
    truth = values[history - 1 + horizon]
    return {c.probability: truth >= (c.value or 0.0) for c in proposal.candidates}


def table(tallies: dict[str, Tally]) -> str:
    heads = ["kind", "series", "too short", *(f"p={p:.0%}" for p in PROBABILITIES)]
    rows = [heads]
    for kind, t in tallies.items():
        shares = [t.share(p) for p in PROBABILITIES]
        rows.append([kind, str(t.trials), str(t.short),
                     *("—" if s is None else f"{s:.0%}" for s in shares)])  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(heads))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def worst(tallies: dict[str, Tally], kinds: Sequence[str] = ("all",)) -> float:
    """The largest distance, in points, between a probability and how often it came true."""
    gaps = [
        abs((tallies[k].share(p) or 0.0) - p) * 100
        for k in kinds
        for p in PROBABILITIES
        if tallies[k].trials
    ]
    return max(gaps, default=0.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--horizon", type=int, default=5)
    args = parser.parse_args(argv)
    tallies = run(args.series, args.seed, args.horizon)
    print(table(tallies))
    print(f"largest gap: {worst(tallies, (*KINDS, 'all')):.1f} points (aim: 10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
