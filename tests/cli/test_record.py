"""`ipplan record`: typed values, refusals with exit codes, files untouched on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.data.plan import bundled_plan_dir


@pytest.fixture
def plan_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)
    src = bundled_plan_dir()
    shutil.copy(src / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(src / "actuals", tmp_path / "actuals")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "actuals").glob("*.csv"))}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("24,500", "24500"),
        ("２４５００", "24500"),  # full-width digits
        ("2.45万", "24500"),  # 2.45 × 10^4
        ("0.000245亿", "24500"),  # 0.000245 × 10^8
    ],
)
def test_values_as_people_type_them(
    plan_dir: Path, capsys: pytest.CaptureFixture[str], typed: str, stored: str
) -> None:
    code, out, err = run(capsys, "record", "trademarks_valid", "2024", typed, "--plan",
                         str(plan_dir))  # fmt: skip
    assert (code, err) == (0, "")
    last = (plan_dir / "actuals" / "trademarks_valid.csv").read_text("utf-8-sig").splitlines()[-1]
    assert last == f"2024,{stored},,,,,,"
    assert out.startswith("已记录：有效注册商标量 trademarks_valid 2024 = 24,500")
    # attainment = 24500 / 30000 = 0.81666… → 81.7%
    assert "有效注册商标量（件）  目标：30,000，最新值：24,500 (2024)，完成率：81.7%" in out


def test_chinese_name_period_and_options(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "record", "商标申请量", "2024年一季度", "1,200", "--plan",
                       str(plan_dir), "--region", "曾都区", "--source", "区局", "--flag", "P",
                       "--yoy", "14.29%", "--published", "2024/4/20", "--lang", "en")  # fmt: skip
    assert code == 0
    # English puts the unit in ASCII parentheses (was "2024-Q1（曾都区）")
    assert out.startswith(
        "recorded: Trademark applications trademark_applications 2024-Q1 (曾都区) = 1,200 ("
    )
    text = (plan_dir / "actuals" / "trademark_applications.csv").read_text("utf-8-sig")
    assert "2024-Q1,1200,曾都区,区局,,p,14.29,2024-04-20" in text


def test_a_units_figure_is_named_with_chinese_parentheses_in_chinese(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "record", "trademark_applications", "2024-Q2", "1300", "--plan",
                       str(plan_dir), "--region", "曾都区")  # fmt: skip
    assert code == 0
    assert out.startswith("已记录：商标申请量 trademark_applications 2024-Q2（曾都区） = 1,300（")


def test_replace_prints_old_and_new(plan_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["record", "trademarks_valid", "2023", "22600", "--plan", str(plan_dir)]
    before = snapshot(plan_dir)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("error: trademarks_valid 的 2023（随州市）已有记录 22,542（")  # was 22542
    assert err.rstrip().endswith("确认要替换时加 --replace 重试")
    assert snapshot(plan_dir) == before
    code, out, _ = run(capsys, *args, "--replace")
    assert code == 0
    assert out.startswith("已替换：有效注册商标量 trademarks_valid 2023：22,542 → 22,600")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["trademark_valid", "2024", "1"], 2, "是否指：trademarks_valid（有效注册商标量）"),
        (["有效商标量", "2024", "1"], 2, "trademarks_valid（有效注册商标量）"),
        (["trademarks_valid", "2024", "-5"], 2, "数值 -5 为负数"),
        (["trademarks_valid", "2024", "nan"], 2, "“nan”不是有效数值"),
        (["trademarks_valid", "2024", "inf"], 2, "“inf”不是有效数值"),
        (["trademarks_valid", "2024", "2,25"], 2, "无法识别的数值“2,25”"),
        (["trademarks_valid", "2024-13", "1"], 2, "无法识别的期间“2024-13”"),
        (["trademarks_valid", "2024", "1", "--flag", "x"], 2, "标记“x”无效"),
        (["trademarks_valid", "2024", "1", "--published", "soon"], 2, "发布日期“soon”无效"),
        (["invention_patents_per_10k", "2024", "3.1"], 2, "是派生指标"),
        (["trademarks_valid", "2023", "22542", "--note", "核实"], 2, "数值相同但 note 不同"),
        (["trademarks_valid", "2024年", "1", "--region", "随州市", "--yoy", "x%"], 2, "“x%”"),
    ],
)
def test_refusals_leave_every_file_byte_identical(
    plan_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = snapshot(plan_dir)
    got, out, err = run(capsys, "record", *args, "--plan", str(plan_dir))
    assert (got, out) == (code, "")
    assert err.startswith("error: ") and message in err and "Traceback" not in err
    assert snapshot(plan_dir) == before


def test_a_derived_indicator_takes_a_published_value(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "record", "invention_patents_per_10k", "2024", "3.1", "--source",
                       "2024年统计公报", "--plan", str(plan_dir))  # fmt: skip
    assert code == 0 and out.startswith("已记录：每万人口发明专利拥有量")


def test_the_bundled_plan_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.chdir(tmp_path)  # no targets.yaml here: the bundled plan is used
    code, out, err = run(capsys, "record", "trademarks_valid", "2024", "1", "--lang", "en")
    assert (code, out) == (3, "")
    assert "the bundled Suizhou plan is read-only" in err and "ipplan init DIR" in err


def test_a_broken_other_file_does_not_hide_the_write(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (plan_dir / "actuals" / "population.csv").write_bytes(b"period,value\n2020,lots\n")
    code, out, err = run(capsys, "record", "trademarks_valid", "2024", "25000", "--plan",
                         str(plan_dir))  # fmt: skip
    assert code == 0 and out.startswith("已记录：")
    assert err.startswith("warning: 已写入，但其他数据文件有问题") and "ipplan check" in err


def test_as_a_real_process(plan_dir: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ipplan", "record", "专利授权量", "2024", "2,025", "--plan",
         str(plan_dir), "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("recorded: Patent grants patent_grants 2024 = 2,025")
    again = subprocess.run(
        [sys.executable, "-m", "ipplan", "record", "patent_grants", "2024", "2026", "--plan",
         str(plan_dir)],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert again.returncode == 2 and "Traceback" not in again.stderr


def test_every_typed_problem_at_once(plan_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["trademarks_valid", "2024Q5", "abc", "--flag", "z", "--published", "2024-02-30"]
    code, _, err = run(capsys, "record", *args, "--plan", str(plan_dir), "--lang", "en")
    assert code == 2
    # in the order of the columns of an actuals file, as `status` lists a row's problems
    assert [line.split(";")[0] for line in err.splitlines()] == [
        "error: not a period: '2024Q5'",
        "error: not a number: 'abc'",
        "error: flag 'z' is not valid",
        "error: '2024-02-30' is not a date",
    ]


def test_a_period_that_has_not_ended_is_refused(
    plan_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # today pinned to 2027-01-30: 2027-01 ends on 2027-01-31, the day after: refused
    # (exit 2), as `ipplan check` would report it and `status` would hide it.
    monkeypatch.setenv("IPPLAN_TODAY", "2027-01-30")
    before = snapshot(plan_dir)
    code, _, err = run(
        capsys, "record", "trademarks_valid", "2027-01", "1", "--plan", str(plan_dir)
    )
    assert code == 2
    assert "2027-01-31" in err and "2027-01-30" in err
    assert snapshot(plan_dir) == before
    # on its last day the month has ended (end > today is refused, end == today is not)
    monkeypatch.setenv("IPPLAN_TODAY", "2027-01-31")
    code, _, err = run(
        capsys, "record", "trademarks_valid", "2027-01", "1", "--plan", str(plan_dir)
    )
    assert code == 0, err


def test_a_bad_ipplan_today_is_a_usage_error(
    plan_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPPLAN_TODAY", "tomorrow")
    before = snapshot(plan_dir)
    code, out, err = run(capsys, "record", "trademarks_valid", "2024", "1", "--plan", str(plan_dir))
    assert (code, out) == (2, "")
    assert err.startswith("error: 环境变量 IPPLAN_TODAY“tomorrow”不是日期")
    assert snapshot(plan_dir) == before


def test_a_row_saved_by_hand_while_record_writes_is_kept(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13, class 4: a person saves a new 2020 row in Excel while `record` writes
    2019; `record` used to replace the file without it."""
    from ipplan.data.atomic import add_step_hook

    path = plan_dir / "actuals" / "trademarks_valid.csv"
    saved: list[bool] = []

    def excel_saves(name: str) -> None:
        if name == "journal mkdir" and not saved:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("2020,14000,,保存于 Excel,,,,\n")
            saved.append(True)

    remove = add_step_hook(excel_saves)
    try:
        code, out, err = run(capsys, "record", "trademarks_valid", "2019", "12000",
                             "--plan", str(plan_dir))  # fmt: skip
    finally:
        remove()
    assert saved and code == 0, err
    assert out.startswith("已记录：有效注册商标量 trademarks_valid 2019 = 12,000")
    text = path.read_text(encoding="utf-8-sig")
    assert "2019,12000," in text and "2020,14000,,保存于 Excel" in text
    assert text.index("2019,12000") < text.index("2020,14000") < text.index("2021,16480")


def test_a_damaged_file_is_refused_as_status_refuses_it(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `"16"480`: text after a closing quote. status refused the file, but record read it
    # with a lenient CSV reader (as 16480), wrote into it and exited 0
    path = plan_dir / "actuals" / "design_grants.csv"
    damaged = b'period,value\n2021,"16"480\n'
    path.write_bytes(damaged)
    code, _, status_err = run(capsys, "status", "--plan", str(plan_dir))
    assert code == 3
    code, out, err = run(capsys, "record", "design_grants", "2024", "5", "--plan", str(plan_dir))
    assert (code, out) == (3, "")
    assert path.read_bytes() == damaged
    said = f"error: {path}:2:2: CSV 格式错误：引号结束后还有文字“480”"
    assert status_err.startswith(said) and err.startswith(said)


def test_a_duplicate_row_is_worded_as_status_words_it(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an empty region and the plan's own region written out are the same row; record
    # called the region "-" where status names it
    path = plan_dir / "actuals" / "design_grants.csv"
    path.write_text("period,value,region\n2021,1,\n2021,2,随州市\n", encoding="utf-8")
    said = f"error: {path}:3:1: 期间 2021、地区 随州市 重复（第 2 行已有）"
    code, _, status_err = run(capsys, "status", "--plan", str(plan_dir))
    assert code == 3 and said in status_err.splitlines()[0]
    code, _, err = run(capsys, "record", "design_grants", "2024", "5", "--plan", str(plan_dir))
    assert code == 3 and said in err.splitlines()[0]


def test_a_percent_value_record_takes_is_one_status_reads(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # record took 36.5% for an indicator in %, but the same text in the file made status
    # refuse it
    path = plan_dir / "actuals" / "above_scale_invention_share.csv"
    path.write_text("period,value\n2023,35\n2024,36.5%\n", encoding="utf-8")
    code, _, err = run(capsys, "status", "--plan", str(plan_dir))
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "record", "above_scale_invention_share", "2025-06", "37%",
                       "--plan", str(plan_dir))  # fmt: skip
    assert (code, err) == (0, "")
    assert path.read_text("utf-8-sig").splitlines()[1:] == ["2023,35", "2024,36.5%", "2025-06,37"]


@pytest.mark.parametrize(
    ("period", "value", "word"),
    [
        # the window 16,480 (2021) … 22,542 (2023), 25,000 (2024): every projection to
        # 2025 is below the 30,000 target (CAGR (25000/16480)^(1/3.0007) = 1.1489 →
        # 25,000 × 1.1489 ≈ 28,722, the highest; linear 20,936.5 + 2.5 × 2,837.8 ≈ 28,031)
        # → 预计未完成; the pace word it replaces was 需加快 (behind)
        ("2024", "25,000", "预计未完成"),
        # 30,500 ≥ 30,000: already reached before the deadline figure → 预计已完成 (was 已完成)
        ("2024", "30,500", "预计已完成"),
        # the deadline figure: 29,000 < 30,000 → 未完成, final (*)
        ("2025", "29,000", "未完成*"),
    ],
)
def test_after_the_deadline_the_status_is_worded_as_status_words_it(
    plan_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    period: str,
    value: str,
    word: str,
) -> None:
    # the deadline is 2025-12-31: on 2026-11-30 the pace (需加快…) answers no question left
    monkeypatch.setenv("IPPLAN_TODAY", "2026-11-30")
    code, out, err = run(capsys, "record", "trademarks_valid", period, value, "--plan",
                         str(plan_dir))  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[1].endswith(f"状态：{word}")
    code, table, _ = run(capsys, "status", "--plan", str(plan_dir), "-f", "markdown")
    line = next(x for x in table.splitlines() if x.startswith("| 有效注册商标量 |"))
    # the same word in the status table (its Markdown escapes the "*")
    assert line.split("|")[9].strip().replace("\\*", "*") == word
