"""No user-facing Chinese outside the catalog: every word of present/, render/, report/ and
cli/ comes from ipplan/messages (i18n.word / i18n.message). A string literal with a CJK character
(ideographs, CJK punctuation, full-width forms) is allowed only where it is no word shown to
a reader, listed below with its reason. Docstrings and comments are not output; the typer
``help=`` texts are bilingual by design (--help is printed before --lang is known)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ipplan"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

# (file under ipplan/, the literal) → why it is not a word from the catalog
ALLOWED: dict[tuple[str, str], str] = {
    **{
        ("present/fmt.py", unit): "a key of UNITS_EN: the unit as a plan writes it (data)"
        for unit in (
            "件",
            "个",
            "项",
            "家",
            "户",
            "人",
            "起",
            "次",
            "元",
            "万元",
            "亿元",
            "万人",
            "万件",
        )
    },
    ("render/regions_markdown.py", "\u3000"): "ideographic space: the indent of a sub-unit",
    ("present/safe.py", "＝"): "a full-width formula character neutralised in cells",
    ("present/safe.py", "＋"): "a full-width formula character neutralised in cells",
    ("present/safe.py", "－"): "a full-width formula character neutralised in cells",
    ("present/safe.py", "＠"): "a full-width formula character neutralised in cells",
    ("present/safe.py", " \u3000"): "spaces skipped before a formula character",
    ("report/build.py", "零一二三四五六七八九"): "Chinese numerals of section numbers",
    ("report/build.py", "十"): "Chinese numerals of section numbers",
    ("report/chart.py", "中国专利"): "a probe: does the font draw Chinese (never shown)",
    ("report/fit.py", "四个汉字"): "a probe: the width of four characters (never shown)",
    ("report/cite.py", r"\]\s*[:：]\s*"): "reading sources: a colon after a reference",
    ("report/cite.py", "《"): "reading sources: a title already in 《》",
    ("report/docx.py", "的于权和与及、"): "typesetting: where a long Chinese title may break",
    ("report/docx.py", "》"): "typesetting: a long title breaks after its 《…》",
    ("report/docx.py", "仿宋"): "a font name",
    ("report/docx.py", "黑体"): "a font name",
    ("report/docx.py", "宋体"): "a font name",
    (
        "cli/options.py",
        "输出格式 output format",
    ): "the default of a --format help= text (bilingual)",
    ("cli/propose.py", "，"): "reading input: a full-width comma typed between probabilities",
}
ALLOWED_PATTERNS = {  # literals too long to name whole
    ("report/cite.py", "(?P<seed>"): "reading sources: where a URL ends in Chinese text",
}


def _literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))  # a docstring
        if isinstance(node, ast.keyword) and node.arg == "help":
            skip.update(id(n) for n in ast.walk(node.value))
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
    ]


def _found() -> list[tuple[str, str]]:
    found = []
    for area in ("present", "render", "report", "cli"):
        for path in sorted((PACKAGE / area).rglob("*.py")):
            rel = path.relative_to(PACKAGE).as_posix()
            found += [(rel, text) for text in _literals(path) if CJK.search(text)]
    return found


def _allowed(rel: str, text: str) -> bool:
    if (rel, text) in ALLOWED:
        return True
    return any(rel == f and text.startswith(start) for f, start in ALLOWED_PATTERNS)


def test_no_chinese_literal_outside_the_catalog() -> None:
    stray = [(rel, text) for rel, text in _found() if not _allowed(rel, text)]
    assert stray == [], "a word belongs in ipplan/messages/words_*.py"


def test_every_allowed_literal_is_still_there() -> None:
    found = set(_found())
    stale = [key for key in ALLOWED if key not in found]
    assert stale == []


def test_the_scan_finds_chinese_in_an_f_string(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""文档"""\nx = f"{1}个"\nhelp_text = dict(help="帮助")\n', "utf-8")
    assert _literals(module) == ["个"]  # the docstring and a help= text are not output


# Punctuation that differs by language, written as a literal by the core too (a problem's
# parameters): a message shown in English would carry it. Allowed where it is no punctuation
# of a message: (file under ipplan/, the literal) → why.
PUNCTUATION = re.compile(r"[、，；：（）]")
PUNCTUATION_ALLOWED: dict[tuple[str, str], str] = {
    ("report/docx.py", "的于权和与及、"): "typesetting: where a long Chinese title may break",
    ("core/formula.py", "（"): "reading formulas: a full-width bracket typed for (",
    ("core/formula.py", "）"): "reading formulas: a full-width bracket typed for )",
    ("cli/propose.py", "，"): "reading input: a full-width comma typed between probabilities",
    ("core/i18n.py", "映射（键: 值）"): "TERMS_ZH: a type name in a Chinese message only",
    ("core/numbers.py", "，"): "reading numbers: a full-width comma typed in 22，542",
    ("collect/returns.py", "（"): "reading a form: a head's word before its parenthesis",
}
PUNCTUATION_PATTERNS = {  # literals too long to name whole
    ("collect/layout.py", "(?:填报单位|Unit)"): "reading a form: the line under its title",
}
PUNCTUATION_FILES = {  # every literal of these files, with why
    "data/scaffold.py": "the commented targets.yaml that ipplan init writes (Chinese by design)",
}


def _punctuation() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("messages/") or rel in PUNCTUATION_FILES:
            continue
        found += [(rel, text) for text in _literals(path) if PUNCTUATION.search(text)]
    return found


def test_no_language_punctuation_outside_the_catalog() -> None:
    # e.g. units joined by "、" in a problem's parameter read "广水市、随县" in English too:
    # such lists are i18n.Listing, joined when the message's language is known
    stray = [
        key
        for key in _punctuation()
        if key not in PUNCTUATION_ALLOWED
        and not _allowed(*key)
        and not any(key[0] == f and key[1].startswith(p) for f, p in PUNCTUATION_PATTERNS)
    ]
    assert stray == [], "use the catalog's punct.* words or i18n.Listing"


def test_every_allowed_punctuation_is_still_there() -> None:
    found = set(_punctuation())
    assert [key for key in PUNCTUATION_ALLOWED if key not in found] == []
