"""ipplan.data.scaffold: new plan folders, and never overwriting one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ipplan import status
from ipplan.core.errors import UsageError
from ipplan.data.plan import bundled_plan_dir, load_plan, read_plan
from ipplan.data.scaffold import create_plan


def test_suizhou_copies_the_bundled_plan_byte_for_byte(tmp_path: Path) -> None:
    folder = tmp_path / "suizhou"
    written = create_plan(folder, "suizhou")
    src = bundled_plan_dir()
    assert (folder / "targets.yaml").read_bytes() == (src / "targets.yaml").read_bytes()
    for path in (src / "actuals").glob("*.csv"):
        assert (folder / "actuals" / path.name).read_bytes() == path.read_bytes()
    assert len(written) == 1 + len(list((src / "actuals").glob("*.csv")))
    plan = load_plan(folder)
    assert not plan.bundled


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_blank_is_a_valid_plan_without_figures(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "blank"
    create_plan(folder, "blank", lang)
    plan, problems = read_plan(folder)
    assert plan is not None and problems == []  # no warning either
    assert [i.id for i in plan.indicators] == ["trademarks_valid"]
    assert list((folder / "actuals").iterdir()) == []
    result = status(plan, as_of=date(2024, 12, 31))
    assert [e.status for e in result.evaluations] == ["insufficient_data"]


def test_refuses_a_folder_with_a_plan_and_leaves_it_alone(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "targets.yaml").write_bytes(b"mine")
    with pytest.raises(UsageError) as err:
        create_plan(folder, "blank")
    assert err.value.code == "init.exists"
    assert (folder / "targets.yaml").read_bytes() == b"mine"
    assert not (folder / "actuals").exists()


def test_refuses_to_overwrite_an_actuals_file(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    (folder / "actuals").mkdir(parents=True)
    (folder / "actuals" / "population.csv").write_bytes(b"mine")
    with pytest.raises(UsageError):
        create_plan(folder, "suizhou")
    assert not (folder / "targets.yaml").exists()
    assert (folder / "actuals" / "population.csv").read_bytes() == b"mine"


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x")
    with pytest.raises(UsageError) as err:
        create_plan(tmp_path / "f", "blank")
    assert err.value.code == "init.not_dir"
