"""Buurt geography: loading, point-in-buurt, neighbours, slugs, error messages."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point

from generator.geo import ATTRIBUTION, DEFAULT, GeoDataError, display_path, laad_buurtkaart, slugify


@pytest.fixture(scope="module")
def kaart():
    return laad_buurtkaart()


def test_all_buurten_wijken_stadsdelen_are_loaded(kaart):
    assert len(kaart.buurten) == 116
    assert len({b.wijk_code for b in kaart.buurten}) == 20
    assert len({b.wijk for b in kaart.buurten}) == 20
    assert {b.stadsdeel for b in kaart.buurten} == {
        "Centrum", "Stratum", "Tongelre", "Woensel-Zuid", "Woensel-Noord", "Strijp", "Gestel"}
    assert [b.code for b in kaart.buurten] == sorted(b.code for b in kaart.buurten)


def test_properties_of_binnenstad(kaart):
    binnenstad = kaart.per_code("BU07721110")
    assert (binnenstad.naam, binnenstad.slug, binnenstad.gemeente_buurtcode) == ("Binnenstad", "binnenstad", 111)
    assert (binnenstad.wijk_code, binnenstad.wijk, binnenstad.stadsdeel) == ("WK077211", "Centrum", "Centrum")
    assert binnenstad.inwoners == 3750
    assert kaart.per_slug("binnenstad") is binnenstad


def test_cbs_code_exceptions_and_suppressed_population(kaart):
    # The two buurten whose CBS code does not follow "BU0772" + buurtcode + "0" (SOURCES.md).
    assert kaart.per_code("BU07722399").naam == "Riel"
    assert kaart.per_code("BU07726399").naam == "Meerrijk"
    assert kaart.per_slug("flight-forum").inwoners is None


def test_unknown_code_and_slug_give_none(kaart):
    assert kaart.per_code("BU99999999") is None
    assert kaart.per_slug("atlantis") is None


@pytest.mark.parametrize("lat, lon, naam", [
    (51.438631, 5.481233, "Binnenstad"),   # municipal label points (eindhoven_buurten_index.csv)
    (51.435395, 5.475138, "Bergen"),
    (51.441335, 5.463362, "Philipsdorp"),
])
def test_point_lies_in_known_buurt(kaart, lat, lon, naam):
    assert kaart.buurt_op(lat, lon).naam == naam


def test_binnenstad_centroid_lies_in_binnenstad(kaart):
    centroid = kaart.per_slug("binnenstad").vorm.centroid
    assert kaart.buurt_op(centroid.y, centroid.x).slug == "binnenstad"


@pytest.mark.parametrize("lat, lon", [(52.3731, 4.8922), (51.60, 5.48), (0.0, 0.0)])
def test_point_outside_eindhoven_gives_none(kaart, lat, lon):
    assert kaart.buurt_op(lat, lon) is None


def test_point_on_shared_boundary_gets_lowest_code(kaart):
    binnenstad, bergen = kaart.per_slug("binnenstad"), kaart.per_slug("bergen")
    on_both = binnenstad.vorm.boundary.intersection(bergen.vorm.boundary).representative_point()
    assert kaart.buurt_op(on_both.y, on_both.x) is binnenstad


def test_representative_point_lies_inside_its_own_polygon(kaart):
    for buurt in kaart.buurten:
        lat, lon = buurt.punt
        assert buurt.vorm.contains(Point(lon, lat)), buurt.naam
        assert kaart.buurt_op(lat, lon) is buurt


def test_neighbours_are_symmetric_and_exclude_self(kaart):
    for buurt in kaart.buurten:
        buren = kaart.buren(buurt.code)
        assert buren, f"{buurt.naam} has no neighbours"
        assert buurt not in buren
        for buur in buren:
            assert buurt in kaart.buren(buur.code), (buurt.naam, buur.naam)


def test_known_neighbours(kaart):
    assert "Bergen" in [b.naam for b in kaart.buren("BU07721110")]
    assert "Binnenstad" in [b.naam for b in kaart.buren("BU07721120")]
    # Riel (Stratum, south-east) and Meerrijk (Strijp, west) are far apart.
    assert kaart.per_code("BU07726399") not in kaart.buren("BU07722399")
    assert kaart.buren("BU99999999") == []


@pytest.mark.parametrize("name, slug", [
    ("Muschberg, Geestenberg", "muschberg-geestenberg"),
    ("'t Hofke", "t-hofke"),
    ("Strijp S", "strijp-s"),
    ("TU-terrein", "tu-terrein"),
    ("Café  Façade — Über!", "cafe-facade-uber"),
    ("Bea2", "bea2"),
])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_slugs_are_unique(kaart):
    assert len({b.slug for b in kaart.buurten}) == 116


def test_missing_file_gives_dutch_error_naming_the_file(tmp_path):
    missing = tmp_path / "buurten.geojson"
    with pytest.raises(GeoDataError) as caught:
        laad_buurtkaart(missing)
    assert str(caught.value) == f"Geodata ontbreekt of is beschadigd: {missing} (bestand niet gevonden)"


@pytest.mark.parametrize("text", [
    "{not json",
    '{"type": "FeatureCollection"}',
    '{"type": "FeatureCollection", "features": []}',
    json.dumps({"type": "FeatureCollection", "features": [{"properties": {"code": "BU1"}, "geometry": None}]}),
])
def test_corrupt_file_gives_error_naming_the_file(tmp_path, text):
    corrupt = tmp_path / "kapot.geojson"
    corrupt.write_text(text, encoding="utf-8")
    with pytest.raises(GeoDataError, match="Geodata ontbreekt of is beschadigd: .*kapot.geojson"):
        laad_buurtkaart(corrupt)


def test_files_inside_the_repository_are_named_relative_to_it():
    assert display_path(DEFAULT) == "content/geo/buurten.geojson"


def test_attribution_names_every_source():
    for source in ("Gemeente Eindhoven", "CBS", "OpenStreetMap", "ODbL"):
        assert source in ATTRIBUTION
