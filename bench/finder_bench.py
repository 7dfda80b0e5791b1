"""Finder benchmark: grid accuracy against the exact network walk, bytes before the first result,
and time to the first result in headless Chromium. Writes bench/results/finder.md.

    PYTHONPATH=$PWD python bench/finder_bench.py          # absolute PYTHONPATH: the MkDocs
                                                           # subprocess must import this checkout

Accuracy: 1,000 random points inside the municipality (uniform, seeded) to every place within
20 minutes at the normal pace (1,500 m), exact = ``StreetGraph.distances`` (snap + Dijkstra +
snap, what the buurt pages use), estimate = ``WalkGrid.metres`` (what vinder.js computes; the
browser test checks the two agree to the centimetre).
"""

from __future__ import annotations

import gzip
import json
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from shapely import contains_xy
from shapely.ops import unary_union

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_util import serve, watch  # noqa: E402
from conftest import make_project, mkdocs_build  # noqa: E402
from generator.build import prepare  # noqa: E402
from generator.enrich import geo_dir_for, load_graph  # noqa: E402
from generator.render.finder import finder_places, grid_files, walkgrid_for  # noqa: E402
from generator.site import SiteConfig  # noqa: E402
from generator.walk import minutes  # noqa: E402
from generator.walkgrid import REACH_M, GridSpec, build_walkgrid  # noqa: E402

SEED = 20261127
POINTS = 1000
TODAY = date(2026, 11, 27)


def random_points(municipality, count: int, rng) -> list[tuple[float, float]]:
    west, south, east, north = municipality.bounds
    found: list[tuple[float, float]] = []
    while len(found) < count:
        lon, lat = rng.uniform(west, east, 4 * count), rng.uniform(south, north, 4 * count)
        found += [(float(a), float(o)) for a, o in zip(lat, lon) if contains_xy(municipality, o, a)]
    return found[:count]


def accuracy(site, grid, graph, points) -> tuple[dict, int, int]:
    places = finder_places(site)
    exact = graph.distances(points, [places[s] for s in grid.slugs], cutoff_m=REACH_M)
    errors, missing = [], 0
    for row, point in zip(exact, points):
        estimate = grid.metres(*point)
        for slug, metres in zip(grid.slugs, row):
            if np.isfinite(metres):
                if slug in estimate:
                    errors.append((metres, estimate[slug] - metres))
                else:
                    missing += 1
    table = np.array(errors)
    rows = {}
    for pace, limit in (("normaal", REACH_M), ("rustig", REACH_M), ("rustig", 900)):
        subset = np.abs(table[table[:, 0] <= limit, 1])
        in_min = np.array([minutes(m, pace) for m in subset])
        rows[(pace, limit)] = (len(subset), np.median(in_min), np.percentile(in_min, 95), np.percentile(in_min, 99), in_min.max(), np.mean(table[table[:, 0] <= limit, 1]) / (75 if pace == "normaal" else 45))
    return rows, len(errors), missing


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def synthetic_weight(site, graph, municipality, count: int, rng) -> tuple[int, int, int]:
    """Tile bytes (gzip) if the site had ``count`` places: total, median tile, largest tile."""
    nodes = graph.main_nodes[rng.choice(len(graph.main_nodes), count * 4, replace=False)]
    nodes = [n for n in nodes if contains_xy(municipality, graph.lon[n], graph.lat[n])][:count]
    places = {f"p{k}": (float(graph.lat[n]), float(graph.lon[n])) for k, n in enumerate(nodes)}
    west, south, east, north = municipality.bounds
    grid = build_walkgrid(graph, lambda la, lo: contains_xy(municipality, lo, la), places, GridSpec.covering(south, west, north, east))
    sizes = [gz(f.content.encode()) for f in grid_files(grid)]
    return sum(sizes), int(np.median(sizes)), max(sizes)


def browser_figures(starts: list[tuple[float, float]]) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="finder-bench-"))
    project = make_project(tmp / "project", REPO / "content")
    result = mkdocs_build(project, TODAY)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "vinder" / "index.html").exists(), "built with another checkout's generator: use an absolute PYTHONPATH"
    figures: dict = {"loads": [], "buurt_ms": [], "point_ms": [], "click_ms": []}
    server = serve(site)
    served = next(server)
    try:
        run_browser(figures, served, starts)
    finally:
        server.close()  # now: at interpreter exit the generator's finaliser would deadlock
    per_file = []
    for url in dict.fromkeys(figures["loads"]):
        path = urlparse(url).path.lstrip("/")
        file = site / path / "index.html" if path.endswith("/") or path == "" else site / path
        if file.exists():
            per_file.append((path or "/", file.stat().st_size, gz(file.read_bytes())))
    figures["files"] = per_file
    return figures


def run_browser(figures: dict, served, starts) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for n, (lat, lon) in enumerate(starts):
            context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL",
                                          geolocation={"latitude": lat, "longitude": lon}, permissions=["geolocation"])
            page = context.new_page()
            seen = watch(page, served.base)
            urls: list[str] = []
            page.on("request", lambda request: urls.append(request.url))
            page.goto(served.base + "vinder/")
            page.wait_for_load_state("networkidle")
            began = time.perf_counter()
            page.get_by_role("button", name="Gebruik mijn locatie").click()
            page.wait_for_selector("[data-vinder][data-vinder-state=klaar], [data-vinder][data-vinder-state=buiten]")
            figures["click_ms"].append((time.perf_counter() - began) * 1000)
            state = page.locator("[data-vinder]").get_attribute("data-vinder-state")
            figures["outside"] = figures.get("outside", 0) + (state == "buiten")
            if state == "klaar":
                figures["point_ms"].append(float(page.locator("[data-vinder]").get_attribute("data-vinder-ms")))
            shown = page.locator("[data-vinder-lijst] > li:not([hidden])").count()
            if state == "klaar" and shown and not figures["loads"]:  # bytes for a start with results
                figures["loads"] = [u for u in urls if u.startswith(served.base)]
                figures["tiles_seen"] = len(seen.tile_requests)
            page.get_by_label("Kies je buurt").select_option(index=1 + n % 100)
            page.wait_for_function("document.querySelector('[data-vinder]').dataset.vinderState === 'klaar'")
            figures["buurt_ms"].append(float(page.locator("[data-vinder]").get_attribute("data-vinder-ms")))
            assert seen.console_errors == [] and seen.foreign_requests == [], (seen.console_errors, seen.foreign_requests)
            context.close()
        browser.close()


def main() -> None:
    site, _ = prepare(REPO / "content", SiteConfig(), TODAY)
    graph = load_graph(geo_dir_for(site.content.root))
    municipality = unary_union([b.vorm for b in site.enriched.kaart.buurten])
    began = time.perf_counter()
    grid = walkgrid_for(site)
    build_s = time.perf_counter() - began
    tiles = [gz(f.content.encode()) for f in grid_files(grid)]
    rng = np.random.default_rng(SEED)
    points = random_points(municipality, POINTS, rng)
    acc, pairs, missing = accuracy(site, grid, graph, points)
    scale = {count: synthetic_weight(site, graph, municipality, count, np.random.default_rng(SEED + count)) for count in (300, 1000)}
    browser = browser_figures(random_points(municipality, 20, np.random.default_rng(SEED + 1)))
    write(site, grid, build_s, tiles, acc, pairs, missing, scale, browser)


def write(site, grid, build_s, tiles, acc, pairs, missing, scale, browser) -> None:  # type: ignore[no-untyped-def]
    from importlib.metadata import version

    lines = ["# Finder benchmark (`bench/finder_bench.py`)", ""]
    lines.append(f"Python {platform.python_version()}, numpy {np.__version__}, playwright {version('playwright')}, Chromium headless, {platform.machine()}, seed {SEED}.")
    lines.append(f"Content: the repository's `content/` ({len(grid.slugs)} places on the map, {len(site.content.buurten)} buurten). Grid: {grid.spec.step:.0f} m, {grid.spec.nx} x {grid.spec.ny} points, {len(grid.tiles)} tiles of {grid.spec.tile} x {grid.spec.tile} cells; built in {build_s:.2f} s.")
    lines += ["", "## Accuracy against the exact shortest network walk", ""]
    lines.append(f"{POINTS:,} random points inside the municipality; every place within 20 minutes at the normal pace (1,500 m) of each: {pairs:,} pairs; pairs the grid did not reach: {missing}.")
    lines += ["", "| pace | pairs (exact walk) | median abs. error | 95th percentile | 99th percentile | largest | mean signed error |", "|---|---|---|---|---|---|---|"]
    for (pace, limit), (count, median, p95, p99, worst, mean) in acc.items():
        label = f"{pace} ({'≤ 1,500 m' if limit == REACH_M else '≤ 900 m = 20 min rustig'})"
        lines.append(f"| {label} | {count:,} | {median:.2f} min | {p95:.2f} min | {p99:.2f} min | {worst:.1f} min | {mean:+.2f} min |")
    lines += ["", "Target: median ≤ 1 min and 95th percentile ≤ 2 min at both paces.", ""]
    lines += ["## Data before the first result", ""]
    total = sum(g for _, _, g in browser["files"])
    lines.append("Every same-site request of the finder page from opening it to the first result (start: your location), each file gzip-compressed at level 6 as a web server would send it. Map tiles come from PDOK and are not counted (" + str(browser.get("tiles_seen", 0)) + " tile requests at the first view).")
    lines += ["", "| file | bytes | gzip |", "|---|---|---|"]
    lines += [f"| `{path}` | {raw:,} | {g:,} |" for path, raw, g in browser["files"]]
    lines.append(f"| **total** | | **{total:,}** ({total / 1024:.0f} KiB; limit 300 KB) |")
    lines += ["", f"All {len(tiles)} tiles together: {sum(tiles):,} bytes gzip; one tile: median {int(np.median(tiles)):,}, largest {max(tiles):,}. A start point needs exactly one tile.", ""]
    lines += ["Growth (synthetic places on random street nodes, same grid):", "", "| places | all tiles gzip | median tile | largest tile |", "|---|---|---|---|"]
    lines += [f"| {count:,} | {t:,} | {m:,} | {x:,} |" for count, (t, m, x) in scale.items()]
    lines += ["", "## Time to the first result", ""]
    lines.append(f"Headless Chromium, phone viewport, site served from 127.0.0.1 (no network latency), 20 random points in the municipality as \"your location\" (a fresh browser context each: tile not cached; {browser.get('outside', 0)} of them outside the grid), then a buurt from the list.")
    lines += ["", "| start | median | largest |", "|---|---|---|"]
    for label, key in (("your location: in-page, choose → list shown (includes fetching and parsing the tile)", "point_ms"),
                       ("your location: click → list shown, measured by Playwright", "click_ms"),
                       ("a buurt from the list (no request: exact distances are in the page)", "buurt_ms")):
        values = np.array(browser[key])
        lines.append(f"| {label} | {np.median(values):.1f} ms | {values.max():.1f} ms |")
    out = REPO / "bench" / "results" / "finder.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
