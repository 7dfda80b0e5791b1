"""SVG charts for the stats page, drawn with matplotlib's SVG backend at build time.

Text stays text (``svg.fonttype: none``): the files are small, searchable, printable, and the
browser shapes Arabic and Cyrillic itself. No external fonts are embedded or linked. Every chart
gets a ``<title>`` and ``<desc>`` (title and one-sentence summary) and ``role="img"``, and ids are
salted with a fixed string so the same data gives the same bytes (only changed files are written).
"""

from __future__ import annotations

import html
import io
import math
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.ticker import FuncFormatter, MaxNLocator

# Okabe–Ito: distinguishable with the common forms of colour blindness, and in grey print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
UNSPLIT = "#999999"
KPI_COLOUR = "#000000"
RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "sociale-kaart-stats",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Noto Sans"],
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}

Number = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int | None]


def year_bars(
    *, title: str, xlabel: str, ylabel: str, years: Sequence[int], parts: Sequence[Series], totals: Sequence[int | None],
    kpis: Sequence[int | None], labels: dict[str, str], number: Number, source: str,
) -> Figure:
    """Bars per year, stacked by part when every part of that year is known, with the KPI marked.

    A year whose split is unknown shows its total in grey; a year without a total says so.
    """
    fig, ax = _figure(6.4, 3.6)
    xs = list(range(len(years)))
    used: dict[str, Patch] = {}
    for x, index in zip(xs, range(len(years))):
        values = [part.values[index] for part in parts]
        total = totals[index]
        if parts and all(v is not None for v in values):
            bottom = 0
            for colour, part, value in zip(PALETTE, parts, values):
                ax.bar(x, value, 0.6, bottom=bottom, color=colour)
                used.setdefault(part.label, Patch(color=colour, label=part.label))
                bottom += value
        elif total is not None:
            ax.bar(x, total, 0.6, color=UNSPLIT if parts else PALETTE[0])
            label = labels["unsplit"] if parts else labels["total"]
            used.setdefault(label, Patch(color=UNSPLIT if parts else PALETTE[0], label=label))
        if total is not None:
            ax.annotate(number(total), (x, total), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom")
        else:
            ax.annotate(labels["unknown"], (x, 0), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", color="#555555")
        if kpis[index] is not None:
            ax.hlines(kpis[index], x - 0.42, x + 0.42, colors=KPI_COLOUR, linestyles="--", linewidth=1.5)
            used.setdefault(labels["kpi"], Line2D([], [], color=KPI_COLOUR, linestyle="--", label=labels["kpi"]))
    ax.set_xticks(xs, [str(y) for y in years])
    ax.set_xlim(-0.7, len(years) - 0.3)
    highest = max([v for v in list(totals) + list(kpis) if v is not None] or [1])
    ax.set_ylim(0, highest * 1.18)
    _labels(fig, ax, title, xlabel, ylabel, number, source)
    if used:
        ax.legend(handles=list(used.values()), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def grouped_hbars(
    *, title: str, xlabel: str, ylabel: str, categories: Sequence[str], series: Sequence[Series], number: Number, source: str,
) -> Figure:
    """Horizontal bars per category, one bar per series (for example places and activities)."""
    height = max(2.4, 0.8 + 0.32 * len(categories) * max(1, len(series)))
    fig, ax = _figure(6.4, height)
    width = 0.8 / max(1, len(series))
    ys = list(range(len(categories)))
    for i, (colour, serie) in enumerate(zip(PALETTE, series)):
        offsets = [y - 0.4 + width * (i + 0.5) for y in ys]
        values = [v or 0 for v in serie.values]
        ax.barh(offsets, values, width, color=colour, label=serie.label)
        for y, value in zip(offsets, values):
            ax.annotate(number(value), (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(ys, list(categories))
    ax.invert_yaxis()
    top = max([v or 0 for s in series for v in s.values] or [1])
    ax.set_xlim(0, max(1, top) * 1.15)
    _labels(fig, ax, title, xlabel, ylabel, number, source, integer_axis="x")
    if len(series) > 1:
        ax.legend(loc="lower right", frameon=False)
    return fig


def vbars(*, title: str, xlabel: str, ylabel: str, categories: Sequence[str], values: Sequence[int], number: Number, source: str) -> Figure:
    fig, ax = _figure(6.4, 3.4)
    xs = list(range(len(categories)))
    ax.bar(xs, values, 0.6, color=PALETTE[0])
    for x, value in zip(xs, values):
        ax.annotate(number(value), (x, value), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom")
    ax.set_xticks(xs, list(categories), rotation=30, ha="right")
    ax.set_ylim(0, max(list(values) or [1]) * 1.18 or 1)
    _labels(fig, ax, title, xlabel, ylabel, number, source)
    return fig


def share_bars(
    *, title: str, xlabel: str, ylabel: str, categories: Sequence[str], parts: Sequence[Series], percent: Number, source: str,
) -> Figure:
    """Horizontal 100 % bars: each category split into the shares of its parts."""
    fig, ax = _figure(6.4, 1.4 + 0.6 * len(categories))
    ys = list(range(len(categories)))
    totals = [sum(p.values[i] or 0 for p in parts) for i in ys]
    lefts = [0.0] * len(ys)
    for colour, part in zip(PALETTE, parts):
        shares = [(part.values[i] or 0) / totals[i] if totals[i] else 0 for i in ys]
        ax.barh(ys, shares, 0.6, left=lefts, color=colour, label=part.label)
        for y, left, share in zip(ys, lefts, shares):
            if share >= 0.08:
                ax.text(left + share / 2, y, percent(share), ha="center", va="center", color="white", fontsize=8)
        lefts = [a + b for a, b in zip(lefts, shares)]
    ax.set_yticks(ys, list(categories))
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: percent(v)))
    ax.set_title(title, loc="left", fontsize=12, pad=10)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _source(fig, source)
    return fig


@dataclass(frozen=True)
class MapArea:
    rings: list[list[tuple[float, float]]]  # (lon, lat); the first ring is the outline, the rest are holes
    colour: str


def choropleth(*, title: str, areas: Sequence[MapArea], legend: Sequence[tuple[str, str]], legend_title: str, source: str) -> Figure:
    """Polygons coloured by class, with a legend; lon/lat drawn with the right aspect for Eindhoven."""
    fig, ax = _figure(6.4, 5.2)
    lats = [lat for area in areas for ring in area.rings for _lon, lat in ring]
    for area in areas:
        ax.add_patch(PathPatch(_compound_path(area.rings), facecolor=area.colour, edgecolor="#555555", linewidth=0.4))
    ax.autoscale_view()
    if lats:
        ax.set_aspect(1 / math.cos(math.radians(sum(lats) / len(lats))))
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=12, pad=10)
    handles = [Patch(facecolor=colour, edgecolor="#555555", linewidth=0.4, label=label) for colour, label in legend]
    ax.legend(handles=handles, title=legend_title, loc="upper left", bbox_to_anchor=(1.0, 1), frameon=False)
    _source(fig, source)
    return fig


def _compound_path(rings: list[list[tuple[float, float]]]) -> MplPath:
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for ring in rings:
        vertices += list(ring) + [ring[0]]
        codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY]
    return MplPath(vertices, codes)


def _figure(width: float, height: float) -> tuple[Figure, object]:
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
    return fig, ax


def _labels(fig: Figure, ax, title: str, xlabel: str, ylabel: str, number: Number, source: str, integer_axis: str = "y") -> None:
    ax.set_title(title, loc="left", fontsize=12, pad=10)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    axis = ax.yaxis if integer_axis == "y" else ax.xaxis
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v)))
    _source(fig, source)


SOURCE_POINTS = 7
SOURCE_CHARS_PER_INCH = 17  # 7-point DejaVu Sans, a little generous so lines never run off


def _source(fig: Figure, source: str) -> None:
    """The source under the chart, so it travels with the image when saved or printed on its own.

    Constrained layout ignores figure texts, so the lines are wrapped here and room is reserved.
    """
    width, height = fig.get_size_inches()
    lines = textwrap.wrap(source, int(width * SOURCE_CHARS_PER_INCH)) or [""]
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=SOURCE_POINTS, color="#444444", ha="left", va="bottom", linespacing=1.3)
    reserved = (len(lines) * SOURCE_POINTS * 1.3 + 10) / (height * 72)
    fig.get_layout_engine().set(rect=(0, reserved, 1, 1 - reserved))


def to_svg(fig: Figure, *, title: str, summary: str, lang: str) -> str:
    """The SVG text: no XML prolog (so it can be inlined too), with title, desc, role and language."""
    buffer = io.StringIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None, "Title": title})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="sk-title sk-desc" xml:lang="{lang}" lang="{lang}" ', 1)
    heading = f'<title id="sk-title">{html.escape(title, quote=False)}</title>\n <desc id="sk-desc">{html.escape(summary, quote=False)}</desc>'
    svg = re.sub(r"<title>.*?</title>", lambda _match: heading, svg, count=1, flags=re.DOTALL)
    return svg
