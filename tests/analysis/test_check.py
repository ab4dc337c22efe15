"""The rules of `ipplan check`, each with figures worked out by hand.

The plan is tests/corpus/valid_plan (no findings as it stands); each test rewrites one
or two actuals files. Actuals columns: period(1), value(2), region(3), source(4), note(5),
flag(6), yoy(7), published(8); line 1 is the header, so the first row is line 2.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ipplan.analysis.check import check_plan, run_checks
from ipplan.core.errors import Problem
from ipplan.core.i18n import format_problem
from ipplan.core.model import Observation
from ipplan.core.periods import parse_period
from ipplan.data.actuals import read_actuals
from ipplan.data.plan import read_plan
from ipplan.messages.check import MESSAGES

VALID = Path(__file__).parent.parent / "corpus" / "valid_plan"
HEADER = "period,value,region,source,note,flag,yoy,published\n"
TODAY = date(2026, 1, 1)


def plan_with(tmp_path: Path, **files: str) -> Path:
    """A copy of the valid plan with some actuals files replaced (rows after the header)."""
    plan = tmp_path / "plan"
    shutil.copytree(VALID, plan)
    for stem, rows in files.items():
        (plan / "actuals" / f"{stem}.csv").write_text(HEADER + rows, encoding="utf-8")
    return plan


def found(plan: Path, code: str | None = None, today: date = TODAY) -> list[Problem]:
    return [p for p in run_checks(plan, today) if code is None or p.code == code]


def test_the_valid_plan_has_no_findings() -> None:
    assert run_checks(VALID, TODAY) == []


# ------------------------------------------------------------------ stock drops


def test_seed_004_zhuzhou_invention_patents_8957_then_2307(tmp_path: Path) -> None:
    # Seed 004: 8957 valid invention patents, then "截至2022年3月 … 2307件".
    # drop = (8957 − 2307) / 8957 = 6650 / 8957 = 0.74244 → 74.2 %
    plan = plan_with(tmp_path, patents_valid="2021,8957,株洲市,,,,,\n2022-03,2307,株洲市,,,,,\n")
    [drop] = found(plan)
    assert drop.code == "check.stock_drop"
    assert drop.severity == "warning"
    assert (Path(drop.file or "").name, drop.line, drop.column) == ("patents_valid.csv", 3, 2)
    assert drop.params["drop"] == "74.2"
    assert (drop.params["prev_value"], drop.params["value"]) == ("8,957", "2,307")
    assert "(−74.2%)" in format_problem(drop, "en")
    assert "下降 74.2%" in format_problem(drop, "zh")


def test_a_drop_of_exactly_30_percent_is_not_reported(tmp_path: Path) -> None:
    # 1000 → 700: (1000 − 700) / 1000 = 0.30, not more than 30 %.
    plan = plan_with(tmp_path, trademarks_valid="2022,1000,,,,,,\n2023,700,,,,,,\n")
    assert found(plan) == []
    # 1000 → 699: 301 / 1000 = 0.301 → 30.1 %.
    plan = plan_with(tmp_path / "b", trademarks_valid="2022,1000,,,,,,\n2023,699,,,,,,\n")
    assert [p.params["drop"] for p in found(plan, "check.stock_drop")] == ["30.1"]


def test_a_break_in_series_is_not_a_drop_but_what_follows_it_is(tmp_path: Path) -> None:
    # 8957 → 2307 flagged b: a new definition, no finding.
    plan = plan_with(tmp_path, patents_valid="2021,8957,,,,,,\n2022-03,2307,,,,b,,\n")
    assert found(plan) == []
    # ... but 2307 (b) → 1500: (2307 − 1500) / 2307 = 807 / 2307 = 0.34980 → 35.0 %.
    plan = plan_with(
        tmp_path / "b", patents_valid="2021,8957,,,,,,\n2022-03,2307,,,,b,,\n2022,1500,,,,,,\n"
    )
    [drop] = found(plan)
    assert (drop.line, drop.params["drop"], drop.params["prev_value"]) == (4, "35.0", "2,307")


def test_drops_compare_one_region_with_itself(tmp_path: Path) -> None:
    # 8957 in the plan's region, 2307 in a county: different series, no drop.
    plan = plan_with(tmp_path, patents_valid="2022,8957,,,,,,\n2023,2307,广水市,,,,,\n")
    assert found(plan) == []


def test_flows_may_fall(tmp_path: Path) -> None:
    # invention_grants is a flow: 100 → 10 is a bad year, not a typo.
    plan = plan_with(tmp_path, invention_grants="2022,100,,,,,,\n2023,85,,,,,,\n2024,10,,,,,,\n")
    assert found(plan) == []


def test_a_stock_at_zero_has_nothing_to_fall_from(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, trademarks_valid="2022,0,,,,,,\n2023,0,,,,,,\n")
    assert found(plan) == []


# ------------------------------------------------------------------ yoy


def test_seed_yoy_agrees_and_a_swapped_digit_does_not(tmp_path: Path) -> None:
    # The valid plan: 19724 (2022) → 22542 (2023) with yoy 14.29:
    # 22542 / 19724 = 1.142872 → 14.29 %: agrees. Typed 41.29 instead: 41.29 − 14.29 = 27
    # points off.
    plan = plan_with(tmp_path, trademarks_valid="2022,19724,,,,e,19.68,\n2023,22542,,,,,41.29,\n")
    [bad] = found(plan)
    assert bad.code == "check.yoy_mismatch"
    assert bad.severity == "warning"
    assert (bad.line, bad.column) == (3, 7)
    assert (bad.params["yoy"], bad.params["implied"]) == ("41.29", "14.29")


@pytest.mark.parametrize(
    ("yoy", "reported"),
    [
        # 20000 → 22000: implied 10.00 %. With each level ± 0.5 (rounded to the unit):
        # low  = 21999.5 / 20000.5 − 1 = 9.99475 %, high = 22000.5 / 19999.5 − 1 = 10.00525 %;
        # accepted: [9.99475 − 0.5, 10.00525 + 0.5] = [9.49475, 10.50525].
        ("10.5", False),
        ("10.6", True),
        ("9.5", False),
        ("9.4", True),
        ("10", False),
    ],
)
def test_yoy_tolerance_is_half_a_point(tmp_path: Path, yoy: str, reported: bool) -> None:
    plan = plan_with(tmp_path, trademarks_valid=f"2022,20000,,,,,,\n2023,22000,,,,,{yoy},\n")
    assert bool(found(plan, "check.yoy_mismatch")) is reported


def test_yoy_allows_for_the_rounding_of_small_levels(tmp_path: Path) -> None:
    # 5 → 6 with yoy 25: 6 / 5 − 1 = 20 %, but 5 and 6 stand for [4.5, 5.5] and [5.5, 6.5]:
    # low = 5.5 / 5.5 − 1 = 0 %, high = 6.5 / 4.5 − 1 = 44.44 %. 25 is inside; 50 is not
    # (50 > 44.44 + 0.5 = 44.94).
    plan = plan_with(tmp_path, trademarks_valid="2022,5,,,,,,\n2023,6,,,,,25,\n")
    assert found(plan) == []
    plan = plan_with(tmp_path / "b", trademarks_valid="2022,5,,,,,,\n2023,6,,,,,50,\n")
    [bad] = found(plan)
    assert bad.params["implied"] == "20.00"


def test_an_estimate_derived_wrongly_from_the_yoy_is_reported(tmp_path: Path) -> None:
    # 2022 estimated (e) as 18000 though 22542 / 1.1429 = 19723.5: 22542 / 18000 = 1.252333
    # → 25.23 %, 10.94 points from the published 14.29. Rows flagged e are checked too.
    plan = plan_with(tmp_path, trademarks_valid="2022,18000,,,,e,,\n2023,22542,,,,,14.29,\n")
    [bad] = found(plan)
    assert bad.params["implied"] == "25.23"


def test_yoy_compares_the_same_quarter_a_year_earlier(tmp_path: Path) -> None:
    # 2023-Q2 20000 → 2024-Q2 22000: 10 %, published 12: reported. 2024-Q1 has a yoy but
    # no 2023-Q1: nothing to compare with.
    rows = "2023-Q2,20000,,,,,,\n2024-Q1,21000,,,,,3,\n2024-Q2,22000,,,,,12,\n"
    plan = plan_with(tmp_path, trademarks_valid=rows)
    [bad] = found(plan)
    assert (bad.line, bad.params["prev_period"], bad.params["implied"]) == (4, "2023-Q2", "10.00")


def test_yoy_needs_the_year_just_before(tmp_path: Path) -> None:
    # 2021 → 2023 is two years: the yoy of 2023 cannot be checked.
    plan = plan_with(tmp_path, trademarks_valid="2021,20000,,,,,,\n2023,22000,,,,,12,\n")
    assert found(plan) == []


# ------------------------------------------------------------------ components


def test_seed_000_patent_grants_add_up(tmp_path: Path) -> None:
    # Seed 000: 1501 = 85 + 1056 + 360 (the valid plan); typed 1051 for 1056:
    # 85 + 1051 + 360 = 1496 ≠ 1501.
    plan = plan_with(tmp_path, utility_grants="2023,1051,,,,,,\n")
    [bad] = found(plan)
    assert bad.code == "check.components_sum"
    assert (Path(bad.file or "").name, bad.line, bad.column) == ("patent_grants.csv", 2, 2)
    assert (bad.params["total"], bad.params["sum"]) == ("1,501", "1,496")
    assert bad.params["parts"] == "invention_grants 85 + utility_grants 1,051 + design_grants 360"


def test_counts_must_add_up_exactly(tmp_path: Path) -> None:
    # 85 + 1056 + 360 = 1501; a total of 1502 is one off: whole numbers, no tolerance.
    plan = plan_with(tmp_path, patent_grants="2023,1502,,,,,,\n")
    assert [p.params["sum"] for p in found(plan)] == ["1,501"]


def test_rounded_parts_have_a_rounding_tolerance(tmp_path: Path) -> None:
    # 2.1 + 4.7 + 1.2 = 8.0; four figures with one decimal may each be 0.05 off:
    # tolerance 4 × 0.05 = 0.2. Total 8.1 (0.1 off) passes, 8.3 (0.3 off) does not.
    parts = {"invention_grants": "2023,2.1,,,,,,\n", "utility_grants": "2023,4.7,,,,,,\n",
             "design_grants": "2023,1.2,,,,,,\n"}  # fmt: skip
    plan = plan_with(tmp_path, patent_grants="2023,8.1,,,,,,\n", **parts)
    assert found(plan) == []
    plan = plan_with(tmp_path / "b", patent_grants="2023,8.3,,,,,,\n", **parts)
    [bad] = found(plan)
    assert (bad.params["total"], bad.params["sum"]) == ("8.3", "8")


def test_a_missing_part_means_no_comparison(tmp_path: Path) -> None:
    # design_grants has 2022 only: 2023 cannot be summed.
    plan = plan_with(tmp_path, design_grants="2022,300,,,,,,\n")
    assert found(plan) == []


def test_parts_compare_within_one_region(tmp_path: Path) -> None:
    # The county's total 100 has no parts in the county: nothing to compare.
    plan = plan_with(tmp_path, patent_grants="2023,1501,,,,,,\n2023,100,广水市,,,,,\n")
    assert found(plan) == []


# ------------------------------------------------------------------ derived values


@pytest.mark.parametrize(
    ("published", "reported"),
    [
        # 29298 / 100000000 × 10000 = 2.9298.
        ("2.93", False),  # |2.93 − 2.9298| = 0.0002 ≤ 0.005 (half of 0.01)
        ("3.1", True),  # |3.1 − 2.9298| = 0.1702 > 0.05 (half of 0.1)
        ("2.92", True),  # |2.92 − 2.9298| = 0.0098 > 0.005
        ("3", False),  # |3 − 2.9298| = 0.0702 ≤ 0.5 (half of 1)
        ("2.9298", False),
    ],
)
def test_a_published_derived_value_may_differ_by_its_rounding(
    tmp_path: Path, published: str, reported: bool
) -> None:
    plan = plan_with(
        tmp_path,
        patents_valid="2023,29298,,,,,,\n",
        population="2020,100000000,,,,,,\n",
        patents_per_10k=f"2023,{published},,,,,,\n",
    )
    bad = found(plan, "check.derived_mismatch")
    assert bool(bad) is reported
    if reported:
        assert bad[0].params["computed"] == "2.9298"
        assert (bad[0].line, bad[0].column) == (2, 2)


def test_a_published_derived_value_without_a_computed_one_is_not_compared(
    tmp_path: Path,
) -> None:
    # No patents_valid for 2021, so nothing is computed for 2021.
    plan = plan_with(tmp_path, patents_per_10k="2021,9.9,,,,,,\n2023,2.2,,,,,,\n")
    assert found(plan) == []


# ------------------------------------------------------------------ dates


def test_periods_and_publication_dates_after_today_are_errors(tmp_path: Path) -> None:
    # today 2024-06-30: 2024-06 and 2024-Q2 end on 2024-06-30 (fine); 2024-07 ends on
    # 2024-07-31 and 2024 on 2024-12-31 (both in the future); the 2023 row was
    # "published" on 2024-07-01, a day after today.
    rows = (
        "2023,450,,,,,,2024-07-01\n2024-06,450,,,,,,\n2024-Q2,450,,,,,,\n"
        "2024-07,450,,,,,,\n2024,450,,,,,,\n"
    )
    plan = plan_with(tmp_path, patents_valid=rows)
    today = date(2024, 6, 30)
    assert [(p.code, p.line, p.column, p.severity) for p in found(plan, today=today)] == [
        ("check.future_published", 2, 8, "error"),
        ("check.future_period", 5, 1, "error"),
        ("check.future_period", 6, 1, "error"),
    ]
    assert found(plan, today=date(2024, 12, 31)) == []


def test_actuals_are_checked_when_the_plan_is_unusable(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, patents_valid="2099,450,,,,,,\n2023,abc,,,,,,\n")
    text = (plan / "targets.yaml").read_text("utf-8")
    (plan / "targets.yaml").write_text(text.replace("kind: flow", "kind: flows", 1), "utf-8")
    codes = [(Path(p.file or "").name, p.code, p.line) for p in found(plan)]
    assert codes == [
        ("targets.yaml", "plan.bad_choice", 40),
        ("patents_valid.csv", "check.future_period", 2),
        ("patents_valid.csv", "number.invalid", 3),
    ]


# ------------------------------------------------------------------ files


def test_an_actuals_file_named_for_no_indicator_is_an_error(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, patent_grant="2023,1501,,,,,,\n")  # grant, not grants
    the_plan, _ = read_plan(plan)
    assert the_plan is not None
    _, problems = read_actuals(the_plan)
    assert [(p.code, p.severity) for p in problems] == [("actuals.unknown_file", "warning")]
    [bad] = found(plan)
    assert (bad.code, bad.severity, bad.params["id"]) == (
        "actuals.unknown_file",
        "error",
        "patent_grant",
    )


def test_findings_come_sorted_targets_first(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, trademarks_valid="2023,x,,,,,,\n", patents_valid="2023,y,,,,,,\n")
    text = (plan / "targets.yaml").read_text("utf-8")
    (plan / "targets.yaml").write_text(text.replace("value: 3\n", "value: 3\n      value: 4\n"))
    names = [Path(p.file or "").name for p in found(plan)]
    assert names == ["targets.yaml", "patents_valid.csv", "trademarks_valid.csv"]


def test_a_missing_targets_file_is_a_finding(tmp_path: Path) -> None:
    assert [p.code for p in run_checks(tmp_path, TODAY)] == ["plan.unreadable"]


# ------------------------------------------------------------------ the pure layer


def test_check_plan_works_on_observations_without_files() -> None:
    the_plan, _ = read_plan(VALID)
    assert the_plan is not None

    def obs(period: str, value: float) -> Observation:
        return Observation("patents_valid", parse_period(period), value)

    [drop] = check_plan(the_plan, {"patents_valid": [obs("2021", 8957), obs("2022-03", 2307)]},
                        TODAY)  # fmt: skip
    assert (drop.code, drop.file, drop.line, drop.column) == ("check.stock_drop", None, None, None)


def test_every_message_exists_in_both_languages_and_fills(tmp_path: Path) -> None:
    plan = plan_with(
        tmp_path,
        patents_valid="2021,8957,,,,,,\n2022,2307,,,,,,\n2023,29298,,,,,,\n2099,30000,,,,,,2099-01-01\n",
        population="2020,100000000,,,,,,\n",
        patents_per_10k="2023,3.1,,,,,,\n",
        trademarks_valid="2022,20000,,,,,,\n2023,22000,,,,,12,\n",
        utility_grants="2023,1051,,,,,,\n",
    )
    problems = found(plan)
    assert {p.code for p in problems} == {c for c in MESSAGES if c.startswith("check.")}
    for problem in problems:
        for lang in ("zh", "en"):
            line = format_problem(problem, lang)  # type: ignore[arg-type]
            assert "{" not in line and "}" not in line, line
    for entry in MESSAGES.values():
        assert set(entry) == {"zh", "en"}
