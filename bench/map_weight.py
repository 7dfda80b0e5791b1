"""Benchmark of generator/render/maps.py: what a buurt page's map costs to transfer.

Run from the repository root:  python bench/map_weight.py [--npm DIR] [--no-page]
Prints a Markdown report and writes it to bench/results/maps.md.

1. Map JavaScript + CSS of a buurt page, gzip: the same folium map (fixture buurt Binnenstad:
   its boundary, 2 places in it, 2 nearby) rendered lean (Leaflet from the site + maps.css + the
   inline script) and with folium's default assets (its CDN links + its inline styles and script).
   The CDN files are not fetched: they are the same versions from the npm registry, installed with
   npm into ``--npm`` (default /tmp/foliumdeps/node_modules):

       npm i jquery@3.7.1 bootstrap@5.2.2 @fortawesome/fontawesome-free@6.2.0 \\
             leaflet.awesome-markers@2.0.4 leaflet@1.9.3

   Files with no npm equivalent are listed as not counted (that makes folium's figure smaller,
   never ours). Each file is gzipped on its own (level 6, as most servers), as it is transferred.
2. Total weight of a buurt page without tiles: a small mkdocs-material site (the project's
   theme settings, the map block, a place list) built into a temporary folder, loaded in
   Chromium; every same-origin response counted, raw and gzip. Needs mkdocs and Playwright.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import functools
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import folium  # noqa: E402

from generator.content import load_content  # noqa: E402
from generator.enrich import enrich  # noqa: E402
from generator.render import maps  # noqa: E402
from generator.site import SiteContext  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "maps" / "content"
RESULTS = REPO / "bench" / "results" / "maps.md"
BUURT, PAGE = "binnenstad", "buurt/binnenstad"

# folium 0.20 default asset URL -> file of the same package and version on npm (None: not on npm).
NPM_FILES: dict[str, str | None] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet/dist/leaflet.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "bootstrap/dist/js/bootstrap.bundle.min.js",
    # cdnjs has 2.0.2, npm has 2.0.0/2.0.4/2.0.5: 2.0.4 minified is the nearest.
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": "leaflet.awesome-markers/dist/leaflet.awesome-markers.min.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet/dist/leaflet.css",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css": None,  # bootstrap 3.0.0 is not on npm
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css": "@fortawesome/fontawesome-free/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css": "leaflet.awesome-markers/dist/leaflet.awesome-markers.css",
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css": None,  # GitHub file, not a package
}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass
class Part:
    name: str
    raw: int
    gzip: int


BINARY = (".png", ".jpg", ".woff2", ".woff", ".ico")  # served as they are: no gzip


def part(name: str, data: bytes) -> Part:
    return Part(name, len(data), len(data) if name.lower().endswith(BINARY) else gz(data))


def fixture_site() -> SiteContext:
    content = load_content(FIXTURE)
    enriched, _ = enrich(content)
    return SiteContext(content=content, enriched=enriched, today=date(2026, 11, 27))


def lean_parts(site: SiteContext) -> tuple[list[Part], str]:
    block = maps.buurt_map(site, BUURT, "nl", PAGE)
    html = maps.block_html(block, "nl", PAGE)
    script = re.search(r"<script>\n(.*?)\n</script>", html, re.S).group(1)
    docs = REPO / "docs"
    parts = [part(p, (docs / p).read_bytes()) for p in (maps.LEAFLET_JS, maps.LEAFLET_CSS, maps.MAPS_CSS)]
    parts.append(part("inline map script (data included)", script.encode()))
    return parts, html


def folium_default_parts(site: SiteContext, npm: Path) -> tuple[list[Part], list[str]]:
    """The same map with folium's defaults: its CDN assets and everything inline in its <head>/<script>."""
    block = maps.buurt_map(site, BUURT, "nl", PAGE)
    fmap = block.fmap
    del fmap.default_js, fmap.default_css  # back to folium's class defaults
    maps.stable_ids(fmap)
    page = fmap.get_root().render()
    urls = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    parts, missing = [], []
    for url in urls:
        local = NPM_FILES.get(url)
        if local is None or not (npm / local).exists():
            missing.append(url)
            continue
        parts.append(part(url.split("/")[-1] + f" ({local.split('/')[0]})", (npm / local).read_bytes()))
    inline = "".join(re.findall(r"<style>.*?</style>|<script>.*?</script>", page, re.S))
    parts.append(part("inline styles + map script (data included)", inline.encode()))
    return parts, missing


def inline_sizes(site: SiteContext) -> str:
    """City boundaries before and after simplification, and the inline script of each kind of map."""
    import json

    import shapely
    from shapely.geometry import mapping

    kaart = site.enriched.kaart
    full = json.dumps([mapping(b.vorm) for b in kaart.buurten], separators=(",", ":")).encode()
    simple = maps.simplified_city(kaart)
    small = json.dumps([maps.rounded(s) for s in simple.values()], separators=(",", ":")).encode()
    rows = [
        f"| 116 buurt boundaries, as in content/geo (6 decimals) | {sum(len(shapely.get_coordinates(b.vorm)) for b in kaart.buurten):,} | {len(full):,} | {gz(full):,} |",
        f"| simplified along shared edges ({maps.CITY_TOLERANCE}°), 5 decimals | {sum(len(shapely.get_coordinates(s)) for s in simple.values()):,} | {len(small):,} | {gz(small):,} |",
    ]
    for name, html in (
        ("city map script (boundaries with tooltips/popups + 4 places)", maps.city_map_html(site, "nl")),
        ("buurt map script (1 boundary + 4 places)", maps.buurt_map_html(site, BUURT, "nl", PAGE)),
        ("place map script (1 boundary + 1 place)", maps.place_map_html(site, "taalcafe-centrum", "nl", "plek/taalcafe-centrum")),
    ):
        script = re.search(r"<script>\n(.*?)\n</script>", html, re.S).group(1).encode()
        rows.append(f"| {name} | | {len(script):,} | {gz(script):,} |")
    return "| data | vertices | bytes | gzip |\n|---|---:|---:|---:|\n" + "\n".join(rows)


def table(parts: list[Part]) -> str:
    rows = [f"| {p.name} | {p.raw:,} | {p.gzip:,} |" for p in parts]
    total = f"| **total** | **{sum(p.raw for p in parts):,}** | **{sum(p.gzip for p in parts):,}** |"
    return "| file | bytes | gzip |\n|---|---:|---:|\n" + "\n".join(rows) + "\n" + total


# --- whole page -----------------------------------------------------------------------------------


MKDOCS_YML = """site_name: Sociale kaart Eindhoven
site_url: https://example.org/sociale-kaart/
theme:
  name: material
  language: nl
  font: false
  features: [navigation.sections, navigation.top, search.suggest]
  palette: {primary: green, accent: deep orange}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - {locale: nl, name: Nederlands, default: true, build: true}
        - {locale: ar, name: العربية, build: true}
extra_css: [assets/css/kaart.css]
extra_javascript: [assets/js/kaart.js]
markdown_extensions: [attr_list, md_in_html, tables, {toc: {permalink: false}}]
"""


def buurt_page_markdown(site: SiteContext, lang: str) -> str:
    """A buurt page as pages.py makes it, cut down to what this branch can render: title, the
    map block and the list of its places (no agenda, nearby table or wijkteam)."""
    entries = sorted((e for e in site.content.plaatsen.values() if e.model.buurt == BUURT), key=lambda e: e.model.naam)
    items = "".join(maps.list_item(site, e, lang, PAGE) for e in entries)
    return (
        '---\ntitle: "Binnenstad"\n---\n\n# Binnenstad\n\n'
        + maps.buurt_map_html(site, BUURT, lang, PAGE)
        + f'\n## Plekken in deze buurt\n\n<div markdown="0"><ul class="sk-places">{items}</ul></div>\n'
    )


def build_site(site: SiteContext, folder: Path) -> Path:
    docs = folder / "docs"
    shutil.copytree(REPO / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# Sociale kaart\n", encoding="utf-8")
    for lang, suffix in (("nl", ""), ("ar", ".ar")):
        (docs / "buurt").mkdir(parents=True, exist_ok=True)
        (docs / f"buurt/binnenstad{suffix}.md").write_text(buurt_page_markdown(site, lang), encoding="utf-8")
        for f in maps.city_map_page(site):
            if f.path in {f"kaart/index{suffix}.md"}:
                (docs / "kaart").mkdir(exist_ok=True)
                (docs / f.path).write_text(f.content, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")], check=True, cwd=folder)
    return folder / "site"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weight(site_dir: Path, paths: list[str], screenshots: Path | None) -> dict[str, list[Part]]:
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
            for path in paths:
                page = browser.new_page(viewport={"width": 1100, "height": 1300})
                seen: list[str] = []
                page.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).hostname == "127.0.0.1" else route.abort())
                page.on("requestfinished", lambda request: seen.append(request.url))
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(500)
                if screenshots:
                    page.screenshot(path=str(screenshots / ("maps-page-" + path.strip("/").replace("/", "-") + ".png")), full_page=True)
                parts = []
                for url in dict.fromkeys(seen):
                    local = site_dir / urlparse(url).path.lstrip("/")
                    local = local / "index.html" if local.is_dir() else local
                    if local.exists():
                        parts.append(part(urlparse(url).path, local.read_bytes()))
                results[path] = parts
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--npm", type=Path, default=Path("/tmp/foliumdeps/node_modules"))
    parser.add_argument("--no-page", action="store_true", help="skip the whole-page weight (needs mkdocs and Playwright)")
    parser.add_argument("--screenshots", type=Path, default=None, help="save screenshots of the built pages here")
    args = parser.parse_args()

    site = fixture_site()
    lean, _ = lean_parts(site)
    heavy, missing = folium_default_parts(site, args.npm)
    lean_gz, heavy_gz = sum(p.gzip for p in lean), sum(p.gzip for p in heavy)
    lines = [
        "# Map weight benchmark (`bench/map_weight.py`)",
        "",
        f"folium {folium.__version__}, Leaflet 1.9.4 (vendored); buurt page of the fixture buurt Binnenstad "
        "(boundary, 2 places in the buurt, 2 nearby). gzip level 6, each file on its own.",
        "",
        "## Map JavaScript + CSS transferred on a buurt page",
        "",
        "### Lean (this site)",
        "",
        table(lean),
        "",
        "### Same map with folium's default assets",
        "",
        table(heavy),
        "",
        "Not counted (no npm package of that version; folium's total is therefore a little low): "
        + (", ".join(f"`{u}`" for u in missing) or "none")
        + ". Font Awesome's web fonts are not counted either (only fetched when an icon is shown).",
        "",
        f"**Lean / folium default (gzip): {lean_gz:,} / {heavy_gz:,} bytes = {100 * lean_gz / heavy_gz:.1f} %** (goal ≤ 40 %).",
        "",
        "## Inline map data",
        "",
        inline_sizes(site),
        "",
        "## Total weight of a buurt page without tiles",
        "",
    ]
    if args.no_page:
        lines.append("Not measured (`--no-page`).")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site_dir = build_site(site, Path(tmp))
            weights = page_weight(site_dir, ["buurt/binnenstad/", "ar/buurt/binnenstad/"], args.screenshots)
        for path, parts in weights.items():
            lines += [f"### `/{path}` (mkdocs-material 9, same theme settings; every same-origin request on load)", "", table(parts), ""]
        lines.append(
            "The page is cut down: title, map block and the list of the buurt's places; the real buurt page "
            "adds the nearby table, this week's agenda and the wijkteam (a few KB of HTML). Tiles were blocked."
        )
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
