"""The finder page and the buurt walking filter in headless Chromium, on the repository's content.

The site is built from ``content/`` (not the small fixture site): the finder needs real places
spread over the city. PDOK is replayed by a local server; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import re
import threading
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import expect

from browser_util import Served, serve, watch
from conftest import REPO, TODAY, make_project, mkdocs_build
from generator.build import prepare
from generator.render.finder import TILE_FOLDER, walk_filter_html
from generator.site import SiteConfig
from generator.walk import metres_per_minute
from generator.walkgrid import walkgrid_from_json

pytestmark = pytest.mark.browser

MARKT = (51.43866, 5.47813)  # the fixed "my location": Markt, city centre
PDOK_FIXTURES = REPO / "tests" / "fixtures" / "pdok"
LOOKUP_BOSCHDIJK = {"response": {"numFound": 1, "start": 0, "docs": [{
    "type": "adres", "weergavenaam": "Boschdijk 99, 5612AB Eindhoven", "id": "adr-32613ffa94e0b38fc3fc5a7da9b5f6d6",
    "centroide_ll": "POINT(5.46622 51.45245)", "gemeentenaam": "Eindhoven",
}]}}  # illustrative, like tests/fixtures/pdok/*-eindhoven*.json


@pytest.fixture(scope="module")
def finder_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("finder"), REPO / "content")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "vinder" / "index.html").exists(), "the hook ran another checkout's generator (PYTHONPATH)"
    # A bare page around walk_filter_html, as the buurt page will include it.
    ctx, _ = prepare(REPO / "content", SiteConfig(), TODAY)
    (site / "loopfilter").mkdir()
    (site / "loopfilter" / "index.html").write_text(
        f'<!doctype html><html lang="nl"><meta charset="utf-8"><title>t</title><body>{walk_filter_html(ctx, "binnenstad", "nl", "loopfilter/index")}</body></html>',
        encoding="utf-8",
    )
    return site


@pytest.fixture(scope="module")
def served(finder_site: Path) -> Iterator[Served]:
    yield from serve(finder_site)


@pytest.fixture(scope="module")
def site_context():
    site, _ = prepare(REPO / "content", SiteConfig(), date(2026, 11, 27))
    return site


@pytest.fixture
def context(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-NL",
        geolocation={"latitude": MARKT[0], "longitude": MARKT[1]}, permissions=["geolocation"],
    )
    yield context
    context.close()


@pytest.fixture
def page(context, served: Served):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.seen = watch(page, served.base)  # type: ignore[attr-defined]
    return page


def grid_of(site: Path, page) -> object:  # type: ignore[no-untyped-def]
    meta = json.loads(page.locator("[data-vinder]").get_attribute("data-grid"))
    tiles = {p.name: p.read_text(encoding="utf-8") for p in (site / TILE_FOLDER).glob("*.json")}
    return walkgrid_from_json(meta, tiles)


def shown(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("[data-vinder-lijst] > li:not([hidden])", "items => items.map(i => i.dataset.plek)")


def expected(metres: dict[str, float], pace: str, limit: int, site_context) -> list[str]:  # type: ignore[no-untyped-def]
    """Place slugs of every activity within ``limit`` shown minutes, as the page should list them."""
    from generator.render.agenda import listings

    def ok(slug: str) -> bool:
        return slug in metres and max(1, int(metres[slug] / metres_per_minute(pace) + 0.5)) <= limit

    return sorted(item.entry.slug for item in listings(site_context) if ok(item.entry.slug))


def wait_result(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("[data-vinder][data-vinder-state=klaar]")


def test_choosing_a_buurt_lists_the_places_within_reach(page, served: Served, site_context) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "vinder/")
    page.get_by_label("Kies je buurt").select_option(label="Binnenstad")
    wait_result(page)
    exact = site_context.enriched.metres_from_buurt["binnenstad"]
    assert sorted(shown(page)) == expected(exact, "normaal", 15, site_context)
    assert "bibliotheek-eindhoven-centrum" in shown(page)
    minutes = page.eval_on_selector_all("[data-vinder-lijst] > li:not([hidden])", "items => items.map(i => Number(i.dataset.minuten))")
    assert minutes == sorted(minutes)  # nearest first
    assert "vanaf het midden van Binnenstad" in page.locator("[data-vinder-summary]").inner_text()
    assert page.url.endswith("vinder/?buurt=binnenstad&tempo=normaal&min=15")
    assert page.seen.console_errors == [] and page.seen.foreign_requests == []  # no PDOK for a buurt


def test_my_location_gives_the_expected_list_and_js_equals_python(page, served: Served, finder_site: Path, site_context) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "vinder/")
    page.get_by_role("button", name="Gebruik mijn locatie").click()
    wait_result(page)
    grid = grid_of(finder_site, page)
    assert sorted(shown(page)) == expected(grid.metres(*MARKT), "normaal", 15, site_context)
    assert len(shown(page)) >= 5
    assert "vanaf je locatie" in page.locator("[data-vinder-summary]").inner_text()
    # Parity: the browser's lookup is the Python lookup, to the centimetre, at 40 points.
    points = [(MARKT[0] + 0.0011 * k, MARKT[1] - 0.0017 * k) for k in range(-20, 20)]
    in_js = page.evaluate("async (pts) => { const v = document.querySelector('[data-vinder]').vinder; const out = []; for (const p of pts) out.push(await v.lookup(p[0], p[1])); return out; }", points)
    for point, js in zip(points, in_js):
        python = grid.metres(*point)
        assert js.keys() == python.keys()
        assert all(abs(js[k] - python[k]) < 0.01 for k in js), point
    assert page.seen.console_errors == [] and page.seen.foreign_requests == []


def test_pace_and_minutes_change_the_result_and_the_url(page, served: Served, site_context) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "vinder/?buurt=binnenstad&min=20")
    wait_result(page)
    exact = site_context.enriched.metres_from_buurt["binnenstad"]
    normal_20 = shown(page)
    assert sorted(normal_20) == expected(exact, "normaal", 20, site_context)
    page.get_by_label("Rustig (met rollator)").check()
    slow_20 = shown(page)
    assert sorted(slow_20) == expected(exact, "rustig", 20, site_context) and len(slow_20) < len(normal_20)
    assert "tempo=rustig" in page.url
    page.get_by_label("5 min", exact=True).check()
    assert sorted(shown(page)) == expected(exact, "rustig", 5, site_context) and len(shown(page)) < len(slow_20)
    first = page.locator("[data-vinder-lijst] > li:not([hidden]) [data-vinder-min]").first.inner_text()
    assert first.endswith("lopen in rustig tempo, gewoon tempo 1 min")
    page.get_by_label("Dag").select_option("zaterdag")
    assert "dag=zaterdag" in page.url
    # The shared link restores the same list.
    url = page.url
    page.goto(url)
    wait_result(page)
    assert page.get_by_label("Rustig (met rollator)").is_checked() and page.locator("select[name=dag]").input_value() == "zaterdag"


class _Pdok(http.server.BaseHTTPRequestHandler):
    fail = False

    def do_GET(self) -> None:  # noqa: N802
        if self.fail:
            body, status = (PDOK_FIXTURES / "error.json").read_bytes(), 500
        elif self.path.startswith("/suggest?"):
            body, status = (PDOK_FIXTURES / "suggest-eindhoven.json").read_bytes(), 200
        elif self.path.startswith("/lookup?id=adr-32613ffa94e0b38fc3fc5a7da9b5f6d6"):
            body, status = json.dumps(LOOKUP_BOSCHDIJK).encode(), 200
        else:
            body, status = b'{"response": {"numFound": 0, "docs": []}}', 200
        type(self).seen.append(self.path)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def pdok() -> Iterator[tuple[str, type[_Pdok]]]:
    handler = type("Pdok", (_Pdok,), {"seen": [], "fail": False})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", handler
    server.shutdown()


def point_page_at(page, base: str) -> None:  # type: ignore[no-untyped-def]
    page.route(base + "**", lambda route: route.continue_())  # registered after watch(): it wins
    page.eval_on_selector("[data-vinder]", "(el, base) => { el.dataset.pdok = base; }", base)


def test_address_box_uses_pdok_and_handles_failure(page, served: Served, pdok, finder_site: Path, site_context) -> None:  # type: ignore[no-untyped-def]
    base, handler = pdok
    page.goto(served.base + "vinder/")
    point_page_at(page, base)
    page.get_by_label("Of typ een adres of postcode").fill("Boschdijk 99")
    page.get_by_role("button", name="Zoek").click()
    page.get_by_role("button", name="Boschdijk 99, 5612AB Eindhoven").click()
    wait_result(page)
    assert handler.seen[0].startswith("/suggest?q=Boschdijk%2099&fq=type:adres")
    assert handler.seen[1] == "/lookup?id=adr-32613ffa94e0b38fc3fc5a7da9b5f6d6"
    grid = grid_of(finder_site, page)
    assert sorted(shown(page)) == expected(grid.metres(51.45245, 5.46622), "normaal", 15, site_context)
    assert "vanaf Boschdijk 99, 5612AB Eindhoven" in page.locator("[data-vinder-summary]").inner_text()
    assert "naam=Boschdijk" in page.url and page.seen.foreign_requests == []
    handler.fail = True
    page.get_by_role("button", name="Zoek").click()
    expect(page.locator("[data-vinder-melding]")).to_have_text(re.compile(r"^Het adres opzoeken lukt nu niet\."))
    page.context.set_offline(True)
    page.get_by_role("button", name="Zoek").click()
    expect(page.locator("[data-vinder-melding]")).to_have_text(re.compile(r"^Je bent niet verbonden met internet\."))
    page.context.set_offline(False)
    assert page.seen.console_errors == [] or all("500" in e for e in page.seen.console_errors)


def test_print_view_is_a_clean_list(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "vinder/?buurt=binnenstad&min=20")
    wait_result(page)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".sk-vinder-start", ".sk-vinder-walkform", "[data-vinder-kaart]", "[data-vinder-print]"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("h1").is_visible() and page.locator("[data-vinder-summary]").is_visible()
    assert page.locator("[data-vinder-lijst] > li:not([hidden])").first.is_visible()
    assert page.locator(".sk-vinder-printnote").is_visible()


def test_a_tap_on_the_map_starts_there(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "vinder/")
    page.locator("[data-vinder-kaart]").click()  # the centre of the city view
    wait_result(page)
    assert "vanaf het punt op de kaart" in page.locator("[data-vinder-summary]").inner_text()
    assert "punt=" in page.url and page.seen.tile_requests and page.seen.foreign_requests == []


def test_buurt_walk_filter_regroups_by_pace_and_minutes(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "loopfilter/")
    visible = "[data-walk-filter] li[data-minutes-normaal]:not([hidden])"
    everything = page.locator(visible).count()
    assert page.locator("[data-walk-controls]").is_visible() and everything >= 3
    page.get_by_label("Rustig (met rollator)").check()
    slow = page.locator(visible).count()
    assert slow < everything
    page.get_by_label("5 min", exact=True).check()
    assert page.locator(visible).count() <= slow
    bands = page.eval_on_selector_all("[data-band]:not([hidden])", "b => b.map(x => x.dataset.band)")
    assert bands == ["5"] or bands == []
    assert "tempo=rustig&min=5" in page.url
    assert page.seen.console_errors == []
