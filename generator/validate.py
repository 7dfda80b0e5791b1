"""The `validate` stage: read content, run every check, report the problems of the asked files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.checks import CheckContext, run_checks
from generator.content import Content, all_kinds, kind_of, load_content, missing_path, relative
from generator.problems import Problem, error, sorted_problems


@dataclass
class ValidationResult:
    content: Content | None
    problems: list[Problem]
    files_checked: int

    def failed(self, strict: bool) -> bool:
        return any(p.severity == "fout" or strict for p in self.problems)


def content_root_of(path: Path) -> Path:
    """The ``content`` folder a path belongs to (the folder itself, a kind folder, or a file in one)."""
    path = path.resolve()
    if path.is_file():
        path = path.parent
    if path.name in all_kinds():
        return path.parent
    return path


def validate_paths(paths: list[Path], today: date, base: Path, *, with_geo: bool = True) -> ValidationResult:
    """Problems of the files under ``paths``; the rest of their content folder is read for reference.

    With ``with_geo`` the buurten are checked against the geo data and places against the map
    (the data is cached per process, so this costs little after the first call).
    """
    from generator.enrich import geo_checks_for  # the geo stage imports this module's neighbours
    missing = [missing_path(relative(p, base)) for p in paths if not p.exists()]
    # A loose file outside a kind folder would otherwise be skipped without a word.
    stray = [error(relative(p, base), 1, 1, "soort_onbekend") for p in paths if p.is_file() and kind_of(p) is None]
    roots = sorted({content_root_of(p) for p in paths if p.exists()})
    problems, checked, content = missing + stray, {problem.file for problem in stray}, None
    for root in roots:
        content = load_content(root, base)
        geo = geo_checks_for(root) if with_geo else None
        found = content.problems + run_checks(content, CheckContext(today=today, geo=geo))
        asked = {rel for rel in content.files_read if is_asked(base / rel, paths)}
        checked |= asked
        problems += [p for p in found if p.file in asked]
    return ValidationResult(content=content, problems=sorted_problems(problems), files_checked=len(checked))


def is_asked(file: Path, paths: list[Path]) -> bool:
    file = file.resolve()
    return any(file == p.resolve() or p.resolve() in file.parents for p in paths if p.exists())



