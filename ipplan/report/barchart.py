"""A chart of units side by side for one indicator: each unit's attainment of its own
target as a horizontal bar, with the target (100%) as a line across them.

Attainment, not the raw figures, so that a large district and a small county can be
compared: each is measured against its own target (docs/report.md, "By region"). No
序时进度 line: it is compared with 目标进展, not with attainment, and would mislead here.
Drawn by :func:`ipplan.report.chart.render_chart` on the figure it makes.
"""

from __future__ import annotations

from typing import Any

from ipplan.present import fmt
from ipplan.present.safe import safe_text
from ipplan.report.document import Chart

BLUE, RED, GREY = "#1f4e79", "#c00000", "#7f7f7f"


def bars_height(chart: Chart) -> float:
    """Figure height in inches: room for every bar, never less than a line chart's half."""
    return max(1.8, 1.0 + 0.32 * len(chart.bars))


def draw_bars(fig: Any, chart: Chart, labels: dict[str, str], ascii_only: bool) -> None:
    ax = fig.add_subplot()
    bars = list(reversed(chart.bars))  # the first unit on top
    names = [safe_text(b.fallback if ascii_only else b.label) for b in bars]
    values = [b.value * 100 for b in bars]
    colours = [RED if b.lagging else BLUE for b in bars]
    ys = list(range(len(bars)))
    ax.barh(ys, values, color=colours, height=0.6, zorder=3)
    notes = []
    for y, v in zip(ys, values, strict=True):
        label = fmt.percent(v / 100)
        notes.append(ax.annotate(label, (v, y), textcoords="offset points", xytext=(3, 0),
                                 va="center", fontsize=8, color=GREY))  # fmt: skip
    ax.set_yticks(ys, names)
    ax.axvline(100, color=RED, ls="--", lw=1.2, label=labels["target"], zorder=4)
    top = max([*values, 100.0]) * 1.15
    ax.set_xlim(min(0.0, *values), top)
    ax.xaxis.set_major_formatter(_percent())
    ax.set_title(labels["title"], fontsize=11, loc="left", parse_math=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#d9d9d9", lw=0.6)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _clear_of_target(fig, ax, notes)


def _clear_of_target(fig: Any, ax: Any, notes: list[Any]) -> None:
    """A value label that would touch the 100 % line (a bar ending just short of it) is
    written just past the line instead, measured once the layout is done."""
    fig.draw_without_rendering()
    line = ax.transData.transform((100.0, 0.0))[0]
    room = fig.dpi / 72 * 2  # 2 pt either side of the line
    for note in notes:
        box = note.get_window_extent()
        if box.x0 - room < line < box.x1 + room and note.xy[0] < 100:
            note.xy = (100.0, note.xy[1])


def _percent() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{value:.0f}%")
