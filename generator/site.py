"""The contract between the pipeline and the renderers, and writing their output.

Every renderer is a function ``render_x(site: SiteContext) -> list[OutputFile]``. The orchestrator
collects all files first and then writes only those whose bytes changed, so ``mkdocs serve`` does
not rebuild in a loop and an unchanged flyer is not rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from generator.content import Content
from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the generated docs folder, with "/" separators
    content: str | bytes


@dataclass(frozen=True)
class SiteConfig:
    repo_url: str = "https://github.com/wijeindhoven/sociale-kaart"
    branch: str = "main"
    site_url: str = "https://wijeindhoven.github.io/sociale-kaart/"
    languages: tuple[str, ...] = LANGUAGES


@dataclass(frozen=True)
class BuurtInfo:
    """What the geo data says of a buurt (not typed by editors)."""

    slug: str
    code: str
    naam: str
    wijk: str
    stadsdeel: str
    inwoners: int | None
    punt: tuple[float, float]  # (lat, lon) representative point


class Enriched(Protocol):
    """Coordinates and walking times, computed once per build (``generator/enrich.py``)."""

    def buurt_info(self, buurt_slug: str) -> BuurtInfo | None: ...
    def place_point(self, place_slug: str) -> tuple[float, float] | None: ...
    def minutes_from_buurt(self, buurt_slug: str, place_slug: str, pace: str) -> float | None:
        """Network walking minutes from the buurt's representative point; None beyond 30 min (normal pace)."""
        ...


@dataclass
class SiteContext:
    content: Content
    enriched: Enriched
    config: SiteConfig = field(default_factory=SiteConfig)
    today: date = field(default_factory=date.today)


def page_file(path: str, lang: str) -> str:
    """The Markdown file of a page in one language (mkdocs-static-i18n's suffix structure)."""
    return f"{path}.md" if lang == DEFAULT_LANGUAGE else f"{path}.{lang}.md"


MANIFEST = ".generated-files"


def write_changed(files: list[OutputFile], folder: Path) -> int:
    """Write files whose bytes differ from disk and remove what an earlier run wrote but this one did not.

    ``folder`` also holds hand-written pages, so only files listed in the manifest of the previous
    run are ever deleted. Returns how many files were written.
    """
    written = 0
    for output in files:
        target = folder / output.path
        data = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    manifest = folder / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split("\n")) if manifest.exists() else set()
    current = sorted(f.path for f in files)
    for stale in previous - set(current) - {""}:
        (folder / stale).unlink(missing_ok=True)
    new_manifest = "\n".join(current)
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != new_manifest:
        manifest.write_text(new_manifest, encoding="utf-8")
    return written
