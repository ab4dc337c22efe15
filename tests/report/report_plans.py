"""Plans for the report tests, made in tmp_path (imported by name: pytest puts this
folder on sys.path)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from ipplan.analysis.evaluate import PlanEvaluation, evaluate_plan
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HYPERLINK = '=HYPERLINK("http://x","y")'
LONG = "很长的指标名称" * 30 + " $x^2$ \\frac{1}{0}"
AS_OF = date(2025, 6, 30)

PLAN = {
    "plan": {
        "id": "../evil plan<script>",
        "title": f"{SCRIPT}恶意方案",
        "title_en": f"{IMG} hostile plan",
        "document": HYPERLINK,
        "issuer": IMG,
        "issued": "2024-07-09",
        "region": "测试市",
        "baseline": "2023",
        "deadline": "2025-12-31",
        "source": "+cmd|' /C calc'!A0",
    },
    "indicators": [
        {
            "id": "evil_a",
            "name": SCRIPT,
            "name_en": IMG,
            "unit": "<b>件</b>",
            "kind": "stock",
            "target": {"type": "level", "value": 100, "source": HYPERLINK},
            "source": HYPERLINK,
        },
        {
            "id": "evil_long",
            "name": LONG,
            "unit": "件",
            "kind": "flow",
            "target": {"type": "cumulative", "value": 50, "from": "2021", "source": "@SUM(A1)"},
            "source": "-2+3",
        },
        {
            "id": "no_data",
            "name": "@SUM(1+1)",
            "unit": "个",
            "kind": "stock",
            "target": {"type": "level", "value": 10},
        },
        {
            "id": "growth_x",
            "name": "-2+3",
            "unit": "件",
            "kind": "flow",
            "target": {"type": "growth"},
        },
        {"id": "mon", "name": IMG, "unit": "家", "kind": "stock", "source": "\t=1+1"},
    ],
}
ACTUALS = {
    "evil_a": [
        "period,value,source,note",
        '2021,50,"=HYPERLINK(""http://x"",""y"")",<script>alert(2)</script>',
        "2022,60,,",
        "2023,70,,",
        '2024,80,@cmd,"\r=1"',
    ],
    "evil_long": ["period,value", "2021,5", "2022,6", "2023,8", "2024,9"],
    "growth_x": ["period,value,flag", "2022,3,", "2023,4,e", "2024,6,"],
    "mon": ["period,value,note", f'2023,20,"{IMG}"', "2024,13,-1"],  # a 35 % drop
    "stray": ["period,value", "2023,1"],  # no such indicator: a data-quality note
}


def make_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(PLAN, allow_unicode=True, sort_keys=False)
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    actuals = folder / "actuals"
    actuals.mkdir()
    for name, lines in ACTUALS.items():
        (actuals / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def evaluate(folder: Path | None, as_of: date) -> PlanEvaluation:
    plan = load_plan(folder)
    return evaluate_plan(plan, load_actuals(plan), as_of)
