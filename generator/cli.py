"""Command line: ``python -m generator <command>``. Errors become one clean line, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator.changes import add_changes_command
from generator.problems import count_line, format_github, format_text, summary_markdown
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
    add_changes_command(commands)
    add_upkeep_command(commands)
    return parser


def run_validate(args: argparse.Namespace) -> int:
    from generator.enrich import geo_checks_for
    from generator.validate import content_root_of, validate_paths

    today = args.today or date.today()
    if missing := [str(p) for p in args.paths if not p.exists()]:
        print(f"fout: bestaat niet: {', '.join(missing)}", file=sys.stderr)
        return 2
    roots = {content_root_of(p) for p in args.paths if p.exists()}
    geo = geo_checks_for(next(iter(roots))) if len(roots) == 1 else None
    result = validate_paths(args.paths, today=today, base=Path.cwd(), geo=geo)
    formatter = format_github if args.format == "github" else format_text
    for problem in result.problems:
        print(formatter(problem, args.lang))
    print(f"{files_word(result.files_checked, args.lang)}: {count_line(result.problems, args.lang)}")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        with open(summary_file, "a", encoding="utf-8") as summary:
            summary.write(summary_markdown(result.problems, result.files_checked, args.lang))
    return 1 if result.failed(args.strict) else 0


def files_word(count: int, lang: str) -> str:
    if lang == "en":
        return f"{count} file" + ("" if count == 1 else "s")
    return f"{count} " + ("bestand" if count == 1 else "bestanden")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error, as argparse does
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
