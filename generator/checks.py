"""Checks across files: names, references between files, dates, and (with geo data) places on the map.

Each check is a small function from the loaded content to a list of problems.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Protocol

from generator.aanpak import check_aanpak
from generator.content import Content, Entry
from generator.load import Loc
from generator.models import phone_digits
from generator.problems import Problem, error, warning
from generator.slug import is_slug, slugify

STALE_AFTER = timedelta(days=365)


class GeoChecks(Protocol):
    """What the checks need of the geo layer (``generator/enrich.py`` provides it)."""

    def buurt_problems(self, content: Content) -> list[Problem]: ...
    def place_problems(self, content: Content) -> list[Problem]: ...


@dataclass(frozen=True)
class CheckContext:
    today: date
    geo: GeoChecks | None = None


def at(entry: Entry, loc: Loc, *, key: bool = False) -> tuple[str, int, int]:
    line, col = entry.doc.position(loc, key=key)
    return entry.rel, line, col


def check_file_names(content: Content) -> list[Problem]:
    problems = []
    for rel in content.files_read:  # also files that could not be parsed
        stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if not is_slug(stem):
            problems.append(error(rel, 1, 1, "bestandsnaam", name=stem, suggestion=slugify(stem) or "naam"))
    return problems


def check_buurt_file_name(entry: Entry, expected_name: str) -> list[Problem]:
    """A buurt file is named after the buurt (the geo data's spelling, when the name matches it)."""
    expected = slugify(expected_name)
    if is_slug(entry.slug) and entry.slug != expected:
        return [error(*at(entry, ("naam",)), "bestandsnaam_buurt", naam=expected_name, suggestion=expected)]
    return []


def check_unique(content: Content) -> list[Problem]:
    problems = []
    seen_codes: dict[str, str] = {}
    for entry in content.buurten.values():
        other = seen_codes.setdefault(entry.model.code, entry.rel)
        if other != entry.rel:
            problems.append(error(*at(entry, ("code",)), "buurt_dubbel", cbs=entry.model.code, other=other))
    seen_slugs: dict[str, str] = {}
    for rel in content.files_read:
        slug = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        kind = rel.rsplit("/", 2)[-2] if "/" in rel else ""
        other = seen_slugs.setdefault(f"{kind}/{slug}", rel)
        if other != rel:
            problems.append(error(rel, 1, 1, "dubbele_slug", slug=slug, other=other))
    return problems


def check_buurt_references(content: Content) -> list[Problem]:
    problems = []
    for entry in content.plaatsen.values():
        value = entry.model.buurt
        if value in content.buurten:
            continue
        if close := _closest_buurt(value, content):
            problems.append(error(*at(entry, ("buurt",)), "onbekende_buurt_bijna", value=value, close=close))
        else:
            problems.append(error(*at(entry, ("buurt",)), "onbekende_buurt", value=value))
    return problems


def _closest_buurt(value: str, content: Content) -> str | None:
    """The slug the editor probably meant: a buurt whose name matches, else the nearest slug."""
    by_name = {slugify(e.model.naam): slug for slug, e in content.buurten.items()}
    close = difflib.get_close_matches(slugify(value), list(content.buurten), n=1, cutoff=0.6)
    return by_name.get(slugify(value)) or (close[0] if close else None)


def check_dates(content: Content, today: date) -> list[Problem]:
    problems = []
    for entry in content.plaatsen.values():
        checked = entry.model.laatst_gecontroleerd
        where = at(entry, ("laatst_gecontroleerd",))
        if checked > today:
            problems.append(error(*where, "datum_toekomst", field="laatst_gecontroleerd", value=checked.isoformat()))
        elif today - checked > STALE_AFTER:
            problems.append(warning(*where, "oud", value=checked.isoformat()))
    return problems


def check_private_numbers(content: Content) -> list[Problem]:
    # Mobile numbers are usually a person's own: the map carries only organisations' contacts.
    problems = []
    for entry in content.plaatsen.values():
        phone = entry.model.contact.telefoon
        if phone and phone_digits(phone).startswith("06"):
            problems.append(warning(*at(entry, ("contact", "telefoon")), "mobiel", value=phone))
    for entry in content.buurten.values():
        team = entry.model.wijkteam
        if team and team.telefoon and phone_digits(team.telefoon).startswith("06"):
            problems.append(warning(*at(entry, ("wijkteam", "telefoon")), "mobiel", value=team.telefoon))
    return problems


def run_checks(content: Content, context: CheckContext) -> list[Problem]:
    checks: list[Callable[[], list[Problem]]] = [
        lambda: check_file_names(content),
        lambda: check_unique(content),
        lambda: check_buurt_references(content),
        lambda: check_dates(content, context.today),
        lambda: check_private_numbers(content),
        lambda: check_aanpak(content),
    ]
    if context.geo is not None:
        checks += [lambda: context.geo.buurt_problems(content), lambda: context.geo.place_problems(content)]
    else:
        checks += [lambda: [p for e in content.buurten.values() for p in check_buurt_file_name(e, e.model.naam)]]
    return [problem for check in checks for problem in check()]



