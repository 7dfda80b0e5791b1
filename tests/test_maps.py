"""Maps: no external assets, every place on the map, escaping, simplified boundaries, attribution."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import shapely

from generator.content import load_content
from generator.enrich import enrich
from generator.i18n import LANGUAGES, catalogue
from generator.render.common import nearby
from generator.models import THEMAS
from generator.render import maps
from generator.render.common import esc
from generator.site import SiteContext

FIXTURE = Path(__file__).parent / "fixtures" / "maps" / "content"
HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
REPO = Path(__file__).resolve().parents[1]


def fixture_site() -> SiteContext:
    content = load_content(FIXTURE)
    enriched, _ = enrich(content)
    return SiteContext(content=content, enriched=enriched, today=date(2026, 11, 27))


@pytest.fixture(scope="module")
def site() -> SiteContext:
    return fixture_site()


@pytest.fixture()
def hostile_site() -> SiteContext:
    """The model refuses markup in names; a hostile name is put in behind its back."""
    site = fixture_site()
    entry = site.content.plaatsen["taalcafe-centrum"]
    adres = entry.model.adres.model_copy(update={"straat": HOSTILE})
    site.content.plaatsen["taalcafe-centrum"] = replace(entry, model=entry.model.model_copy(update={"naam": HOSTILE, "adres": adres}))
    return site


def script_of(block: str) -> str:
    scripts = re.findall(r"<script>\n(.*?)\n</script>", block, re.S)
    assert len(scripts) == 1
    return scripts[0]


def geojson_adds(block: str) -> list[dict]:
    """The GeoJSON collections the script adds (folium: ``geo_json_x_add({...});``)."""
    return [json.loads(m) for m in re.findall(r"_add\((\{.*\})\);\n", script_of(block))]


def point_ids(block: str) -> list[str]:
    return [f["id"] for c in geojson_adds(block) for f in c["features"] if f["geometry"]["type"] == "Point"]


def all_blocks(site: SiteContext) -> dict[str, str]:
    return {
        "city": maps.city_map_html(site, "nl"),
        "buurt": maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad"),
        "place": maps.place_map_html(site, "taalcafe-centrum", "nl", "plek/taalcafe-centrum"),
        "city-ar": maps.city_map_html(site, "ar"),
    }


def test_no_external_script_or_stylesheet(site):
    for name, block in all_blocks(site).items():
        tags = re.findall(r"<(?:script|link)\b[^>]*>", block)
        assert tags, name
        for tag in tags:
            assert "http" not in tag and "//" not in tag, (name, tag)
        for forbidden in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "cdn"):
            assert forbidden not in block.lower(), (name, forbidden)


def test_leaflet_is_linked_relative_to_the_page(site):
    block = maps.buurt_map_html(site, "binnenstad", "en", "buurt/binnenstad")
    assert '<script src="../../../assets/vendor/leaflet/leaflet.js"></script>' in block
    assert '<link rel="stylesheet" href="../../../assets/vendor/leaflet/leaflet.css">' in block
    for asset in ("leaflet.js", "leaflet.css", "LICENSE", "README.md", "images/layers.png"):
        assert (REPO / "docs/assets/vendor/leaflet" / asset).exists(), asset
    assert (REPO / "docs" / maps.MAPS_CSS).exists()


def test_city_map_has_every_place_with_a_point_and_every_buurt(site):
    block = maps.city_map_html(site, "nl")
    assert sorted(point_ids(block)) == sorted(site.content.plaatsen)
    polygons = [f for c in geojson_adds(block) for f in c["features"] if f["geometry"]["type"] == "Polygon"]
    assert len(polygons) == 116
    assert 'aria-label="Kaart van Eindhoven met alle plekken"' in block


def test_buurt_map_has_its_places_and_the_nearby_ones(site):
    block = maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad")
    own = {s for s, e in site.content.plaatsen.items() if e.model.buurt == "binnenstad"}
    assert set(point_ids(block)) == own | {e.slug for e in nearby(site, "binnenstad")}
    assert {e.slug for e in nearby(site, "binnenstad")} == {"moestuin-bergen", "repair-cafe-witte-dame"}
    given = maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad", nearby=["moestuin-bergen"])
    assert set(point_ids(given)) == own | {"moestuin-bergen"}
    assert "sk-pin-nearby" in block and 'role="region"' in block and 'aria-label="Kaart van Binnenstad"' in block


def test_place_map_has_one_marker_and_no_link_to_itself(site):
    block = maps.place_map_html(site, "taalcafe-centrum", "nl", "plek/taalcafe-centrum")
    assert point_ids(block) == ["taalcafe-centrum"]
    assert "plek/taalcafe-centrum" not in block


def test_popups_link_to_the_place_page_and_show_labels(site):
    block = maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad")
    features = {f["id"]: f for c in geojson_adds(block) for f in c["features"]}
    popup = features["moestuin-bergen"]["properties"]["popup"]
    assert '<a href="../../plek/moestuin-bergen/"><bdi>Buurttuin &quot;De Bergen&quot; &amp; Co</bdi></a>' in popup
    assert "Bergstraat 5, 5611 JZ Eindhoven" in popup and "voorbeeld — nog niet gecontroleerd" in popup
    assert "niet gecontroleerd sinds 1 maart 2024" in features["spreekuur-binnenstad"]["properties"]["popup"]


def test_hostile_name_and_address_are_escaped_everywhere(hostile_site):
    for name, block in all_blocks(hostile_site).items():
        assert "<img" not in block and "alert(2)</script>" not in block, name
        assert block.count("<script") == 2, name  # leaflet.js and the map script, nothing injected
        script = script_of(block)
        assert "</script" not in script.lower()
        features = [f for c in geojson_adds(block) for f in c["features"] if f["id"] == "taalcafe-centrum"]
        if name == "place" or name.startswith("city") or name == "buurt":
            (feature,) = features
            for value in feature["properties"].values():
                assert "<img" not in value and "&lt;img src=x onerror=alert(1)&gt;" in value
    lists = maps.city_places_list(hostile_site, "nl", "kaart/index")
    assert "<img" not in lists and "&lt;img src=x" in lists


def test_markers_are_focusable_div_icons_with_a_name(site):
    script = script_of(maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad"))
    assert "new L.Marker(latlng, opts)" in script and "DivIcon" in script
    assert "CircleMarker" not in script and "AwesomeMarkers" not in script
    assert '<span class=\\"sk-sr\\">Taalcaf\\u00e9 Centrum \\u2014 Taal</span>' in script


def test_examples_and_inactive_places_look_different_and_are_written_out(site):
    block = maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad")
    assert "sk-pin sk-t-tuin sk-pin-voorbeeld sk-pin-nearby" in block
    assert "sk-pin sk-t-creatief sk-pin-inactief sk-pin-nearby" in block  # tijdelijk gesloten
    assert "sk-pin sk-t-hulp sk-pin-inactief" in block  # not checked since 2024
    legend = re.search(r'<div class="sk-map-legend">.*?</div>', block, re.S).group(0)
    for text in ("Taal", "Tuin en groen", "open rondje met stippelrand", "grijs en doorgestreept", "klein vierkantje", "grens van Binnenstad"):
        assert text in legend
    lists = maps.city_places_list(site, "nl", "kaart/index")
    assert 'sk-label-voorbeeld">voorbeeld — nog niet gecontroleerd' in lists
    assert 'sk-label-gesloten">tijdelijk gesloten' in lists and "niet gecontroleerd sinds 1 maart 2024" in lists


def test_attribution_names_tiles_and_boundary_source(site):
    for lang, block in (("nl", maps.city_map_html(site, "nl")), ("ar", maps.city_map_html(site, "ar"))):
        script = script_of(block)
        assert "service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png" in script
        assert "Kadaster" in script and "PDOK" in script and "Gemeente Eindhoven" in script and "CBS/Kadaster" in script
    osm = script_of(maps.city_map_html(site, "nl", tiles="osm"))
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in osm and "OpenStreetMap\\u003c/a\\u003e contributors" in osm
    assert "service.pdok.nl" not in osm


def test_rtl_page_keeps_the_map_ltr_and_popups_rtl(site):
    block = maps.buurt_map_html(site, "binnenstad", "ar", "buurt/binnenstad")
    assert 'dir="ltr"' in block.split("sk-map-canvas")[0]
    assert 'dir=\\"rtl\\" lang=\\"ar\\"' in block  # inside the JSON of the popups
    assert 'L.control.zoom( { position: "topright" } )' in script_of(block)


def test_output_is_stable_between_runs(site):
    assert maps.city_map_html(site, "nl") == maps.city_map_html(site, "nl")
    assert 'id="map_sks0"' in maps.place_map_html(site, "taalcafe-centrum", "nl", "plek/taalcafe-centrum")
    assert 'id="map_skm0"' in maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad")


def test_city_boundaries_are_simplified_valid_and_share_their_edges(site):
    kaart = site.enriched.kaart
    simple = maps.simplified_city(kaart)
    assert len(simple) == 116
    before = sum(len(shapely.get_coordinates(b.vorm)) for b in kaart.buurten)
    after = sum(len(shapely.get_coordinates(s)) for s in simple.values())
    assert after < before / 4
    rounded = [shapely.geometry.shape(maps.rounded(s)) for s in simple.values()]
    assert all(r.is_valid for r in rounded)
    for buurt in kaart.buurten:
        assert buurt.vorm.hausdorff_distance(simple[buurt.code]) <= maps.CITY_TOLERANCE * 1.01
    union = shapely.union_all(rounded)
    assert abs(sum(r.area for r in rounded) - union.area) < 1e-7  # no overlaps
    original = shapely.union_all([b.vorm for b in kaart.buurten])
    assert union.geom_type == original.geom_type == "Polygon"
    assert len(union.interiors) == len(original.interiors)  # no gaps between neighbours
    naive = shapely.union_all([b.vorm.simplify(maps.CITY_TOLERANCE, preserve_topology=True) for b in kaart.buurten])
    assert naive.geom_type != "Polygon" or len(naive.interiors) > len(original.interiors)  # what per-polygon simplify does
    full = sum(len(json.dumps(shapely.geometry.mapping(b.vorm))) for b in kaart.buurten)
    small = sum(len(json.dumps(maps.rounded(s))) for s in simple.values())
    assert small < full / 4


def test_city_map_page_in_every_language(site):
    files = maps.city_map_page(site)
    assert [f.path for f in files] == ["kaart/index.md"] + [f"kaart/index.{lang}.md" for lang in LANGUAGES[1:]]
    nl = files[0].content
    assert nl.startswith('---\ntitle: "Kaart van alle plekken"')
    for entry in site.content.plaatsen.values():
        assert esc(entry.model.naam) in nl
    assert '<script src="../assets/vendor/leaflet/leaflet.js">' in nl
    assert '<script src="../../assets/vendor/leaflet/leaflet.js">' in files[1].content


def test_page_markdown_keeps_the_map_block_intact(site):
    """md_in_html must pass the block through untouched (no <p> inside the script, no escaping)."""
    import markdown

    page = maps.city_map_page(site)[0].content.split("---\n", 2)[2]
    html = markdown.markdown(page, extensions=["attr_list", "md_in_html", "tables"])
    block = maps.city_map_html(site, "nl")
    assert script_of(block) in html


def test_maps_strings_have_the_same_keys_and_fields_in_every_language():
    def fields(text: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", text))

    import yaml

    reference = yaml.safe_load((REPO / "generator/i18n/nl/maps.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        strings = yaml.safe_load((REPO / f"generator/i18n/{lang}/maps.yml").read_text(encoding="utf-8"))
        assert strings.keys() == reference.keys(), lang
        for key, text in strings.items():
            assert fields(text) == fields(reference[key]), (lang, key)
        assert all(key in catalogue(lang) for key in reference)


def test_palette_matches_css_and_has_contrast_with_white():
    css = (REPO / "docs" / maps.MAPS_CSS).read_text(encoding="utf-8")
    assert set(maps.THEME_COLOURS) == set(THEMAS)

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for theme, colour in maps.THEME_COLOURS.items():
        assert f".sk-t-{theme} {{ --sk-c: {colour}; }}" in css
        assert 1.05 / (luminance(colour) + 0.05) >= 4.5, theme
