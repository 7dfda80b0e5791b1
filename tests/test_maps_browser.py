"""Maps in a real browser (Chromium via Playwright): markers, no console errors, no foreign hosts,
keyboard access to markers and popups. Skipped when Playwright or Chromium is missing.

The map blocks are put into plain static pages at the paths they are made for, served from a
local http.server together with ``docs/assets`` (Leaflet and maps.css). Tile requests are
answered by the test with a blank tile and counted; any other host fails the test.
"""

from __future__ import annotations

import base64
import functools
import http.server
import os
import shutil
import threading
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.content import load_content
from generator.enrich import enrich
from generator.i18n import RTL_LANGUAGES
from generator.render import maps
from generator.site import SiteContext

pytestmark = pytest.mark.browser  # the `browser` fixture (conftest) skips without Chromium, fails under CI

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "maps" / "content"
BLANK_TILE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP89+/ffwAJ5gPy1xP2RgAAAABJRU5ErkJggg==")
SCREENSHOTS = os.environ.get("MAP_SCREENSHOTS")  # a folder: save screenshots of every page there


def page_html(lang: str, title: str, body: str) -> str:
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>body{{font-family:sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem}}</style>"
        f"</head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )


@pytest.fixture(scope="module")
def site_root(tmp_path_factory) -> Path:
    content = load_content(FIXTURE)
    enriched, _ = enrich(content)
    site = SiteContext(content=content, enriched=enriched, today=date(2026, 11, 27))
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(REPO / "docs" / "assets", root / "assets")
    pages = {
        "kaart/index.html": ("nl", maps.city_map_html(site, "nl") + maps.city_places_list(site, "nl", "kaart/index")),
        "ar/kaart/index.html": ("ar", maps.city_map_html(site, "ar") + maps.city_places_list(site, "ar", "kaart/index")),
        "buurt/binnenstad/index.html": ("nl", maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad")),
        "ar/buurt/binnenstad/index.html": ("ar", maps.buurt_map_html(site, "binnenstad", "ar", "buurt/binnenstad")),
        "plek/taalcafe-centrum/index.html": ("nl", maps.place_map_html(site, "taalcafe-centrum", "nl", "plek/taalcafe-centrum")),
        "ar/plek/taalcafe-centrum/index.html": ("ar", maps.place_map_html(site, "taalcafe-centrum", "ar", "plek/taalcafe-centrum")),
    }
    for path, (lang, body) in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(page_html(lang, path, body), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(site_root):
    handler = functools.partial(QuietHandler, directory=str(site_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Visit:
    """One page load with its console errors, tile requests and requests to foreign hosts."""

    def __init__(self, browser, url: str):
        self.errors: list[str] = []
        self.tiles: list[str] = []
        self.foreign: list[str] = []
        self.page = browser.new_page(viewport={"width": 900, "height": 1100})
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route("**/*", self.route)
        self.page.goto(url)

    def route(self, route):
        host = urlparse(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        elif host in maps.TILE_HOSTS:
            self.tiles.append(route.request.url)
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def markers(self, count: int) -> None:
        self.page.wait_for_function(f"document.querySelectorAll('.leaflet-marker-icon').length >= {count}", timeout=10000)
        self.page.wait_for_timeout(300)


PAGES = [
    ("kaart/index.html", 4, "city"),
    ("ar/kaart/index.html", 4, "city-ar"),
    ("buurt/binnenstad/index.html", 4, "buurt"),
    ("ar/buurt/binnenstad/index.html", 4, "buurt-ar"),
    ("plek/taalcafe-centrum/index.html", 1, "place"),
    ("ar/plek/taalcafe-centrum/index.html", 1, "place-ar"),
]


@pytest.mark.parametrize("path, count, name", PAGES)
def test_map_renders_its_markers_without_errors_or_foreign_requests(browser, server, path, count, name):
    visit = Visit(browser, f"{server}/{path}")
    visit.markers(count)
    page = visit.page
    assert page.locator(".leaflet-marker-icon").count() == count
    assert page.locator(".sk-map[role=region][aria-label]").count() == 1
    assert visit.errors == []
    assert visit.foreign == []
    assert visit.tiles and all(urlparse(u).hostname == "service.pdok.nl" for u in visit.tiles)
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "Kadaster" in attribution and "PDOK" in attribution and "Gemeente Eindhoven" in attribution
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"maps-{name}.png"), full_page=True)
    page.close()


def test_keyboard_reaches_a_marker_and_enter_opens_its_popup(browser, server):
    visit = Visit(browser, f"{server}/buurt/binnenstad/index.html")
    visit.markers(4)
    page = visit.page
    page.keyboard.press("Tab")  # the map container (Leaflet's keyboard panning)
    assert page.evaluate("document.activeElement.classList.contains('leaflet-container')")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('role'), document.activeElement.textContent]")
    assert "leaflet-marker-icon" in focused[0] and focused[1] == "button"
    assert " — " in focused[2]  # its accessible name: place, theme, labels
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup", timeout=5000)
    popup = page.locator(".leaflet-popup-content")
    link = popup.locator("a[href]").first
    assert link.get_attribute("href").startswith("../../plek/")
    assert focused[2].split(" — ")[0] in popup.inner_text()
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")  # focus moved into the popup
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached", timeout=5000)
    assert page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')")  # and back to the marker
    assert visit.errors == [] and visit.foreign == []
    page.close()


def test_popup_link_leads_to_the_place_page(browser, server):
    visit = Visit(browser, f"{server}/kaart/index.html")
    visit.markers(4)
    page = visit.page
    page.locator(".leaflet-marker-icon").first.click()
    href = page.locator(".leaflet-popup-content a[href]").first.get_attribute("href")
    assert href.startswith("../plek/") and href.endswith("/")
    page.close()


def test_rtl_page_keeps_controls_in_place(browser, server):
    visit = Visit(browser, f"{server}/ar/buurt/binnenstad/index.html")
    visit.markers(4)
    page = visit.page
    box = page.locator(".sk-map-canvas").bounding_box()
    zoom = page.locator(".leaflet-control-zoom").bounding_box()
    attribution = page.locator(".leaflet-control-attribution").bounding_box()
    assert zoom["x"] > box["x"] + box["width"] / 2  # zoom buttons on the right in Arabic
    assert attribution["x"] + attribution["width"] <= box["x"] + box["width"] + 1  # attribution inside the map
    page.locator(".leaflet-marker-icon").first.click()
    direction = page.evaluate("getComputedStyle(document.querySelector('.sk-popup')).direction")
    assert direction == "rtl"
    page.close()
