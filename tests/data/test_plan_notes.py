"""targets.yaml ``note`` keys are kept on the model, not accepted and dropped (issue 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ipplan.data.plan import bundled_plan_dir, load_plan


def test_notes_of_the_plan_and_of_an_indicator_are_kept(tmp_path: Path) -> None:
    shutil.copytree(bundled_plan_dir(), tmp_path, dirs_exist_ok=True)
    path = tmp_path / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  deadline: 2025-12-31\n", "  deadline: 2025-12-31\n  note: 方案备注\n", 1)
    text = text.replace(
        "    name_en: Valid registered trademarks\n",
        "    name_en: Valid registered trademarks\n    note: 指标备注\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    plan = load_plan(tmp_path)
    assert plan.meta.note == "方案备注"
    indicator = plan.get("trademarks_valid")
    assert indicator is not None and indicator.note == "指标备注"
    # the target's own note was kept before; it still is, and distinct
    assert indicator.target is not None and indicator.target.note is not None
    assert indicator.target.note.startswith("原文“累计达到3万件”")
    assert load_plan(bundled_plan_dir()).meta.note is None
