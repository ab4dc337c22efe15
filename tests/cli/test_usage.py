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


class _Missing(Exception):
    """A missing option as each Typer words it (MissingParameter, by its name)."""

    def __init__(self, param: object) -> None:
        super().__init__("missing")
        self.param, self.param_hint, self.ctx = param, ["--by"], None


_Missing.__name__ = "MissingParameter"


class _Typer029:  # the choices in the missing message, from Typer's own option
    param_type_name = "option"

    def get_missing_message(self, ctx: object) -> str:
        return "Choose from:\n\tmonth,\n\tquarter."


class _ClickChoice:  # Typer up to 0.28: a Click Choice type holds them
    param_type_name = "option"
    type = type("Choice", (), {"choices": ("month", "quarter")})()


class _Metavar:  # up to 0.28, options.format_option: listed in the metavar only
    param_type_name = "option"
    type = object()
    metavar = "<month|quarter>"


@pytest.mark.parametrize("param", [_Typer029(), _ClickChoice(), _Metavar()])
def test_missing_option_choices_from_either_typer(param: object) -> None:
    from ipplan.cli.usage import usage_text
    from ipplan.core.i18n import Lang

    assert usage_text(_Missing(param), Lang.EN) == (
        "missing option --by (choose one of: month | quarter)"
    )
    plain = type("Plain", (), {"param_type_name": "option", "metavar": "DATE"})()
    assert usage_text(_Missing(plain), Lang.EN) == "missing option --by"
