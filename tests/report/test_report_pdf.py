"""The reports as a reader gets them: DOCX and XLSX through LibreOffice, HTML through
Chromium's print, each to PDF once per module, then read back with pdftotext/pdffonts.

Checked in Chinese and English, mid-plan (2024-12-31) and after the deadline
(2026-11-30): no status word, header word or number broken across lines, no path, CSV
or seed in the body, a CJK font embedded, and a small XLSX print. These tests need
LibreOffice, Chromium and poppler (.ci/run installs them with apt where it can).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from report_plans import evaluate

from ipplan.core.i18n import words as catalog_words
from ipplan.report import build_report, render
from ipplan.report.quality import quality_problems

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
DATES = {"mid": date(2024, 12, 31), "end": date(2026, 11, 30)}
LANGS = ("zh", "en")
CJK_FONT = re.compile(r"CJK|Han|Hei|Song|Ming|Kai|Fang|WenQuanYi|Droid Sans Fallback", re.I)

pytestmark = pytest.mark.skipif(
    not (SOFFICE and CHROMIUM and POPPLER),
    reason="needs LibreOffice, Chromium and poppler-utils (apt; see .ci/run)",
)


def _sources(folder: Path) -> dict[str, Path]:
    """Every report once: DOCX and HTML for both languages and dates, XLSX after the end."""
    made: dict[str, Path] = {}
    for when, day in DATES.items():
        result = evaluate(None, day)
        problems = quality_problems(result.plan)
        for lang in LANGS:
            report = build_report(result, lang, problems)
            kinds = ("docx", "html", "xlsx") if when == "end" else ("docx", "html")
            for kind in kinds:
                path = folder / f"{kind}-{lang}-{when}.{kind}"
                path.write_bytes(render(report, kind))
                made[path.stem] = path
    return made


def _libreoffice(files: list[Path], folder: Path) -> None:
    assert SOFFICE is not None
    proc = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'lo').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        capture_output=True,
        timeout=400,
        check=False,
    )
    for f in files:
        assert f.with_suffix(".pdf").is_file(), proc.stderr.decode(errors="replace")[-2000:]


def _chromium(page: Path, folder: Path) -> Path:
    assert CHROMIUM is not None
    pdf = page.with_suffix(".pdf")
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={folder / 'chromium'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert pdf.is_file(), proc.stderr.decode(errors="replace")[-2000:]
    return pdf


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    made = _sources(folder)
    _libreoffice([p for p in made.values() if p.suffix in (".docx", ".xlsx")], folder)
    out = {}
    for stem, path in made.items():
        out[stem] = _chromium(path, folder) if path.suffix == ".html" else path.with_suffix(".pdf")
    return out


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout
    return int(re.search(rb"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def kept_words(lang: str) -> list[str]:
    """Words that must never break: status words, table headers (their words)."""
    catalog = catalog_words()
    words = [e[lang] for k, e in catalog.items() if k.startswith("status.")]
    words += [e[lang] for k, e in catalog.items() if k.startswith("verdict.")]  # 快于预期, 红…
    words += [
        catalog["verdict_text.expected"][lang].format(word=catalog[f"verdict.{k}"][lang])
        for k in ("achieved", "missed")
    ]
    for key, entry in catalog.items():
        if key.startswith("report.h_") and "{" not in entry[lang]:
            words += re.split(r"[\s/]+", entry[lang]) if lang == "en" else [entry[lang]]
    return sorted({w for w in words if len(w) >= 2})


def broken_words(text: str, words: list[str], lang: str) -> list[str]:
    """Words split across two lines of a table cell, inside a word (not at a space or a
    slash). Prose wraps where it must; table cells are the short lines."""
    short = 16 if lang == "zh" else 26
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = []
    for a, b in pairwise(lines):
        if len(a) > short or len(b) > short:
            continue
        for w in words:
            for k in range(1, len(w)):
                head, tail = w[:k], w[k:]
                if head[-1] in " /" or tail[0] in " /":
                    continue
                if a.endswith(head) and b.startswith(tail) and not a.endswith(w):
                    found.append(f"{a!r} / {b!r} breaks {w!r}")
    return found


BROKEN_NUMBER = re.compile(r"\d[,./～–-]\n\d|\d\n[%,.]")


def broken_numbers(text: str, lang: str) -> list[str]:
    """Numbers and percentages split across two lines of a table cell."""
    short = 16 if lang == "zh" else 26
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    pairs = [f"{a}\n{b}" for a, b in pairwise(lines)]
    return [p for p in pairs if max(map(len, p.split("\n"))) <= short and BROKEN_NUMBER.search(p)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("when", list(DATES))
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_nothing_breaks_and_the_body_speaks_to_the_reader(
    pdfs: dict[str, Path], kind: str, lang: str, when: str
) -> None:
    text = text_of(pdfs[f"{kind}-{lang}-{when}"])
    assert broken_words(text, kept_words(lang), lang) == []
    assert broken_numbers(text, lang) == []
    lower = text.lower()
    assert "seed" not in lower and ".csv" not in lower and "actuals/" not in lower
    assert "targets.yaml" not in lower and "种子文件" not in text
    assert not re.search(r"\w+\.\w+:\d+:\d+", text)  # no file:line:column
    if when == "end":
        joined = re.sub(r"\s+", "" if lang == "zh" else " ", text)
        assert ("终期评估报告" if lang == "zh" else "Final evaluation report") in joined
        assert "可如期完成" not in text and "on course" not in text
    else:
        assert "终期" not in text


def fonts_of(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout
    return out.decode("utf-8", "replace").splitlines()[2:]


@pytest.mark.parametrize("lang", LANGS)
def test_a_cjk_font_is_embedded_in_the_docx(pdfs: dict[str, Path], lang: str) -> None:
    fonts = fonts_of(pdfs[f"docx-{lang}-mid"])
    embedded = [line for line in fonts if CJK_FONT.search(line)]
    assert embedded and all(" yes " in line for line in embedded), fonts


@pytest.mark.parametrize("lang", LANGS)
def test_the_html_print_embeds_its_fonts(pdfs: dict[str, Path], lang: str) -> None:
    # Chromium embeds CJK (CFF) fonts as unnamed Type 3 fonts: every font is embedded,
    # and the Chinese comes back as text, drawn from a font fontconfig says covers it
    fonts = fonts_of(pdfs[f"html-{lang}-mid"])
    assert fonts and all(re.search(r"\syes\s+(yes|no)\s+yes\s", line) for line in fonts), fonts
    assert "随政办发〔2024〕15号" in text_of(pdfs[f"html-{lang}-mid"])
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    assert listed.stdout.strip(), "no font covers Chinese: the PDF would show boxes"


@pytest.mark.parametrize("lang", LANGS)
def test_the_xlsx_prints_on_few_pages(pdfs: dict[str, Path], lang: str) -> None:
    import openpyxl

    pdf = pdfs[f"xlsx-{lang}-end"]
    sheets = len(openpyxl.load_workbook(pdf.with_suffix(".xlsx"), read_only=True).sheetnames)
    # one page wide each: about a page a sheet (it was 95 pages in Chinese, 123 in English)
    assert pages(pdf) <= sheets + 4
    text = text_of(pdf)
    assert ("'=" not in text and "计算：" in text) or "Computed: " in text


def test_docx_keeps_the_targets_table_whole(pdfs: dict[str, Path]) -> None:
    # the page with 表1 shows every target's status on it, each on one line
    text = text_of(pdfs["docx-zh-end"])
    page = next(p for p in text.split("\f") if re.search(r"表\s*1\s", p))
    for status in ("预计已完成", "预计未完成", "缺数据"):
        assert status in page.split(), status
