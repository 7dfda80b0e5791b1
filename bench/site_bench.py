"""Benchmark of the site build: our build against a plain mkdocs-material + mkdocs-static-i18n build,
growth with 10× the places, and the gzip weight of each page type.

Run from the repository root (after ./dev setup):  .venv/bin/python bench/site_bench.py
Prints a Markdown report and writes it to bench/results/site.md.

- "ours": a fresh copy of the project (mkdocs.yml, hooks, docs, content) built from scratch with
  `mkdocs build` — the generator runs in the hook, as in `./dev build`. Flyers are not part of it.
- "plain": the same theme, plugins and languages with no hook, and as many hand-written pages per
  language as our build makes (each a heading and a few paragraphs): what MkDocs itself costs.
- "10×": our build with ten times as many places (copies of the shipped ones, moved to other buurten).
- Page weight: every same-origin file a page loads (HTML, CSS, JS, inline data), gzip level 6,
  measured in headless Chromium so it is what a browser really fetches; map tiles excluded.
"""

from __future__ import annotations

import gzip
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import yaml  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from browser_util import serve, watch  # noqa: E402
from conftest import generated_docs  # noqa: E402

RESULTS = REPO / "bench" / "results" / "site.md"
TODAY = "2026-11-27"
PAGE_TYPES = {
    "home": "",
    "buurt page": "buurt/binnenstad/",
    "place page": "plek/bibliotheek-eindhoven-centrum/",
    "agenda": "agenda/",
    "finder": "vinder/",
    "city map": "kaart/",
    "stats": "stats/",
}


def copy_project(target: Path, content: Path = REPO / "content") -> Path:
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target)
    shutil.copytree(REPO / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "overrides", target / "overrides")
    shutil.copytree(REPO / "docs", target / "docs", ignore=generated_docs)
    shutil.copytree(content, target / "content")
    return target


def timed_build(project: Path) -> float:
    env = {**os.environ, "SOCIALE_KAART_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")], cwd=project, env=env, check=True)
    return time.perf_counter() - start


def pages_per_language(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html") if not p.relative_to(site).parts[0] in {"en", "tr", "ar", "pl", "uk"})


def plain_project(target: Path, pages: int) -> Path:
    """Same theme, plugins and languages, no hook: `pages` simple pages in every language."""
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = "https://example.org/"
    config.pop("hooks", None)
    config.pop("nav", None)
    config.pop("not_in_nav", None)
    config["theme"].pop("custom_dir", None)
    config["watch"] = []
    config["extra_css"], config["extra_javascript"] = [], []
    languages = [entry["locale"] for entry in next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]]
    docs = target / "docs"
    for number in range(pages):
        for lang in languages:
            suffix = "" if lang == "nl" else f".{lang}"
            page = docs / f"pagina-{number}" / f"index{suffix}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            body = "\n\n".join(f"Dit is alinea {i} van pagina {number}, met wat tekst over de buurt en de plekken." for i in range(6))
            page.write_text(f"# Pagina {number}\n\n## Kopje\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def tenfold_content(target: Path) -> Path:
    """Ten times as many places: each shipped place nine more times, in other buurten."""
    shutil.copytree(REPO / "content", target)
    places = sorted((target / "ontwikkelplaatsen").glob("[!_]*.yml"))
    buurten = sorted(p.stem for p in (target / "buurten").glob("[!_]*.yml"))
    points = {b: _point_of(target, b) for b in buurten}
    rng = random.Random(10)
    for place in places:
        data = yaml.safe_load(place.read_text(encoding="utf-8"))
        for copy in range(1, 10):
            buurt = rng.choice(buurten)
            data.update(buurt=buurt, coordinaten=list(points[buurt]), naam=f"{data['naam']} {copy}")
            (place.parent / f"{place.stem}-{copy}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _point_of(content: Path, buurt_slug: str) -> tuple[float, float]:
    from generator.geo import laad_buurtkaart

    return laad_buurtkaart(content / "geo" / "buurten.geojson").per_slug(buurt_slug).punt


def page_weights(site: Path) -> dict[str, tuple[int, int]]:
    """(raw, gzip) bytes of everything each page type loads from the site itself."""
    from playwright.sync_api import sync_playwright

    weights = {}
    server = serve(site)
    served = next(server)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-background-networking"])
        for name, path in PAGE_TYPES.items():
            if not (site / path / "index.html").exists():
                continue
            page = browser.new_page()
            watch(page, served.base)
            loaded: list[str] = []
            page.on("requestfinished", lambda request, loaded=loaded: loaded.append(request.url))
            page.goto(served.base + path, wait_until="networkidle")
            weights[name] = _bytes_of(site, served.base, loaded)
            page.close()
        browser.close()
    next(server, None)
    return weights


def _bytes_of(site: Path, base: str, urls: list[str]) -> tuple[int, int]:
    raw = packed = 0
    for url in dict.fromkeys(urls):
        if not url.startswith(base) or url.endswith("sitemap.xml"):
            continue
        local = site / url[len(base):].split("?")[0]
        local = local / "index.html" if local.is_dir() or url.endswith("/") else local
        if local.exists():
            data = local.read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data, compresslevel=6))
    return raw, packed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ours = copy_project(tmp_path / "ours")
        ours_time = timed_build(ours)
        pages = pages_per_language(ours / "site")
        plain = plain_project(tmp_path / "plain", pages)
        plain_time = timed_build(plain)
        big = copy_project(tmp_path / "big", tenfold_content(tmp_path / "big-content"))
        big_time = timed_build(big)
        places = len(list((REPO / "content" / "ontwikkelplaatsen").glob("[!_]*.yml")))
        weights = page_weights(ours / "site")
    lines = [
        f"# Site build benchmark ({date.today().isoformat()})",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; `bench/site_bench.py`.",
        "",
        "| build | pages per language | time (s) |",
        "|---|---|---|",
        f"| ours: shipped content ({places} places, 116 buurten) | {pages} | {ours_time:.1f} |",
        f"| plain mkdocs-material + mkdocs-static-i18n, same page count | {pages} | {plain_time:.1f} |",
        f"| **ratio ours / plain** (goal ≤ 1.5) | | **{ours_time / plain_time:.2f}** |",
        f"| ours with 10× the places ({places * 10}) | | {big_time:.1f} |",
        f"| **growth 10× / 1×** (goal ≤ 12) | | **{big_time / ours_time:.2f}** |",
        "",
        "| page type | URL | raw bytes | gzip bytes |",
        "|---|---|---|---|",
        *[f"| {name} | /{PAGE_TYPES[name]} | {raw:,} | {packed:,} |" for name, (raw, packed) in weights.items()],
        "",
        "Page weight: HTML + CSS + JS + data the page loads from the site (gzip level 6), map tiles excluded.",
        "",
    ]
    report = "\n".join(lines)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
