"""One command for every benchmark: runs them in turn and writes BENCHMARKS.md.

Run from the repository root after `./dev setup`:   .venv/bin/python bench/run_all.py [--skip NAME …]
Each benchmark script writes its own table to bench/results/<name>.md; this script runs them,
then puts the tables together, dated and with the machine they ran on, into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = [  # (name, script and arguments, result file)
    ("validate", ["bench/validate_bench.py"], "validate.md"),
    ("walk", ["bench/walk_bench.py"], "walk.md"),
    ("site", ["bench/site_bench.py"], "site.md"),
    ("maps", ["bench/map_weight.py"], "maps.md"),
    ("finder", ["bench/finder_bench.py"], "finder.md"),
    ("flyers", ["bench/flyers_bench.py"], "flyers.md"),
    ("lighthouse", ["bench/lighthouse.py"], "lighthouse.md"),
]


def machine() -> str:
    memory = ""
    if Path("/proc/meminfo").exists():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB memory"
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


def pull_request_check() -> str:
    """What an editor waits for: `validate` over the shipped content, geo checks included."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "validate", "content"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    files = sum(1 for p in (REPO / "content").rglob("*.yml") if not p.name.startswith("_"))
    return "\n".join([
        "## Pull-request check",
        "",
        "`python -m generator validate content` (all content files, geo checks included, a fresh process each time).",
        "",
        "| files | median wall time (s) | runs |",
        "|---|---|---|",
        f"| {files} | {sorted(times)[1]:.2f} | " + ", ".join(f"{t:.2f}" for t in times) + " |",
        "",
    ])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip", nargs="*", default=[])
    args = parser.parse_args()
    ran = []
    for name, command, _ in BENCHMARKS:
        if name in args.skip or not (REPO / command[0]).exists():
            continue
        if name == "lighthouse":
            subprocess.run([str(REPO / ".venv" / "bin" / "mkdocs"), "build", "-q"], cwd=REPO, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        start = time.perf_counter()
        subprocess.run([sys.executable, *command], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        ran.append((name, time.perf_counter() - start))
    parts = [
        "# Benchmarks",
        "",
        f"Written by `bench/run_all.py` on {date.today().isoformat()}. Machine: {machine()}.",
        "Each section below is the table of one benchmark script (bench/results/*.md); run them again with the same command.",
        "",
    ]
    parts.append(pull_request_check())
    for name, _, result in BENCHMARKS:
        path = REPO / "bench" / "results" / result
        if path.exists():
            body = path.read_text(encoding="utf-8").strip()
            parts += [f"<!-- {name}: bench/results/{result} -->", body.replace("\n# ", "\n## ").replace("# ", "## ", 1) if body.startswith("# ") else body, ""]
    (REPO / "BENCHMARKS.md").write_text("\n".join(parts) + "\n", encoding="utf-8")
    for name, seconds in ran:
        print(f"{name}: {seconds:.0f} s")
    print("BENCHMARKS.md written")


if __name__ == "__main__":
    main()
