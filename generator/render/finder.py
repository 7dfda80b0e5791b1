"""The finder page ("Wat is er bij mij in de buurt?") and the walking-time filter of buurt pages.

The finder starts from a buurt, an address (PDOK Locatieserver, called from the browser), the
visitor's own location (never sent anywhere) or a tap on the map. Walking metres come from
``generator.walkgrid`` (a precomputed grid of exact network distances, see that module for why)
and, for a buurt start, from the exact buurt table the buurt pages use. ``vinder.js`` does the
rest in the browser; without JavaScript the page says where the same list is (the buurt pages).
"""

from __future__ import annotations

import json

from shapely import contains_xy
from shapely.ops import unary_union

from generator.enrich import geo_dir_for, load_graph
from generator.i18n import t
from generator.languages import language_name
from generator.models import DAGEN, THEMAS
from generator.render.agenda import Listing, data_attributes, listings
from generator.render.common import asset_href, esc, front_matter, href, md_text
from generator.render.pages import activity_html, address_line, minutes_text, place_link
from generator.schedule import weekday_name
from generator.site import OutputFile, SiteContext, page_file
from generator.walk import metres_per_minute
from generator.walkgrid import MARGIN_M, REACH_M, GridSpec, WalkGrid, build_walkgrid

FINDER = "vinder/index"
TILE_FOLDER = "assets/gen/vinder/"
# The one run-time request besides map tiles. The page carries it as data-pdok, so a test can
# point the page at a local replay server; nothing else is configurable from outside the build.
PDOK_BASE = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/"
TILE_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
MINUTE_CHOICES = (5, 10, 15, 20)
PACES = ("normaal", "rustig")
JS_STRINGS = (
    "finder_walk_both", "finder_walk_slow_first", "finder_summary", "finder_count_one", "finder_count_many",
    "finder_start_buurt", "finder_start_location", "finder_start_map", "finder_start_address", "finder_choose_first",
    "finder_busy", "finder_none", "finder_outside", "finder_address_none", "finder_address_failed", "finder_offline",
    "finder_location_denied", "finder_location_failed", "finder_location_unsupported", "finder_data_failed",
    "finder_pace_normal", "finder_pace_slow", "finder_tiles_attribution", "finder_at_place",
)


# --- the grid ------------------------------------------------------------------------------------


def finder_places(site: SiteContext) -> dict[str, tuple[float, float]]:
    """Places the finder can show: on the map and not stopped."""
    return {
        slug: point
        for slug, entry in site.content.plaatsen.items()
        if entry.model.status != "gestopt" and (point := site.enriched.place_point(slug)) is not None
    }


def walkgrid_for(site: SiteContext) -> WalkGrid:
    kaart = site.enriched.kaart  # type: ignore[attr-defined]
    municipality = unary_union([b.vorm for b in kaart.buurten])
    south_west_north_east = (municipality.bounds[1], municipality.bounds[0], municipality.bounds[3], municipality.bounds[2])
    graph = load_graph(geo_dir_for(site.content.root))
    return build_walkgrid(graph, lambda lat, lon: contains_xy(municipality, lon, lat), finder_places(site), GridSpec.covering(*south_west_north_east))


def grid_files(grid: WalkGrid) -> list[OutputFile]:
    return [OutputFile(f"{TILE_FOLDER}{tx}-{ty}.json", grid.tile_json((tx, ty))) for tx, ty in sorted(grid.tiles)]


def grid_meta(grid: WalkGrid) -> dict:
    # The list of tiles saves a request (and a 404 in the console) for starts where no street is near.
    tiles = [f"{tx}-{ty}" for tx, ty in sorted(grid.tiles)]
    return {**grid.spec.as_json(), "places": grid.slugs, "tiles": tiles, "version": grid.version}


# --- the finder page -----------------------------------------------------------------------------


def buurt_metres(site: SiteContext, buurt_slug: str) -> str:
    """Exact walking metres from the buurt point, "slug:metres slug:metres", as far as the grid reaches."""
    table = site.enriched.metres_from_buurt.get(buurt_slug, {})  # type: ignore[attr-defined]
    return " ".join(f"{slug}:{round(m)}" for slug, m in sorted(table.items()) if m <= REACH_M + MARGIN_M)


def start_controls(site: SiteContext, lang: str) -> str:
    buurten = sorted(site.content.buurten.items(), key=lambda item: item[1].model.naam)
    options = f'<option value="">{esc(t(lang, "finder_buurt_choose"))}</option>' + "".join(
        f'<option value="{esc(slug)}" data-m="{esc(buurt_metres(site, slug))}">{esc(entry.model.naam)}</option>'
        for slug, entry in buurten
        if site.enriched.buurt_info(slug) is not None
    )
    return (
        f'<h2 id="sk-vinder-start">{esc(t(lang, "finder_step_start"))}</h2>'
        f'<form class="sk-vinder-row" data-vinder-buurt><label for="sk-vinder-buurt">{esc(t(lang, "finder_buurt_label"))}</label>'
        f'<select id="sk-vinder-buurt" name="buurt">{options}</select>'
        f'<button type="submit" class="md-button">{esc(t(lang, "finder_show"))}</button></form>'
        f'<form class="sk-vinder-row" data-vinder-adres role="search"><label for="sk-vinder-adres">{esc(t(lang, "finder_address_label"))}</label>'
        f'<input id="sk-vinder-adres" name="adres" type="search" autocomplete="street-address" aria-describedby="sk-vinder-adres-hint">'
        f'<button type="submit" class="md-button">{esc(t(lang, "finder_search"))}</button>'
        f'<small id="sk-vinder-adres-hint">{esc(t(lang, "finder_address_hint"))}</small></form>'
        f'<div data-vinder-suggesties hidden><p>{esc(t(lang, "finder_suggestions"))}</p><ul class="sk-vinder-suggesties"></ul></div>'
        f'<p><button type="button" class="md-button" data-vinder-locatie>{esc(t(lang, "finder_location"))}</button></p>'
        f'<p class="sk-vinder-maphint" data-vinder-maphint hidden>{esc(t(lang, "finder_map_hint"))}</p>'
        f'<p class="sk-vinder-melding" data-vinder-melding role="status" aria-live="polite"></p>'
        f'<p class="sk-vinder-privacy"><small>{esc(t(lang, "finder_privacy"))}</small></p>'
    )


def radio_group(name: str, legend: str, options: list[tuple[str, str]], checked: str) -> str:
    radios = "".join(
        f'<label class="sk-choice"><input type="radio" name="{name}" value="{esc(value)}"{" checked" if value == checked else ""}> {esc(text)}</label>'
        for value, text in options
    )
    return f'<fieldset class="sk-choices"><legend>{esc(legend)}</legend>{radios}</fieldset>'


def walk_controls(lang: str, minutes: int = 15) -> str:
    return radio_group("tempo", t(lang, "finder_pace"), [("normaal", t(lang, "finder_pace_normal")), ("rustig", t(lang, "finder_pace_slow"))], "normaal") + radio_group(
        "min", t(lang, "finder_max"), [(str(n), t(lang, "walkfilter_minutes_option", n=n)) for n in MINUTE_CHOICES], str(minutes)
    )


def select(name: str, label: str, options: list[tuple[str, str]], lang: str) -> str:
    opts = f'<option value="">{esc(t(lang, "filter_all"))}</option>' + "".join(f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in options)
    return f'<label>{esc(label)} <select name="{name}">{opts}</select></label>'


def filter_controls(items: list[Listing], lang: str) -> str:
    langs = sorted({code for item in items for code in item.languages})
    return (
        f'<fieldset class="sk-filters sk-vinder-filters"><legend>{esc(t(lang, "finder_more_filters"))}</legend>'
        + select("dag", t(lang, "filter_day"), [(d, weekday_name(i, lang)) for i, d in enumerate(DAGEN)], lang)
        + select("thema", t(lang, "filter_theme"), [(th, t(lang, "theme_" + th)) for th in THEMAS], lang)
        + select("taal", t(lang, "filter_language"), [(code, language_name(code, lang)) for code in langs], lang)
        + select("toegankelijk", t(lang, "filter_access"), [("rolstoel", t(lang, "access_rolstoel")), ("rollator", t(lang, "access_rollator"))], lang)
        + "</fieldset>"
    )


def result_item(site: SiteContext, item: Listing, lang: str) -> str:
    point = site.enriched.place_point(item.entry.slug)
    where = f' data-lat="{point[0]:.6f}" data-lon="{point[1]:.6f}"' if point else ""
    return (
        f'<li class="sk-act" data-plek="{esc(item.entry.slug)}" data-naam="{esc(item.entry.model.naam)}"{where} {data_attributes(item)} hidden>'
        f'<p class="sk-vinder-walk" data-vinder-min></p>{activity_html(item.activity, lang)}<br>'
        f"{place_link(site, FINDER, item.entry, lang)}<br><small>{esc(address_line(item.entry.model))}</small></li>"
    )


def finder_body(site: SiteContext, lang: str, grid: WalkGrid) -> str:
    items = [item for item in listings(site) if item.entry.slug in set(grid.slugs)]
    # The page's script says minutes exactly as the server does (CLDR's short unit, via Babel).
    strings = {key: t(lang, key) for key in JS_STRINGS} | {"minutes": minutes_text(999, lang).replace("999", "{n}")}
    attrs = {
        "data-vinder": "",
        "data-grid": json.dumps(grid_meta(grid), separators=(",", ":")),
        "data-tiles": asset_href(FINDER, lang, TILE_FOLDER),
        "data-pdok": PDOK_BASE,
        "data-tile-url": TILE_URL,
        "data-strings": json.dumps(strings, ensure_ascii=False, separators=(",", ":")),
        "data-mpm": json.dumps({pace: metres_per_minute(pace) for pace in PACES}),
    }
    attr_text = " ".join(f'{key}="{esc(value)}"' for key, value in attrs.items())
    results = "".join(result_item(site, item, lang) for item in items)
    return (
        f'<noscript><p class="sk-vinder-noscript">{esc(t(lang, "finder_noscript"))} '
        f'<a href="{href(FINDER, "index")}">{esc(t(lang, "finder_noscript_link"))}</a></p></noscript>'
        f'<div class="sk-vinder" {attr_text} hidden>'
        f'<section class="sk-vinder-start" aria-labelledby="sk-vinder-start">{start_controls(site, lang)}</section>'
        f'<div class="sk-vinder-map" data-vinder-kaart role="region" aria-label="{esc(t(lang, "finder_map_label"))}"></div>'
        f'<form class="sk-vinder-walkform" data-vinder-filters aria-labelledby="sk-vinder-walk"><h2 id="sk-vinder-walk">{esc(t(lang, "finder_step_walk"))}</h2>'
        f"{walk_controls(lang)}{filter_controls(items, lang)}</form>"
        f'<section class="sk-vinder-results" aria-labelledby="sk-vinder-results" data-vinder-results hidden>'
        f'<h2 id="sk-vinder-results">{esc(t(lang, "finder_results"))}</h2>'
        f'<p class="sk-vinder-summary" data-vinder-summary aria-live="polite"></p>'
        f'<p class="sk-vinder-printbutton"><button type="button" class="md-button" data-vinder-print>{esc(t(lang, "finder_print"))}</button></p>'
        f'<ol class="sk-vinder-list" data-vinder-lijst>{results}</ol>'
        f'<p class="sk-vinder-printnote">{esc(t(lang, "finder_printed_note"))}</p></section>'
        f"</div>"
    )


def page_assets(page_path: str, lang: str, leaflet: bool) -> str:
    """Per-page CSS and scripts, so other pages stay light."""
    css = [asset_href(page_path, lang, "assets/css/vinder.css")]
    js = [asset_href(page_path, lang, "assets/js/vinder.js")]
    if leaflet:
        css.insert(0, asset_href(page_path, lang, "assets/vendor/leaflet/leaflet.css"))
        js.insert(0, asset_href(page_path, lang, "assets/vendor/leaflet/leaflet.js"))
    return "".join(f'<link rel="stylesheet" href="{esc(c)}">' for c in css) + "".join(f'<script src="{esc(j)}" defer></script>' for j in js)


def render_finder_page(site: SiteContext, lang: str, grid: WalkGrid) -> OutputFile:
    title = t(lang, "finder_title")
    out = [front_matter(title, description=t(lang, "finder_description")), f"# {md_text(title)}\n\n"]
    out.append(f'<p class="sk-lead" markdown="0">{esc(t(lang, "finder_intro"))}</p>\n\n')
    out.append(f'<div markdown="0">{finder_body(site, lang, grid)}{page_assets(FINDER, lang, leaflet=True)}</div>\n')
    return OutputFile(page_file(FINDER, lang), "".join(out))


def render_finder(site: SiteContext) -> list[OutputFile]:
    grid = walkgrid_for(site)
    return grid_files(grid) + [render_finder_page(site, lang, grid) for lang in site.config.languages]


# --- the walking-time filter on a buurt page -------------------------------------------------------


def band_of(minutes: float) -> int:
    """The upper bound of the 5-minute band a walk falls in (5, 10, 15 or 20)."""
    shown = max(1, round(minutes))
    return min(MINUTE_CHOICES, key=lambda high: (shown > high, high))


def band_heading(high: int, lang: str) -> str:
    return t(lang, "walkfilter_band_first") if high == MINUTE_CHOICES[0] else t(lang, "walkfilter_band", low=high - 5, high=high)


def walk_filter_html(site: SiteContext, buurt_slug: str, lang: str, page_path: str) -> str:
    """Places and their activities by walking time from the buurt point, in 5-minute bands.

    Without JavaScript: the complete list to 20 minutes (normal pace) with minutes at both paces.
    With ``vinder.js``: a pace switch and a 5/10/15/20-minute choice regroup and hide items.
    """
    found = []
    for slug, entry in site.content.plaatsen.items():
        normal = site.enriched.minutes_from_buurt(buurt_slug, slug, "normaal")
        if entry.model.status != "gestopt" and normal is not None and round(normal) <= MINUTE_CHOICES[-1]:
            found.append((normal, site.enriched.minutes_from_buurt(buurt_slug, slug, "rustig"), entry))
    found.sort(key=lambda row: (row[0], row[2].model.naam))
    groups = []
    for high in MINUTE_CHOICES:
        rows = "".join(walk_item(site, entry, normal, slow, lang, page_path) for normal, slow, entry in found if band_of(normal) == high)
        groups.append(
            f'<div class="sk-walk-band" data-band="{high}"{"" if rows else " hidden"}><h3>{esc(band_heading(high, lang))}</h3>'
            f'<ul class="sk-walk-list">{rows}</ul></div>'
        )
    controls = f'<form class="sk-walk-controls" data-walk-controls hidden>{walk_controls(lang, MINUTE_CHOICES[-1])}</form>'
    empty = f'<p class="sk-walk-none" data-walk-none{"" if not found else " hidden"}>{esc(t(lang, "walkfilter_none", n=MINUTE_CHOICES[-1]))}</p>'
    return (
        f'<div class="sk-walk" data-walk-filter data-template="{esc(t(lang, "walkfilter_none", n="{n}"))}">'
        f'<p>{esc(t(lang, "walkfilter_intro"))}</p>{controls}'
        f'<p class="sk-walk-nojs" data-walk-nojs><small>{esc(t(lang, "walkfilter_nojs_note"))}</small></p>'
        f'{"".join(groups)}{empty}</div>{page_assets(page_path, lang, leaflet=False)}'
    )


def walk_item(site: SiteContext, entry, normal: float, slow: float | None, lang: str, page_path: str) -> str:  # type: ignore[no-untyped-def]
    slow = slow if slow is not None else normal * metres_per_minute("normaal") / metres_per_minute("rustig")
    acts = "".join(
        f"<li>{activity_summary(activity, lang)}</li>" for activity in entry.model.activiteiten
    )
    acts_list = f'<ul class="sk-walk-acts">{acts}</ul>' if acts else ""
    walk = t(lang, "finder_walk_both", normal=minutes_text(normal, lang), slow=minutes_text(slow, lang))
    return (
        f'<li data-minutes-normaal="{normal:.1f}" data-minutes-rustig="{slow:.1f}">'
        f'<span class="sk-walk-min">{esc(walk)}</span><br>{place_link(site, page_path, entry, lang)}'
        f"{acts_list}</li>"
    )


def activity_summary(activity, lang: str) -> str:  # type: ignore[no-untyped-def]
    from generator.render.common import text_html
    from generator.schedule import describe

    when = "; ".join(esc(describe(w, lang)) for w in activity.wanneer)
    return f'<strong>{text_html(activity.naam, lang)}</strong> — <span class="sk-when">{when}</span>'
