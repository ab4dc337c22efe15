"""Float arithmetic on whole numbers gives the figures of the exact arithmetic, bit for bit
(ipplan.engine.whole), at the thresholds too; anything else goes to the exact code."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ipplan.analysis.evaluate import _quotient, per_year
from ipplan.analysis.figures import judge
from ipplan.core.model import Status
from ipplan.engine import whole
from tests.engine.test_engine_equal import same_everywhere

wholes = st.one_of(
    st.integers(-(10**6), 10**6),
    st.integers(-(10**15) + 1, 10**15 - 1),
    st.sampled_from([0, 1, -1, 2**53 // 1461, 2**53 // 1461 + 1, 10**15 - 1]),
).map(float)


@given(st.lists(st.tuples(wholes, wholes), min_size=1, max_size=20))
def test_quotients_and_paces_are_the_exact_ones(pairs: list[tuple[float, float]]) -> None:
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    assert whole.is_whole(a, b).all()
    got = whole.quotient(a, b).tolist()
    for x, y, q in zip(a.tolist(), b.tolist(), got, strict=True):
        want = _quotient(Fraction(x), Fraction(y))
        assert (q != q and want is None) or q == want
    for days in (-1, 0, 1, 365, 731, 3653):
        pace, exact = whole.per_year(a - b, days)
        for x, y, p, ok in zip(a.tolist(), b.tolist(), pace.tolist(), exact.tolist(), strict=True):
            want = per_year(Fraction(x) - Fraction(y), days)
            if want is None:
                assert p != p
            elif ok:  # where it says it is exact, it is
                assert p == want
            else:
                assert abs(x - y) * 1461 >= 2**53


def near(t: float) -> st.SearchStrategy[float]:
    """Floats at, just around and within 12 digits of a threshold."""
    return st.one_of(
        st.just(t),
        st.integers(-5, 5).map(lambda k: t + k * math.ulp(t)),
        st.floats(t - 1e-11, t + 1e-11),
        st.sampled_from([round(t, 12) - 1e-13, round(t, 12) + 4e-13]),
    )


ratios = st.one_of(
    near(0.95), near(0.6), near(0.0), st.floats(-3, 3), st.just(math.nan), st.just(-0.0)
)


@given(st.lists(st.tuples(st.booleans(), ratios), min_size=1, max_size=30), st.booleans())
def test_statuses_are_judge_at_the_thresholds(cols: list[tuple[bool, float]], final: bool) -> None:
    done = np.array([c[0] for c in cols])
    ratio = np.array([c[1] for c in cols], dtype=np.float64)
    want = [judge(d, final, None if r != r else r) for d, r in cols]
    assert whole.statuses(done, final, ratio) == want


def test_is_whole_refuses_fractions_and_large_numbers() -> None:
    x = np.array([1.0, 0.5, 1e15, -1e15 + 1, 2.0**53, math.inf, math.nan, -0.0])
    assert whole.is_whole(x).tolist() == [True, False, False, True, False, False, False, True]


# A plan whose growth ratios are exactly 0.95 and 0.60 (the band edges), and units whose
# figures need the exact code (halves, values near 10¹⁵), as of 2024-12-31:
#   cumulative from 2023, 24 months counted: elapsed 731 days, 365 days left;
#     ratio = S · 365 / ((T − S) · 731)
#     S = 13,889 = 731 · 19, T = 21,189 = S + 365 · 20  → 19/20 = 0.95 exactly: on_track
#     T = 21,190                                          → just below 0.95: behind
#     S = 2,193 = 731 · 3,  T = 4,018 = S + 365 · 5       → 3/5 = 0.60 exactly: behind
#     T = 4,019                                           → just below 0.60: off_track
#   level from 0 (2020) to v (2024), linear pace: span 1,461 days, 365 left;
#     ratio = v · 365 / ((T − v) · 1461)
#     v = 27,759 = 1461 · 19, T = 35,059 = v + 365 · 20   → 0.95: on_track
#     v = 4,383 = 1461 · 3,  T = 6,208 = v + 365 · 5       → 0.60: behind
EDGES = {  # unit: (monthly flows summing to S, its cumulative target, level v, level target)
    "甲县": (13889, 21189, 27759, 35059),
    "乙县": (13889, 21190, 27759, 35060),
    "丙县": (2193, 4018, 4383, 6208),
    "丁县": (2193, 4019, 4383, 6209),
    "戊县": (24, 900000000000000.0, 900000000000000.0, 999999999999999.0),  # beyond 2⁵³
    "己县": (24, 100.5, 2.5, 7.25),  # halves: the exact code
}
WANT = {"甲县": "on_track", "乙县": "behind", "丙县": "behind", "丁县": "off_track"}


def edge_plan(folder: Path) -> None:
    (folder / "actuals").mkdir(parents=True)
    (folder / "targets.yaml").write_text(
        'plan: {id: t, title: 测试, region: 示例市, baseline: "2022", deadline: 2025-12-31}\n'
        "indicators:\n"
        '  - {id: c, name: 累计, kind: flow, target: {type: cumulative, value: 1, from: "2023"}}\n'
        "  - {id: s, name: 存量, kind: stock, target: {type: level, value: 1}}\n",
        encoding="utf-8",
    )
    targets = ["indicator,region,value"]
    flows = ["period,value,region"]
    levels = ["period,value,region"]
    months = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
    for unit, (total, c_target, v, s_target) in EDGES.items():
        targets += [f"c,{unit},{c_target!r}", f"s,{unit},{s_target!r}"]
        each = total // 24
        values = [each] * 23 + [total - each * 23]
        flows += [f"{p},{x},{unit}" for p, x in zip(months, values, strict=True)]
        levels += [f"2020,0,{unit}", f"2024,{v!r},{unit}"]
    (folder / "targets_by_region.csv").write_text("\n".join(targets) + "\n", encoding="utf-8")
    (folder / "actuals" / "c.csv").write_text("\n".join(flows) + "\n", encoding="utf-8")
    (folder / "actuals" / "s.csv").write_text("\n".join(levels) + "\n", encoding="utf-8")


def test_band_edges_give_the_reference_figures(tmp_path: Path) -> None:
    edge_plan(tmp_path)
    for day in ("2024-12-31", "2025-06-30", "2026-01-31"):
        assert same_everywhere(str(tmp_path), date.fromisoformat(day)) == 7 * 2
    from ipplan.data.plan import load_plan
    from ipplan.engine.load import read_table
    from ipplan.engine.units import evaluate_units

    plan = load_plan(str(tmp_path))
    got = evaluate_units(plan, date(2024, 12, 31), list(WANT), table=read_table(plan))
    for unit, status in WANT.items():
        c, s = got[unit].evaluations
        assert (c.indicator.id, c.status, s.indicator.id) == ("c", status, "s"), unit
        assert c.growth_basis == "linear" and s.growth_basis == "linear"
    ratios = {u: tuple(e.growth_ratio for e in got[u].evaluations) for u in WANT}
    assert ratios["甲县"] == (0.95, 0.95) and ratios["丙县"] == (0.6, 0.6)
    assert [e.status for e in got["甲县"].evaluations] == [Status.on_track, Status.on_track]
    assert [e.status for e in got["丙县"].evaluations] == [Status.behind, Status.behind]
