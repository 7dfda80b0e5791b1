"""Lighthouse scores (mobile settings) of the built site, served on 127.0.0.1, in nl and ar.

Run from the repository root after building the site (./dev build):
    .venv/bin/python bench/lighthouse.py [--site site]
Installs Lighthouse 12.2.3 from bench/lighthouse/package-lock.json with `npm ci` on first use and
drives the system Chromium (CHROME_PATH, default /usr/bin/chromium). Map tiles are blocked: this
measures the site itself. Writes bench/results/lighthouse.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_util import serve  # noqa: E402

TOOL = REPO / "bench" / "lighthouse"
RESULTS = REPO / "bench" / "results" / "lighthouse.md"
PAGES = {"home": "", "buurt page": "buurt/binnenstad/", "place page": "plek/bibliotheek-eindhoven-centrum/", "finder": "vinder/"}
LANGS = ("nl", "ar")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}


def lighthouse_bin() -> Path:
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=TOOL, check=True)
    return binary


def run(binary: Path, url: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", shutil.which("chromium") or "/usr/bin/chromium")}
    subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
         "--blocked-url-patterns=*service.pdok.nl*", "--blocked-url-patterns=*tile.openstreetmap.org*",
         "--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update"],
        env=env, check=True, timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=REPO / "site")
    args = parser.parse_args()
    binary = lighthouse_bin()
    rows = []
    server = serve(args.site)
    served = next(server)
    try:
        for name, path in PAGES.items():
            for lang in LANGS:
                page = ("" if lang == "nl" else f"{lang}/") + path
                if not (args.site / page / "index.html").exists():
                    continue
                scores = run(binary, served.base + page, Path(f"/tmp/lighthouse-{lang}-{name.replace(' ', '-')}.json"))
                rows.append(f"| {name} | {lang} | " + " | ".join(_mark(scores[c], GOALS[c]) for c in CATEGORIES) + " |")
    finally:
        next(server, None)
    report = "\n".join([
        f"# Lighthouse ({date.today().isoformat()})", "",
        "Lighthouse 12.2.3, mobile settings (simulated throttling), system Chromium, site served on 127.0.0.1, map tiles blocked.",
        "Goals: performance ≥ 90, accessibility 100, best practices ≥ 95, SEO ≥ 95; a score below its goal is marked ✗.", "",
        "| page | lang | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|---|", *rows, "",
    ])
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


def _mark(score: int, goal: int) -> str:
    return f"{score}" if score >= goal else f"{score} ✗"


if __name__ == "__main__":
    main()
