"""Command line: ``python -m generator <command>``. Errors become one clean line, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator.changes import add_changes_command
from generator.geo import GeoDataError
from generator.geocode import GeocodeCacheError
from generator.i18n import LANGUAGES
from generator.problems import count_line, files_word, format_github, format_text, summary_markdown
from generator.upkeep import add_upkeep_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Sociale kaart Eindhoven")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="controleer de inhoud (content/*.yml)")
    check.add_argument("paths", nargs="*", type=Path, default=[Path("content")], help="bestanden of mappen (standaard: content)")
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.add_argument("--lang", choices=["nl", "en"], default="nl")
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    check.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    check.set_defaults(run=run_validate)

    geocode = commands.add_parser("geocode", help="zoek adressen op bij PDOK (met Nominatim als reserve) en vul de cache")
    mode = geocode.add_mutually_exclusive_group()
    mode.add_argument("--only-missing", dest="mode", action="store_const", const="only-missing", help="alleen adressen die nog niet in de cache staan (standaard)")
    mode.add_argument("--refresh", dest="mode", action="store_const", const="refresh", help="alle adressen opnieuw opzoeken")
    geocode.add_argument("paths", nargs="*", type=Path, default=[Path("content/ontwikkelplaatsen")])
    geocode.add_argument("--cache", type=Path, default=None, help=argparse.SUPPRESS)
    # For tests against a local server (tests never reach the internet):
    geocode.add_argument("--pdok-url", default=None, help=argparse.SUPPRESS)
    geocode.add_argument("--no-nominatim", action="store_true", help=argparse.SUPPRESS)
    geocode.set_defaults(run=run_geocode, mode="only-missing")

    wanneer = commands.add_parser("wanneer", help="lees een schema in gewone woorden (\"elke dinsdag 10-12 uur\") en geef het `wanneer:`-blok")
    wanneer.add_argument("zin", metavar="ZIN", help="het schema zoals op een flyer, tussen aanhalingstekens")
    wanneer.add_argument("--today", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD", help="de dag van vandaag (voor datums zonder jaar)")
    wanneer.set_defaults(run=run_wanneer)

    schema = commands.add_parser("schema", help="schrijf schema/*.schema.json en docs/velden.md uit de modellen")
    schema.set_defaults(run=run_schema)
    add_changes_command(commands)
    add_upkeep_command(commands)

    flyers = commands.add_parser("flyers", help="maak de flyers (PDF, A4) per buurt en taal in docs/flyers/")
    flyers.add_argument("--buurt", nargs="+", metavar="SLUG", help="alleen deze buurten (bestandsnaam zonder .yml)")
    flyers.add_argument("--lang", nargs="+", choices=LANGUAGES, help="alleen deze talen (standaard: alle)")
    flyers.add_argument("--content", type=Path, default=Path("content"), help="de content-map (standaard: content)")
    flyers.add_argument("--output", type=Path, default=Path("docs/flyers"), help="doelmap (standaard: docs/flyers)")
    flyers.add_argument("--cache", type=Path, default=Path(".cache/flyers"), help="map met eerder gemaakte PDF's (standaard: .cache/flyers)")
    flyers.add_argument("--mkdocs", type=Path, default=Path("mkdocs.yml"), help=argparse.SUPPRESS)
    flyers.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    flyers.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    flyers.set_defaults(run=run_flyers)
    return parser


def run_flyers(args: argparse.Namespace) -> int:
    from generator.render.flyers import run_flyers as run

    return run(args)


def run_schema(args: argparse.Namespace) -> int:
    from generator.schema import write_generated

    for rel in write_generated():
        print(f"geschreven: {rel}")
    return 0


def run_wanneer(args: argparse.Namespace) -> int:
    from generator.wanneer import PhraseError, read_phrase
    from generator.writer import wanneer_text

    try:
        schedule = read_phrase(args.zin, args.today or date.today())
    except PhraseError as exc:
        print(f"fout: {exc.text('nl')}", file=sys.stderr)
        return 1
    print(wanneer_text(schedule), end="")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from generator.validate import validate_paths

    today = args.today or date.today()
    if missing := [str(p) for p in args.paths if not p.exists()]:
        print(f"fout: bestaat niet: {', '.join(missing)}", file=sys.stderr)
        return 2
    result = validate_paths(args.paths, today=today, base=Path.cwd())
    formatter = format_github if args.format == "github" else format_text
    for problem in result.problems:
        print(formatter(problem, args.lang))
    print(f"{files_word(result.files_checked, args.lang)}: {count_line(result.problems, args.lang)}")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        with open(summary_file, "a", encoding="utf-8") as summary:
            summary.write(summary_markdown(result.problems, result.files_checked, args.lang))
    return 1 if result.failed(args.strict) else 0


def run_geocode(args: argparse.Namespace) -> int:
    from generator.geocode import AddressQuery, PdokClient, main_geocode
    from generator.validate import is_asked, validate_paths

    result = validate_paths(args.paths, today=date.today(), base=Path.cwd(), with_geo=False)
    content = result.content
    if content is None:
        print("fout: geen inhoud gevonden", file=sys.stderr)
        return 2
    pairs = [
        (entry.rel, AddressQuery(straat=a.straat, huisnummer=a.huisnummer, postcode=a.postcode, plaats=a.plaats))
        for entry in content.plaatsen.values()
        if entry.model.coordinaten is None and is_asked(entry.doc.path, args.paths) and (a := entry.model.adres)
    ]
    cache_path = args.cache or content.root / "geo" / "geocode-cache.json"
    pdok = PdokClient(base_url=args.pdok_url, max_retries=1, backoff_seconds=0) if args.pdok_url else None
    return main_geocode(pairs, cache_path, args.mode, pdok=pdok, use_nominatim=not args.no_nominatim)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error, as argparse does
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except (GeoDataError, GeocodeCacheError) as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
