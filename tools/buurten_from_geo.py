"""Write one file per buurt, content/buurten/<slug>.yml, from the shared buurt index.

Reproducible: run it again and the same 116 files come out. It writes only what the geo data
knows for sure (name and CBS code); omschrijving and wijkteam stay as comments for residents to
fill in, because we do not invent facts about real buurten. Wijk and stadsdeel are not written:
the generator takes them from the geo data.

    PYTHONPATH=. python tools/buurten_from_geo.py [--index PATH] [--out content/buurten]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from generator.slug import slugify

DEFAULT_INDEX = Path("/work/shared/data/eindhoven_buurten_index.csv")
DEFAULT_OUT = Path("content/buurten")
EXPECTED_COUNT = 116

TEMPLATE = """\
# yaml-language-server: $schema=../../schema/buurt.schema.json
naam: {naam}
code: {code}
# omschrijving: een paar zinnen over de buurt, door bewoners geschreven
# wijkteam: {{naam: ..., telefoon: ..., email: ..., website: ...}}
"""


def rows_from_index(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def yaml_scalar(text: str) -> str:
    # Names such as "'t Hofke" or "Muschberg, Geestenberg" need quotes to stay plain text in YAML.
    plain_ok = text[:1].isalnum() and not any(ch in text for ch in ":#,[]{}&*!|>'\"%@`")
    return text if plain_ok else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def files_from_rows(rows: list[dict[str, str]]) -> dict[str, str]:
    files: dict[str, str] = {}
    for row in rows:
        slug = slugify(row["buurtnaam"])
        if slug in files:
            raise SystemExit(f"dubbele slug {slug!r} voor {row['buurtnaam']!r}")
        files[slug] = TEMPLATE.format(naam=yaml_scalar(row["buurtnaam"]), code=row["cbs_buurtcode_2024"])
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    files = files_from_rows(rows_from_index(args.index))
    if len(files) != EXPECTED_COUNT:
        print(f"verwacht {EXPECTED_COUNT} buurten, gevonden {len(files)}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for slug, text in sorted(files.items()):
        target = args.out / f"{slug}.yml"
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written += 1
    print(f"{len(files)} buurten, {len(set(files))} unieke slugs, {written} bestanden geschreven in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
