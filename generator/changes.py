"""What a change to the content does, in plain Dutch: the summary of a pull request.

``describe_changes(before, after)`` compares two loaded content folders and returns one line per
change a reviewer cares about ("2 activiteiten toegevoegd aan Taalcafé De Boog (Binnenstad)"),
never a line diff. The pull-request workflow runs ``python -m generator changes --base DIR``
with DIR a checkout of the base commit's ``content`` folder and writes the result to the job
summary.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from generator.content import Content, Entry, load_content
from generator.models import Activiteit, Ontwikkelplaats, Wanneer

# Dutch names of the fields of a place, in the order they are mentioned.
PLACE_DETAILS = {
    "omschrijving": "omschrijving",
    "organisatie": "organisatie",
    "themas": "thema's",
    "talen": "talen",
    "toegankelijkheid": "toegankelijkheid",
    "coordinaten": "coördinaten",
    "voorbeeld": "voorbeeld",
}
ACTIVITY_DETAILS = {
    "omschrijving": "omschrijving",
    "kosten": "kosten",
    "voor_wie": "voor wie",
    "aanmelden": "aanmelden",
    "themas": "thema's",
    "talen": "talen",
}
STATUS_LINES = {
    "gestopt": "plek gestopt",
    "tijdelijk gesloten": "plek tijdelijk gesloten",
    "actief": "plek weer actief",
}


def describe_changes(before: Content, after: Content) -> list[str]:
    """One Dutch sentence per change from ``before`` to ``after``; empty when nothing changed."""
    return _place_lines(before, after) + _buurt_lines(before, after) + _unreadable_lines(after)


# --- places ----------------------------------------------------------------------------------------


def _place_lines(before: Content, after: Content) -> list[str]:
    old, new = before.plaatsen, after.plaatsen
    renamed = _renamed_files(old, new)
    lines = [f"bestand hernoemd: {a}.yml → {b}.yml ({_where(new[b], after)})" for a, b in renamed.items()]
    for slug in sorted(set(old) | set(new)):
        if slug in renamed or slug in renamed.values():
            continue
        if slug not in old:
            lines.append(f"nieuwe plek: {_where(new[slug], after)}" + _activity_count(new[slug].model))
        elif slug not in new:
            lines.append(f"plek verwijderd: {_where(old[slug], before)}")
        else:
            lines += _place_diff(old[slug], new[slug], before, after)
    return lines


def _renamed_files(old: dict[str, Entry], new: dict[str, Entry]) -> dict[str, str]:
    """Files whose name changed while their content stayed the same (old slug → new slug)."""
    gone = {slug: e.model for slug, e in old.items() if slug not in new}
    came = {slug: e.model for slug, e in new.items() if slug not in old}
    return {a: b for a, model in gone.items() for b, other in came.items() if model == other}


def _activity_count(place: Ontwikkelplaats) -> str:
    count = len(place.activiteiten)
    return f", met {_activities_word(count)}" if count else ""


def _activities_word(count: int) -> str:
    return f"{count} activiteit" + ("" if count == 1 else "en")


def _place_diff(old: Entry[Ontwikkelplaats], new: Entry[Ontwikkelplaats], before: Content, after: Content) -> list[str]:
    a, b = old.model, new.model
    where = _where(new, after)
    lines = []
    if a.naam != b.naam:
        lines.append(f"naam gewijzigd: {a.naam} → {b.naam} ({_buurt_name(b.buurt, after)})")
    if a.buurt != b.buurt:
        lines.append(f"andere buurt: {b.naam} ({_buurt_name(a.buurt, before)} → {_buurt_name(b.buurt, after)})")
    if a.status != b.status:
        lines.append(f"{STATUS_LINES[b.status]}: {where}")
    if a.adres != b.adres:
        lines.append(f"adres gewijzigd: {where}: {_address(a)} → {_address(b)}")
    if a.contact != b.contact:
        lines.append(f"contactgegevens gewijzigd bij {where}: {', '.join(_changed_fields(a.contact, b.contact))}")
    if details := [word for name, word in PLACE_DETAILS.items() if getattr(a, name) != getattr(b, name)]:
        lines.append(f"gegevens aangepast bij {where}: {', '.join(details)}")
    lines += _activity_lines(a, b, where)
    if a.laatst_gecontroleerd != b.laatst_gecontroleerd and not lines:
        lines.append(f"gecontroleerd, niets veranderd: {where} (laatst gecontroleerd {b.laatst_gecontroleerd.isoformat()})")
    return lines


def _where(entry: Entry[Ontwikkelplaats], content: Content) -> str:
    return f"{entry.model.naam} ({_buurt_name(entry.model.buurt, content)})"


def _buurt_name(slug: str, content: Content) -> str:
    buurt = content.buurten.get(slug)
    return buurt.model.naam if buurt else slug


def _address(place: Ontwikkelplaats) -> str:
    adres = place.adres
    return f"{adres.straat} {adres.huisnummer}, {adres.postcode} {adres.plaats}"


def _changed_fields(a: object, b: object) -> list[str]:
    return [name for name in type(a).model_fields if getattr(a, name) != getattr(b, name)]  # type: ignore[attr-defined]


# --- activities ------------------------------------------------------------------------------------


def _activity_lines(a: Ontwikkelplaats, b: Ontwikkelplaats, where: str) -> list[str]:
    old, new = _by_name(a.activiteiten), _by_name(b.activiteiten)
    added = [name for name in new for _ in new[name][len(old.get(name, [])) :]]
    removed = [name for name in old for _ in old[name][len(new.get(name, [])) :]]
    lines = []
    if added:
        lines.append(f"{_activities_word(len(added))} toegevoegd aan {where}: {', '.join(added)}")
    if removed:
        lines.append(f"{_activities_word(len(removed))} verwijderd bij {where}: {', '.join(removed)}")
    for name in new:
        for before, after in zip(old.get(name, []), new[name]):
            lines += _one_activity_diff(before, after, f"{name} bij {where}")
    return lines


def _by_name(activities: list[Activiteit]) -> dict[str, list[Activiteit]]:
    """Activities grouped by their Dutch name; same-named ones are paired in file order."""
    grouped: dict[str, list[Activiteit]] = defaultdict(list)
    for activity in activities:
        grouped[activity.naam["nl"]].append(activity)
    return grouped


def _one_activity_diff(a: Activiteit, b: Activiteit, what: str) -> list[str]:
    lines = []
    if a.wanneer != b.wanneer:
        lines.append(f"tijd gewijzigd: {what}: {schedule_text(a.wanneer)} → {schedule_text(b.wanneer)}")
    if details := [word for name, word in ACTIVITY_DETAILS.items() if getattr(a, name) != getattr(b, name)]:
        lines.append(f"activiteit aangepast: {what}: {', '.join(details)}")
    if a.naam != b.naam:  # same Dutch name, other translations
        lines.append(f"vertaling aangepast: {what}")
    return lines


def schedule_text(schedules: list[Wanneer]) -> str:
    """``"wekelijks dinsdag 10:00–12:00"``; several schedules joined with ``"; "``."""
    return "; ".join(_one_schedule(w) for w in schedules)


def _one_schedule(w: Wanneer) -> str:
    parts = [w.herhaling]
    if w.week:
        parts.append(" en ".join(w.week))
    if w.dag:
        parts.append(" en ".join(w.dag))
    if w.datum:
        parts.append(", ".join(d.isoformat() for d in w.datum))
    parts.append(f"{w.van:%H:%M}–{w.tot:%H:%M}")
    if w.vanaf or w.tot_en_met:
        parts.append(f"({w.vanaf.isoformat() if w.vanaf else '…'} t/m {w.tot_en_met.isoformat() if w.tot_en_met else '…'})")
    return " ".join(parts)


# --- buurten and unreadable files -----------------------------------------------------------------


def _buurt_lines(before: Content, after: Content) -> list[str]:
    old, new = before.buurten, after.buurten
    lines = []
    for slug in sorted(set(old) | set(new)):
        if slug not in old:
            lines.append(f"nieuwe buurt: {new[slug].model.naam}")
        elif slug not in new:
            lines.append(f"buurt verwijderd: {old[slug].model.naam}")
        else:
            a, b = old[slug].model, new[slug].model
            lines += [f"buurt {b.naam}: {field} aangepast" for field in _changed_fields(a, b)]
    return lines


def _unreadable_lines(after: Content) -> list[str]:
    read = {e.rel for e in after.buurten.values()} | {e.rel for e in after.plaatsen.values()}
    read |= {e.rel for kind in after.extra.values() for e in kind.values()}
    return [f"kon niet gelezen worden: {rel} (zie de meldingen van de controle)" for rel in after.files_read if rel not in read]


# --- command line ----------------------------------------------------------------------------------


def load_or_empty(folder: Path) -> Content:
    """The content under ``folder``; an empty content when the folder does not exist (a first commit)."""
    return load_content(folder) if folder.is_dir() else Content(root=folder)


def changes_markdown(lines: list[str]) -> str:
    head = "### Wat verandert er op de kaart\n\n"
    if not lines:
        return head + "Deze wijziging verandert niets aan de buurten en plekken.\n"
    return head + "".join(f"- {md_escape(line)}\n" for line in lines)


def md_escape(text: str) -> str:
    """Text for GitHub Markdown (job summaries, issues): its special characters backslashed."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def add_changes_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("changes", help="beschrijf in woorden wat er verandert ten opzichte van een eerdere versie")
    parser.add_argument("--base", type=Path, required=True, help="de content-map van de eerdere versie (bijvoorbeeld een git worktree)")
    parser.add_argument("--after", type=Path, default=Path("content"), help="de content-map van de nieuwe versie (standaard: content)")
    parser.set_defaults(run=run_changes)


def run_changes(args: argparse.Namespace) -> int:
    if not args.after.is_dir():
        print(f"fout: bestaat niet: {args.after}", file=sys.stderr)
        return 2
    lines = describe_changes(load_or_empty(args.base), load_content(args.after))
    print(changes_markdown(lines), end="")
    return 0
