"""Check the starter ontwikkelplaatsen against the buurt polygons and print what they cover.

Asserts, for every place file in content/ontwikkelplaatsen/:
- it loads without problems through the generator's own loader (same path as `validate`);
- its manual `coordinaten` lie inside the polygon of the buurt the file names;
- it is marked `voorbeeld: ja`, starts with the schema comment, quotes its times,
  has an Eindhoven postcode (56xx) and a `laatst_gecontroleerd` before the reference date;
- `behalve` dates fall on a day the activity takes place, and `eenmalig` dates lie in
  December 2026 or in 2027.
Then checks the coverage the starter set promises (every wijk, every theme twice, every kind of
schedule, at most two stale places) and prints the counts.

    PYTHONPATH=. python tools/check_starter_points.py [--content content] [--today 2026-11-27]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from shapely.geometry import Point, shape

from generator.content import load_content
from generator.models import DAGEN, THEMAS, Ontwikkelplaats, Wanneer
from generator.slug import slugify

GEOJSON = Path("/work/shared/data/eindhoven_buurten.geojson")
INDEX = Path("/work/shared/data/eindhoven_buurten_index.csv")
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/ontwikkelplaats.schema.json"
STALE_AFTER = timedelta(days=365)
MAX_STALE = 2


def polygons_by_slug(path: Path) -> dict[str, object]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {slugify(f["properties"]["buurtnaam"]): shape(f["geometry"]) for f in features}


def wijk_by_slug(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {slugify(row["buurtnaam"]): row["wijknaam"] for row in csv.DictReader(handle)}


def schedule_kinds(when: Wanneer) -> list[str]:
    """The kinds of schedule one `wanneer` shows, as counted in the report."""
    kinds = []
    if when.herhaling == "wekelijks":
        kinds.append("wekelijks, één dag" if len(when.dag or []) == 1 else "wekelijks, meer dagen")
    elif when.herhaling == "maandelijks":
        kinds += [f"maandelijks, {week}" for week in when.week or []]
    else:
        kinds.append(when.herhaling)
    kinds += [name for name in ("vanaf", "tot_en_met") if getattr(when, name) is not None]
    if when.behalve:
        kinds.append("behalve")
    return kinds


def schedule_faults(when: Wanneer) -> list[str]:
    faults = []
    days = set(when.dag or [])
    for skipped in when.behalve:
        if days and DAGEN[skipped.weekday()] not in days:
            faults.append(f"behalve {skipped} is een {DAGEN[skipped.weekday()]}, niet {'/'.join(sorted(days))}")
    for once in when.datum or []:
        if not (once.year == 2027 or (once.year == 2026 and once.month == 12)):
            faults.append(f"eenmalig op {once}: verwacht december 2026 of 2027")
    return faults


def place_faults(slug: str, text: str, place: Ontwikkelplaats, polygons: dict, today: date) -> list[str]:
    faults = []
    if not text.startswith(SCHEMA_LINE + "\n"):
        faults.append("eerste regel is niet het schema-commentaar")
    if re.search(r"^\s*(van|tot):\s*[^\"\s]", text, re.MULTILINE):
        faults.append("een tijd staat niet tussen aanhalingstekens")
    if not place.voorbeeld:
        faults.append("voorbeeld: ja ontbreekt")
    if not re.fullmatch(r"56\d\d [A-Z]{2}", place.adres.postcode):
        faults.append(f"postcode {place.adres.postcode} is geen Eindhovense postcode (56xx)")
    if place.laatst_gecontroleerd >= today:
        faults.append(f"laatst_gecontroleerd {place.laatst_gecontroleerd} is niet voor {today}")
    if place.coordinaten is None:
        faults.append("coordinaten ontbreken")
    elif place.buurt not in polygons:
        faults.append(f"buurt {place.buurt} bestaat niet")
    else:
        lat, lon = place.coordinaten
        if not polygons[place.buurt].contains(Point(lon, lat)):
            hits = [s for s, poly in polygons.items() if poly.contains(Point(lon, lat))]
            faults.append(f"punt {lat}, {lon} ligt niet in {place.buurt} maar in {hits or 'geen buurt'}")
    for activity in place.activiteiten:
        for when in activity.wanneer:
            faults += [f"{activity.naam['nl']}: {fault}" for fault in schedule_faults(when)]
    return [f"{slug}: {fault}" for fault in faults]


def print_counter(title: str, counter: Counter, order: list[str] | None = None) -> None:
    print(f"\n{title}:")
    for key in order or sorted(counter, key=lambda k: (-counter[k], k)):
        print(f"  {key:<28} {counter[key]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 27))
    args = parser.parse_args(argv)

    content = load_content(args.content)
    assert not content.problems, "\n".join(f"{p.file}:{p.line}: {p.code}" for p in content.problems)
    polygons, wijken = polygons_by_slug(GEOJSON), wijk_by_slug(INDEX)

    faults: list[str] = []
    places_per_wijk: Counter = Counter({w: 0 for w in sorted(set(wijken.values()))})
    place_themes, activity_themes, kinds, languages, statuses, costs = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    translated, stale, activity_count = Counter(), [], 0
    for slug, entry in sorted(content.plaatsen.items()):
        place = entry.model
        faults += place_faults(slug, (args.content.parent / entry.rel).read_text(encoding="utf-8"), place, polygons, args.today)
        places_per_wijk[wijken.get(place.buurt, "?")] += 1
        place_themes.update(place.themas)
        languages.update(place.talen)
        statuses[place.status] += 1
        if args.today - place.laatst_gecontroleerd > STALE_AFTER:
            stale.append(slug)
        for activity in place.activiteiten:
            activity_count += 1
            activity_themes.update(activity.themas or place.themas)
            languages.update(activity.talen or [])
            costs["bedrag" if not isinstance(activity.kosten, str) else activity.kosten] += 1
            translated.update(lang for lang in activity.naam if lang != "nl")
            for when in activity.wanneer:
                kinds.update(schedule_kinds(when))

    all_themes = Counter(place_themes) + Counter(activity_themes)
    if missing := [w for w, n in places_per_wijk.items() if n == 0]:
        faults.append(f"wijken zonder plek: {missing}")
    if thin := [t for t in THEMAS if all_themes[t] < 2]:
        faults.append(f"thema's minder dan twee keer gebruikt: {thin}")
    needed = ["wekelijks, één dag", "wekelijks, meer dagen", "tweewekelijks", "maandelijks, eerste", "maandelijks, laatste",
              "eenmalig", "vanaf", "tot_en_met", "behalve"]
    if absent := [k for k in needed if not kinds[k]]:
        faults.append(f"soorten schema die ontbreken: {absent}")
    if len(stale) > MAX_STALE:
        faults.append(f"meer dan {MAX_STALE} plekken ouder dan 12 maanden: {stale}")

    print(f"plekken: {len(content.plaatsen)}   activiteiten: {activity_count}   buurten: {len(content.buurten)}")
    print(f"wijken met een plek: {sum(1 for n in places_per_wijk.values() if n)} van {len(places_per_wijk)}")
    print_counter("plekken per wijk", places_per_wijk, sorted(places_per_wijk))
    print_counter("thema's (plekken + activiteiten samen; een activiteit zonder eigen thema's telt die van de plek)", all_themes, list(THEMAS))
    print("  (per plek: " + ", ".join(f"{t} {place_themes[t]}" for t in THEMAS) + ")")
    print("  (per activiteit: " + ", ".join(f"{t} {activity_themes[t]}" for t in THEMAS) + ")")
    print_counter("soorten schema (per `wanneer`-blok; één blok kan meer soorten tonen)", kinds)
    print_counter("talen (plekken en activiteiten samen)", languages)
    print_counter("vertaalde activiteitnamen per taal", translated)
    print_counter("status", statuses)
    print_counter("kosten per activiteit", costs)
    print(f"\nniet gecontroleerd in 12 maanden (waarschuwing bedoeld): {', '.join(stale) or 'geen'}")
    if faults:
        print("\nFOUTEN:")
        print("\n".join(f"  {f}" for f in faults))
        return 1
    print("\nalle punten liggen in hun buurt; alle controles geslaagd")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
