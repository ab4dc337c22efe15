"""Random plans for the engine's tests: every kind of indicator and target, units with and
without their own targets, years, quarters and months mixed, gaps, zeros, yoy, published
dates. Written as files, so both readers (row parser and columns) see the same bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import strategies as st

REGION = "示例市"
UNITS = ["甲县", "乙县", "丙区", "丁市", "戊镇"]
INDICATORS = """\
  - {id: s_up, name: 存量升, kind: stock, target: {type: level, value: TV_s_up}}
  - {id: s_down, name: 存量降, kind: stock,
     target: {type: level, value: TV_s_down, direction: decrease}}
  - {id: s_mon, name: 监测, kind: stock}
  - {id: f_cum, name: 累计, kind: flow, target: {type: cumulative, value: TV_f_cum, from: "2022"}}
  - {id: f_lvl, name: 流量, kind: flow, target: {type: level, value: TV_f_lvl}}
  - {id: g_grow, name: 稳步增长, kind: stock, target: {type: growth}}
  - {id: pop, name: 人口, kind: stock}
  - {id: d_per, name: 人均, kind: derived, formula: "s_up / pop * 10000",
     target: {type: level, value: TV_d_per}}
  - {id: n_neg, name: 可负, kind: stock, allow_negative: true,
     target: {type: level, value: TV_n_neg}}
"""
IDS = ["s_up", "s_down", "s_mon", "f_cum", "f_lvl", "g_grow", "pop", "d_per", "n_neg"]
TARGETED = ["s_up", "s_down", "f_cum", "f_lvl", "d_per", "n_neg"]
PERIODS = (
    [str(y) for y in range(2018, 2028)]
    + [f"{y}-Q{q}" for y in range(2019, 2027) for q in range(1, 5)]
    + [f"{y}-{m:02d}" for y in range(2020, 2027) for m in range(1, 13)]
)

values = st.one_of(
    st.integers(0, 5000).map(float),
    st.sampled_from([0.0, 1.0, 2.0]),
    st.floats(0.01, 1e6, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 3)),
)
targets = st.one_of(st.integers(1, 20000).map(float), st.sampled_from([0.0, 0.5, 100.0]))


@st.composite
def series(draw: st.DrawFn, negative: bool = False) -> list[tuple[str, float, str, str]]:
    """(period, value, yoy, published) rows of one series."""
    style = draw(st.sampled_from(["Y", "Q", "M", "mixed"]))
    pool = [p for p in PERIODS if style == "mixed" or _freq(p) == style]
    chosen = sorted(set(draw(st.lists(st.sampled_from(pool), max_size=14))))
    rows = []
    for period in chosen:
        value = draw(values)
        if negative and draw(st.booleans()):
            value = -value
        yoy = draw(st.sampled_from(["", "", "", "12.5", "-3", "0"]))
        published = draw(st.sampled_from(["", "", "", "2024-03-01", "2025-12-01"]))
        rows.append((period, value, yoy, published))
    return rows


def _freq(period: str) -> str:
    return "Y" if len(period) == 4 else ("Q" if "Q" in period else "M")


@st.composite
def plans(draw: st.DrawFn) -> dict[str, object]:
    units = UNITS[: draw(st.integers(1, len(UNITS)))]
    data = {
        "baseline": draw(st.sampled_from(["2021", "2022", "2023", "2023-Q4"])),
        "deadline": draw(st.sampled_from(["2024-12-31", "2025-12-31", "2025-06-30", "2026-03-31"])),
        "targets": {i: draw(targets) for i in TARGETED},
        "units": units,
        "unit_targets": {
            (i, u): draw(st.one_of(st.none(), targets)) for i in TARGETED for u in units
        },
        "rows": {
            (i, u): draw(series(negative=i == "n_neg"))
            for i in IDS
            if i != "d_per" or draw(st.booleans())
            for u in ["", *units]
        },
        "as_of": draw(st.dates(date(2019, 6, 1), date(2027, 6, 30))),
        "method": draw(st.sampled_from(["auto", "auto", "linear", "cagr", "weighted"])),
    }
    return data


def write(folder: Path, data: dict[str, object]) -> None:
    """The plan's files: targets.yaml, targets_by_region.csv, actuals/*.csv."""
    text = INDICATORS
    for iid, value in data["targets"].items():  # type: ignore[attr-defined]
        text = text.replace(f"TV_{iid}", repr(value))
    (folder / "actuals").mkdir(parents=True)
    (folder / "targets.yaml").write_text(
        f'plan:\n  id: t\n  title: 测试\n  region: {REGION}\n  baseline: "{data["baseline"]}"\n'
        f"  deadline: {data['deadline']}\nindicators:\n{text}",
        encoding="utf-8",
    )
    lines = ["indicator,region,value"]
    for (iid, unit), value in data["unit_targets"].items():  # type: ignore[attr-defined]
        if value is not None:
            lines.append(f"{iid},{unit},{value!r}")
    (folder / "targets_by_region.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    files: dict[str, list[str]] = {}
    for (iid, unit), rows in data["rows"].items():  # type: ignore[attr-defined]
        out = files.setdefault(iid, ["period,value,region,source,note,flag,yoy,published"])
        for period, value, yoy, published in rows:
            flag = "e" if len(out) % 7 == 3 else ""
            out.append(f"{period},{value!r},{unit},来源{len(out)},,{flag},{yoy},{published}")
    for iid, out in files.items():
        (folder / "actuals" / f"{iid}.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
