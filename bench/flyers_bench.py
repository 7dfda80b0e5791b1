"""Time the flyers: all buurten × all languages from scratch, unchanged, and after changing one place.

Runs ``python -m generator flyers`` as the deploy workflow does, in a throw-away copy of the
content (geo data linked) with an empty cache, and writes bench/results/flyers.md.

    PYTHONPATH=. .venv/bin/python bench/flyers_bench.py [--today 2026-11-27]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "flyers.md"
CHANGED_PLACE = "buurtkamer-joriskwartier.yml"  # a place near two buurten: one change, several flyers


def copy_content(target: Path) -> Path:
    content = target / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("geo"))
    (content / "geo").mkdir()
    for item in (REPO / "content" / "geo").iterdir():
        (content / "geo" / item.name).symlink_to(item)
    return content


def run_flyers(content: Path, work: Path, today: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (this process and its workers) and the command's summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "flyers", "--content", str(content), "--output", str(work / "docs" / "flyers"),
         "--cache", str(work / "cache"), "--today", today, "--mkdocs", str(REPO / "mkdocs.yml")],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout.strip().splitlines()[-1].replace(str(work / "docs"), "docs")


def change_one_place(content: Path) -> str:
    path = content / "ontwikkelplaatsen" / CHANGED_PLACE
    text = path.read_text(encoding="utf-8")
    changed = text.replace('van: "09:30"', 'van: "09:45"', 1)
    if changed == text:
        changed = text.replace("laatst_gecontroleerd:", "organisatie: Benchmark\nlaatst_gecontroleerd:", 1)
    path.write_text(changed, encoding="utf-8")
    return CHANGED_PLACE


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--today", default="2026-11-27")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flyers-bench-") as tmp:
        work = Path(tmp)
        content = copy_content(work)
        rows = [("from scratch (empty cache)", *run_flyers(content, work, args.today))]
        rows.append(("again, nothing changed", *run_flyers(content, work, args.today)))
        changed = change_one_place(content)
        rows.append((f"after changing one place ({changed})", *run_flyers(content, work, args.today)))
        pdfs = sorted((work / "docs" / "flyers").glob("*.pdf"))
        total_mb = sum(p.stat().st_size for p in pdfs) / 1e6
    load = os.getloadavg()
    lines = [
        "# Flyers benchmark",
        "",
        f"`python -m generator flyers` for every buurt × language ({len(pdfs)} PDFs, {total_mb:.1f} MB), "
        f"2 WeasyPrint worker processes, `--today {args.today}`.",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average after the run {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (the machine was shared, so wall times vary; CPU time is steadier).",
        "",
        "| run | wall time | CPU time (all processes) | output |",
        "|---|---:|---:|---|",
        *[f"| {name} | {wall:.1f} s | {cpu:.1f} s | {summary} |" for name, wall, cpu, summary in rows],
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
