"""The CJK font search, for real: glyphs drawn and compared, no monkeypatch.

A machine without a Chinese font is made with a fontconfig file that exposes only
matplotlib's own fonts (DejaVu and the "Last Resort" placeholder font) and a fresh
MPLCONFIGDIR; the report is then made in a subprocess and its result checked.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import matplotlib
import pytest

from ipplan.report.chart import draws_chinese

MPL_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
LAST_RESORT = MPL_FONTS / "LastResortHE-Regular.ttf"
FC_LIST = shutil.which("fc-list")


def cjk_files() -> list[tuple[str, int, str]]:
    """Fonts the real fontconfig says cover Chinese (file, face index, family)."""
    if FC_LIST is None:
        return []
    out = subprocess.run(
        [FC_LIST, ":lang=zh", "file", "index", "family"], capture_output=True, text=True
    ).stdout
    found = []
    for line in out.splitlines():
        file, _, rest = line.partition(": ")
        index = rest.rpartition(":index=")[2] if ":index=" in rest else "0"
        found.append((file, int(index) if index.isdigit() else 0, rest.split(":")[0]))
    return found


def env_without_cjk(tmp: Path) -> dict[str, str]:
    """A fontconfig that lists only matplotlib's fonts, and an empty matplotlib cache."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"<dir>{MPL_FONTS}</dir>\n<cachedir>{tmp / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    (tmp / "mpl").mkdir()
    env = dict(os.environ)
    env.update(
        FONTCONFIG_FILE=str(conf),
        MPLCONFIGDIR=str(tmp / "mpl"),
        NO_COLOR="1",
        XDG_CACHE_HOME=str(tmp / "xdg"),
    )
    env.pop("IPPLAN_PLAN", None)
    return env


@pytest.mark.skipif(not LAST_RESORT.is_file(), reason="this matplotlib ships no Last Resort font")
def test_last_resort_is_refused_by_its_glyphs() -> None:
    # its name is not what refuses it: its glyphs are one placeholder per Unicode block
    assert not draws_chinese(str(LAST_RESORT), 0, "")
    assert not draws_chinese(str(LAST_RESORT), 0, "Last Resort High-Efficiency")


def test_a_latin_font_does_not_draw_chinese() -> None:
    assert not draws_chinese(str(MPL_FONTS / "DejaVuSans.ttf"), 0, "DejaVu Sans")


NO_CJK = "no CJK font installed (apt-get install fonts-noto-cjk)"


@pytest.mark.skipif(not cjk_files(), reason=NO_CJK)
def test_an_installed_cjk_font_draws_chinese() -> None:
    from ipplan.report.chart import cjk_font

    assert any(draws_chinese(f, i, name) for f, i, name in cjk_files())
    assert cjk_font() is not None


@pytest.mark.skipif(FC_LIST is None, reason="no fontconfig on this machine")
def test_without_a_cjk_font_the_docx_charts_fall_back_in_english(tmp_path: Path) -> None:
    env = env_without_cjk(tmp_path)
    out = tmp_path / "r.docx"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ipplan",
            "report",
            "-f",
            "docx",
            "--as-of",
            "2024-12-31",
            "-o",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    warnings = [line for line in lines if line.startswith("warning:")]
    assert len(warnings) == 1 and "fonts-noto-cjk" in warnings[0], lines
    # in the same machine: no font found, every label the PNG draws is plain ASCII that
    # the font matplotlib resolves really has, and the DOCX holds exactly those charts
    check = """
import hashlib, json
from datetime import date
from ipplan.analysis.evaluate import evaluate_plan
from ipplan.data.plan import load_plan
from ipplan.data.actuals import load_actuals
from ipplan.report import build_report
from ipplan.report.chart import _labels, cjk_font, missing_glyphs, render_chart
plan = load_plan(None)
result = evaluate_plan(plan, load_actuals(plan), date(2024, 12, 31))
charts = build_report(result, "zh").charts()
font = cjk_font()
labels = [_labels(c, "png", font) for c in charts]
text = "".join(v for lab in labels for v in lab.values())
print(json.dumps({
    "font": font,
    "ascii": all(32 <= ord(ch) < 127 for ch in text),
    "missing": missing_glyphs(text, font),
    "png": [hashlib.sha256(render_chart(c, "png")).hexdigest() for c in charts],
}))
"""
    proc = subprocess.run(
        [sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.splitlines()[-1])
    assert found["font"] is None and found["ascii"] and found["missing"] == ""
    document = docx.Document(io.BytesIO(out.read_bytes()))
    images = [
        hashlib.sha256(part.blob).hexdigest()
        for part in document.part.package.iter_parts()
        if part.partname.endswith(".png")
    ]
    assert sorted(images) == sorted(found["png"])


@pytest.mark.skipif(not cjk_files(), reason=NO_CJK)
def test_a_stale_font_cache_is_rebuilt_once(tmp_path: Path) -> None:
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path))
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"], env=env, check=True, timeout=300
    )
    (cache,) = tmp_path.glob("fontlist-*.json")
    data = json.loads(cache.read_text(encoding="utf-8"))
    cjk = {f for f, _i, _n in cjk_files()}
    data["ttflist"] = [e for e in data["ttflist"] if e["fname"] not in cjk]
    cache.write_text(json.dumps(data), encoding="utf-8")  # as if built before the install
    proc = subprocess.run(
        [sys.executable, "-c", "from ipplan.report.chart import cjk_font; print(cjk_font())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() not in ("", "None")
    rebuilt = json.loads(cache.read_text(encoding="utf-8"))
    assert any(e["fname"] in cjk for e in rebuilt["ttflist"])
