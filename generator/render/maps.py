"""Maps: the city map page, and map blocks for buurt and place pages.

folium builds each map (tile layer, GeoJSON layers, tooltips, popups, layer control); this module
keeps only what the page needs: the map's ``<div>`` and folium's generated ``<script>`` body.
folium's default CDN assets (Leaflet, jQuery, Bootstrap, Font Awesome, awesome-markers) are
switched off per map (``default_js``/``default_css`` set to empty lists on the instance, which is
what folium's ``JSCSSMixin.render`` reads); Leaflet is served from ``docs/assets/vendor/leaflet/``
and linked per page with a relative path, so the site also works under a sub-path.

The map is an extra: every place on a map is also in a list on the same page, with the same
distinctions written out (labels). Markers are ``L.marker`` with a CSS-only ``L.divIcon``:
Leaflet makes those focusable (``tabindex=0``, ``role=button``) and opens their popup on Enter;
a small script moves focus into an opened popup and back to the marker when it closes.

Safety: content strings are HTML-escaped here, before they go into GeoJSON properties, because
folium's ``GeoJsonTooltip``/``GeoJsonPopup`` put property values into ``innerHTML`` as they are.
folium's ``tojson`` writes ``<`` as ``\\u003c`` in embedded data; ``script_body`` refuses any
``</script`` or ``<!--`` in the final script as a last line of defence. ``esc`` here also writes
``{`` and ``}`` as character references: branca compiles each rendered script as a Jinja template
again, so ``{{ … }}`` in content would otherwise run at build time.

Colours (``THEME_COLOURS``): one per theme, all with a contrast of at least 4.5:1 against white
(the pin's ring and the page background), so a pin stays visible on the light PDOK basemap. The
colour of a place is its first theme (editors put the main theme first); the city map has one
layer per first theme. Colour is never the only signal: examples are hollow with a dashed ring,
closed, stopped and long-unchecked places are grey and crossed, places near (not in) a buurt are
smaller squares, and the list beside the map writes all of that out as text.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import re
from collections.abc import Iterable
from dataclasses import dataclass

import folium
import jinja2
import xyzservices
import shapely
from folium.template import Template
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from shapely.geometry import Point, Polygon, mapping

from generator.content import Entry
from generator.geo import BuurtGeo, BuurtKaart
from generator.i18n import RTL_LANGUAGES, t
from generator.models import Ontwikkelplaats
from generator.render.common import asset_href, esc as html_esc, front_matter, href, is_stale, md_text, place_labels
from generator.render.common import nearby as common_nearby  # `nearby` is a parameter name here
from generator.site import OutputFile, SiteContext, page_file


def esc(text: object) -> str:
    """HTML-escaped, with ``{`` and ``}`` as character references: branca compiles each element's
    rendered script as a Jinja template once more (``Element(script(...))``), so a ``{{ … }}`` or
    ``{% … %}`` in content would be evaluated at build time (a failed build, or worse)."""
    return html_esc(text).replace("{", "&#123;").replace("}", "&#125;")

# --- configuration --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TileSource:
    url: str
    attribution: str  # HTML, our own constant (Leaflet shows it as markup)
    max_zoom: int


TILE_SOURCES: dict[str, TileSource] = {
    # Kadaster's BRT-Achtergrondkaart via PDOK: free, no key; PDOK asks for "Kadaster" as source.
    "pdok": TileSource(
        url="https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
        attribution='&copy; <a href="https://www.kadaster.nl/">Kadaster</a> / <a href="https://www.pdok.nl/">PDOK</a> (BRT-Achtergrondkaart)',
        max_zoom=19,
    ),
    # OpenStreetMap's standard tiles (tile usage policy: attribution with a link to the copyright page).
    "osm": TileSource(
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        max_zoom=19,
    ),
}
TILES = "pdok"  # the switch: "pdok" (default) or "osm"; every map function also takes ``tiles=``
TILE_HOSTS = {"service.pdok.nl", "tile.openstreetmap.org"}

BOUNDARY_SOURCE = '<a href="https://data.eindhoven.nl/">Gemeente Eindhoven</a>, CBS/Kadaster'
LEAFLET_JS = "assets/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "assets/vendor/leaflet/leaflet.css"
MAPS_CSS = "assets/css/maps.css"

# Douglas-Peucker tolerances in degrees (0.0001° is 7 m east-west, 11 m north-south here).
CITY_TOLERANCE = 0.0002  # city map, zoom 12-13: about one screen pixel
BUURT_TOLERANCE = 0.00005  # buurt and place maps, zoom 15-17
DECIMALS = 5  # 1 m; more is noise at any zoom the maps allow

THEME_COLOURS: dict[str, str] = {
    "ontmoeting": "#1565c0",  # blue
    "taal": "#c62828",  # red
    "eten": "#b34700",  # burnt orange
    "tuin": "#2e7d32",  # green
    "bewegen": "#00727d",  # teal
    "creatief": "#6a1b9a",  # purple
    "leren": "#283593",  # indigo
    "werk": "#5d4037",  # brown
    "vrijwilligerswerk": "#ad1457",  # magenta
    "hulp": "#5f6b00",  # olive
    "jeugd": "#8a5a00",  # ochre
    "gezondheid": "#00695c",  # dark green-blue
    "digitaal": "#37474f",  # slate
}
INACTIVE_COLOUR = "#6b6b6b"


# --- places on a map ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPlace:
    slug: str
    place: Ontwikkelplaats
    point: tuple[float, float]  # (lat, lon)
    nearby: bool = False  # near the buurt of the page, not in it

    @property
    def theme(self) -> str:
        return self.place.themas[0]


def map_places(site: SiteContext, slugs: Iterable[str], nearby: bool = False) -> list[MapPlace]:
    """The places that have a point, in the order given; places without one stay list-only."""
    found = []
    for slug in slugs:
        point = site.enriched.place_point(slug)
        if point is not None:
            found.append(MapPlace(slug, site.content.plaatsen[slug].model, point, nearby))
    return found


def is_inactive(site: SiteContext, place: Ontwikkelplaats) -> bool:
    return place.status != "actief" or is_stale(place, site.today)


def pin_classes(site: SiteContext, mp: MapPlace) -> str:
    classes = ["sk-pin", f"sk-t-{mp.theme}"]
    if mp.place.voorbeeld:
        classes.append("sk-pin-voorbeeld")
    if is_inactive(site, mp.place):
        classes.append("sk-pin-inactief")
    if mp.nearby:
        classes.append("sk-pin-nearby")
    return " ".join(classes)


def address_text(place: Ontwikkelplaats) -> str:
    a = place.adres
    return f"{a.straat} {a.huisnummer}, {a.postcode} {a.plaats}"


def label_texts(site: SiteContext, place: Ontwikkelplaats, lang: str) -> list[str]:
    return [text for _, text in place_labels(place, site.today, lang)]


def popup_html(site: SiteContext, mp: MapPlace, lang: str, page_path: str | None) -> str:
    """Escaped popup content: the name (a link to the place page unless we are on it), address, labels."""
    name = f"<bdi>{esc(mp.place.naam)}</bdi>"
    title = name if page_path is None else f'<a href="{esc(href(page_path, "plek/" + mp.slug))}">{name}</a>'
    themes = ", ".join(t(lang, "theme_" + theme) for theme in mp.place.themas)
    lines = [f"<strong>{title}</strong>", f"<bdi>{esc(address_text(mp.place))}</bdi>", esc(themes)]
    lines += [f'<span class="sk-popup-label">{esc(text)}</span>' for text in label_texts(site, mp.place, lang)]
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    return f'<div class="sk-popup" dir="{direction}" lang="{lang}">' + "<br>".join(lines) + "</div>"


def pin_name(site: SiteContext, mp: MapPlace, lang: str) -> str:
    """What a screen reader says for a marker and what its tooltip shows (plain text)."""
    parts = [mp.place.naam, t(lang, "theme_" + mp.theme), *label_texts(site, mp.place, lang)]
    if mp.nearby:
        parts.append(t(lang, "map_nearby_short"))
    return " — ".join(parts)


def place_feature(site: SiteContext, mp: MapPlace, lang: str, page_path: str | None) -> dict:
    lat, lon = mp.point
    name = esc(pin_name(site, mp, lang))
    return {
        "type": "Feature",
        "id": mp.slug,
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": {
            "tip": name,
            "popup": popup_html(site, mp, lang, page_path),
        },
    }


def pin_icon(site: SiteContext, mp: MapPlace, lang: str) -> dict[str, str]:
    """DivIcon options of one place, applied per feature through the GeoJson style function.
    The visually hidden name makes it the accessible name of the focusable marker."""
    return {"className": pin_classes(site, mp), "html": f'<span class="sk-sr">{esc(pin_name(site, mp, lang))}</span>'}


def places_layer(site: SiteContext, places: list[MapPlace], lang: str, page_path: str | None, name: str) -> folium.GeoJson:
    collection = {"type": "FeatureCollection", "features": [place_feature(site, mp, lang, page_path) for mp in places]}
    icons = {mp.slug: pin_icon(site, mp, lang) for mp in places}
    size = 20 if any(mp.nearby for mp in places) else 26
    return folium.GeoJson(
        collection,
        name=name,
        marker=folium.Marker(icon=folium.DivIcon(html="", icon_size=(size, size), icon_anchor=(size // 2, size // 2), class_name="sk-pin")),
        style_function=lambda feature: icons[feature["id"]],
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, class_name="sk-tooltip"),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, localize=False, class_name="sk-popup-wrap"),
    )


# --- boundaries -----------------------------------------------------------------------------------


def rounded(geometry: Polygon) -> dict:
    """GeoJSON geometry with coordinates on a 1e-5 degree grid (``set_precision`` keeps it valid)."""
    snapped = shapely.set_precision(geometry, 10**-DECIMALS)
    geo = mapping(snapped)
    rings = [[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring] for ring in geo["coordinates"]]
    return {"type": "Polygon", "coordinates": rings}


def simplified_city(kaart: BuurtKaart, tolerance: float = CITY_TOLERANCE) -> dict[str, Polygon]:
    """All buurt polygons simplified along their shared edges, so neighbours keep one common border.

    Simplifying each polygon on its own opens slivers and overlaps between neighbours (measured:
    0.2 km² of each). Instead the boundary network is cut at the points where three buurten meet,
    each edge simplified once, and the polygons rebuilt. If that ever fails to give back one
    polygon per buurt, it falls back to per-polygon simplification.
    """
    shapes = [shapely.set_precision(b.vorm, 1e-6) for b in kaart.buurten]
    edges = shapely.line_merge(shapely.node(shapely.union_all([s.boundary for s in shapes])))
    simple_edges = [edge.simplify(tolerance, preserve_topology=True) for edge in shapely.get_parts(edges)]
    faces = list(shapely.get_parts(shapely.polygonize(simple_edges)))
    tree = shapely.STRtree(faces)
    result = {}
    for buurt in kaart.buurten:
        hits = tree.query(Point(buurt.punt[1], buurt.punt[0]), predicate="within")
        if len(hits) != 1 or not faces[hits[0]].is_valid:
            return {b.code: b.vorm.simplify(tolerance, preserve_topology=True) for b in kaart.buurten}
        result[buurt.code] = faces[hits[0]]
    if len({id(face) for face in result.values()}) != len(result):
        return {b.code: b.vorm.simplify(tolerance, preserve_topology=True) for b in kaart.buurten}
    return result


def buurt_feature(site: SiteContext, buurt: BuurtGeo, shape: Polygon, lang: str, page_path: str | None) -> dict:
    tip = esc(f"{buurt.naam} ({buurt.wijk})")
    props: dict[str, str] = {"tip": tip}
    if page_path is not None and buurt.slug in site.content.buurten:
        link = href(page_path, "buurt/" + buurt.slug)
        props["popup"] = f'<div class="sk-popup"><a href="{esc(link)}"><bdi>{esc(buurt.naam)}</bdi></a> ({esc(buurt.wijk)})</div>'
    else:
        props["popup"] = f'<div class="sk-popup"><bdi>{esc(buurt.naam)}</bdi> ({esc(buurt.wijk)})</div>'
    return {"type": "Feature", "id": buurt.code, "geometry": rounded(shape), "properties": props}


BOUNDARY_STYLE = {"color": "#2b4a2f", "weight": 1.5, "opacity": 0.8, "fillColor": "#2e7d32", "fillOpacity": 0.04}
OWN_BOUNDARY_STYLE = {"color": "#1b5e20", "weight": 4, "opacity": 0.9, "fillColor": "#2e7d32", "fillOpacity": 0.08, "dashArray": None}


def city_boundaries_layer(site: SiteContext, lang: str, page_path: str) -> folium.GeoJson:
    kaart = site.enriched.kaart
    shapes = simplified_city(kaart)
    features = [buurt_feature(site, b, shapes[b.code], lang, page_path) for b in kaart.buurten]
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=t(lang, "map_layer_buurten"),
        style_function=lambda _: BOUNDARY_STYLE,
        highlight_function=lambda _: {"weight": 3, "fillOpacity": 0.12},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, class_name="sk-tooltip"),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, localize=False, class_name="sk-popup-wrap"),
    )


def own_boundary_layer(buurt: BuurtGeo, lang: str) -> folium.GeoJson:
    shape = buurt.vorm.simplify(BUURT_TOLERANCE, preserve_topology=True)
    feature = {"type": "Feature", "id": buurt.code, "geometry": rounded(shape), "properties": {}}
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": [feature]},
        name=t(lang, "map_layer_boundary", name=buurt.naam),
        style_function=lambda _: OWN_BOUNDARY_STYLE,
        interactive=False,  # the boundary must not catch clicks meant for markers
    )


# --- the map and its HTML -------------------------------------------------------------------------


class KeyboardPopups(MacroElement):
    """Focus moves into a popup when it opens and back to its marker when it closes (Esc or ×);
    Esc closes a popup that has focus."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            map.on("popupopen", function (e) {
                var element = e.popup.getElement();
                var link = element.querySelector("a[href]:not(.leaflet-popup-close-button)");
                if (link) { link.focus({preventScroll: true}); }
                if (!element.skEscape) {  // Leaflet's own Esc works only while the map itself has focus
                    element.skEscape = true;
                    element.addEventListener("keydown", function (k) { if (k.key === "Escape") { map.closePopup(); } });
                }
            });
            map.on("popupclose", function (e) {
                var element = e.popup.getElement(), source = e.popup._source;
                if (element && element.contains(document.activeElement) && source && source._icon) {
                    source._icon.focus({preventScroll: true});
                }
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


def tile_attribution(tiles: str, lang: str) -> str:
    source = TILE_SOURCES[tiles]
    return f"{t(lang, 'map_attr_tiles')}: {source.attribution} · {t(lang, 'map_attr_boundaries')}: {BOUNDARY_SOURCE}"


def new_map(lang: str, tiles: str | None, **options: object) -> folium.Map:
    tiles = tiles or TILES
    source = TILE_SOURCES[tiles]
    rtl = lang in RTL_LANGUAGES
    fmap = folium.Map(tiles=None, zoom_control="topright" if rtl else "topleft", min_zoom=11, max_zoom=source.max_zoom, **options)
    fmap.default_js = []  # Leaflet comes from the site itself (see module docstring)
    fmap.default_css = []
    folium.TileLayer(
        # A TileProvider, not the URL string: for a string folium searches all of xyzservices'
        # ~1,000 providers by name first (a quarter of a map's render time).
        tiles=xyzservices.TileProvider(name=tiles, url=source.url, attribution=source.attribution, max_zoom=source.max_zoom),
        attr=tile_attribution(tiles, lang),
        name=tiles.upper(),
        max_zoom=source.max_zoom,
        max_native_zoom=source.max_zoom,
        control=False,
    ).add_to(fmap)
    KeyboardPopups().add_to(fmap)
    return fmap


def stable_ids(root: Element, prefix: str = "sk") -> None:
    """Replace folium's random element ids with counters: the same input gives the same page bytes
    (the build writes only changed files; random ids would make ``mkdocs serve`` rebuild forever)."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = f"{prefix}{counter}"
        counter += 1
        for child in element._children.values():
            visit(child)

    visit(root)


_WHITESPACE_LINE = re.compile(r"\n\s*\n+")


_COMPILED: dict[tuple[object, ...], object] = {}


@contextmanager
def compiled_once() -> Iterator[None]:
    """Compile each Jinja template source once while folium renders.

    folium builds its element templates from strings again for every element of every map (about
    17 compilations per map, ~90 % of a map's render time); the sources repeat, so their compiled
    code can be reused. Scoped to map rendering; MkDocs' own templates are not touched.
    """
    original = jinja2.Environment.compile

    def compile_cached(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        if raw or not isinstance(source, str):
            return original(self, source, name, filename, raw, defer_init)
        key = (self, source, name, filename, defer_init)  # the environment itself: its settings shape the code
        if key not in _COMPILED:
            _COMPILED[key] = original(self, source, name, filename, raw, defer_init)
        return _COMPILED[key]

    jinja2.Environment.compile = compile_cached  # type: ignore[method-assign]
    try:
        yield
    finally:
        jinja2.Environment.compile = original  # type: ignore[method-assign]


def script_body(fmap: folium.Map) -> str:
    """folium's generated script for this map, without any external asset."""
    figure = fmap.get_root()
    with compiled_once():
        figure.render()
    externals = [c for c in figure.header._children.values() if isinstance(c, (JavascriptLink, CssLink))]
    if externals:
        raise ValueError(f"map needs external assets: {[c.url for c in externals]}")
    with compiled_once():
        body = figure.script.render()
    body = "\n".join(line.strip() for line in body.splitlines() if line.strip())
    lowered = body.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("map script contains '</script' or '<!--'")
    return body


@dataclass
class MapBlock:
    """A built map and the text around it, before it becomes HTML (the benchmark renders it both ways)."""

    fmap: folium.Map
    label: str  # aria-label of the map region
    intro: str  # visible text before the map
    legend: str  # HTML
    size: str  # "large", "medium" or "small" (CSS height)


def block_html(block: MapBlock, lang: str, page_path: str) -> str:
    return map_html(block.fmap, lang, page_path, block.label, block.intro, block.legend, block.size)


def map_html(fmap: folium.Map, lang: str, page_path: str, label: str, intro: str, legend: str, size: str) -> str:
    """The block for a page: intro, labelled map region, legend, Leaflet from the site, script."""
    stable_ids(fmap, prefix=f"sk{size[0]}")  # one prefix per kind: two kinds of map on one page do not collide
    script = script_body(fmap)
    css = [asset_href(page_path, lang, LEAFLET_CSS), asset_href(page_path, lang, MAPS_CSS)]
    return (  # blank lines around the block: Markdown sees a raw HTML block wherever it is appended
        f'\n<div class="sk-map-block" markdown="0">\n'
        + "".join(f'<link rel="stylesheet" href="{esc(url)}">\n' for url in css)
        + f'<p class="sk-map-intro">{esc(intro)}</p>\n'
        + f'<div class="sk-map sk-map-{size}" role="region" aria-label="{esc(label)}" dir="ltr">'
        + f'<div class="sk-map-canvas" id="{fmap.get_name()}"></div></div>\n'
        + legend
        + f'<script src="{esc(asset_href(page_path, lang, LEAFLET_JS))}"></script>\n'
        + f"<script>\n{script}\n</script>\n</div>\n\n"
    )


# --- legend ---------------------------------------------------------------------------------------


def legend_html(site: SiteContext, places: list[MapPlace], lang: str, boundary: str | None = None) -> str:
    """The legend as text beside the map: theme colours present on this map and the pin styles."""
    themes = [theme for theme in THEME_COLOURS if any(mp.theme == theme for mp in places)]
    items = [f'<li><span class="sk-pin sk-t-{theme}" aria-hidden="true"></span> {esc(t(lang, "theme_" + theme))}</li>' for theme in themes]
    if any(mp.place.voorbeeld for mp in places):
        items.append(f'<li><span class="sk-pin sk-t-ontmoeting sk-pin-voorbeeld" aria-hidden="true"></span> {esc(t(lang, "map_legend_example"))}</li>')
    if any(is_inactive(site, mp.place) for mp in places):
        items.append(f'<li><span class="sk-pin sk-pin-inactief" aria-hidden="true"></span> {esc(t(lang, "map_legend_inactive"))}</li>')
    if any(mp.nearby for mp in places):
        items.append(f'<li><span class="sk-pin sk-t-ontmoeting sk-pin-nearby" aria-hidden="true"></span> {esc(t(lang, "map_legend_nearby"))}</li>')
    if boundary:
        items.append(f'<li><span class="sk-legend-line" aria-hidden="true"></span> {esc(boundary)}</li>')
    title = f'<p class="sk-map-legend-title"><strong>{esc(t(lang, "map_legend"))}</strong> <small>{esc(t(lang, "map_legend_colour"))}</small></p>'
    return f'<div class="sk-map-legend">{title}<ul>{"".join(items)}</ul></div>\n'


# --- public API -----------------------------------------------------------------------------------


def buurt_map_html(
    site: SiteContext, buurt_slug: str, lang: str, page_path: str, *, nearby: Iterable[str] | None = None, tiles: str | None = None
) -> str:
    """The map block of a buurt page: its boundary, its places, nearby places smaller.

    ``nearby`` are the slugs the page lists as nearby (default: the same rule as the page);
    pass them so map and list always hold the same places. Empty string if the buurt has no geo.
    """
    block = buurt_map(site, buurt_slug, lang, page_path, nearby=nearby, tiles=tiles)
    return "" if block is None else block_html(block, lang, page_path)


def buurt_map(
    site: SiteContext, buurt_slug: str, lang: str, page_path: str, *, nearby: Iterable[str] | None = None, tiles: str | None = None
) -> MapBlock | None:
    info = site.enriched.buurt_info(buurt_slug)
    geo = site.enriched.kaart.per_code(info.code) if info is not None else None
    if info is None or geo is None:
        return None
    own_slugs = sorted((s for s, e in site.content.plaatsen.items() if e.model.buurt == buurt_slug), key=lambda s: site.content.plaatsen[s].model.naam)
    own = map_places(site, own_slugs)
    near = map_places(site, [e.slug for e in common_nearby(site, buurt_slug)] if nearby is None else nearby, nearby=True)
    fmap = new_map(lang, tiles)
    own_boundary_layer(geo, lang).add_to(fmap)
    if near:
        places_layer(site, near, lang, page_path, t(lang, "map_layer_nearby")).add_to(fmap)
    if own:
        places_layer(site, own, lang, page_path, t(lang, "map_layer_places")).add_to(fmap)
    fmap.fit_bounds(bounds([geo.vorm], own + near), padding=(12, 12))
    label = t(lang, "map_label_buurt", name=info.naam)
    legend = legend_html(site, own + near, lang, boundary=t(lang, "map_legend_boundary", name=info.naam))
    return MapBlock(fmap, label, t(lang, "map_intro_list"), legend, "medium")


def place_map_html(site: SiteContext, place_slug: str, lang: str, page_path: str, *, tiles: str | None = None) -> str:
    """A small map on a place page: the place and the boundary of its buurt. Empty if it has no point."""
    places = map_places(site, [place_slug])
    if not places:
        return ""
    mp = places[0]
    info = site.enriched.buurt_info(mp.place.buurt)
    geo = site.enriched.kaart.per_code(info.code) if info is not None else None
    fmap = new_map(lang, tiles, location=list(mp.point), zoom_start=16)
    if geo is not None:
        own_boundary_layer(geo, lang).add_to(fmap)
    places_layer(site, places, lang, None, esc(mp.place.naam)).add_to(fmap)
    label = t(lang, "map_label_place", name=mp.place.naam)
    legend = legend_html(site, places, lang, boundary=t(lang, "map_legend_boundary", name=info.naam) if geo is not None and info else None)
    return map_html(fmap, lang, page_path, label, t(lang, "map_intro_place"), legend, "small")


def city_map_html(site: SiteContext, lang: str, page_path: str = "kaart/index", *, tiles: str | None = None) -> str:
    places = map_places(site, sorted(site.content.plaatsen, key=lambda s: site.content.plaatsen[s].model.naam))
    fmap = new_map(lang, tiles)
    city_boundaries_layer(site, lang, page_path).add_to(fmap)
    for theme in THEME_COLOURS:
        in_theme = [mp for mp in places if mp.theme == theme]
        if in_theme:  # a GeoJson is itself a feature group: one overlay per theme in the layer control
            places_layer(site, in_theme, lang, page_path, t(lang, "theme_" + theme)).add_to(fmap)
    folium.LayerControl(position="topleft" if lang in RTL_LANGUAGES else "topright", collapsed=True).add_to(fmap)
    fmap.fit_bounds(bounds([b.vorm for b in site.enriched.kaart.buurten], places))
    legend = legend_html(site, places, lang)
    return map_html(fmap, lang, page_path, t(lang, "map_label_city"), t(lang, "map_intro_list"), legend, "large")


def bounds(shapes: list[Polygon], places: list[MapPlace]) -> list[list[float]]:
    """[[south, west], [north, east]] around the shapes and the places."""
    west, south, east, north = shapely.total_bounds(shapes + [Point(mp.point[1], mp.point[0]) for mp in places])
    return [[round(float(south), 5), round(float(west), 5)], [round(float(north), 5), round(float(east), 5)]]


def city_places_list(site: SiteContext, lang: str, page_path: str) -> str:
    """Every place of the city map as text, grouped like the map's layers (by first theme)."""
    out = []
    entries = sorted(site.content.plaatsen.values(), key=lambda e: e.model.naam)
    for theme in THEME_COLOURS:
        group = [e for e in entries if e.model.themas[0] == theme]
        if group:
            out.append(f"\n## {md_text(t(lang, 'theme_' + theme))}\n\n")
            out.append(f'<div markdown="0"><ul class="sk-places">{"".join(list_item(site, e, lang, page_path) for e in group)}</ul></div>\n')
    return "".join(out)


def list_item(site: SiteContext, entry: Entry[Ontwikkelplaats], lang: str, page_path: str) -> str:
    place = entry.model
    labels = "".join(f'<span class="sk-label {cls}">{esc(text)}</span> ' for cls, text in place_labels(place, site.today, lang))
    link = f'<a href="{esc(href(page_path, "plek/" + entry.slug))}">{esc(place.naam)}</a>'
    extra = [esc(address_text(place))]
    if len(place.themas) > 1:
        extra.append(esc(t(lang, "map_also_themes", themes=", ".join(t(lang, "theme_" + x) for x in place.themas[1:]))))
    if site.enriched.place_point(entry.slug) is None:
        extra.append(esc(t(lang, "map_not_on_map")))
    return f"<li>{link} {labels}<br><small>{' · '.join(extra)}</small></li>"


def city_map_page(site: SiteContext, tiles: str | None = None) -> list[OutputFile]:
    """The page ``kaart/index`` in every site language: the map, its legend and the list."""
    files = []
    path = "kaart/index"
    for lang in site.config.languages:
        title = t(lang, "map_city_title")
        body = [front_matter(title, description=t(lang, "map_city_description")), f"# {md_text(title)}\n\n"]
        body.append(city_map_html(site, lang, path, tiles=tiles))
        body.append(city_places_list(site, lang, path))
        files.append(OutputFile(page_file(path, lang), "".join(body)))
    return files


def render_maps(site: SiteContext) -> list[OutputFile]:
    """Renderer for ``generator.build.renderers``: the city map page (buurt and place maps are
    blocks inside the pages of ``generator.render.pages``)."""
    return city_map_page(site)
