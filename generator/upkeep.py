"""Weekly upkeep: places nobody checked for 12 months and web links that no longer answer.

The result is one Markdown text per wijk. The weekly workflow (``.github/workflows/upkeep.yml``)
runs ``python -m generator upkeep --output DIR`` and then keeps one issue per wijk up to date
with it, found by the label ``ISSUE_LABEL`` and the title ``issue_title(wijk)``: updated, never
duplicated. This module only reads content and (for links) the web; it never talks to GitHub.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urlsplit

from generator.changes import md_escape
from generator.checks import STALE_AFTER
from generator.content import Content, load_content
from generator.slug import slugify

ISSUE_LABEL = "onderhoud"
UNKNOWN_WIJK = "onbekende wijk"
USER_AGENT = "sociale-kaart-eindhoven-linkcontrole/0.1 (+{repo_url}; eens per week)"
DEFAULT_TIMEOUT = 10.0
SECONDS_PER_HOST = 1.0
# Answers that say "the page is gone" or "the server is broken". 401/403/429 are left out on
# purpose: sites that block robots answer that, while a person with a browser gets the page.
DEAD_STATUS = {404, 410} | set(range(500, 600)) - {503}

WijkOf = Callable[[str], str]


@dataclass(frozen=True)
class StalePlace:
    slug: str
    naam: str
    buurt: str  # slug of the buurt file
    buurt_naam: str
    laatst_gecontroleerd: date


@dataclass(frozen=True)
class DeadLink:
    url: str
    reason: str  # Dutch, for the issue: "pagina bestaat niet meer (404)"


@dataclass(frozen=True)
class PlaceLink:
    """A dead link on one place: what the issue lists."""

    link: DeadLink
    slug: str
    naam: str
    buurt_naam: str


# --- what is stale ----------------------------------------------------------------------------------


def stale_places(content: Content, today: date) -> list[StalePlace]:
    """Places (not stopped) last checked more than 12 months before ``today``, oldest first."""
    stale = [
        StalePlace(slug, e.model.naam, e.model.buurt, _buurt_naam(content, e.model.buurt), e.model.laatst_gecontroleerd)
        for slug, e in content.plaatsen.items()
        if e.model.status != "gestopt" and today - e.model.laatst_gecontroleerd > STALE_AFTER
    ]
    return sorted(stale, key=lambda s: (s.laatst_gecontroleerd, s.slug))


def _buurt_naam(content: Content, slug: str) -> str:
    entry = content.buurten.get(slug)
    return entry.model.naam if entry else slug


def place_links(content: Content) -> dict[str, list[str]]:
    """Website of each place that is not stopped: url → slugs of the places that link to it."""
    links: dict[str, list[str]] = defaultdict(list)
    for slug, entry in sorted(content.plaatsen.items()):
        if entry.model.status != "gestopt" and entry.model.contact.website:
            links[entry.model.contact.website].append(slug)
    return dict(links)


# --- which links are dead -------------------------------------------------------------------------


class HostPacer:
    """At most one request per host per ``interval`` seconds; the clock is injectable for tests."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.interval, self.clock, self.sleep = interval, clock, sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        if host in self.last:
            pause = self.last[host] + self.interval - self.clock()
            if pause > 0:
                self.sleep(pause)
        self.last[host] = self.clock()


def check_links(urls: Iterable[str], session, timeout: float = DEFAULT_TIMEOUT, pacer: HostPacer | None = None) -> list[DeadLink]:
    """The links that do not answer: HEAD first, GET when HEAD is refused, each with a timeout.

    ``session`` is a ``requests.Session``; a User-Agent is set on it when it has none of its own.
    """
    pacer = pacer or HostPacer(SECONDS_PER_HOST)
    if "python-requests" in str(session.headers.get("User-Agent", "python-requests")):
        session.headers["User-Agent"] = USER_AGENT.format(repo_url=_repo_url(None))
    dead = []
    for url in dict.fromkeys(urls):  # each url once, in the given order
        reason = _link_problem(url, session, timeout, pacer)
        if reason:
            dead.append(DeadLink(url, reason))
    return dead


def _link_problem(url: str, session, timeout: float, pacer: HostPacer) -> str | None:
    import requests

    try:
        pacer.wait(url)
        response = session.head(url, timeout=timeout, allow_redirects=True)
        if response.status_code >= 400:  # many servers refuse HEAD (405, 403, 501): ask as a browser does
            pacer.wait(url)
            response = session.get(url, timeout=timeout, allow_redirects=True, stream=True)
            response.close()
    except requests.Timeout:
        return f"geen antwoord binnen {timeout:g} seconden"
    except requests.TooManyRedirects:
        return "wordt steeds doorgestuurd (doorverwijzing in een kring)"
    except requests.exceptions.SSLError:
        return "beveiligde verbinding (https) mislukt"
    except requests.RequestException:
        return "website niet bereikbaar (verbinding mislukt)"
    return _status_problem(response.status_code)


def _status_problem(status: int) -> str | None:
    if status not in DEAD_STATUS:
        return None
    if status in (404, 410):
        return f"pagina bestaat niet meer ({status})"
    return f"serverfout ({status})"


# --- wijken --------------------------------------------------------------------------------------------


def wijk_mapping(content: Content, geojson: Path | None = None) -> WijkOf:
    """buurt slug → wijk, from ``content/geo/buurten.geojson`` when present (matched on CBS code)."""
    path = geojson or content.root / "geo" / "buurten.geojson"
    by_code: dict[str, str] = {}
    if path.is_file():
        for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            props = feature.get("properties") or {}
            if props.get("code") and props.get("wijk"):
                by_code[props["code"]] = props["wijk"]

    def wijk_of(buurt_slug: str) -> str:
        entry = content.buurten.get(buurt_slug)
        return by_code.get(entry.model.code, UNKNOWN_WIJK) if entry else UNKNOWN_WIJK

    return wijk_of


@dataclass
class WijkReport:
    wijk: str
    stale: list[StalePlace]
    dead: list[PlaceLink]


def reports_per_wijk(content: Content, today: date, dead: list[DeadLink], wijk_of: WijkOf) -> dict[str, WijkReport]:
    """One report for every wijk that has places (also when all is well: the issue gets closed)."""
    reports: dict[str, WijkReport] = {}
    for entry in content.plaatsen.values():
        wijk = wijk_of(entry.model.buurt)
        reports.setdefault(wijk, WijkReport(wijk, [], []))
    for place in stale_places(content, today):
        reports[wijk_of(place.buurt)].stale.append(place)
    links = place_links(content)
    for link in dead:
        for slug in links.get(link.url, []):
            place = content.plaatsen[slug].model
            reports[wijk_of(place.buurt)].dead.append(PlaceLink(link, slug, place.naam, _buurt_naam(content, place.buurt)))
    return dict(sorted(reports.items()))


# --- the issue text ----------------------------------------------------------------------------------


def issue_title(wijk: str) -> str:
    """Stable: the workflow finds the issue of a wijk by this title (and the label)."""
    if wijk == UNKNOWN_WIJK:
        return "Onderhoud plekken zonder bekende wijk: gegevens nakijken"
    return f"Onderhoud wijk {wijk}: gegevens nakijken"


def edit_link(repo_url: str, slug: str, branch: str = "main") -> str:
    return f"{_repo_url(repo_url)}/edit/{branch}/content/ontwikkelplaatsen/{slug}.yml"


def _repo_url(repo: str | None) -> str:
    """``owner/name`` or a full URL → ``https://github.com/owner/name``."""
    repo = repo or os.environ.get("GITHUB_REPOSITORY") or "wijeindhoven/sociale-kaart"
    repo = repo.rstrip("/")
    return repo if repo.startswith("https://") else f"https://github.com/{repo}"


def issue_body(wijk: str, stale: list[StalePlace], dead: list[PlaceLink], repo_url: str) -> str:
    """Markdown for the issue of one wijk, with a link to the web editor for each place."""
    lines = [
        f"Dit overzicht van wijk **{wijk}** wordt elke week automatisch bijgewerkt. "
        "Is alles nagekeken en aangepast, dan verdwijnt het punt vanzelf uit de lijst; "
        "als de lijst leeg is, wordt dit issue gesloten.",
        "",
    ]
    if not stale and not dead:
        return "\n".join(lines + ["Alles in orde: er is niets na te kijken in deze wijk.", ""])
    if stale:
        lines += [f"### Niet gecontroleerd in de laatste 12 maanden ({len(stale)})", ""]
        lines += [
            f"- **{md_escape(p.naam)}** ({md_escape(p.buurt_naam)}): laatst gecontroleerd op {p.laatst_gecontroleerd.isoformat()} · "
            f"[aanpassen]({edit_link(repo_url, p.slug)})"
            for p in stale
        ]
        lines += [
            "",
            "Wat te doen: kijk of de gegevens nog kloppen (bel of loop even langs), pas aan wat niet klopt "
            "en zet de datum van vandaag bij `laatst_gecontroleerd`. Is de plek gestopt? Zet dan `status: gestopt`.",
            "",
        ]
    if dead:
        lines += [f"### Links die niet meer werken ({len(dead)})", ""]
        lines += [
            f"- **{md_escape(d.naam)}** ({md_escape(d.buurt_naam)}): <{d.link.url}> — {d.link.reason} · "
            f"[aanpassen]({edit_link(repo_url, d.slug)})"
            for d in dead
        ]
        lines += [
            "",
            "Wat te doen: zoek het nieuwe webadres van de organisatie en zet het bij `website:` onder `contact:`. "
            "Is er geen website meer, haal de regel `website:` dan weg. Werkt de link bij jou wel? "
            "Dan was de website even niet bereikbaar; dat mag je negeren.",
            "",
        ]
    lines.append("Meer uitleg: [CONTRIBUTING.md](" + _repo_url(repo_url) + "/blob/main/CONTRIBUTING.md)")
    return "\n".join(lines) + "\n"



# --- command line ----------------------------------------------------------------------------------------


def add_upkeep_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("upkeep", help="zoek verouderde plekken en dode links; schrijf één tekst per wijk")
    parser.add_argument("--content", type=Path, default=Path("content"), help="de content-map (standaard: content)")
    parser.add_argument("--output", type=Path, required=True, help="map waarin per wijk een .json en een .md komt")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="datum van vandaag (JJJJ-MM-DD), standaard vandaag")
    parser.add_argument("--repo", default=None, help="owner/naam van de repository voor de bewerk-links (standaard: $GITHUB_REPOSITORY)")
    parser.add_argument("--no-links", action="store_true", help="links niet nakijken (geen netwerk)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconden wachten per link")
    parser.set_defaults(run=run_upkeep)


def run_upkeep(args: argparse.Namespace) -> int:
    if not args.content.is_dir():
        print(f"fout: bestaat niet: {args.content}", file=sys.stderr)
        return 2
    content = load_content(args.content)
    today = args.today or date.today()
    dead = [] if args.no_links else _check_all_links(content, args.timeout, args.repo)
    reports = reports_per_wijk(content, today, dead, wijk_mapping(content))
    write_reports(reports, args.output, _repo_url(args.repo))
    for report in reports.values():
        dead = len(report.dead)
        print(f"{report.wijk}: {len(report.stale)} niet gecontroleerd, {dead} {'dode link' if dead == 1 else 'dode links'}")
    return 0


def _check_all_links(content: Content, timeout: float, repo: str | None):
    import requests

    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT.format(repo_url=_repo_url(repo))
        return check_links(place_links(content), session, timeout)


def write_reports(reports: dict[str, WijkReport], folder: Path, repo_url: str) -> None:
    """``<wijk>.json`` (what the workflow needs: title, label, body, counts) and ``<wijk>.md`` per wijk."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.json"), *folder.glob("*.md")]:
        old.unlink()
    for report in reports.values():
        body = issue_body(report.wijk, report.stale, report.dead, repo_url)
        name = slugify(report.wijk) or "wijk"
        data = {
            "wijk": report.wijk,
            "title": issue_title(report.wijk),
            "label": ISSUE_LABEL,
            "stale": len(report.stale),
            "dead": len(report.dead),
            "body": body,
        }
        (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (folder / f"{name}.md").write_text(body, encoding="utf-8")
