"""How validation time and memory grow with the amount of content (a benchmark, not a test).

    PYTHONPATH=. python bench/validate_bench.py [--repeat 3] [--sizes 1,10,100]

Writes synthetic content into a temporary folder — 116 buurten, as Eindhoven has, and 60
ontwikkelplaatsen with about three activities each at 1×, 600 at 10×, 6000 at 100× — and
validates it in a fresh Python process per size, so each size's peak memory (ru_maxrss) is its
own and not the high-water mark of an earlier, bigger run. Prints a Markdown table and writes it
to bench/results/validate.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "validate.md"
BUURTEN, PLACES_AT_1X = 116, 60
TODAY = date(2026, 11, 27)
THEMAS = ["ontmoeting", "taal", "eten", "tuin", "bewegen", "creatief", "leren", "hulp", "digitaal"]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]


# --- synthetic content ---------------------------------------------------------------------------------


def buurt_text(number: int) -> str:
    return (
        f"naam: Buurt {number:03d}\ncode: BU0772{number:04d}\n"
        f"omschrijving:\n  nl: Een rustige buurt met een park en een buurthuis, nummer {number}.\n"
        f"  en: A quiet neighbourhood with a park and a community centre.\n"
        f"wijkteam:\n  naam: WIJeindhoven team {number % 20}\n  telefoon: 040 123 {4000 + number}\n  email: team{number % 20}@voorbeeld.nl\n"
    )


def schedule(rng: random.Random) -> str:
    dag = rng.choice(DAGEN)
    start = rng.randrange(9, 19)
    times = f'van: "{start:02d}:00", tot: "{start + 2:02d}:00"'
    return rng.choice([
        f"{{herhaling: wekelijks, dag: {dag}, {times}}}",
        f"{{herhaling: tweewekelijks, dag: woensdag, startdatum: 2026-09-02, {times}}}",
        f"{{herhaling: maandelijks, dag: {dag}, week: [eerste, derde], {times}}}",
        f"{{herhaling: eenmalig, datum: 2026-12-12, {times}}}",
    ])


def place_text(number: int, rng: random.Random) -> str:
    activities = "".join(
        f"  - naam: {{nl: Activiteit {i}, en: Activity {i}}}\n"
        f"    omschrijving: Samen iets doen, met koffie en een praatje.\n"
        f"    wanneer: {schedule(rng)}\n"
        f"    kosten: {rng.choice(['gratis', '2.50', 'vrijwillige bijdrage'])}\n"
        for i in range(rng.choice([2, 3, 3, 4]))
    )
    return (
        f"naam: Ontwikkelplaats {number}\nbuurt: buurt-{rng.randrange(1, BUURTEN + 1):03d}\n"
        f"themas: [{', '.join(rng.sample(THEMAS, 2))}]\n"
        f"adres: {{straat: Voorbeeldstraat, huisnummer: {number % 300 + 1}, postcode: 56{rng.randrange(11, 58)} AB}}\n"
        f"omschrijving:\n  nl: Een plek waar buren elkaar ontmoeten en iets voor elkaar doen.\n  en: A place where neighbours meet.\n"
        f"talen: [nl, en]\ntoegankelijkheid: {{rolstoel: ja, rollator: deels, toilet: onbekend}}\n"
        f"contact: {{website: https://www.voorbeeld.nl/plek-{number}, email: plek{number}@voorbeeld.nl, telefoon: 040 765 {number % 10000:04d}}}\n"
        f"activiteiten:\n{activities}laatst_gecontroleerd: 2026-{rng.randrange(1, 12):02d}-15\n"
    )


def write_content(root: Path, factor: int) -> tuple[int, int]:
    """Write the content of one size; return its number of files and bytes."""
    rng = random.Random(factor)  # the same content on every run
    files = {f"buurten/buurt-{n:03d}.yml": buurt_text(n) for n in range(1, BUURTEN + 1)}
    files |= {f"ontwikkelplaatsen/plek-{n:05d}.yml": place_text(n, rng) for n in range(1, PLACES_AT_1X * factor + 1)}
    for rel, text in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files), sum(len(text.encode()) for text in files.values())


# --- one measurement, in a child process ------------------------------------------------------------------


def measure(content_root: Path, repeat: int) -> dict[str, float]:
    """Run in the child: validate ``repeat`` times; best wall time, peak RSS before and after."""
    import resource
    import time

    from generator.validate import validate_paths

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, problems = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = validate_paths([content_root / "content"], today=TODAY, base=content_root, with_geo=False)  # the geo checks are timed in walk_bench
        times.append(time.perf_counter() - start)
        problems = len(result.problems)
        del result  # so the next run's peak holds one loaded content, as a real run does
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": min(times), "baseline_kib": baseline, "peak_kib": peak, "problems": problems}


def run_child(content_root: Path, repeat: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(content_root), "--repeat", str(repeat)]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env, cwd=ROOT).stdout
    return json.loads(out)


# --- report ----------------------------------------------------------------------------------------------------


def table(rows: list[dict[str, float]]) -> str:
    first = rows[0]
    lines = [
        "| size | files | MB | wall time (s) | files/s | s per MB | peak RSS (MiB) | RSS above start-up (MiB) | time vs 1× | MB vs 1× |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['factor']}× | {row['files']} | {row['bytes'] / 1e6:.2f} | {row['seconds']:.3f} "
            f"| {row['files'] / row['seconds']:.0f} | {row['seconds'] / (row['bytes'] / 1e6):.2f} "
            f"| {row['peak_kib'] / 1024:.1f} | {(row['peak_kib'] - row['baseline_kib']) / 1024:.1f} "
            f"| {row['seconds'] / first['seconds']:.1f} | {row['bytes'] / first['bytes']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def verdict(rows: list[dict[str, float]]) -> str:
    first, last = rows[0], rows[-1]
    time_ratio = last["seconds"] / first["seconds"]
    places_ratio = (last["files"] - BUURTEN) / (first["files"] - BUURTEN)
    bytes_ratio = last["bytes"] / first["bytes"]
    per_mb = [row["seconds"] / (row["bytes"] / 1e6) for row in rows]
    spread = max(per_mb) / min(per_mb)
    return (
        f"Time {last['factor']}×/1×: **{time_ratio:.1f}**. The places grow {places_ratio:.0f}× but the 116 buurten "
        f"stay 116, so the content grows {bytes_ratio:.1f}× in bytes: linear growth means a time ratio near "
        f"{bytes_ratio:.0f}, i.e. a constant time per MB. Measured: {min(per_mb):.2f}–{max(per_mb):.2f} s per MB "
        f"(spread {spread:.2f}×), so growth is {'linear' if spread < 1.5 else 'NOT linear'}.\n"
    )


def report(rows: list[dict[str, float]], repeat: int) -> str:
    machine = f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {platform.system()}"
    problems = ", ".join(str(int(row["problems"])) for row in rows)
    return (
        "# Validation benchmark\n\n"
        f"`PYTHONPATH=. python bench/validate_bench.py` — {machine}. Synthetic content: {BUURTEN} buurten and "
        f"{PLACES_AT_1X} ontwikkelplaatsen (2–4 activities each) at 1×. Wall time is the best of {repeat} runs of "
        "`validate_paths` over the whole folder (read, parse, model, cross-file checks; no geo checks), in one "
        "fresh process per size; peak RSS is that process's `ru_maxrss`. "
        f"Problems found (should be 0): {problems}.\n\n" + table(rows) + "\n" + verdict(rows)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="factors of the shipped content, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.repeat)))
        return 0
    rows = []
    for factor in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bench-{factor}x-") as tmp:
            files, size = write_content(Path(tmp), factor)
            rows.append({"factor": factor, "files": files, "bytes": size, **run_child(Path(tmp), args.repeat)})
        print(f"{factor}×: {files} files, {rows[-1]['seconds']:.3f} s", file=sys.stderr)
    text = report(rows, args.repeat)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
