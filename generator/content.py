"""Find, read and parse every content file; the typed content of the whole site.

Reading never stops at a broken file: each file gets its own problems and every valid file is
still loaded, so one typo in one place does not hide the rest of the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.load import RawDoc, load_file
from generator.models import Buurt, Ontwikkelplaats
from generator.parse import parse_model
from generator.problems import Problem, error

KIND_FOLDERS: dict[str, type[BaseModel]] = {"buurten": Buurt, "ontwikkelplaatsen": Ontwikkelplaats}
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """One parsed content file: its short name (the file name without .yml), path and model."""

    slug: str
    rel: str
    doc: RawDoc
    model: M


@dataclass
class Content:
    root: Path
    buurten: dict[str, Entry[Buurt]] = field(default_factory=dict)
    plaatsen: dict[str, Entry[Ontwikkelplaats]] = field(default_factory=dict)
    extra: dict[str, dict[str, Entry[BaseModel]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)


def content_files(folder: Path) -> list[Path]:
    """The .yml files of one kind folder; names starting with ``_`` are templates and skipped."""
    return sorted(p for p in folder.glob("*.y*ml") if not p.name.startswith("_") and p.suffix in {".yml", ".yaml"})


def relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_content(root: Path, base: Path | None = None, models: dict[str, type[BaseModel]] | None = None) -> Content:
    """Read every file under ``root`` (a ``content`` folder); paths in problems are relative to ``base``."""
    base = base or root.parent
    content = Content(root=root)
    for kind, model in (models or all_kinds()).items():
        for path in content_files(root / kind):
            entry, problems = read_entry(path, model, relative(path, base))
            content.files_read.append(relative(path, base))
            content.problems.extend(problems)
            if entry is not None:
                _store(content, kind, entry)
    return content


def all_kinds() -> dict[str, type[BaseModel]]:
    from generator.aanpak_registry import extra_kinds  # content kinds added by later stages

    return {**KIND_FOLDERS, **extra_kinds()}


def _store(content: Content, kind: str, entry: Entry[BaseModel]) -> None:
    if kind == "buurten":
        content.buurten[entry.slug] = entry  # type: ignore[assignment]
    elif kind == "ontwikkelplaatsen":
        content.plaatsen[entry.slug] = entry  # type: ignore[assignment]
    else:
        content.extra.setdefault(kind, {})[entry.slug] = entry


def read_entry(path: Path, model: type[M], rel: str) -> tuple[Entry[M] | None, list[Problem]]:
    doc, problems = load_file(path, rel)
    if doc is None:
        return None, problems
    parsed, model_problems = parse_model(model, doc)
    problems += model_problems
    if parsed is None:
        return None, problems
    return Entry(slug=path.stem, rel=rel, doc=doc, model=parsed), problems


def kind_of(path: Path) -> str | None:
    return path.parent.name if path.parent.name in all_kinds() else None


def missing_path(rel: str) -> Problem:
    return error(rel, 1, 1, "pad_onbekend")
