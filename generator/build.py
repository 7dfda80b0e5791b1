"""The site build: read all content, check it, enrich it, render every output, then write.

Called by the MkDocs hook (``hooks/generate.py``) and by tests; it does not depend on MkDocs.
Everything is read and computed before anything is written (as ``mkdocs build`` does), and only
files whose bytes changed are written, so ``mkdocs serve`` does not loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from generator.checks import CheckContext, run_checks
from generator.content import load_content
from generator.enrich import enrich
from generator.problems import Problem, format_text, sorted_problems
from generator.site import OutputFile, SiteConfig, SiteContext, write_changed

Renderer = Callable[[SiteContext], list[OutputFile]]


class ContentError(Exception):
    """The content has errors: the site is not built from half-valid data."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(format_text(p) for p in problems)
        super().__init__(f"De inhoud bevat fouten; los ze op of draai `python -m generator validate`:\n{lines}")


@dataclass
class BuildResult:
    site: SiteContext
    files: list[OutputFile]
    written: int
    warnings: list[Problem]


def renderers() -> list[Renderer]:
    from generator.render.agenda import render_agenda_and_home
    from generator.render.finder import render_finder
    from generator.render.maps import render_maps
    from generator.render.opendata import render_open_data
    from generator.render.pages import render_pages
    from generator.render.stats import render_stats
    from generator.render.translations import render_translation_report

    from generator.render.flyers import flyers_enabled, render_flyers  # PDFs: off in `mkdocs serve` unless SOCIALE_KAART_FLYERS=1

    always = [render_pages, render_agenda_and_home, render_stats, render_maps, render_open_data, render_translation_report, render_finder]
    return always + ([render_flyers] if flyers_enabled() else [])


def prepare(content_root: Path, config: SiteConfig, today: date) -> tuple[SiteContext, list[Problem]]:
    """Load, check and enrich the content; raises ContentError when anything is an error."""
    content = load_content(content_root, base=content_root.parent)
    enriched, geo_checks = enrich(content)
    problems = sorted_problems(content.problems + run_checks(content, CheckContext(today=today, geo=geo_checks)))
    errors = [p for p in problems if p.severity == "fout"]
    if errors:
        raise ContentError(errors)
    return SiteContext(content=content, enriched=enriched, config=config, today=today), problems


def build(content_root: Path, out_dir: Path, config: SiteConfig, today: date | None = None) -> BuildResult:
    site, warnings = prepare(content_root, config, today or date.today())
    files = [f for render in renderers() for f in render(site)]
    written = write_changed(files, out_dir)
    return BuildResult(site=site, files=files, written=written, warnings=warnings)
