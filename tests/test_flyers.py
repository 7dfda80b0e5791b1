"""The printable flyers: real PDFs from the fixture content, read back with poppler and zbar.

Only a few flyers are made (WeasyPrint takes a fraction of a second each); the full set of
116 buurten × 6 languages is measured in bench/flyers_bench.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_CONTENT, REPO, TODAY
from generator.build import prepare, renderers
from generator.cli import main
from generator.i18n import CATALOGUE_DIR, LANGUAGES, t
from generator.render.common import text_in
from generator.render.flyers import (
    FlyerStats,
    buurt_page_url,
    flyer_href,
    flyer_html,
    flyer_places,
    one_off_slots,
    render_flyers,
    weekly_slots,
)
from generator.schedule import placeholders
from generator.site import SiteConfig

BUURTEN = ("binnenstad", "bergen", "witte-dame")
LANGS = ("nl", "ar", "uk")
EMPTY = "achtse-barrier-gunterslaer"  # far from every fixture place

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm", "pdffonts", "zbarimg")),
    reason="poppler-utils en zbar-tools nodig (Debian: apt-get install poppler-utils zbar-tools; .ci/run doet dat)",
)


@pytest.fixture(scope="module")
def site():
    return prepare(FIXTURE_CONTENT, SiteConfig(), TODAY)[0]


@pytest.fixture(scope="module")
def flyers(site, tmp_path_factory) -> Path:
    """The fixture flyers written to a folder: flyers/<slug>.<lang>.pdf."""
    out = tmp_path_factory.mktemp("flyers")
    for output in render_flyers(site, BUURTEN, LANGS, cache_dir=out / "cache"):
        (out / output.path).parent.mkdir(parents=True, exist_ok=True)
        (out / output.path).write_bytes(output.content)
    return out / "flyers"


@pytest.fixture(scope="module")
def empty_flyer(tmp_path_factory) -> Path:
    """A buurt without any place within walking distance, in a copy of the fixture content."""
    content = tmp_path_factory.mktemp("empty") / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copy(REPO / "content" / "buurten" / f"{EMPTY}.yml", content / "buurten")
    site = prepare(content, SiteConfig(), TODAY)[0]
    [output] = render_flyers(site, [EMPTY], ["nl"], cache_dir=content.parent / "cache")
    path = content.parent / "empty.pdf"
    path.write_bytes(output.content)
    return path


def run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path) -> str:
    return " ".join(run("pdftotext", "-enc", "UTF-8", pdf, "-").split())


def pages_and_size(pdf: Path) -> tuple[int, str]:
    info = run("pdfinfo", pdf)
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1]), re.search(r"^Page size:\s+(.*)$", info, re.M)[1]


# --- API --------------------------------------------------------------------------------------------


def test_flyer_href_is_a_language_independent_path():
    assert flyer_href("binnenstad", "nl") == "flyers/binnenstad.nl.pdf"
    assert flyer_href("bergen", "ar") == "flyers/bergen.ar.pdf"


def test_renderer_is_off_unless_asked(monkeypatch):
    monkeypatch.delenv("SOCIALE_KAART_FLYERS", raising=False)
    assert "render_flyers" not in [r.__name__ for r in renderers()]
    monkeypatch.setenv("SOCIALE_KAART_FLYERS", "1")
    assert "render_flyers" in [r.__name__ for r in renderers()]


def test_catalogues_have_the_same_flyer_keys_and_placeholders():
    reference = yaml.safe_load((CATALOGUE_DIR / "nl" / "flyer.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        strings = yaml.safe_load((CATALOGUE_DIR / lang / "flyer.yml").read_text(encoding="utf-8"))
        assert set(strings) == set(reference), lang
        for key, text in reference.items():
            assert placeholders(strings[key]) == placeholders(text), f"{lang}: {key}"


# --- the PDFs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", BUURTEN)
def test_one_a4_page(flyers, slug, lang):
    assert pages_and_size(flyers / f"{slug}.{lang}.pdf") == (1, "595.276 x 841.89 pts (A4)")


@pytest.mark.parametrize("lang", ("nl", "uk"))
@pytest.mark.parametrize("slug", BUURTEN)
def test_text_has_every_activity_and_place(site, flyers, slug, lang):
    text = text_of(flyers / f"{slug}.{lang}.pdf")
    places, _ = flyer_places(site, slug)
    assert site.content.buurten[slug].model.naam in text
    for place in places:
        assert place.entry.model.naam in text
    slots = [s for day in weekly_slots(places, site.today).values() for s in day] + [s for _, s in one_off_slots(places, site.today)]
    for slot in slots:
        assert " ".join(text_in(slot.activity.naam, lang)[0].split()) in text
    assert t(lang, "flyer.current_info", url=buurt_page_url(site, slug, lang)).split(":")[0] in text


def test_busy_fixture_flyer_says_schedule_as_people_say_it(flyers):
    text = text_of(flyers / "binnenstad.nl.pdf")
    assert "Dinsdag 10.00–12.00 Taalcafé gratis 1" in text
    # pdftotext does not keep the reading order of table cells in every row: look at the pieces
    assert "Vrijdag 19.00–21.00" in text and "Spelletjesavond elke eerste vrijdag van de maand · vrijwillige bijdrage" in text
    assert "Gemaakt op 27 november 2026." in text


def test_examples_and_one_off_dates_are_marked(flyers):
    text = text_of(flyers / "bergen.nl.pdf")
    assert "voorbeeld — nog niet gecontroleerd" in text
    assert "Binnenkort, één keer" in text and "Zaterdag 19 december 2026" in text and "17.00–20.00" in text
    assert "om de week op woensdag (vanaf 2 september 2026), niet op 30 december 2026" in text


def test_a_closed_place_is_labelled_and_its_activities_left_out(flyers):
    text = text_of(flyers / "witte-dame.nl.pdf")
    assert "tijdelijk gesloten" in text and "De activiteiten gaan nu niet door." in text
    assert "Digitaal spreekuur" not in text
    assert "Vraag het wijkteam van WIJeindhoven" in text


@pytest.mark.parametrize("lang", LANGS)
def test_qr_code_decodes_to_the_buurt_page(site, flyers, lang, tmp_path):
    run("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", flyers / f"binnenstad.{lang}.pdf", tmp_path / "page")
    [image] = tmp_path.glob("page*.png")
    decoded = run("zbarimg", "-q", "--raw", image).strip()
    assert decoded == buurt_page_url(site, "binnenstad", lang)
    assert decoded == "https://wijeindhoven.github.io/sociale-kaart/" + ("" if lang == "nl" else f"{lang}/") + "buurt/binnenstad/"


@pytest.mark.parametrize("lang,font", [("nl", "+Noto-Sans "), ("ar", "+Noto-Sans-Arabic "), ("uk", "+Noto-Sans ")])
def test_fonts_are_embedded(flyers, lang, font):
    rows = run("pdffonts", flyers / f"bergen.{lang}.pdf").splitlines()[2:]
    assert rows, "geen lettertypen"
    assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column
    assert any(font in row for row in rows), rows


def test_arabic_is_right_to_left_and_ukrainian_cyrillic(site, flyers):
    assert flyer_html(site, "binnenstad", "ar").startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')
    assert "ماذا يمكنك أن تفعل؟" in text_of(flyers / "binnenstad.ar.pdf")
    assert "Чим можна зайнятися?" in text_of(flyers / "binnenstad.uk.pdf")


def test_empty_buurt_says_where_to_ask(empty_flyer):
    text = text_of(empty_flyer)
    assert pages_and_size(empty_flyer)[0] == 1
    assert "Op de sociale kaart staan nog geen activiteiten in of vlak bij Achtse" in text  # the name may break at its hyphen
    assert "Vraag het wijkteam van WIJeindhoven" in text and "www.wijeindhoven.nl" in text
    assert "De plekken" not in text


# --- cache and command line -----------------------------------------------------------------------------


def test_unchanged_flyers_come_from_the_cache(site, tmp_path, monkeypatch):
    first = render_flyers(site, ["bergen"], ["nl", "en"], cache_dir=tmp_path)
    monkeypatch.setattr("generator.render.flyers.html_to_pdf", lambda html: pytest.fail("opnieuw gemaakt"))
    stats = FlyerStats()
    again = render_flyers(site, ["bergen"], ["nl", "en"], cache_dir=tmp_path, stats=stats)
    assert again == first and (stats.flyers, stats.rendered) == (2, 0)


def test_a_changed_place_rebuilds_only_its_flyers(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    site = prepare(content, SiteConfig(), TODAY)[0]
    render_flyers(site, BUURTEN, ["nl"], cache_dir=tmp_path / "cache", workers=1)
    place = content / "ontwikkelplaatsen" / "buurtkamer-bergen.yml"
    place.write_text(place.read_text(encoding="utf-8").replace("huisnummer: 12a", "huisnummer: 14"), encoding="utf-8")
    site = prepare(content, SiteConfig(), TODAY)[0]
    stats = FlyerStats()
    files = render_flyers(site, BUURTEN, ["nl"], cache_dir=tmp_path / "cache", workers=1, stats=stats)
    assert (stats.flyers, stats.rendered) == (3, 1)
    assert len(files) == 3


def test_cli_writes_flyers_for_one_buurt(tmp_path, capsys):
    out = tmp_path / "docs" / "flyers"
    code = main(["flyers", "--content", str(FIXTURE_CONTENT), "--output", str(out), "--cache", str(tmp_path / "cache"),
                 "--buurt", "bergen", "--lang", "nl", "en", "--today", TODAY.isoformat(), "--mkdocs", str(REPO / "mkdocs.yml")])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["bergen.en.pdf", "bergen.nl.pdf"]
    assert "flyers: 2 in" in capsys.readouterr().out


def test_cli_names_an_unknown_buurt(tmp_path, capsys):
    code = main(["flyers", "--content", str(FIXTURE_CONTENT), "--output", str(tmp_path), "--buurt", "bergn"])
    assert code == 2
    assert "onbekende buurt: bergn" in capsys.readouterr().err
