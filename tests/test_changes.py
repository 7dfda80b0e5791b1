"""The change summary of a pull request, on fixture content folders (tests/fixtures/changes/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.changes import changes_markdown, describe_changes, load_or_empty
from generator.content import load_content

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "changes"
BEFORE, AFTER = FIXTURES / "before" / "content", FIXTURES / "after" / "content"


def test_fixture_diff_in_words():
    assert describe_changes(load_content(BEFORE), load_content(AFTER)) == [
        "contactgegevens gewijzigd bij Buurtkamer De Schakel (Woensel-West): telefoon",
        "tijd gewijzigd: Koffie-inloop bij Buurtkamer De Schakel (Woensel-West): "
        "wekelijks vrijdag 10:00–12:00 → wekelijks vrijdag 09:30–11:30",
        "nieuwe plek: Moestuin De Groene Vingers (Woensel-West), met 1 activiteit",
        "plek gestopt: Repair Café Limbeek (Limbeek-Noord)",
        "2 activiteiten toegevoegd aan Taalcafé De Boog (Binnenstad): Koffie-inloop, Voorleesuurtje",
        "buurt Binnenstad: omschrijving aangepast",
    ]


def test_fixtures_are_valid_content():
    for folder in (BEFORE, AFTER):
        content = load_content(folder)
        assert content.problems == []
        assert len(content.files_read) == len(content.buurten) + len(content.plaatsen)


def test_the_way_back_reads_as_the_opposite():
    lines = describe_changes(load_content(AFTER), load_content(BEFORE))
    assert "plek verwijderd: Moestuin De Groene Vingers (Woensel-West)" in lines
    assert "plek weer actief: Repair Café Limbeek (Limbeek-Noord)" in lines
    assert "2 activiteiten verwijderd bij Taalcafé De Boog (Binnenstad): Koffie-inloop, Voorleesuurtje" in lines


def test_nothing_changed():
    assert describe_changes(load_content(AFTER), load_content(AFTER)) == []
    assert "verandert niets" in changes_markdown([])


def _copy(tmp_path: Path, source: Path = AFTER) -> Path:
    target = tmp_path / "content"
    shutil.copytree(source, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_only_the_check_date_changed(tmp_path):
    after = _copy(tmp_path)
    _edit(after / "ontwikkelplaatsen" / "moestuin-de-groene-vingers.yml", "2026-03-01", "2026-11-01")
    assert describe_changes(load_content(AFTER), load_content(after)) == [
        "gecontroleerd, niets veranderd: Moestuin De Groene Vingers (Woensel-West) (laatst gecontroleerd 2026-11-01)"
    ]


def test_address_name_details_and_activity_fields(tmp_path):
    after = _copy(tmp_path)
    place = after / "ontwikkelplaatsen" / "moestuin-de-groene-vingers.yml"
    _edit(place, "naam: Moestuin De Groene Vingers", "naam: Buurttuin De Groene Vingers")
    _edit(place, "huisnummer: 5,", "huisnummer: 7,")
    _edit(place, "themas: [tuin]", "themas: [tuin, eten]")
    _edit(place, '    wanneer:', '    kosten: 2.50\n    wanneer:')
    assert describe_changes(load_content(AFTER), load_content(after)) == [
        "naam gewijzigd: Moestuin De Groene Vingers → Buurttuin De Groene Vingers (Woensel-West)",
        "adres gewijzigd: Buurttuin De Groene Vingers (Woensel-West): "
        "Edisonstraat 5, 5621 HA Eindhoven → Edisonstraat 7, 5621 HA Eindhoven",
        "gegevens aangepast bij Buurttuin De Groene Vingers (Woensel-West): thema's",
        "activiteit aangepast: Samen tuinieren bij Buurttuin De Groene Vingers (Woensel-West): kosten",
    ]


def test_renamed_file_is_one_line(tmp_path):
    after = _copy(tmp_path)
    folder = after / "ontwikkelplaatsen"
    (folder / "moestuin-de-groene-vingers.yml").rename(folder / "moestuin-groene-vingers.yml")
    assert describe_changes(load_content(AFTER), load_content(after)) == [
        "bestand hernoemd: moestuin-de-groene-vingers.yml → moestuin-groene-vingers.yml (Moestuin De Groene Vingers (Woensel-West))"
    ]


def test_unreadable_file_is_named(tmp_path):
    after = _copy(tmp_path)
    (after / "ontwikkelplaatsen" / "kapot.yml").write_text("naam: [\n", encoding="utf-8")
    assert describe_changes(load_content(AFTER), load_content(after)) == [
        "kon niet gelezen worden: content/ontwikkelplaatsen/kapot.yml (zie de meldingen van de controle)"
    ]


def test_missing_base_folder_is_empty_content(tmp_path):
    lines = describe_changes(load_or_empty(tmp_path / "bestaat-niet"), load_content(AFTER))
    assert lines[0] == "nieuwe plek: Buurtkamer De Schakel (Woensel-West), met 1 activiteit"
    assert "nieuwe buurt: Binnenstad" in lines


def test_markdown_escapes_what_markdown_would_eat():
    assert changes_markdown(["nieuwe plek: *Sterren* [club]"]) == (
        "### Wat verandert er op de kaart\n\n- nieuwe plek: \\*Sterren\\* \\[club\\]\n"
    )


def test_cli_prints_the_summary():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "changes", "--base", str(BEFORE), "--after", str(AFTER)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("### Wat verandert er op de kaart\n\n- contactgegevens gewijzigd bij Buurtkamer De Schakel")
    assert "- plek gestopt: Repair Café Limbeek (Limbeek-Noord)\n" in result.stdout


@pytest.mark.parametrize("args", [["--base", "x", "--after", "bestaat-niet"]])
def test_cli_missing_after_folder(args):
    result = subprocess.run([sys.executable, "-m", "generator", "changes", *args], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr
