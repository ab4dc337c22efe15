"""ipplan.analysis.propose and ipplan.analysis.stats: exact series give exact values; intervals
worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from ipplan.analysis.propose import Method, history, propose_indicator, propose_series
from ipplan.analysis.stats import t_cdf, t_quantile
from ipplan.core.model import Indicator, Observation, Target
from ipplan.core.periods import Period


def obs(year: int, value: float, flag: str | None = None, month: int = 0) -> Observation:
    period = Period(year, "M", month) if month else Period(year, "Y", 0)
    return Observation("x", period, value, flag=flag)


STOCK = Indicator("x", "x", "stock")


def test_t_quantiles_match_the_printed_tables() -> None:
    # Student's t tables: t(0.975; 1) = 12.706, t(0.975; 2) = 4.303, t(0.9; 3) = 1.638,
    # t(0.8; 5) = 0.920, t(0.975; 30) = 2.042
    assert t_quantile(0.975, 1) == pytest.approx(12.7062, abs=1e-4)
    assert t_quantile(0.975, 2) == pytest.approx(4.3027, abs=1e-4)
    assert t_quantile(0.9, 3) == pytest.approx(1.6377, abs=1e-4)
    assert t_quantile(0.8, 5) == pytest.approx(0.9195, abs=1e-4)
    assert t_quantile(0.975, 30) == pytest.approx(2.0423, abs=1e-4)
    assert t_quantile(0.2, 4) == -t_quantile(0.8, 4)
    assert t_quantile(0.5, 3) == 0
    assert t_cdf(0, 7) == 0.5


def test_a_geometric_series_continues_exactly_on_logs() -> None:
    # 100·1.1^k for 2015 … 2020 (k = 0 … 5); 2025 is k = 10: 100·1.1^10 = 259.374246…
    series = [obs(2015 + k, 100 * 1.1**k) for k in range(6)]
    found = propose_indicator(STOCK, series, date(2025, 12, 31), (0.5, 0.8))
    assert found.method is Method.drift_log
    assert found.candidates[0].value == pytest.approx(259.37424601, rel=1e-12)
    # no noise: the spread is 0, so 80 % gives the same value
    assert found.candidates[1].value == pytest.approx(259.37424601, rel=1e-12)


def test_a_straight_line_continues_exactly_with_the_trend_model() -> None:
    # 100 + 10k for k = 0 … 5; at k = 10: 200
    method, cands, _, log = propose_series(
        [0, 1, 2, 3, 4, 5], [100, 110, 120, 130, 140, 150], 10, (0.5,), method="trend"
    )
    assert (method, log, cands[0].value) == (Method.trend, False, 200)


def test_a_random_walk_interval_worked_by_hand() -> None:
    # levels 10.5, 12.5, 13.5, 16.5, 18.5 at x = 0 … 4; forecast at x = 6 (h = 2)
    # increments d = 2, 1, 3, 2 at ages 3.5, 2.5, 1.5, 0.5 (years before x = 4), weights 0.8^age
    # w = 0.457947, 0.572433, 0.715542, 0.894427; Σw = 2.640349; Σw·d = 5.423815
    # μ = 5.423815 / 2.640349 = 2.054204; Σw² = 1.849400; eff. span = 2.640349² / 1.8494 = 3.769576
    # residuals d − μ: −0.054204, −1.054204, 0.945796, −0.054204 → Σ² = 2.011751; σ² = 0.670584
    # drifting growth: rate changes −1, 2, −1 against 2σ² = 1.341167 each:
    #   η² = (−0.341167 + 2.658833 − 0.341167) / 3 = 0.658833
    # variance = σ²(h + h²/3.769576) + η²(h²·3.769576/3 + h(h+1)(2h+1)/6)
    #          = 0.670584·3.061134 + 0.658833·10.026101 = 2.052748 + 6.605526 = 8.658274
    # median 18.5 + 2·2.054204 = 22.608408; 80 %: 22.608408 + t(0.2; 3)·√8.658274
    #   = 22.608408 − 0.9784723·2.942495 = 22.608408 − 2.879150 = 19.729258
    xs, ys = [0, 1, 2, 3, 4], [10.5, 12.5, 13.5, 16.5, 18.5]
    method, cands, backtest, _ = propose_series(xs, ys, 6, (0.5, 0.8), method="drift")
    assert method is Method.drift
    assert cands[0].value == pytest.approx(22.608408, abs=1e-5)
    assert cands[1].value == pytest.approx(19.729258, abs=1e-5)
    # a decrease: the value not exceeded with 80 %: 22.608408 + 2.879150 = 25.487558
    _, down, _, _ = propose_series(xs, ys, 6, (0.8,), increasing=False, method="drift")
    assert down[0].value == pytest.approx(25.487558, abs=1e-5)
    # one rolling forecast (fit on 4 points, predict the 5th)
    assert backtest is not None and backtest.trials == 1


def test_too_short_series_get_no_value() -> None:
    series = [obs(2021, 5), obs(2022, 7), obs(2023, 9)]
    found = propose_indicator(STOCK, series, date(2030, 12, 31), (0.5, 0.8))
    assert found.method is Method.too_short
    assert [c.value for c in found.candidates] == [None, None]


def test_counts_get_whole_values_reached_at_least_as_often() -> None:
    flow = Indicator("x", "x", "flow")
    series = [obs(2018 + k, v) for k, v in enumerate([0, 2, 1, 3, 2, 4])]
    found = propose_indicator(flow, series, date(2030, 12, 31), (0.5, 0.8))
    assert found.method is Method.trend  # a zero: on the levels, not logs
    values = [c.value for c in found.candidates]
    assert all(v is not None and float(v).is_integer() for v in values)
    assert values[0] is not None and values[1] is not None and values[0] >= values[1] >= 0


def test_history_starts_at_a_break_and_keeps_one_point_per_date() -> None:
    series = [obs(2018, 1), obs(2019, 2), obs(2020, 9, "b"), obs(2021, 10, month=12), obs(2021, 10)]
    points = history(STOCK, series)
    assert [str(o.period) for o in points] == ["2020", "2021"]


def test_a_decrease_indicator_reads_its_direction_from_the_target() -> None:
    ind = Indicator("x", "x", "stock", target=Target("level", 10, "decrease"))
    series = [obs(2015 + k, 100 * 0.9**k * (1.02 if k % 2 else 0.98)) for k in range(8)]
    found = propose_indicator(ind, series, date(2030, 12, 31), (0.5, 0.8))
    assert not found.increasing
    low, high = found.candidates[0].value, found.candidates[1].value
    assert low is not None and high is not None and high > low  # "not exceeded" with more certainty


def test_a_long_straight_stock_switches_to_levels() -> None:
    # 100 + 50k for 2012 … 2020 (9 points): on logs the backtest misses (growth slows in
    # percent), on levels both models are exact, so a level model is chosen; 2025 is k = 13:
    # 100 + 50·13 = 750
    series = [obs(2012 + k, 100 + 50 * k) for k in range(9)]
    found = propose_indicator(STOCK, series, date(2025, 12, 31), (0.5, 0.8))
    assert found.method in (Method.drift, Method.trend) and not found.log
    assert [c.value for c in found.candidates] == [750, 750]


def test_a_flow_with_annual_figures_is_proposed_on_them() -> None:
    flow = Indicator("x", "x", "flow")
    series = [obs(2018 + k, 100 + 10 * k) for k in range(5)] + [obs(2023, 9, month=3)]
    points = history(flow, sorted(series, key=lambda o: o.period.sort_key()))
    assert [str(o.period) for o in points] == ["2018", "2019", "2020", "2021", "2022"]
