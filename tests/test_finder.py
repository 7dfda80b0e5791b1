"""The walking grid of the finder (accuracy on known pairs, both paces) and the rendered HTML."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from generator.build import prepare
from generator.enrich import geo_dir_for, load_graph
from generator.render.finder import (
    FINDER, PDOK_BASE, TILE_FOLDER, band_of, finder_places, grid_files, grid_meta, render_finder_page,
    walk_filter_html, walkgrid_for,
)
from generator.site import SiteConfig
from generator.walk import minutes
from generator.walkgrid import GRID_STEP_M, REACH_M, walkgrid_from_json

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site():
    site, _ = prepare(REPO / "content", SiteConfig(), date(2026, 11, 27))
    return site


@pytest.fixture(scope="module")
def grid(site):
    return walkgrid_for(site)


@pytest.fixture(scope="module")
def graph(site):
    return load_graph(geo_dir_for(site.content.root))


def grid_point(grid, i: int, j: int) -> tuple[float, float]:
    spec = grid.spec
    meta = spec.as_json()
    return (meta["lat0"] + (spec.y0 + j * spec.step) / meta["mlat"], meta["lon0"] + (spec.x0 + i * spec.step) / meta["mlon"])


def test_on_a_grid_point_the_grid_is_the_exact_network_walk_to_10_m(site, grid, graph) -> None:
    places = finder_places(site)
    lat, lon = site.enriched.place_point("bibliotheek-eindhoven-centrum")
    spec = grid.spec
    i = round(((lon - 5.0) * spec.as_json()["mlon"] - spec.x0) / spec.step)
    j = round(((lat - 51.44) * spec.as_json()["mlat"] - spec.y0) / spec.step)
    for di, dj in [(0, 0), (3, -2), (-8, 5), (10, 10)]:
        point = grid_point(grid, i + di, j + dj)
        found = grid.metres(*point)
        exact = graph.distances([point], [places[s] for s in grid.slugs], cutoff_m=REACH_M)[0]
        for slug, metres in zip(grid.slugs, exact):
            if math.isfinite(metres):
                assert abs(found[slug] - metres) <= 5.01, (slug, di, dj)  # stored in whole dekametres


def test_buurt_points_agree_with_the_exact_buurt_table(site, grid) -> None:
    """116 known starts (the buurt points) to every place within 20 minutes: the grid vs exact."""
    errors = []
    for slug, info in site.enriched.infos.items():
        found = grid.metres(*info.punt)
        for place, metres in site.enriched.metres_from_buurt[slug].items():
            if metres <= REACH_M and place in found:
                errors.append(abs(found[place] - metres))
            elif metres <= REACH_M - 2 * GRID_STEP_M and place in grid.slugs:
                pytest.fail(f"{place} is {metres:.0f} m from {slug} but the grid does not reach it")
    errors = np.array(errors)
    assert len(errors) > 100
    for pace in ("normaal", "rustig"):
        in_minutes = np.array([minutes(m, pace) for m in errors])
        assert np.median(in_minutes) <= 1 and np.percentile(in_minutes, 95) <= 2, pace


def test_both_paces_are_the_same_metres_at_4_5_and_2_7_km_h() -> None:
    assert minutes(1500, "normaal") == pytest.approx(20)
    assert minutes(900, "rustig") == pytest.approx(20)
    assert minutes(750, "rustig") / minutes(750, "normaal") == pytest.approx(4.5 / 2.7)


def test_every_cell_has_its_four_corners_in_one_tile(grid) -> None:
    spec = grid.spec
    for (tx, ty), rasters in grid.tiles.items():
        for _, i0, j0, width, values in rasters:
            height = len(values) // width
            assert tx * spec.tile <= i0 and i0 + width - 1 <= tx * spec.tile + spec.tile
            assert ty * spec.tile <= j0 and j0 + height - 1 <= ty * spec.tile + spec.tile


def test_tiles_read_back_give_the_same_answers(grid) -> None:
    files = {f.path.removeprefix(TILE_FOLDER): f.content for f in grid_files(grid)}
    again = walkgrid_from_json(json.loads(json.dumps(grid_meta(grid))), files)
    for lat, lon in [(51.4386, 5.478), (51.4601, 5.4402), (51.41, 5.5)]:
        assert again.metres(lat, lon) == grid.metres(lat, lon)


def test_outside_the_grid_there_is_nothing() -> None:
    from generator.walkgrid import GridSpec, WalkGrid

    empty = WalkGrid(GridSpec.covering(51.40, 5.38, 51.50, 5.56), slugs=[])
    assert empty.metres(52.09, 5.12) == {}


@pytest.mark.parametrize("shown, band", [(0.2, 5), (5.4, 5), (5.5, 10), (10, 10), (14.6, 15), (19.9, 20)])
def test_bands_follow_the_minutes_a_resident_reads(shown: float, band: int) -> None:
    assert band_of(shown) == band


def test_walk_filter_lists_both_paces_without_javascript(site) -> None:
    html = walk_filter_html(site, "binnenstad", "nl", "buurt/binnenstad")
    items = re.findall(r'data-minutes-normaal="([\d.]+)" data-minutes-rustig="([\d.]+)"', html)
    assert items and all(float(slow) == pytest.approx(float(normal) * 4.5 / 2.7, abs=0.11) for normal, slow in items)
    assert "in rustig tempo" in html and "Tot 5 minuten lopen" in html
    assert 'data-walk-controls hidden' in html  # controls only with JavaScript
    assert '<script src="../../assets/js/vinder.js" defer></script>' in html
    assert "Bibliotheek Eindhoven Centrum" in html  # 9 minutes from the centre of Binnenstad
    en = walk_filter_html(site, "binnenstad", "en", "buurt/binnenstad")
    assert '<script src="../../../assets/js/vinder.js" defer></script>' in en and "at a slow pace" in en


def test_finder_page_carries_grid_pdok_and_its_own_scripts(site, grid) -> None:
    page = render_finder_page(site, "nl", grid)
    assert page.path == "vinder/index.md"
    assert f'data-pdok="{PDOK_BASE}"' in page.content
    assert 'data-tiles="../assets/gen/vinder/"' in page.content
    assert '<script src="../assets/vendor/leaflet/leaflet.js" defer></script><script src="../assets/js/vinder.js" defer></script>' in page.content
    en = render_finder_page(site, "en", grid)
    assert en.path == "vinder/index.en.md" and 'data-tiles="../../assets/gen/vinder/"' in en.content
    assert "What is near me?" in en.content
