"""Usage errors of the command-line parser in the user's language (ipplan.cli.usage): the
common ones worded from the catalog, a value not among the choices as ipplan's own
``cli.bad_choice`` line; exit 2, one line, no traceback."""

from __future__ import annotations

import pytest

from ipplan.cli.app import main


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IPPLAN_PLAN", "IPPLAN_LANG", "IPPLAN_DEBUG"):
        monkeypatch.delenv(name, raising=False)


CASES = [
    (["show"], "error: 命令行用法错误：缺少参数 ID; 请运行 ipplan show --help 查看用法",
     "error: usage: missing argument ID; see ipplan show --help"),
    (["status", "--fromat", "json"],
     "error: 命令行用法错误：没有选项 --fromat（是否指 --format？）; "
     "请运行 ipplan status --help 查看用法",
     "error: usage: no such option --fromat (did you mean --format?); see ipplan status --help"),
    (["status", "extra", "more"],
     "error: 命令行用法错误：多余的参数：extra more; 请运行 ipplan status --help 查看用法",
     "error: usage: unexpected extra arguments: extra more; see ipplan status --help"),
    (["report"],
     "error: 命令行用法错误：缺少选项 --format / -f（可选值：docx | xlsx | html | markdown | "
     "json）; 请运行 ipplan report --help 查看用法",
     "error: usage: missing option --format / -f (choose one of: docx | xlsx | html | markdown | "
     "json); see ipplan report --help"),
    (["need", "trademarks_valid", "--by", "week"],
     "error: --by 的取值“week”无效; 可选值：month | quarter",
     "error: --by cannot be 'week'; choose one of: month | quarter"),
    (["status", "--as-of"],
     "error: 命令行用法错误：选项 --as-of 后面缺少取值; 请运行 ipplan status --help 查看用法",
     "error: usage: option --as-of needs a value; see ipplan status --help"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "zh", "en"), CASES)
def test_usage_errors_in_both_languages(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    zh: str,
    en: str,
) -> None:
    # was Click's English in Chinese too: "命令行用法错误：Missing argument 'ID'",
    # "Invalid value for '--by': Value error, 'week' is not one of 'month', 'quarter'"
    for lang, line in (("zh", zh), ("en", en)):
        monkeypatch.setenv("IPPLAN_LANG", lang)
        with pytest.raises(SystemExit) as done:
            main(args)
        assert done.value.code == 2
        assert capsys.readouterr() == ("", line + "\n")


def test_other_usage_errors_keep_click_s_words(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["status", "--as-of", "2024-12-31", "--region"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 命令行用法错误：") and err.count("\n") == 1
