"""Arbitrary Unicode through every text field to every output (issue 13).

Hypothesis writes text (control characters, ANSI and OSC sequences, Rich markup, bidi
controls, lone surrogates, formula starts, HTML) into the plan title, an indicator's
name, name_en, unit and sources, and, through `ipplan record`, into the region, source
and note of an actuals row. Every command then runs on that plan, and:

- nothing crashes: exit 0-3, never 70, no traceback;
- nothing that reaches a terminal (stdout, stderr of status, show, need, propose, check,
  record, report) holds a raw control character;
- no CSV cell (status --format csv, the actuals file record wrote) and no XLSX cell is a
  live formula;
- the HTML report holds no element the data put there.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ipplan.cli.app import main
from ipplan.present.safe import DANGEROUS

VALID = Path(__file__).parent / "corpus" / "valid_plan"
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
BITS = [
    "\x1b[2J", "\x1b]52;c;aGk=\x07", "\x1b]8;;http://x/\x1b\\", "\x9b31m", "\x7f", "\x00",
    "\x07", "\r", "\n", "\t", "\u202e", "\u2066", "\u200f", "\u2028", "\ud800", "\udfff",
    "[/bad]", "[red]", "[link=http://x]", "=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-2+3",
    "＝1", " =1", "<script>alert(1)</script>", "<b>", "&amp;", '"', "'", "\\", "$x^2$", "|",
    "*_`", "{name}", "%s", "有效发明专利",
]  # fmt: skip
CHARS = st.characters(codec=None, categories=None)  # every code point, surrogates too
TEXT = st.lists(
    st.one_of(st.sampled_from(BITS), st.text(CHARS, min_size=1, max_size=4)), min_size=1, max_size=4
).map("".join)
# what a CSV may hold: no lone surrogate (UTF-8 cannot write it), no NUL (record refuses
# neither; they are tried through the YAML fields and the command line)
CELL = TEXT.map(lambda t: re.sub("[\ud800-\udfff]", "?", t))
# no shrinking: a failure is reported as found (shrinking these runs takes many minutes)
PHASES = (Phase.explicit, Phase.reuse, Phase.generate)
SETTINGS = settings(max_examples=15, deadline=None, database=None, phases=PHASES,
                    suppress_health_check=list(HealthCheck))  # fmt: skip


class _Stdout(io.StringIO):
    """stdout as text, with the ``buffer`` that `report -o -` writes its bytes to."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()

    def text(self) -> str:
        return self.getvalue() + self.buffer.getvalue().decode("utf-8")  # strict UTF-8


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = _Stdout(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.text(), err.getvalue()


def _terminal(args: list[str]) -> tuple[int, str]:
    """Run; assert no crash and nothing raw on stdout or stderr; the exit code and stdout."""
    code, out, err = _run(args)
    assert code in (0, 1, 2, 3), (args, code, err)
    assert "Traceback" not in out + err
    for stream in (out, err):
        found = RAW.search(stream)
        assert found is None, (args, found.group(), stream)
    return code, out


def _plan(folder: Path, fields: dict[str, str]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(VALID, folder)
    data: dict[str, Any] = yaml.safe_load((VALID / "targets.yaml").read_text("utf-8"))
    data["plan"]["title"] = fields["title"]
    ind = data["indicators"][0]
    ind.update(name=fields["name"], name_en=fields["name_en"], unit=fields["unit"])
    ind["source"] = fields["source"]
    ind["target"]["source"] = fields["target_source"]
    # safe_dump writes every control character and surrogate as a YAML escape
    (folder / "targets.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder


def _not_a_formula(cell: str) -> bool:
    if not cell.lstrip(" \u3000").startswith(DANGEROUS):
        return True
    try:
        float(cell)  # a number cell (-0.5) is a number
    except ValueError:
        return False
    return True


def _csv_is_inert(text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert _not_a_formula(cell), (cell, row)


FIELDS = st.fixed_dictionaries(
    {k: TEXT for k in ("title", "name", "name_en", "unit", "source", "target_source")}
)
ROW = st.fixed_dictionaries({"region": CELL, "source": CELL, "note": CELL})


@SETTINGS
@given(fields=FIELDS, row=ROW, arg=TEXT)
def test_every_terminal_output(tmp_path_factory: Any, fields: dict[str, str],
                               row: dict[str, str], arg: str) -> None:  # fmt: skip
    plan = _plan(tmp_path_factory.mktemp("p") / "plan", fields)
    p = ["--plan", str(plan)]
    day = ["--as-of", "2024-06-01"]
    code, _ = _terminal(["record", "patents_valid", "2022", "410", "--region", row["region"],
                         "--source", row["source"], "--note", row["note"], *p])  # fmt: skip
    if code == 0:
        _csv_is_inert((plan / "actuals" / "patents_valid.csv").read_text("utf-8-sig"))
        region = row["region"].strip()
        if region:
            _terminal(["status", "--region", region, *p, *day])
            _terminal(["show", "patents_valid", "--region", region, *p, *day])
    for lang in ("zh", "en"):
        for form in ("table", "json", "csv", "markdown"):
            code, out = _terminal(["status", "-f", form, "--lang", lang, *p, *day])
            if form == "csv" and code == 0:
                _csv_is_inert(out)
        _terminal(["show", "patents_valid", "--lang", lang, *p, *day])
        _terminal(["show", "patents_valid", "-f", "json", "--lang", lang, *p, *day])
        _terminal(["need", "patents_valid", "--lang", lang, *p, *day])
        for form in ("table", "json", "yaml"):
            code, out = _terminal(["propose", "--horizon", "2030", "-f", form, "--lang", lang,
                                   *p, *day])  # fmt: skip
            if form == "yaml" and code == 0:
                yaml.safe_load(out)  # still YAML
        _terminal(["check", "--lang", lang, *p])
        _terminal(["check", "-f", "json", "--lang", lang, *p])
    # error lines: hostile text as an argument, echoed back
    _terminal(["show", arg, *p, *day])
    _terminal(["record", "patents_valid", arg, "1", *p])
    _terminal(["status", "--as-of", arg, *p])
    _terminal(["status", "--format", arg, *p])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, _ in attrs:
            assert not name.startswith("on"), (tag, name)  # no event handler from data


def _tags(html: str) -> set[str]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


_BASE: dict[str, set[str]] = {}


def _base_tags() -> set[str]:
    """The elements of a clean report: the only ones a hostile report may hold."""
    if "tags" not in _BASE:
        code, out, _ = _run(["report", "-f", "html", "-o", "-", "--plan", str(VALID),
                             "--as-of", "2024-06-01"])  # fmt: skip
        assert code == 0
        _BASE["tags"] = _tags(out)
    return _BASE["tags"]


@settings(max_examples=5, deadline=None, database=None, phases=PHASES,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(fields=FIELDS, row=ROW)
def test_every_report_format(tmp_path_factory: Any, fields: dict[str, str],
                             row: dict[str, str]) -> None:  # fmt: skip
    from openpyxl import load_workbook

    folder = tmp_path_factory.mktemp("r")
    plan = _plan(folder / "plan", fields)
    p = ["--plan", str(plan), "--as-of", "2024-06-01"]
    _terminal(["record", "patents_valid", "2022", "410", "--source", row["source"],
               "--note", row["note"], "--plan", str(plan)])  # fmt: skip
    for kind in ("markdown", "json", "html"):
        code, out = _terminal(["report", "-f", kind, "-o", "-", "--lang", "zh", *p])
        if code == 0 and kind == "html":
            assert _tags(out) <= _base_tags() | {"svg", "g", "path", "text", "defs", "clippath"}
    for kind in ("xlsx", "docx"):
        target = folder / f"r.{kind}"
        code, _ = _terminal(["report", "-f", kind, "-o", str(target), "--lang", "en", *p])
        if code == 0 and kind == "xlsx":
            book = load_workbook(target)
            for sheet in book.worksheets:
                for cells in sheet.iter_rows():
                    for cell in cells:
                        assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                        if isinstance(cell.value, str) and not cell.quotePrefix:
                            # A string cell with Excel's quote prefix is shown, never run.
                            assert _not_a_formula(cell.value), (sheet.title, cell.value)
