"""Fixtures for the report tests: the bundled plan, and a hostile one made in tmp_path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_plans import AS_OF, evaluate, make_hostile

from ipplan.analysis.evaluate import PlanEvaluation
from ipplan.data.plan import read_plan
from ipplan.report import Report, build_report
from ipplan.report.quality import quality_problems


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    return make_hostile(tmp_path / "hostile")


@pytest.fixture(scope="session")
def bundled_result() -> PlanEvaluation:
    return evaluate(None, date(2024, 12, 31))


@pytest.fixture(scope="session")
def bundled_zh(bundled_result: PlanEvaluation) -> Report:
    return build_report(bundled_result, "zh", quality_problems(bundled_result.plan))


@pytest.fixture(scope="session")
def bundled_en(bundled_result: PlanEvaluation) -> Report:
    return build_report(bundled_result, "en", quality_problems(bundled_result.plan))


@pytest.fixture(scope="session")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    folder = make_hostile(tmp_path_factory.mktemp("plans") / "hostile")
    assert read_plan(folder)[0] is not None, read_plan(folder)[1]
    result = evaluate(folder, AS_OF)
    problems = quality_problems(result.plan)
    return {lang: build_report(result, lang, problems) for lang in ("zh", "en")}
