"""The generated site, built for real with MkDocs from the fixture content."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURE_CONTENT, TODAY
from generator.build import build
from generator.site import SiteConfig


def read(site: Path, path: str) -> str:
    """The page's article (what the resident reads), without navigation."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_page_type_is_built_in_dutch_and_english(fixture_site: Path) -> None:
    for prefix in ("", "en/"):
        for path in ("", "buurt/binnenstad", "plek/taalcafe-centrum", "agenda", "wijk/centrum", "stadsdeel/centrum", "thema/taal", "meedoen", "over"):
            assert (fixture_site / prefix / path / "index.html").exists(), f"{prefix}{path} ontbreekt"


def test_place_page_says_schedules_as_people_say_them(fixture_site: Path) -> None:
    page = text_of(read(fixture_site, "plek/taalcafe-centrum"))
    assert "elke dinsdag, 10.00–12.00 uur" in page
    assert "elke eerste vrijdag van de maand, 19.00–21.00 uur" in page
    assert "Rolstoel: ja" in page and "Aangepast toilet: nee" in page
    assert "Nederlands, Engels en Arabisch" in page  # a list in words (Babel)
    assert "Laatst gecontroleerd op 1 oktober 2026." in page
    english = text_of(read(fixture_site, "en/plek/taalcafe-centrum"))
    assert "every Tuesday" in english and "Language café" in english


def test_labels_warn_before_a_resident_relies_on_a_place(fixture_site: Path) -> None:
    assert "voorbeeld — nog niet gecontroleerd" in read(fixture_site, "plek/buurtkamer-bergen")
    closed = text_of(read(fixture_site, "plek/bieb-witte-dame"))
    assert "tijdelijk gesloten" in closed
    assert "niet gecontroleerd sinds 1 juni 2025" in closed  # a date in words (Babel), not ISO


def test_buurt_page_has_facts_places_nearby_and_this_week(fixture_site: Path) -> None:
    page = text_of(read(fixture_site, "buurt/binnenstad"))
    assert "Wijk: Centrum" in page and "Inwoners (2020): 3.750" in page
    assert "Het hart van de stad." in page
    nearby = page.split("Op loopafstand")[1]
    assert "5 tot 10 minuten lopen 9 min lopen, in rustig tempo 14 min Buurtkamer Bergen" in nearby
    week = page.split("Deze week")[1]
    assert "dinsdag 24 november 10.00–12.00 Taalcafé — Taalcafé Centrum" in week
    assert "woensdag 25 november 09.30–11.30 Koffie-inloop" in week


def test_dutch_only_text_is_marked_in_other_languages(fixture_site: Path) -> None:
    page = read(fixture_site, "en/plek/buurtkamer-bergen")
    assert '<span lang="nl" dir="ltr">Koffie-inloop</span> <small class="sk-nl-only">(only in Dutch)</small>' in page


def test_agenda_lists_every_activity_by_weekday_without_javascript(fixture_site: Path) -> None:
    page = read(fixture_site, "agenda")
    tuesday = page.split('data-day="dinsdag"')[1].split("data-day=")[0]
    assert "Taalcafé" in tuesday
    thursday = page.split('data-day="donderdag"')[1].split("data-day=")[0]
    assert "Digitaal spreekuur" in thursday
    assert page.count('class="sk-act"') == 6  # 2 + 2 + 1 activities, Monday and Thursday counted twice


def test_every_generated_page_links_to_its_file_and_to_the_issue_form(fixture_site: Path) -> None:
    page = read(fixture_site, "plek/taalcafe-centrum")
    assert 'href="https://github.com/wijeindhoven/sociale-kaart/edit/main/content/ontwikkelplaatsen/taalcafe-centrum.yml"' in page
    assert "issues/new?template=er-klopt-iets-niet.yml" in page and "bestand=content%2Fontwikkelplaatsen%2Ftaalcafe-centrum.yml" in page


def test_a_second_build_writes_nothing(tmp_path: Path) -> None:
    first = build(FIXTURE_CONTENT, tmp_path, SiteConfig(), today=TODAY)
    second = build(FIXTURE_CONTENT, tmp_path, SiteConfig(), today=TODAY)
    assert first.written == len(first.files) > 0
    assert second.written == 0


def test_files_a_build_no_longer_makes_are_removed_but_hand_written_ones_stay(tmp_path: Path) -> None:
    (tmp_path / "meedoen.md").write_text("# met de hand")
    build(FIXTURE_CONTENT, tmp_path, SiteConfig(), today=TODAY)
    stale = tmp_path / "plek" / "weg.md"
    manifest = tmp_path / ".generated-files"
    manifest.write_text(manifest.read_text() + "\nplek/weg.md")
    stale.write_text("oud")
    build(FIXTURE_CONTENT, tmp_path, SiteConfig(), today=TODAY)
    assert not stale.exists()
    assert (tmp_path / "meedoen.md").exists()
