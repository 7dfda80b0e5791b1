"""Printable flyers: one A4 PDF per buurt per language, for verbinders to hand out door to door.

A flyer lives on a fridge for weeks, so it lists the *recurring* schedule per weekday (Monday to
Sunday, "elke eerste vrijdag van de maand") rather than one calendar week, plus the one-off dates
of the coming ``ONE_OFF_DAYS`` days. Places: those in the buurt and those within ``WALK_MINUTES``
walking minutes at the slow pace, nearest first, numbered 1..n as on the map; stopped places are
left out, examples and temporarily closed places are labelled as on the site, and the activities
of a temporarily closed place are not in the schedule (its entry says they are not on now).

What goes on the first page (the rule when a buurt has more than fits):

- page 1 always starts with the buurt's name, the QR code, the wijkteam to ask and the address
  of the buurt page; every page ends with the date it was made and that address;
- then the schedule, the one-off dates and the places with the map follow in that order and flow
  onto a second page when they do not fit (printed double-sided, a flyer is still one sheet);
- at most ``MAX_PLACES`` places are listed (nearest first); the flyer says how many more there
  are and points to the website, so a flyer never runs to a third page.

Builds are cheap to repeat: each flyer's HTML (with the date left out) plus ``FLYER_VERSION`` is
hashed, and a PDF is rendered only when ``.cache/flyers/<hash>.pdf`` is missing; the renders run
in two worker processes (WeasyPrint is single-threaded and CPU-bound). The renderer is off in
``mkdocs serve`` and tests unless ``SOCIALE_KAART_FLYERS=1``; ``python -m generator flyers``
writes the PDFs into ``docs/flyers/`` for the deploy workflow.
"""

from __future__ import annotations

import base64
import hashlib
import multiprocessing
import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np

from generator.content import Entry
from generator.i18n import DEFAULT_LANGUAGE, RTL_LANGUAGES, t
from generator.models import DAGEN, Activiteit, Ontwikkelplaats, Tekst, Wanneer
from generator.render.common import FLYER_FOLDER, esc as html_esc, flyer_href, page_url, place_labels, text_in
from generator.render.pages import address_line, cost_text, time_range
from generator.schedule import describe, first_occurrence, long_date, occurrences, weekday_name
from generator.site import OutputFile, SiteConfig, SiteContext

FLYER_VERSION = "1"  # bump when the PDF changes without its HTML changing (fonts, WeasyPrint options)
ENV_SWITCH = "SOCIALE_KAART_FLYERS"
ENV_CACHE = "SOCIALE_KAART_FLYER_CACHE"
WALK_MINUTES = 10
WALK_PACE = "rustig"
ONE_OFF_DAYS = 61
MAX_PLACES = 12
WORKERS = 2
MAP_WIDTH_MM = 72.0
MAP_MARGIN_M = 60.0
# The date a PDF was made is not part of its content hash (else every flyer would be rebuilt
# every day); it is filled in just before rendering, so a cached PDF shows when it was made.
_MADE_ON = "@@made-on@@"
# The QR code is drawn only for flyers that are rendered: it follows from the page address, which
# the hashed HTML holds anyway, and encoding it is the slowest part of making the HTML.
_QR = "@@qr@@"


_LONG_RUN = re.compile(r"\S{100,}")
_CHUNK = 20


def esc(text: object) -> str:
    """``common.esc``, and a zero-width space every 20 characters in a run of 100 or more without a
    space (a pasted token, never a word or an address on this site): ``overflow-wrap: anywhere``
    wraps shorter runs, but WeasyPrint takes seconds per line for a run of thousands."""
    def chunked(match: re.Match[str]) -> str:
        run = match.group(0)
        return "\u200b".join(run[i : i + _CHUNK] for i in range(0, len(run), _CHUNK))

    return html_esc(_LONG_RUN.sub(chunked, str(text)))


def flyers_enabled() -> bool:
    return os.environ.get(ENV_SWITCH) == "1"


def buurt_page_url(site: SiteContext, slug: str, lang: str) -> str:
    """The absolute address of the buurt page in ``lang`` (what the QR code and the footer say)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return site.config.site_url + prefix + page_url(f"buurt/{slug}")


# --- what is on the flyer -------------------------------------------------------------------------


@dataclass(frozen=True)
class FlyerPlace:
    number: int
    entry: Entry[Ontwikkelplaats]
    minutes: float | None  # walking minutes at the slow pace from the buurt's representative point


@dataclass(frozen=True)
class Slot:
    """One activity at one time: a row of the schedule."""

    place: FlyerPlace
    activity: Activiteit
    wanneer: Wanneer


def flyer_places(site: SiteContext, slug: str) -> tuple[list[FlyerPlace], int]:
    """The numbered places of a buurt's flyer, nearest first, and how many more were left out."""
    found = []
    for entry in site.content.plaatsen.values():
        if entry.model.status == "gestopt":
            continue
        minutes = site.enriched.minutes_from_buurt(slug, entry.slug, WALK_PACE)
        if entry.model.buurt == slug or (minutes is not None and minutes <= WALK_MINUTES):
            found.append((entry, minutes))
    found.sort(key=lambda item: (item[1] is None, item[1] or 0.0, item[0].model.naam))
    shown = [FlyerPlace(number, entry, minutes) for number, (entry, minutes) in enumerate(found[:MAX_PLACES], 1)]
    return shown, len(found) - len(shown)


def _active_slots(places: list[FlyerPlace]) -> Iterable[Slot]:
    for place in places:
        if place.entry.model.status == "actief":
            for activity in place.entry.model.activiteiten:
                yield from (Slot(place, activity, wanneer) for wanneer in activity.wanneer)


def weekly_slots(places: list[FlyerPlace], today: date) -> dict[int, list[Slot]]:
    """Recurring activities by weekday (0 = Monday), by start time; schedules that have ended are left out."""
    days: dict[int, list[Slot]] = defaultdict(list)
    for slot in _active_slots(places):
        if slot.wanneer.herhaling == "eenmalig" or first_occurrence(slot.wanneer, today) is None:
            continue
        for dag in slot.wanneer.dag or []:
            days[DAGEN.index(dag)].append(slot)
    return {day: sorted(slots, key=_slot_order) for day, slots in sorted(days.items())}


def one_off_slots(places: list[FlyerPlace], today: date) -> list[tuple[date, Slot]]:
    """One-off activities on a date from today to ``ONE_OFF_DAYS`` ahead, by date and time."""
    end = today + timedelta(days=ONE_OFF_DAYS)
    found = [
        (occurrence.datum, slot)
        for slot in _active_slots(places)
        if slot.wanneer.herhaling == "eenmalig"
        for occurrence in occurrences(slot.wanneer, today, end)
    ]
    return sorted(found, key=lambda item: (item[0], *_slot_order(item[1])))


def _slot_order(slot: Slot) -> tuple[time, time, int]:
    return slot.wanneer.van, slot.wanneer.tot, slot.place.number


# --- HTML ---------------------------------------------------------------------------------------------


def flyer_html(site: SiteContext, slug: str, lang: str) -> str:
    """The flyer as one HTML document (images inline), with placeholders for the date and the QR code (see ``finished``)."""
    naam = site.content.buurten[slug].model.naam
    places, more = flyer_places(site, slug)
    url = buurt_page_url(site, slug, lang)
    body = [
        _footer(url, lang),  # a running element: it must come first to be on the first page too
        _header(site, slug, naam, url, lang),
        _schedule(site, places, naam, lang),
        _places_section(site, slug, naam, places, more, lang),
    ]
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{esc(t(lang, 'flyer.title', buurt=naam))}</title><style>{FLYER_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _header(site: SiteContext, slug: str, naam: str, url: str, lang: str) -> str:
    qr = f'<img class="qr" src="{_QR}" alt="QR">'
    return (
        '<header class="top"><table class="top"><tr><td class="title">'
        f"<h1>{esc(naam)}</h1>{_wijkteam(site, slug, lang)}</td>"
        f'<td class="scan">{qr}<p class="small">{esc(t(lang, "flyer.scan"))}</p></td></tr></table></header>'
    )


def _wijkteam(site: SiteContext, slug: str, lang: str) -> str:
    team = site.content.buurten[slug].model.wijkteam
    heading = f'<p class="ask"><strong>{esc(t(lang, "flyer.ask"))}</strong></p>'
    if team is None:
        return heading + f'<p>{esc(t(lang, "flyer.wijkteam_general"))}</p>'
    lines = [f"<strong>{esc(team.naam)}</strong>"]
    if team.adres:
        lines.append(esc(team.adres))
    if team.telefoon:
        lines.append(f'{esc(t(lang, "phone"))}: {_ltr(team.telefoon)}')
    if team.email:
        lines.append(f'{esc(t(lang, "email"))}: {_ltr(team.email)}')
    if team.website:
        lines.append(_ltr(_short_url(team.website)))
    return heading + "<p>" + "<br>".join(lines) + "</p>"


def _schedule(site: SiteContext, places: list[FlyerPlace], naam: str, lang: str) -> str:
    out = [f'<h2>{esc(t(lang, "flyer.what_to_do"))}</h2>']
    weekly, once = weekly_slots(places, site.today), one_off_slots(places, site.today)
    if not weekly and not once:
        out.append(f'<p class="lead"><strong>{esc(t(lang, "flyer.nothing_yet", buurt=naam))}</strong></p>')
        out.append(f'<p class="lead">{esc(t(lang, "flyer.where_to_ask"))}</p>')
        return '<section class="schedule">' + "".join(out) + "</section>"
    out.append(f'<p class="intro">{esc(t(lang, "flyer.intro", buurt=naam, n=WALK_MINUTES))} {esc(t(lang, "flyer.weekly_note"))}</p>')
    if any(p.entry.model.voorbeeld for p in places):
        out.append(f'<p class="intro">{esc(t(lang, "flyer.example_note"))}</p>')
    rows = []
    for day, slots in weekly.items():
        rows.append(f'<tbody class="day"><tr><th colspan="3" scope="colgroup">{esc(_capitalised(weekday_name(day, lang)))}</th></tr>')
        rows += [_slot_row(slot, lang, rhythm=True) for slot in slots]
        rows.append("</tbody>")
    if weekly:
        out.append('<table class="week">' + "".join(rows) + "</table>")
    if once:
        out.append(f'<h3>{esc(t(lang, "flyer.one_off"))}</h3><table class="week">')
        for day, slots in _by_date(once).items():
            out.append(f'<tbody class="day"><tr><th colspan="3" scope="colgroup">{esc(_capitalised(_day_and_date(day, lang)))}</th></tr>')
            out += [_slot_row(slot, lang, rhythm=False) for slot in slots]
            out.append("</tbody>")
        out.append("</table>")
    return '<section class="schedule">' + "".join(out) + "</section>"


def _by_date(once: list[tuple[date, Slot]]) -> dict[date, list[Slot]]:
    grouped: dict[date, list[Slot]] = defaultdict(list)
    for day, slot in once:
        grouped[day].append(slot)
    return grouped


def _slot_row(slot: Slot, lang: str, *, rhythm: bool) -> str:
    details = [cost_text(slot.activity, lang)]
    if rhythm and _needs_rhythm(slot.wanneer):
        details.insert(0, describe(slot.wanneer, lang, with_times=False))
    if slot.place.entry.model.voorbeeld:
        details.append(t(lang, "flyer.example_short"))
    name = _text(slot.activity.naam, lang)
    return (
        f'<tr><td class="time">{_ltr(time_range(slot.wanneer, lang))}</td>'
        f'<td class="what"><strong>{name}</strong><br><span class="detail">{esc(" · ".join(details))}</span></td>'
        f'<td class="where">{_number(slot.place.number)}</td></tr>'
    )


def _needs_rhythm(wanneer: Wanneer) -> bool:
    """Plain weekly activities need no words under their weekday; everything else says its rhythm."""
    return wanneer.herhaling != "wekelijks" or bool(wanneer.vanaf or wanneer.tot_en_met or wanneer.behalve)


def _places_section(site: SiteContext, slug: str, naam: str, places: list[FlyerPlace], more: int, lang: str) -> str:
    # One image, credit included: an image is never split over two pages, a figure with a caption can be.
    # WeasyPrint lays out SVG text without the bidi algorithm: right-to-left languages get the English credit.
    credit = t("en" if lang in RTL_LANGUAGES else lang, "flyer.map_credit")
    svg = map_svg(site, slug, places, credit=credit)
    figure = f'<img class="map" src="{_data_uri(svg)}" alt="{esc(t(lang, "flyer.map_alt", buurt=naam))}">' if svg else ""
    items = "".join(_place_item(site, place, lang) for place in places)
    listing = f'<ol class="places">{items}</ol>' if items else ""
    if more:
        listing += f'<p>{esc(t(lang, "flyer.more_places", n=more))}</p>'
    if not places:
        return f'<section class="places"><p class="map-alone">{figure}</p></section>'
    # A table keeps the heading (thead) with the list and the map when they move to the next page.
    heading = f'<thead><tr><th colspan="2"><h2>{esc(t(lang, "flyer.places"))}</h2></th></tr></thead>'
    return (
        f'<section class="places"><table class="placemap">{heading}'
        f'<tbody><tr><td class="list">{listing}</td><td class="mapcell">{figure}</td></tr></tbody></table></section>'
    )


def _place_item(site: SiteContext, place: FlyerPlace, lang: str) -> str:
    model = place.entry.model
    labels = "".join(f' <span class="label">{esc(text)}</span>' for _, text in _labels(model, site.today, lang))
    lines = [f"{_number(place.number)} <strong>{esc(model.naam)}</strong>{labels}"]
    where = _ltr(address_line(model))
    if place.minutes is not None:
        where += " · " + esc(t(lang, "flyer.walk", n=max(1, round(place.minutes))))
    lines.append(where)
    if model.status == "tijdelijk gesloten":
        lines.append(f"<strong>{esc(t(lang, 'flyer.closed_note'))}</strong>")
    if access := _access(model, lang):
        lines.append(access)
    if contact := _contact(model, lang):
        lines.append(contact)
    return "<li>" + "<br>".join(lines) + "</li>"


def _labels(model: Ontwikkelplaats, today: date, lang: str) -> list[tuple[str, str]]:
    # The stale label ("niet gecontroleerd sinds …") is for the site, where an editor can act on it;
    # on paper the example and closed labels are what a resident must know.
    return [label for label in place_labels(model, today, lang) if label[0] != "sk-label-oud"]


def _access(place: Ontwikkelplaats, lang: str) -> str:
    known = [
        f'{esc(t(lang, "access_" + name))}: {esc(t(lang, "answer_" + value))}'
        for name in ("rolstoel", "rollator", "toilet", "gehoorlus")
        if (value := getattr(place.toegankelijkheid, name)) != "onbekend"
    ]
    note, _ = text_in(place.toegankelijkheid.toelichting, lang)
    if note:
        known.append(esc(note))
    return " · ".join(known)


def _contact(place: Ontwikkelplaats, lang: str) -> str:
    c = place.contact
    items = []
    if c.telefoon:
        items.append(f'{esc(t(lang, "phone"))}: {_ltr(c.telefoon)}')
    if c.email:
        items.append(_ltr(c.email))
    if c.website:
        items.append(_ltr(_short_url(c.website)))
    return " · ".join(items)


def _footer(url: str, lang: str) -> str:
    current = esc(t(lang, "flyer.current_info", url="@@url@@")).replace("@@url@@", _ltr(url))
    return f'<footer class="foot"><p>{esc(t(lang, "flyer.made_on", date=_MADE_ON))} {current}</p></footer>'


def _text(tekst: Tekst | None, lang: str) -> str:
    """Content text in ``lang``, or the Dutch text marked as Dutch (hyphenation, screen readers)."""
    text, fallback = text_in(tekst, lang)
    return f'<span lang="nl">{esc(text)}</span>' if fallback else esc(text)


def _ltr(text: str) -> str:
    """Numbers, addresses and times keep their order inside right-to-left text."""
    return f'<span class="ltr" dir="ltr">{esc(text)}</span>'


def _number(n: int) -> str:
    return f'<span class="num">{n}</span>'


def _short_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day_and_date(day: date, lang: str) -> str:
    return f"{weekday_name(day.weekday(), lang)} {long_date(day, lang)}"


# --- the map and the QR code ------------------------------------------------------------------


def map_svg(site: SiteContext, slug: str, places: list[FlyerPlace], credit: str = "") -> str:
    """A small printable map: streets (thin grey), the buurt boundary (thick black), numbered places.

    Coordinates are projected to local metres (``generator.walk.project``) and scaled to
    millimetres, so line widths and circles are the same size on every flyer.
    """
    from generator.walk import project

    info, kaart = site.enriched.buurt_info(slug), getattr(site.enriched, "kaart", None)
    geo = kaart.per_code(info.code) if kaart is not None and info is not None else None
    if geo is None:
        return ""
    rings = [np.asarray(r.coords) for r in (geo.vorm.exterior, *geo.vorm.interiors)]
    rings_xy = [project(r[:, 1], r[:, 0]) for r in rings]
    points = [(p.number, site.enriched.place_point(p.entry.slug)) for p in places]
    points_xy = [(n, project(*pt)) for n, pt in points if pt is not None]
    frame = _frame(np.vstack([*rings_xy, *[xy[None, :] for _, xy in points_xy]]))
    scale = MAP_WIDTH_MM / (frame[2] - frame[0])
    height = (frame[3] - frame[1]) * scale
    streets = _streets_path(site.content.root, frame)
    parts = [f'<path d="{streets}" stroke="#8c8c8c" stroke-width="0.3" fill="none" stroke-linecap="round" stroke-linejoin="round"/>']
    outline = "".join("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in _to_mm(xy, frame)) + "Z" for xy in rings_xy)
    parts.append(f'<path d="{outline}" stroke="#000" stroke-width="0.9" fill="none" stroke-linejoin="round"/>')
    parts += _markers([(n, _to_mm(xy[None, :], frame)[0]) for n, xy in points_xy])
    parts.append(_scale_bar(scale))
    if credit:
        parts.append(_credit(credit, height))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{MAP_WIDTH_MM:.1f}mm" height="{height:.1f}mm" '
        f'viewBox="0 0 {MAP_WIDTH_MM:.1f} {height:.1f}" font-family="Noto Sans, DejaVu Sans, sans-serif">'
        f'<rect width="100%" height="100%" fill="#fff" stroke="#000" stroke-width="0.3"/>{"".join(parts)}</svg>'
    )


def _frame(xy: np.ndarray) -> tuple[float, float, float, float]:
    """The map's extent in metres: everything plus a margin, widened to a height/width between 0.6 and 0.95."""
    minx, miny = xy.min(axis=0) - MAP_MARGIN_M
    maxx, maxy = xy.max(axis=0) + MAP_MARGIN_M
    width, height = maxx - minx, maxy - miny
    if height / width > 0.95:
        grow = (height / 0.95 - width) / 2
        minx, maxx = minx - grow, maxx + grow
    elif height / width < 0.6:
        grow = (width * 0.6 - height) / 2
        miny, maxy = miny - grow, maxy + grow
    return float(minx), float(miny), float(maxx), float(maxy)


def _to_mm(xy: np.ndarray, frame: tuple[float, float, float, float]) -> np.ndarray:
    """Local metres to millimetres on the map, y downwards."""
    scale = MAP_WIDTH_MM / (frame[2] - frame[0])
    return np.column_stack([(xy[..., 0] - frame[0]) * scale, (frame[3] - xy[..., 1]) * scale])


@lru_cache(maxsize=64)
def _streets_path(content_root: Path, frame: tuple[float, float, float, float]) -> str:
    """The streets in the frame as one SVG path (the same for the six languages of a buurt, so cached).

    Segments are chained into polylines through nodes where a street just bends: WeasyPrint's SVG
    path parser is the slowest part of a render, and this halves the number of commands.
    """
    xy, start, end = _street_segments(content_root)
    minx, miny, maxx, maxy = frame
    inside = (xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
    keep = inside[start] | inside[end]  # a street leaving the frame is cut at its edge by the viewBox
    mm = {}
    for node, point in zip(*_unique_nodes(start[keep], end[keep], xy, frame)):
        mm[node] = f"{point[0]:.1f} {point[1]:.1f}"
    return "".join("M" + "L".join(mm[n] for n in line) for line in _polylines(start[keep].tolist(), end[keep].tolist()))


def _unique_nodes(start: np.ndarray, end: np.ndarray, xy: np.ndarray, frame) -> tuple[list[int], list]:
    nodes = np.unique(np.concatenate([start, end]))
    return nodes.tolist(), _to_mm(xy[nodes], frame).tolist()


def _polylines(start: list[int], end: list[int]) -> list[list[int]]:
    """Edges chained into node sequences that pass through nodes of degree 2."""
    neighbours: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for edge, (a, b) in enumerate(zip(start, end)):
        neighbours[a].append((edge, b))
        neighbours[b].append((edge, a))
    used = [False] * len(start)
    lines = []
    ends = [n for n, links in neighbours.items() if len(links) != 2]
    for first in ends + list(neighbours):  # ends first; what is left are closed loops
        for edge, nxt in neighbours[first]:
            if used[edge]:
                continue
            used[edge], line = True, [first, nxt]
            while len(neighbours[nxt]) == 2:
                edge, nxt = next(((e, m) for e, m in neighbours[nxt] if not used[e]), (None, None))
                if edge is None:
                    break
                used[edge] = True
                line.append(nxt)
            lines.append(line)
    return lines


@lru_cache(maxsize=2)
def _street_segments(content_root: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Street nodes in local metres and each street segment once (the matrix is symmetric)."""
    from scipy.sparse import triu

    from generator.enrich import geo_dir_for, load_graph
    from generator.walk import project

    graph = load_graph(geo_dir_for(content_root))
    upper = triu(graph.matrix, k=1).tocoo()
    return project(graph.lat, graph.lon), upper.row.astype(np.int64), upper.col.astype(np.int64)


def _markers(numbered: list[tuple[int, np.ndarray]]) -> list[str]:
    """Numbered black circles; a circle that would cover an earlier one is nudged aside."""
    radius, placed, out = 2.6, [], []
    for number, (x, y) in numbered:
        while any((x - px) ** 2 + (y - py) ** 2 < (1.9 * radius) ** 2 for px, py in placed):
            x += 1.9 * radius
        placed.append((x, y))
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="#000" stroke="#fff" stroke-width="0.5"/>'
            f'<text x="{x:.1f}" y="{y + 1.2:.1f}" font-size="3.5" font-weight="bold" fill="#fff" text-anchor="middle">{number}</text>'
        )
    return out


def _scale_bar(scale: float) -> str:
    """A scale bar in the top left corner (the credit takes the bottom)."""
    metres = 100 if MAP_WIDTH_MM / scale < 1500 else 500
    length, y = metres * scale, 5.5
    return (
        f'<rect x="2" y="{y - 4.2:.1f}" width="{length + 10:.1f}" height="6" fill="#fff" opacity="0.85"/>'
        f'<path d="M3 {y - 1.2:.1f}V{y:.1f}H{3 + length:.1f}V{y - 1.2:.1f}" stroke="#000" stroke-width="0.4" fill="none"/>'
        f'<text x="{4 + length:.1f}" y="{y:.1f}" font-size="2.8" fill="#000">{metres} m</text>'
    )


def _credit(text: str, height: float) -> str:
    width = min(MAP_WIDTH_MM - 2, len(text) * 1.45 + 2)  # about 0.55 em a character, on a white band
    return (
        f'<rect x="{MAP_WIDTH_MM - width - 0.3:.1f}" y="{height - 4.6:.1f}" width="{width:.1f}" height="4.3" fill="#fff"/>'
        f'<text x="{MAP_WIDTH_MM - 1.3:.1f}" y="{height - 1.5:.1f}" font-size="2.6" text-anchor="end" fill="#000">{esc(text)}</text>'
    )


def qr_data_uri(url: str) -> str:
    import segno

    return _data_uri(segno.make(url, error="m", micro=False).svg_inline(scale=1, border=4))


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


# --- PDF, cache and the renderer --------------------------------------------------------------------


def content_hash(html: str) -> str:
    return hashlib.sha256(f"{FLYER_VERSION}\0{html}".encode("utf-8")).hexdigest()


def finished(html: str, url: str, made_on: str) -> str:
    """The flyer HTML with the QR code of ``url`` and the date it is made filled in."""
    return html.replace(_QR, qr_data_uri(url)).replace(_MADE_ON, made_on)


def html_to_pdf(html: str) -> bytes:
    """One flyer PDF (runs in a worker process). Fonts come from fontconfig and are embedded as subsets."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def default_cache_dir(site: SiteContext) -> Path:
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    return site.content.root.parent / ".cache" / FLYER_FOLDER


@dataclass
class FlyerStats:
    flyers: int = 0
    rendered: int = 0


def render_flyers(
    site: SiteContext,
    buurten: Iterable[str] | None = None,
    languages: Iterable[str] | None = None,
    cache_dir: Path | None = None,
    workers: int = WORKERS,
    stats: FlyerStats | None = None,
) -> list[OutputFile]:
    """The flyer PDFs (``flyers/<slug>.<lang>.pdf``); only flyers whose content changed are rendered."""
    cache = cache_dir or default_cache_dir(site)
    cache.mkdir(parents=True, exist_ok=True)
    made_on = {lang: long_date(site.today, lang) for lang in site.config.languages}
    jobs: dict[str, str] = {}  # hash -> finished HTML
    wanted: list[tuple[str, str]] = []  # (output path, hash)
    for slug in buurten or site.content.buurten:
        for lang in languages or site.config.languages:
            html = flyer_html(site, slug, lang)
            key = content_hash(html)
            wanted.append((flyer_href(slug, lang), key))
            if key not in jobs and not (cache / f"{key}.pdf").exists():
                jobs[key] = finished(html, buurt_page_url(site, slug, lang), made_on[lang])
    for key, pdf in zip(jobs, _render_all(list(jobs.values()), workers)):
        _write_atomic(cache / f"{key}.pdf", pdf)
    if stats is not None:
        stats.flyers, stats.rendered = len(wanted), len(jobs)
    return [OutputFile(path, (cache / f"{key}.pdf").read_bytes()) for path, key in wanted]


def _render_all(documents: list[str], workers: int) -> Iterable[bytes]:
    if len(documents) <= 1 or workers <= 1:
        return map(html_to_pdf, documents)
    # Forking a process that runs other threads (the MkDocs hook inside `mkdocs serve`) can copy a
    # held lock into the children; start fresh interpreters then. The command line forks (faster).
    context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(documents)), mp_context=context) as pool:
        return list(pool.map(html_to_pdf, documents, chunksize=4))


def _write_atomic(path: Path, data: bytes) -> None:
    # Two builds may share the cache; a half-written PDF must never be taken for a finished one.
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)


FLYER_CSS = """
@page { size: A4; margin: 12mm 12mm 22mm 12mm;
  @bottom-left { content: element(foot); vertical-align: top; width: 170mm; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 12pt "Noto Sans", sans-serif; vertical-align: top; width: 16mm; } }
html { font-family: "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif; font-size: 12.5pt; line-height: 1.28;
  color: #000; background: #fff; }
html[lang="ar"] { font-family: "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.4; }
body { margin: 0; }  /* a long word (a pasted web address) wraps, never runs off the page */
h1 { font-size: 30pt; line-height: 1.1; margin: 0 0 2mm; font-weight: bold; }
h2 { font-size: 20pt; margin: 4mm 0 1.5mm; font-weight: bold; border-bottom: 0.6mm solid #000; break-after: avoid; }
h3 { font-size: 16pt; margin: 3mm 0 1mm; }
p { margin: 0 0 1.5mm; }
table.top { width: 100%; border-collapse: collapse; }
table.top td { vertical-align: top; padding: 0; }
td.scan { width: 40mm; text-align: center; }
img.qr { width: 36mm; height: 36mm; }
.small { font-size: 12pt; line-height: 1.15; }
p.ask { margin-top: 2mm; }
.intro { margin-bottom: 1mm; }
.lead { font-size: 14pt; }
table.week { width: 100%; border-collapse: collapse; }
tbody.day { break-inside: avoid; }
table.week th { text-align: start; font-size: 14pt; padding: 2mm 0 0.5mm; border-bottom: 0.3mm solid #000; }
table.week td { vertical-align: top; padding: 1mm 0 0.8mm; border-bottom: 0.2mm solid #999; }
td.time { width: 32mm; white-space: nowrap; font-weight: bold; }
td.where { width: 10mm; text-align: end; }
.detail { font-size: 12pt; }
.num { display: inline-block; min-width: 6.2mm; height: 6.2mm; line-height: 6.2mm; border-radius: 3.1mm; background: #000;
  color: #fff; text-align: center; font-weight: bold; font-size: 12pt; }
.label { border: 0.4mm solid #000; padding: 0 1mm; font-size: 12pt; white-space: nowrap; }
ol.places { list-style: none; margin: 0; padding: 0; }
ol.places li { margin: 0 0 2.5mm; break-inside: avoid; }
table.placemap { width: 100%; border-collapse: collapse; }
table.placemap th { text-align: start; padding: 0; font-weight: normal; }
table.placemap td { vertical-align: top; padding: 0; }
td.mapcell { width: 74mm; padding-inline-start: 3mm; }
img.map { width: 72mm; display: block; }
.ltr { direction: ltr; }
footer.foot { position: running(foot); font-size: 12pt; line-height: 1.25; }
footer.foot p { margin: 0; }
"""


# --- command line: python -m generator flyers ------------------------------------------------------


def site_config_from_mkdocs(path: Path) -> SiteConfig:
    """site_url and the repository from mkdocs.yml, as the MkDocs hook passes them (defaults without the file)."""
    import yaml

    if not path.exists():
        return SiteConfig()

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml has !!python/name: tags
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    extra = (config.get("extra") or {}).get("sociale_kaart") or {}
    defaults = SiteConfig()
    return SiteConfig(
        repo_url=str(extra.get("repo", defaults.repo_url)).rstrip("/"),
        branch=str(extra.get("branch", defaults.branch)),
        site_url=str(config.get("site_url") or defaults.site_url),
    )


def run_flyers(args) -> int:
    """Write the flyers into ``docs/flyers/``; only PDFs whose bytes changed are written."""
    import sys
    import time as clock

    from generator.build import ContentError, prepare
    from generator.site import write_changed

    if not args.content.is_dir():
        print(f"fout: bestaat niet: {args.content}", file=sys.stderr)
        return 2
    started = clock.perf_counter()
    config = site_config_from_mkdocs(args.mkdocs)
    try:
        site, _ = prepare(args.content, config, args.today or date.today())
    except ContentError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    if unknown := sorted(set(args.buurt or []) - set(site.content.buurten)):
        print(f"fout: onbekende buurt: {', '.join(unknown)} (de naam van een bestand in {args.content / 'buurten'}, zonder .yml)", file=sys.stderr)
        return 2
    stats = FlyerStats()
    files = render_flyers(site, args.buurt, args.lang, cache_dir=args.cache, workers=args.workers, stats=stats)
    out = [OutputFile(f.path.removeprefix(FLYER_FOLDER + "/"), f.content) for f in files]
    if args.buurt or args.lang:
        written = _write_changed_only(out, args.output)  # a partial run must not remove the other flyers
    else:
        written = write_changed(out, args.output)
    seconds = clock.perf_counter() - started
    print(f"flyers: {stats.flyers} in {args.output}, {stats.rendered} nieuw gemaakt, {stats.flyers - stats.rendered} uit de cache, "
          f"{written} bestanden gewijzigd ({seconds:.1f} s)")
    return 0


def _write_changed_only(files: list[OutputFile], folder: Path) -> int:
    written = 0
    for output in files:
        target = folder / output.path
        if target.exists() and target.read_bytes() == output.content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.content)  # type: ignore[arg-type]
        written += 1
    return written
