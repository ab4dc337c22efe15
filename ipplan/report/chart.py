"""Drawing a :class:`~ipplan.report.document.Chart` with matplotlib: SVG for HTML, PNG for DOCX.

matplotlib is imported here, inside the functions, never at module import. Figures are
made with ``matplotlib.figure.Figure`` and the Agg/SVG canvases directly, so pyplot's
global state and the interactive backends are never touched.

Fonts: :func:`cjk_font` looks for a font that really draws Chinese (issue 10). Candidates
come from fontconfig (``fc-list :lang=zh``) where it exists, else from matplotlib's own
font list; each is tried by drawing test characters and comparing them with each other
and with the font's "missing glyph": a font that maps every character to one placeholder
(matplotlib's own "Last Resort") is refused. A font that fontconfig knows but
matplotlib's cached list lacks (the cache was built before the font was installed) makes
matplotlib rebuild its cache, once. SVG text is written as text (``svg.fonttype: none``)
with a list of common CJK fonts, so the browser draws it with its own fonts. PNG text is
drawn by matplotlib: when no font draws Chinese, a chart whose labels are not plain ASCII
uses its English fallback labels (English words, the indicator's English name or its id)
so that nothing renders as empty boxes, and the command says so on stderr in one line.
"""

from __future__ import annotations

import io
import logging
import math
import warnings
from functools import cache
from typing import Any, Literal, cast

from ipplan.present import fmt
from ipplan.present.safe import safe_text
from ipplan.present.text import width
from ipplan.report.chartdata import is_ascii
from ipplan.report.document import Chart

# Preferred fonts, most common first; the browser gets the same list for SVG text.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "SimSun",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
)
PROBE = "中国专利"
BLUE, RED, GREY, LIGHT = "#1f4e79", "#c00000", "#7f7f7f", "#9dc3e6"


REFUSED = ("last resort",)  # placeholder fonts: one box per Unicode block


def glyph_image(path: str, index: int, char: str) -> bytes | None:
    """The bitmap of ``char`` in the font at ``path`` (face ``index``), or None if unmapped."""
    from matplotlib.ft2font import FT2Font, LoadFlags

    face = FT2Font(path, face_index=index)
    glyph = face.get_char_index(ord(char))
    if not glyph:
        return None
    face.set_size(48, 72)
    face.set_text(char, 0.0, flags=LoadFlags.NO_HINTING)
    face.draw_glyphs_to_bitmap(antialiased=False)
    return bytes(face.get_image().tobytes())


def notdef_image(path: str, index: int) -> bytes:
    """The bitmap of the font's "missing glyph" (glyph 0)."""
    from matplotlib.ft2font import FT2Font, LoadFlags

    face = FT2Font(path, face_index=index)
    face.set_size(48, 72)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Glyph … missing": that is the point
        face.set_text("\U0010fffd", 0.0, flags=LoadFlags.NO_HINTING)  # unmapped: glyph 0
    face.draw_glyphs_to_bitmap(antialiased=False)
    return bytes(face.get_image().tobytes())


def draws_chinese(path: str, index: int = 0, name: str = "") -> bool:
    """True when the font draws each test character as a glyph of its own.

    Every character must be mapped, drawn with ink, unlike the font's missing glyph and
    unlike the other test characters (a placeholder font draws them all alike).
    """
    if any(word in name.lower() for word in REFUSED):
        return False
    try:
        images = [glyph_image(path, index, ch) for ch in PROBE]
        missing = notdef_image(path, index)
    except (OSError, RuntimeError, ValueError):
        return False
    if any(image is None or not any(image) for image in images):
        return False
    return len(set(images)) == len(images) and missing not in images


def _fontconfig_fonts() -> list[tuple[str, int, str]] | None:
    """(file, face index, family) of each font fontconfig says covers Chinese; None if no
    fontconfig. fontconfig honours FONTCONFIG_FILE, so what it lists is what the system
    offers."""
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file", "index", "family"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = []
    for line in out.splitlines():
        file, _, rest = line.partition(": ")
        if not rest:
            continue
        family = rest.split(":index=")[0].split(",")[0].strip()
        index = rest.rpartition(":index=")[2] if ":index=" in rest else "0"
        found.append((file, int(index) if index.isdigit() else 0, family))
    return found


def _rank(name: str) -> int:
    return CJK_FONTS.index(name) if name in CJK_FONTS else len(CJK_FONTS)


@cache
def cjk_font() -> str | None:
    """The family name (as matplotlib knows it) of a font that really draws Chinese, or None."""
    from matplotlib import font_manager

    system = _fontconfig_fonts()
    entries = font_manager.fontManager.ttflist
    if system is None:  # no fontconfig: matplotlib's own list
        system = [(e.fname, getattr(e, "index", 0), e.name) for e in entries]
    for file, index, family in sorted(system, key=lambda c: _rank(c[2])):
        if not draws_chinese(file, index, family):
            continue
        return _known_name(file, index) or family
    return None


def _known_name(file: str, index: int) -> str | None:
    """The family matplotlib knows the font by; a stale cache is rebuilt once."""
    from matplotlib import font_manager

    def lookup() -> str | None:
        for e in font_manager.fontManager.ttflist:
            if e.fname == file and getattr(e, "index", 0) == index:
                return str(e.name)
        return None

    name = lookup()
    if name is None:
        rebuild = getattr(font_manager, "_load_fontmanager", None)
        if rebuild is not None:  # the cache predates the font: build it again, once
            font_manager.fontManager = rebuild(try_read_cache=False)
        name = lookup()
    if name is None:
        font_manager.fontManager.addfont(file)
        name = lookup()
    return name


def missing_glyphs(text: str, family: str | None) -> str:
    """The characters of ``text`` that ``family`` (as matplotlib resolves it) cannot draw."""
    from matplotlib import font_manager

    prop = font_manager.FontProperties(family=[family] if family else ["DejaVu Sans"])
    path = font_manager.findfont(prop, fallback_to_default=True)
    entry = next((e for e in font_manager.fontManager.ttflist if e.fname == path), None)
    index = getattr(entry, "index", 0) if entry and entry.name == family else 0
    out = []
    for ch in dict.fromkeys(text):
        if ch.isspace():
            continue
        image = glyph_image(path, index, ch)
        if image is None:
            out.append(ch)
    return "".join(out)


def wrap(text: str, columns: int = 56, lines: int = 2) -> str:
    """Wrap a title into at most ``lines`` lines of ``columns`` display columns, with "…"."""
    out: list[str] = []
    current = ""
    for ch in text.replace("\n", " "):
        if width(current + ch) > columns:
            out.append(current)
            current = ""
        current += ch
    out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][:-1] + "…"
    return "\n".join(line.strip() for line in out)


def _labels(chart: Chart, kind: str, font: str | None) -> dict[str, str]:
    labels = {k: safe_text(v) for k, v in chart.labels.items()}  # no control character
    if kind == "png" and font is None and not all(is_ascii(v) for v in labels.values()):
        return {k: safe_text(v) for k, v in chart.fallback.items()}
    return labels


def _year_ticks(ax: Any, chart: Chart) -> None:
    first = math.floor(min(p.x for p in chart.points) - 1e-9)
    last = math.floor(chart.deadline_x - 1e-9)
    years = list(range(first, last + 1))
    step = max(1, math.ceil(len(years) / 10))
    ticks = [y + 1.0 for y in years[::step]]
    ax.set_xticks(ticks, [str(y) for y in years[::step]])


def _draw(fig: Any, chart: Chart, labels: dict[str, str]) -> None:
    ax = fig.add_subplot()
    xs = [p.x for p in chart.points]
    ys = [p.value for p in chart.points]
    ax.plot(xs, ys, color=BLUE, lw=1.8, zorder=3, label=labels["history"])
    solid = [p for p in chart.points if not p.estimated]
    hollow = [p for p in chart.points if p.estimated]
    if solid:
        ax.scatter([p.x for p in solid], [p.value for p in solid], s=22, color=BLUE, zorder=4)
    if hollow:
        ax.scatter(
            [p.x for p in hollow],
            [p.value for p in hollow],
            s=22,
            zorder=4,
            facecolors="white",
            edgecolors=BLUE,
        )
    ax.annotate(
        fmt.number(ys[-1]),
        (xs[-1], ys[-1]),
        textcoords="offset points",
        xytext=(0, 7),
        ha="center",
        fontsize=8,
        color=BLUE,
    )
    if chart.target is not None:
        ax.axhline(
            chart.target,
            color=RED,
            ls="--",
            lw=1.2,
            label=f"{labels['target']} {fmt.number(chart.target)}",
        )
    if chart.projection is not None:
        ax.plot(
            [xs[-1], chart.deadline_x],
            [ys[-1], chart.projection],
            ls=":",
            lw=1.6,
            color=BLUE,
            label=f"{labels['projection']} {fmt.number(chart.projection)}",
        )
        low, high = chart.projection_low, chart.projection_high
        if low is not None and high is not None and high > low:
            ax.vlines(
                chart.deadline_x, low, high, lw=7, color=LIGHT, zorder=2, label=labels["range"]
            )
    ax.axvline(chart.deadline_x, color=GREY, lw=0.8, ls="-.")
    ax.annotate(
        labels["deadline"],
        (chart.deadline_x, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-3, -10),
        textcoords="offset points",
        ha="right",
        fontsize=8,
        color=GREY,
    )
    _year_ticks(ax, chart)
    ax.set_xlim(min(xs) - 0.4, chart.deadline_x + 0.4)
    values = [*ys, *(v for v in (chart.target, chart.projection, chart.projection_high) if v)]
    if min(values) >= 0:
        ax.set_ylim(bottom=0, top=max(values) * 1.15 or 1)
    if all(float(v).is_integer() for v in ys):
        from matplotlib.ticker import MaxNLocator

        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(_formatter())
    ax.set_title(wrap(labels["title"]), fontsize=11, loc="left", parse_math=False)
    ax.set_ylabel(labels["unit"], parse_math=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#d9d9d9", lw=0.6)
    ax.legend(fontsize=8, frameon=False, loc="lower right")


def _formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: fmt.number(value))


def _metadata(kind: str) -> dict[str, Any]:
    """No creator, date or licence links: the same chart gives the same bytes."""
    if kind == "svg":
        return {"Creator": None, "Date": None, "Format": None, "Type": None}
    return {"Software": None}


def render_chart(chart: Chart, kind: Literal["svg", "png"], dpi: int = 150) -> bytes:
    """The chart as SVG text (UTF-8 bytes) or a PNG image."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    font = cjk_font()
    labels = _labels(chart, kind, font)
    families = [font] if font else []
    families += [f for f in CJK_FONTS if f != font] if kind == "svg" else []
    rc = {
        "svg.fonttype": "none",
        "svg.hashsalt": chart.key,  # ids unique per chart, and the same on every run
        "font.family": "sans-serif",
        "font.sans-serif": [*families, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "path.simplify": True,
    }
    buf = io.BytesIO()
    quiet = logging.getLogger("matplotlib.font_manager")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "findfont: Font family ... not found" for absent fonts
    try:
        with rc_context(cast(Any, rc)), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Glyph ... missing" while measuring SVG text
            if chart.bars:  # units side by side
                from ipplan.report.barchart import bars_height, draw_bars

                fig = Figure(figsize=(6.4, bars_height(chart)), dpi=dpi, layout="constrained")
                names = [b.label for b in chart.bars]
                plain = kind == "png" and font is None and not all(map(is_ascii, names))
                draw_bars(fig, chart, labels, plain)
            else:
                fig = Figure(figsize=(6.4, 3.2), dpi=dpi, layout="constrained")
                _draw(fig, chart, labels)
            fig.savefig(buf, format=kind, metadata=_metadata(kind))
    finally:
        quiet.setLevel(level)
    return buf.getvalue()
