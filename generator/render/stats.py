"""The stats page (``stats/index``): the Buurt in Bloei approach in figures, and live figures of the map.

Two kinds of figure, kept apart on the page:

- *figures of the approach* come from ``content/aanpak/<jaar>.yml`` and
  ``content/aanpak-context/context.yml`` (see ``generator/aanpak.py``), shown as they are written,
  with their source; a new year file adds a bar to every chart;
- *live figures* are computed at build time from the places on the map and the walking times
  (``site.enriched``): places and activities per area, theme and weekday, languages,
  accessibility, freshness and the "witte vlekken" map.

Every chart is an SVG file per language (``assets/stats/<name>.<lang>.svg``) embedded as a
``<figure>`` with a caption, followed by a one-sentence summary, the data as a table and the source.
The page links ``../assets/stats/<name>.svg``; mkdocs-static-i18n (suffix structure) resolves that
to the file of the page's language, falling back to Dutch.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal, format_percent
from shapely.geometry import shape

from generator.aanpak import AanpakContext, AanpakJaar, Bron, context, years
from generator.i18n import t
from generator.render.common import esc, md_text
from generator.models import DAGEN, THEMAS, Ontwikkelplaats
from generator.render import charts
from generator.render.charts import MapArea, Series
from generator.site import OutputFile, SiteContext, page_file
from generator.slug import slugify

PAGE = "stats/index"
ASSET_DIR = "assets/stats"
PACE = "rustig"  # 2.7 km/h, walking with a rollator (generator/walk.py PACES_KMH)
NEAR_MINUTES = 10
MINUTE_CLASSES = (5, 10, 15, 20)  # upper bounds; above the last, or no activity in reach: a witte vlek
CLASS_COLOURS = ("#08519c", "#3182bd", "#6baed6", "#c6dbef", "#ffffff")
FRESH_DAYS = 365
ACCESS_VALUES = ("ja", "deels", "nee", "onbekend")
GEOJSON = ("geo", "buurten.geojson")
SIMPLIFY_DEGREES = 0.00003  # about 2–3 m: invisible on the map, halves the SVG

# --- escaping -------------------------------------------------------------------------------------

# Characters Python-Markdown lets you escape with a backslash, plus the table cell separator.
md = md_text  # content in Markdown text and table cells
attr = esc


def tekst_md(tekst: dict[str, str] | None, lang: str) -> str:
    """A multilingual content text in ``lang``, or its Dutch text marked as Dutch."""
    if not tekst:
        return ""
    if lang in tekst:
        return md(tekst[lang])
    return f'<span lang="nl" dir="ltr">{md(tekst["nl"])}</span>'


def tekst_plain(tekst: dict[str, str] | None, lang: str) -> str:
    return "" if not tekst else tekst.get(lang, tekst["nl"])


# --- numbers ----------------------------------------------------------------------------------------------


def number(lang: str, value: float | None) -> str:
    if value is None:
        return "—"
    return format_decimal(round(value) if float(value).is_integer() else value, locale=lang, format="#,##0.#")


def percent(lang: str, share: float) -> str:
    return format_percent(share, locale=lang)


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# --- the figures, ready to be written ------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One figure on the page: an optional chart, its summary, its data table and its source."""

    key: str
    title: str
    summary: str
    headers: list[str]
    rows: list[list[str]]
    source: str
    numeric: frozenset[int] = frozenset()
    svg: str | None = None
    alt: str = ""
    collapsed: bool = False
    note: str = ""  # Markdown, already escaped: how the figure was computed


def render_stats(site: SiteContext) -> list[OutputFile]:
    """The stats page in every language, and its charts as SVG files."""
    live = live_figures(site)
    files: list[OutputFile] = []
    for lang in site.config.languages:
        sections = page_sections(site, live, lang)
        files.append(OutputFile(page_file(PAGE, lang), page_markdown(sections, site, lang)))
        for _heading, _intro, figures in sections:
            files += [OutputFile(f"{ASSET_DIR}/{f.key}.{lang}.svg", f.svg) for f in figures if f.svg]
    return files


Section = tuple[str, str, list[Figure]]  # heading, Markdown intro, figures


def page_sections(site: SiteContext, live: LiveFigures, lang: str) -> list[Section]:
    jaren, ctx = years(site.content), context(site.content)
    sections: list[Section] = []
    if ctx is not None:
        sections.append((t(lang, "stats_framework_heading"), framework_markdown(ctx, lang), []))
    if jaren:
        sections.append((t(lang, "stats_resilience_heading"), "", resilience_figures(jaren, lang)))
        sections.append((t(lang, "stats_cohesion_heading"), "", cohesion_figures(jaren, lang)))
    else:
        sections.append((t(lang, "stats_approach_heading"), t(lang, "stats_no_years"), []))
    if ctx is not None:
        sections.append((t(lang, "stats_context_heading"), context_intro(ctx, lang), context_figures(ctx, lang)))
    sections.append((t(lang, "stats_live_heading"), t(lang, "stats_live_intro", date=format_date(site.today, "long", locale=lang)), live_page_figures(live, site, lang)))
    return sections


# --- page ---------------------------------------------------------------------------------------------------


def page_markdown(sections: list[Section], site: SiteContext, lang: str) -> str:
    title = t(lang, "stats_title")
    parts = ["---\n", f"title: {json.dumps(title, ensure_ascii=False)}\n", "---\n\n", f"# {md(title)}\n\n", t(lang, "stats_intro"), "\n"]
    for heading, intro, figures in sections:
        parts.append(f"\n## {md(heading)}\n\n")
        if intro:
            parts.append(intro.rstrip() + "\n")
        for figure in figures:
            parts.append(figure_markdown(figure, lang))
    return "".join(parts)


def figure_markdown(figure: Figure, lang: str) -> str:
    out = [f"\n### {md(figure.title)}\n\n"]
    if figure.svg:
        out.append(
            f'<figure class="sk-chart" markdown="span">\n'
            f'![{md(figure.alt)}](../{ASSET_DIR}/{figure.key}.svg){{ loading="lazy" }}\n'
            f"<figcaption>{attr(figure.title)}</figcaption>\n</figure>\n\n"
        )
    out.append(f"{md_summary(figure.summary)}\n\n")
    if figure.note:
        out.append(f"{figure.note}\n\n")
    table = md_table(figure.headers, figure.rows, figure.numeric)
    if figure.collapsed:
        out.append(f'<details class="sk-data" markdown="1">\n<summary>{attr(t(lang, "stats_show_table"))}</summary>\n\n{table}\n</details>\n\n')
    else:
        out.append(f"{table}\n")
    out.append(f'<p class="sk-source"><small>{attr(t(lang, "stats_source"))}: {figure.source}</small></p>\n')
    return "".join(out)


def md_summary(summary: str) -> str:
    return f'<p class="sk-summary" markdown="1">{md(summary)}</p>'


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Iterable[int] = ()) -> str:
    """A Markdown table; cells must already be escaped (``md``), headers are escaped here."""
    right = set(numeric)
    lines = ["| " + " | ".join(md(h) for h in headers) + " |", "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def sources_html(bronnen: Iterable[Bron | None], lang: str) -> str:
    """Escaped names of the distinct sources, with their registration system and link."""
    seen: list[str] = []
    for bron in bronnen:
        if bron is None:
            continue
        text = attr(tekst_plain(bron.naam, lang))
        if bron.registratie:
            text += f" ({attr(tekst_plain(bron.registratie, lang))})"
        if bron.url:
            text = f'<a href="{attr(bron.url)}">{text}</a>'
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)


# --- the approach: framework, resilience, cohesion, context -----------------------------------------------


def framework_markdown(ctx: AanpakContext, lang: str) -> str:
    out = [t(lang, "stats_framework_intro", year=ctx.sinds or "—") + "\n"]
    for number_, doel in enumerate(ctx.kader, start=1):
        out.append(f"\n**{md(t(lang, 'stats_goal', number=number_))}: {tekst_md(doel.naam, lang)}**\n\n")
        for sub in doel.subdoelen:
            out.append(f"- **{tekst_md(sub.naam, lang)}**\n")
            out += [f"    - {tekst_md(ind, lang)}\n" for ind in sub.indicatoren]
    if ctx.kernwaarden:
        out.append(f"\n{md(t(lang, 'stats_core_values'))}\n\n")
        out += [f"{i}. {tekst_md(value, lang)}\n" for i, value in enumerate(ctx.kernwaarden, start=1)]
    if ctx.kader_bron:
        out.append(f'\n<p class="sk-source"><small>{attr(t(lang, "stats_source"))}: {sources_html([ctx.kader_bron], lang)}</small></p>\n')
    return "".join(out)


def _get(model: Any, *path: str) -> Any:
    for name in path:
        model = getattr(model, name, None) if model is not None else None
    return model


def _year_sources(jaren: Sequence[AanpakJaar], *path: str) -> list[Bron]:
    return [(_get(jaar, *path, "bron") or jaar.bron) for jaar in jaren if _get(jaar, *path) is not None]


def year_summary(lang: str, key: str, jaren: Sequence[int], totals: Sequence[int | None], kpis: Sequence[int | None]) -> str:
    """"In 2024 …119… (KPI 120); in 2023: 138." — the latest known year, its KPI and the year before."""
    known = [i for i, v in enumerate(totals) if v is not None]
    if not known:
        return t(lang, "stats_sum_unknown")
    last = known[-1]
    text = t(lang, key, year=jaren[last], value=number(lang, totals[last]))
    if kpis[last] is not None:
        text += t(lang, "stats_sum_kpi", kpi=number(lang, kpis[last]))
    if len(known) > 1:
        prev = known[-2]
        text += t(lang, "stats_sum_prev", year=jaren[prev], value=number(lang, totals[prev]))
    return text + "."


def year_chart_figure(
    lang: str, key: str, jaren: Sequence[AanpakJaar], path: tuple[str, ...], part_names: Sequence[str], total_field: str, ylabel_key: str,
    extra_columns: Sequence[tuple[str, Sequence[str]]] = (),
) -> Figure:
    """One indicator over the years, split into parts, with its KPI, as chart, summary and table."""
    blocks = [_get(jaar, *path) for jaar in jaren]
    labels = [jaar.jaar for jaar in jaren]
    parts = [Series(t(lang, f"stats_part_{name}"), [_part_value(block, name) for block in blocks]) for name in part_names]
    totals = [_get(block, total_field) for block in blocks]
    kpis = [_get(block, "kpi") for block in blocks]
    title = t(lang, f"stats_chart_{key}")
    summary = year_summary(lang, f"stats_sum_{key}", labels, totals, kpis)
    source = sources_html(_year_sources(jaren, *path), lang)
    fig = charts.year_bars(
        title=title, xlabel=t(lang, "stats_axis_year"), ylabel=t(lang, ylabel_key), years=labels, parts=parts, totals=totals, kpis=kpis,
        labels={"kpi": t(lang, "stats_kpi"), "unsplit": t(lang, "stats_unsplit"), "unknown": t(lang, "stats_unknown_short"), "total": t(lang, "stats_total")},
        number=lambda v: number(lang, v), source=f"{t(lang, 'stats_source')}: {html.unescape(_strip_tags(source))}",
    )
    headers = [t(lang, "stats_axis_year")] + [p.label for p in parts] + [label for label, _ in extra_columns] + [t(lang, "stats_total"), t(lang, "stats_kpi"), t(lang, "stats_note")]
    rows = []
    for i, block in enumerate(blocks):
        cells = [str(labels[i])] + [_part_cell(block, name, lang) for name in part_names] + [cells_[i] for _, cells_ in extra_columns]
        cells += [number(lang, totals[i]), number(lang, kpis[i]), tekst_md(_get(block, "toelichting"), lang)]
        rows.append(cells)
    numeric = frozenset(range(1, 1 + len(part_names) + len(extra_columns) + 2))
    svg = charts.to_svg(fig, title=title, summary=summary, lang=lang)
    return Figure(key, title, summary, headers, rows, source, numeric, svg, alt=f"{title}. {summary}")


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _part_value(block: Any, name: str) -> int | None:
    value = _get(block, name)
    return value.deelnemers if hasattr(value, "deelnemers") else value


def _part_cell(block: Any, name: str, lang: str) -> str:
    value = _get(block, name)
    if value is None:
        return "—"
    if hasattr(value, "deelnemers"):
        cell = number(lang, value.deelnemers)
        if value.met_uitkering is not None:
            cell += " " + md(t(lang, "stats_with_benefit", count=number(lang, value.met_uitkering)))
        return cell
    return number(lang, value)


def resilience_figures(jaren: Sequence[AanpakJaar], lang: str) -> list[Figure]:
    trainingen = year_chart_figure(
        lang, "trainingen", jaren, ("veerkracht", "trainingen"), ("kom_tot_bloei", "de_wijk_werkt", "overig"), "totaal", "stats_axis_participants"
    )
    return [trainingen, indicator_table(lang, "veerkracht_overig", jaren, [("veerkracht", "activiteiten"), ("veerkracht", "talentenscans")])]


def cohesion_figures(jaren: Sequence[AanpakJaar], lang: str) -> list[Figure]:
    matches = year_chart_figure(
        lang, "matches", jaren, ("sociale_cohesie", "matches"), ("inwoner_inwoner", "inwoner_ontwikkelplaats", "ontwikkelplaats_ontwikkelplaats"), "totaal", "stats_axis_matches"
    )
    networks = [_get(jaar, "sociale_cohesie", "inwonersnetwerken") for jaar in jaren]
    netwerken = year_chart_figure(
        lang, "netwerken", jaren, ("sociale_cohesie", "inwonersnetwerken"), (), "actief", "stats_axis_networks",
        extra_columns=[(t(lang, "stats_part_nieuw"), [number(lang, _get(n, "nieuw")) for n in networks]), (t(lang, "stats_part_deelnemers"), [number(lang, _get(n, "deelnemers")) for n in networks])],
    )
    plaatsen = year_chart_figure(lang, "ontwikkelplaatsen", jaren, ("sociale_cohesie", "ontwikkelplaatsen"), (), "waarde", "stats_axis_places")
    return [matches, netwerken, plaatsen, indicator_table(lang, "cohesie_overig", jaren, [("sociale_cohesie", "aanbod_wij_match")])]


def indicator_table(lang: str, key: str, jaren: Sequence[AanpakJaar], paths: Sequence[tuple[str, ...]]) -> Figure:
    """Indicators without a chart: one row each, a column per year, then KPI and note of the latest year."""
    headers = [t(lang, "stats_indicator")] + [str(j.jaar) for j in jaren] + [t(lang, "stats_kpi"), t(lang, "stats_note")]
    rows, bronnen = [], []
    for path in paths:
        values = [_get(jaar, *path) for jaar in jaren]
        latest = next((v for v in reversed(values) if v is not None), None)
        rows.append([md(t(lang, f"stats_ind_{path[-1]}"))] + [number(lang, _get(v, "waarde")) for v in values] + [number(lang, _get(latest, "kpi")), tekst_md(_get(latest, "toelichting"), lang)])
        bronnen += _year_sources(jaren, *path)
    title = t(lang, f"stats_table_{key}")
    return Figure(key, title, t(lang, f"stats_sum_{key}"), headers, rows, sources_html(bronnen, lang), frozenset(range(1, len(jaren) + 2)))


def context_intro(_ctx: AanpakContext, lang: str) -> str:
    return t(lang, "stats_context_intro") + "\n"


KERNCIJFERS = ("inwoners", "inwoners_verwacht", "stadsdelen", "wijken", "buurten", "wijkteams", "verbinders")


def context_figures(ctx: AanpakContext, lang: str) -> list[Figure]:
    figures = []
    rows, bronnen = [], []
    for name in KERNCIJFERS:
        cijfer = getattr(ctx.kerncijfers, name)
        if cijfer is None:
            continue
        when = format_date(cijfer.peildatum, "MMMM y", locale=lang) if cijfer.peildatum else ""
        rows.append([md(t(lang, f"stats_kern_{name}")), number(lang, cijfer.waarde), md(when), tekst_md(cijfer.toelichting, lang)])
        bronnen.append(cijfer.bron or ctx.bron)
    if rows:
        figures.append(Figure("kerncijfers", t(lang, "stats_table_kerncijfers"), t(lang, "stats_sum_kerncijfers"), [t(lang, "stats_figure"), t(lang, "stats_value"), t(lang, "stats_date"), t(lang, "stats_note")], rows, sources_html(bronnen, lang), frozenset({1})))
    if ctx.wijkverschillen:
        rows = [
            [tekst_md(v.onderwerp, lang), md(v.hoog.wijk), percent(lang, v.hoog.procent / 100), md(v.laag.wijk), percent(lang, v.laag.procent / 100)]
            for v in ctx.wijkverschillen.onderwerpen
        ]
        headers = [t(lang, "stats_topic"), t(lang, "stats_highest"), "%", t(lang, "stats_lowest"), "%"]
        figures.append(Figure("wijkverschillen", t(lang, "stats_table_wijkverschillen"), t(lang, "stats_sum_wijkverschillen"), headers, rows, sources_html([ctx.wijkverschillen.bron], lang), frozenset({2, 4})))
    if ctx.logboek:
        log = ctx.logboek
        rows = [[md(t(lang, "stats_goal_veerkracht")), number(lang, log.veerkracht)], [md(t(lang, "stats_goal_cohesie")), number(lang, log.sociale_cohesie)], [md(t(lang, "stats_total")), number(lang, log.totaal)]]
        summary = t(lang, "stats_sum_logboek", weeks=number(lang, log.weken), total=number(lang, log.totaal), resilience=number(lang, log.veerkracht), cohesion=number(lang, log.sociale_cohesie))
        figures.append(Figure("logboek", t(lang, "stats_table_logboek"), summary, [t(lang, "stats_goal_header"), t(lang, "stats_results")], rows, sources_html([ctx.bron], lang), frozenset({1})))
    return figures


# --- live figures -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuurtReach:
    """A buurt on the witte-vlekken map: walking minutes (rustig) from its point to the nearest activity."""

    slug: str
    naam: str
    wijk: str
    stadsdeel: str
    inwoners: int | None
    minutes: float | None  # None: no activity within reach of the walking table
    rings: list[list[list[tuple[float, float]]]] = field(compare=False, repr=False)


@dataclass
class LiveFigures:
    places: int = 0
    activities: int = 0
    examples: int = 0
    per_area: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (stadsdeel, wijk) -> [places, activities]
    places_per_theme: Counter[str] = field(default_factory=Counter)
    activities_per_theme: Counter[str] = field(default_factory=Counter)
    per_day: Counter[int] = field(default_factory=Counter)  # 0 = Monday; 7 = on dates only
    languages: Counter[str] = field(default_factory=Counter)
    access: dict[str, Counter[str]] = field(default_factory=dict)
    fresh: int = 0
    reach: list[BuurtReach] | None = None  # None: no buurt polygons


def counted_places(site: SiteContext) -> list[tuple[str, Ontwikkelplaats]]:
    """Places on the map today: everything but `gestopt` (temporarily closed places still exist)."""
    return [(slug, entry.model) for slug, entry in sorted(site.content.plaatsen.items()) if entry.model.status != "gestopt"]


def live_figures(site: SiteContext) -> LiveFigures:
    live = LiveFigures(access={"rolstoel": Counter(), "rollator": Counter()})
    for _slug, place in counted_places(site):
        _count_place(live, site, place)
    live.reach = reach_per_buurt(site)
    return live


def _count_place(live: LiveFigures, site: SiteContext, place: Ontwikkelplaats) -> None:
    live.places += 1
    live.activities += len(place.activiteiten)
    live.examples += int(place.voorbeeld)
    info = site.enriched.buurt_info(place.buurt)
    area = (info.stadsdeel, info.wijk) if info else ("", "")
    counts = live.per_area.setdefault(area, [0, 0])
    counts[0] += 1
    counts[1] += len(place.activiteiten)
    live.places_per_theme.update(set(place.themas))
    talen = set(place.talen)
    for activity in place.activiteiten:
        live.activities_per_theme.update(set(activity.themas or place.themas))
        talen |= set(activity.talen or [])
        days = {DAGEN.index(dag) for schema in activity.wanneer for dag in (schema.dag or [])}
        live.per_day.update(days or {7})
    live.languages.update(talen)
    live.access["rolstoel"][place.toegankelijkheid.rolstoel] += 1
    live.access["rollator"][place.toegankelijkheid.rollator] += 1
    live.fresh += int((site.today - place.laatst_gecontroleerd).days <= FRESH_DAYS)


def reach_per_buurt(site: SiteContext) -> list[BuurtReach] | None:
    """Every buurt of the geo data with the walking minutes (rustig) to its nearest activity."""
    path = site.content.root.joinpath(*GEOJSON)
    if not path.exists():
        return None
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    by_code = {entry.model.code: slug for slug, entry in site.content.buurten.items()}
    targets = [slug for slug, place in counted_places(site) if place.status == "actief" and place.activiteiten]
    rows = []
    for feature in features:
        props = feature["properties"]
        slug = by_code.get(str(props["code"])) or slugify(str(props["naam"]))
        times = [m for target in targets if (m := site.enriched.minutes_from_buurt(slug, target, PACE)) is not None]
        inwoners = props.get("inwoners_2020")
        rows.append(
            BuurtReach(slug, str(props["naam"]), str(props.get("wijk", "")), str(props.get("stadsdeel", "")), None if inwoners is None else int(inwoners), min(times) if times else None, _rings(feature["geometry"]))
        )
    return rows


def _rings(geometry: dict) -> list[list[list[tuple[float, float]]]]:
    geom = shape(geometry).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    polygons = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    return [[list(p.exterior.coords)[:-1]] + [list(r.coords)[:-1] for r in p.interiors] for p in polygons]


@dataclass(frozen=True)
class ReachShares:
    buurten_near: int
    buurten: int
    inwoners_near: int
    inwoners: int  # inhabitants of buurten with a known population

    @property
    def buurten_share(self) -> float:
        return share(self.buurten_near, self.buurten)

    @property
    def inwoners_share(self) -> float:
        return share(self.inwoners_near, self.inwoners)


def reach_shares(rows: Sequence[BuurtReach], limit: float = NEAR_MINUTES) -> ReachShares:
    near = [r for r in rows if r.minutes is not None and r.minutes <= limit]
    return ReachShares(len(near), len(rows), sum(r.inwoners or 0 for r in near), sum(r.inwoners or 0 for r in rows))


def minute_class(minutes: float | None) -> int:
    """Index into MINUTE_CLASSES (0 = ≤ 5 min); len(MINUTE_CLASSES) = more than 20 minutes or none."""
    if minutes is None:
        return len(MINUTE_CLASSES)
    return next((i for i, bound in enumerate(MINUTE_CLASSES) if minutes <= bound), len(MINUTE_CLASSES))


def class_labels(lang: str) -> list[str]:
    labels, low = [], 0
    for bound in MINUTE_CLASSES:
        labels.append(t(lang, "stats_class_upto", low=low, high=bound))
        low = bound
    return labels + [t(lang, "stats_class_far", high=MINUTE_CLASSES[-1])]


def live_page_figures(live: LiveFigures, site: SiteContext, lang: str) -> list[Figure]:
    figures: list[Figure] = []
    source = attr(t(lang, "stats_source_map"))
    if live.places:
        figures += [area_figure(live, lang, source), theme_figure(live, lang, source), day_figure(live, lang, source), language_figure(live, lang, source), access_figure(live, lang, source), fresh_figure(live, lang, source)]
    if live.reach is not None:
        figures.append(reach_figure(live.reach, live.places, lang))
    if not figures:
        figures.append(Figure("leeg", t(lang, "stats_live_empty_title"), t(lang, "stats_live_empty"), [t(lang, "stats_figure"), t(lang, "stats_value")], [[md(t(lang, "stats_places")), "0"]], source, frozenset({1})))
    return figures


def _plain_source(source_html: str) -> str:
    return f"{html.unescape(_strip_tags(source_html))}"


def area_figure(live: LiveFigures, lang: str, source: str) -> Figure:
    unknown = t(lang, "stats_unknown_area")
    per_district: dict[str, list[int]] = {}
    for (district, _wijk), (places, activities) in live.per_area.items():
        counts = per_district.setdefault(district or unknown, [0, 0])
        counts[0] += places
        counts[1] += activities
    districts = sorted(per_district, key=lambda d: (d == unknown, d))
    title = t(lang, "stats_chart_areas")
    top = max(districts, key=lambda d: per_district[d][1])
    summary = t(lang, "stats_sum_areas", places=number(lang, live.places), activities=number(lang, live.activities), district=top, top=number(lang, per_district[top][1]))
    fig = charts.grouped_hbars(
        title=title, xlabel=t(lang, "stats_axis_count"), ylabel=t(lang, "stats_district"), categories=districts,
        series=[Series(t(lang, "stats_places"), [per_district[d][0] for d in districts]), Series(t(lang, "stats_activities"), [per_district[d][1] for d in districts])],
        number=lambda v: number(lang, v), source=f"{t(lang, 'stats_source')}: {_plain_source(source)}",
    )
    rows = [[md(d or unknown), md(w or unknown), number(lang, p), number(lang, a)] for (d, w), (p, a) in sorted(live.per_area.items(), key=lambda kv: (not kv[0][0], kv[0]))]
    headers = [t(lang, "stats_district"), t(lang, "stats_wijk"), t(lang, "stats_places"), t(lang, "stats_activities")]
    return Figure("gebieden", title, summary, headers, rows, source, frozenset({2, 3}), charts.to_svg(fig, title=title, summary=summary, lang=lang), f"{title}. {summary}")


def theme_figure(live: LiveFigures, lang: str, source: str) -> Figure:
    themes = sorted(THEMAS, key=lambda th: (-live.places_per_theme[th], th))
    names = [t(lang, f"stats_thema_{th}") for th in themes]
    title = t(lang, "stats_chart_themes")
    top = themes[0]
    summary = t(lang, "stats_sum_themes", theme=t(lang, f"stats_thema_{top}"), places=number(lang, live.places_per_theme[top]), total=number(lang, live.places))
    fig = charts.grouped_hbars(
        title=title, xlabel=t(lang, "stats_axis_count"), ylabel=t(lang, "stats_theme"), categories=names,
        series=[Series(t(lang, "stats_places"), [live.places_per_theme[th] for th in themes]), Series(t(lang, "stats_activities"), [live.activities_per_theme[th] for th in themes])],
        number=lambda v: number(lang, v), source=f"{t(lang, 'stats_source')}: {_plain_source(source)}",
    )
    rows = [[md(name), number(lang, live.places_per_theme[th]), number(lang, live.activities_per_theme[th])] for th, name in zip(themes, names)]
    return Figure("themas", title, summary, [t(lang, "stats_theme"), t(lang, "stats_places"), t(lang, "stats_activities")], rows, source, frozenset({1, 2}), charts.to_svg(fig, title=title, summary=summary, lang=lang), f"{title}. {summary}")


def day_figure(live: LiveFigures, lang: str, source: str) -> Figure:
    names = [get_day_names("wide", locale=lang)[i] for i in range(7)] + [t(lang, "stats_dates_only")]
    values = [live.per_day[i] for i in range(8)]
    title = t(lang, "stats_chart_days")
    busiest = max(range(7), key=lambda i: (values[i], -i))
    summary = t(lang, "stats_sum_days", day=names[busiest], count=number(lang, values[busiest]))
    fig = charts.vbars(title=title, xlabel=t(lang, "stats_axis_day"), ylabel=t(lang, "stats_axis_activities"), categories=names, values=values, number=lambda v: number(lang, v), source=f"{t(lang, 'stats_source')}: {_plain_source(source)}")
    rows = [[md(name), number(lang, value)] for name, value in zip(names, values)]
    return Figure("weekdagen", title, summary, [t(lang, "stats_axis_day"), t(lang, "stats_activities")], rows, source, frozenset({1}), charts.to_svg(fig, title=title, summary=summary, lang=lang), f"{title}. {summary}")


def language_figure(live: LiveFigures, lang: str, source: str) -> Figure:
    locale = Locale.parse(lang)
    ordered = sorted(live.languages.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [[md(locale.languages.get(code, code)), md(code), number(lang, count), percent(lang, share(count, live.places))] for code, count in ordered]
    other = sum(1 for code in live.languages if code != "nl")
    summary = t(lang, "stats_sum_languages", count=number(lang, len(live.languages)), other=number(lang, other))
    headers = [t(lang, "stats_language"), t(lang, "stats_code"), t(lang, "stats_places"), t(lang, "stats_share_places")]
    return Figure("talen", t(lang, "stats_table_languages"), summary, headers, rows, source, frozenset({2, 3}))


def access_figure(live: LiveFigures, lang: str, source: str) -> Figure:
    kinds = ("rolstoel", "rollator")
    names = [t(lang, f"stats_access_{kind}") for kind in kinds]
    parts = [Series(t(lang, f"stats_access_value_{value}"), [live.access[kind][value] for kind in kinds]) for value in ACCESS_VALUES]
    title = t(lang, "stats_chart_access")
    summary = t(lang, "stats_sum_access", wheelchair=percent(lang, share(live.access["rolstoel"]["ja"], live.places)), rollator=percent(lang, share(live.access["rollator"]["ja"], live.places)), unknown=percent(lang, share(live.access["rolstoel"]["onbekend"], live.places)))
    fig = charts.share_bars(title=title, xlabel=t(lang, "stats_axis_share"), ylabel=t(lang, "stats_access"), categories=names, parts=parts, percent=lambda v: percent(lang, v), source=f"{t(lang, 'stats_source')}: {_plain_source(source)}")
    headers = [t(lang, "stats_access")] + [p.label for p in parts]
    rows = [[md(name)] + [f"{number(lang, live.access[kind][v])} ({percent(lang, share(live.access[kind][v], live.places))})" for v in ACCESS_VALUES] for kind, name in zip(kinds, names)]
    return Figure("toegankelijkheid", title, summary, headers, rows, source, frozenset({1, 2, 3, 4}), charts.to_svg(fig, title=title, summary=summary, lang=lang), f"{title}. {summary}")


def fresh_figure(live: LiveFigures, lang: str, source: str) -> Figure:
    stale = live.places - live.fresh
    summary = t(lang, "stats_sum_fresh", share=percent(lang, share(live.fresh, live.places)), fresh=number(lang, live.fresh), total=number(lang, live.places))
    rows = [[md(t(lang, "stats_fresh_yes")), number(lang, live.fresh), percent(lang, share(live.fresh, live.places))], [md(t(lang, "stats_fresh_no")), number(lang, stale), percent(lang, share(stale, live.places))]]
    if live.examples:
        rows.append([md(t(lang, "stats_examples")), number(lang, live.examples), percent(lang, share(live.examples, live.places))])
    return Figure("actualiteit", t(lang, "stats_table_fresh"), summary, [t(lang, "stats_checked"), t(lang, "stats_places"), t(lang, "stats_share_places")], rows, source, frozenset({1, 2}))


def reach_figure(rows: Sequence[BuurtReach], places: int, lang: str) -> Figure:
    shares = reach_shares(rows)
    labels = class_labels(lang)
    title = t(lang, "stats_chart_reach")
    summary = t(
        lang, "stats_sum_reach", minutes=NEAR_MINUTES, buurten_share=percent(lang, shares.buurten_share), near=number(lang, shares.buurten_near),
        buurten=number(lang, shares.buurten), inwoners_share=percent(lang, shares.inwoners_share),
    )
    source = attr(t(lang, "stats_source_reach"))
    areas = [MapArea(ring_set, CLASS_COLOURS[minute_class(r.minutes)]) for r in rows for ring_set in r.rings]
    fig = charts.choropleth(title=title, areas=areas, legend=list(zip(CLASS_COLOURS, labels)), legend_title=t(lang, "stats_legend_minutes"), source=f"{t(lang, 'stats_source')}: {_plain_source(source)}")
    ordered = sorted(rows, key=lambda r: (-(r.minutes if r.minutes is not None else 1e9), r.naam))
    table = [
        [md(r.naam), md(r.wijk), md(r.stadsdeel), number(lang, r.inwoners), md(t(lang, "stats_none_in_reach")) if r.minutes is None else number(lang, round(r.minutes)), md(labels[minute_class(r.minutes)])]
        for r in ordered
    ]
    headers = [t(lang, "stats_buurt"), t(lang, "stats_wijk"), t(lang, "stats_district"), t(lang, "stats_inhabitants"), t(lang, "stats_minutes"), t(lang, "stats_class")]
    return Figure("witte-vlekken", title, summary, headers, table, source, frozenset({3, 4}), charts.to_svg(fig, title=title, summary=summary, lang=lang), f"{title}. {summary}", collapsed=True,
                  note=md(t(lang, "stats_reach_method", minutes=NEAR_MINUTES, places=number(lang, places))))
