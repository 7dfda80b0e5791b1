"""The bad-input corpus: every broken file in tests/corpus gets exactly the message a volunteer sees.

The corpus is laid out as a real content folder (tests/corpus/content/…). Each case below is the
whole line the CLI prints for that file, ``file:line:col: fout: message (hint)``, checked through
the real command (``generator.cli.main``) with a fixed ``--today``. Files too big to commit (10 MB,
an alias bomb, deep nesting) are written to tmp_path by the tests themselves.
"""

from __future__ import annotations

import time
from datetime import date, time as clock
from pathlib import Path

import pytest

from generator.cli import main
from generator.load import MAX_FILE_BYTES, load_file
from generator.problems import Problem, error, format_github
from generator.validate import validate_paths

CORPUS = Path(__file__).parent / "corpus"
TODAY = "2026-11-27"
VALID = {
    "buurten/binnenstad.yml",
    "buurten/burghplan.yml",
    "buurten/eindhoven-airport.yml",
    "ontwikkelplaatsen/geldig-koffie-inloop.yml",
    "ontwikkelplaatsen/geldig-alle-schemas.yml",
    "ontwikkelplaatsen/geldig-yaml11.yml",
    "ontwikkelplaatsen/geldig-bom-crlf.yml",
    "ontwikkelplaatsen/dubbel.yaml",  # valid itself; its twin dubbel.yml is the one reported
}

CASES: dict[str, str | list[str]] = {
    "buurten/cbs-code.yml": "2:7: fout: `BU1234` is geen CBS-buurtcode van Eindhoven (een buurtcode ziet eruit als `BU07721110`)",
    "buurten/witte-dame.yml": "1:7: fout: de bestandsnaam past niet bij de naam van de buurt `Bergen` (noem het bestand `bergen.yml`)",
    "buurten/zwartbroek.yml": [
        "1:7: fout: de bestandsnaam past niet bij de naam van de buurt `Binnenstad` (noem het bestand `binnenstad.yml`)",
        "2:7: fout: de buurtcode BU07721110 staat ook in content/buurten/binnenstad.yml (elke buurt heeft één bestand)",
    ],
    "buurten/onbekende-code.yml": "2:7: fout: de buurtcode `BU07721111` komt niet voor in de gegevens van Eindhoven (controleer de code; de lijst staat in content/geo/buurten.geojson)",
    "buurten/verkeerde-naam.yml": "1:7: fout: volgens de gegevens hoort bij code BU07721130 de naam `Witte Dame`, niet `Witte Dam` (schrijf `naam: Witte Dame` of verbeter de code)",
    "ontwikkelplaatsen/andere-buurt.yml": "4:14: fout: het punt ligt in buurt Bergen (bergen), niet in `binnenstad` (schrijf `buurt: bergen`, of verbeter het adres of de coördinaten)",
    "ontwikkelplaatsen/buiten-eindhoven.yml": "4:14: fout: het punt (52.37000, 4.89000) ligt buiten Eindhoven (controleer het adres of de coördinaten: eerst breedtegraad ~51,4, dan lengtegraad ~5,5)",
    "ontwikkelplaatsen/niet-opgezocht.yml": "4:1: waarschuwing: het adres is nog niet opgezocht en er zijn geen `coordinaten` (draai `python -m generator geocode --only-missing`; de controle van een pull request doet dit ook)",
    "ontwikkelplaatsen/ver-van-straat.yml": "4:14: waarschuwing: het punt ligt 360 meter van de dichtstbijzijnde straat (klopt het adres of zijn de coördinaten verwisseld? Looptijden zijn hier onzeker)",
    "ontwikkelplaatsen/Koffie De Kerk.yml": "1:1: fout: de bestandsnaam `Koffie De Kerk` is geen geldige korte naam (gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `koffie-de-kerk.yml`)",
    "ontwikkelplaatsen/alias.yml": "15:83: fout: verwijzingen met `*` (YAML-aliassen) zijn niet toegestaan (schrijf de waarde voluit in plaats van `*t`)",
    "ontwikkelplaatsen/alleen-commentaar.yml": "1:1: fout: het bestand is leeg (begin met een kopie van _sjabloon.yml in dezelfde map)",
    "ontwikkelplaatsen/bedrag-negatief.yml": "15:13: fout: `-2` is geen geldige prijs (schrijf `gratis`, `vrijwillige bijdrage` of één bedrag in euro per keer, zoals `2.50`, `€ 2,50` of `2 euro`; uitleg als \"per maand\" of \"met korting\" kan in de `omschrijving`)",
    "ontwikkelplaatsen/bedrag.yml": "15:13: fout: `duur` is geen geldige prijs (schrijf `gratis`, `vrijwillige bijdrage` of één bedrag in euro per keer, zoals `2.50`, `€ 2,50` of `2 euro`; uitleg als \"per maand\" of \"met korting\" kan in de `omschrijving`)",
    "ontwikkelplaatsen/blok-verwacht.yml": "4:8: fout: `adres` moet een blok met velden eronder zijn (zet de velden eronder, ingesprongen met twee spaties, zoals in _sjabloon.yml)",
    "ontwikkelplaatsen/coordinaten.yml": "8:14: fout: `coordinaten` moeten twee getallen zijn: breedtegraad en lengtegraad (schrijf bijvoorbeeld `coordinaten: [51.4416, 5.4697]`; Eindhoven ligt rond 51,4 noord en 5,5 oost)",
    "ontwikkelplaatsen/dag-keuze.yml": "14:42: fout: `vrijdags` is geen geldige waarde voor `dag` (kies uit: maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag)",
    "ontwikkelplaatsen/datum-formaat.yml": "15:23: fout: `01-10-2026` is geen geldige datum (schrijf de datum als jaar-maand-dag, bijvoorbeeld `2026-10-01`)",
    "ontwikkelplaatsen/datum-onmogelijk.yml": "15:23: fout: `2026-02-30` is geen geldige datum (schrijf de datum als jaar-maand-dag, bijvoorbeeld `2026-10-01`)",
    "ontwikkelplaatsen/datum-onwaarschijnlijk.yml": "15:23: fout: de datum 1926-10-01 is onwaarschijnlijk (klopt het jaartal? Schrijf jaar-maand-dag, bijvoorbeeld `2026-10-01`)",
    "ontwikkelplaatsen/datum-oud.yml": "15:23: waarschuwing: de gegevens zijn voor het laatst gecontroleerd op 2025-10-01, meer dan 12 maanden geleden (kijk of alles nog klopt en zet de datum van vandaag bij `laatst_gecontroleerd`)",
    "ontwikkelplaatsen/datum-toekomst.yml": "15:23: fout: de datum 2027-01-15 bij `laatst_gecontroleerd` ligt in de toekomst (vul de datum in waarop je de gegevens echt hebt gecontroleerd)",
    "ontwikkelplaatsen/datum-volgorde.yml": "14:110: fout: `tot_en_met` (2026-06-30) ligt voor `vanaf` (2026-09-01) (wissel de datums om of verbeter ze)",
    "ontwikkelplaatsen/dubbel.yml": "1:1: fout: de korte naam `dubbel` wordt ook gebruikt door content/ontwikkelplaatsen/dubbel.yaml (geef een van beide bestanden een andere naam)",
    "ontwikkelplaatsen/dubbele-sleutel.yml": "16:1: fout: het veld `naam` staat twee keer in dit blok (ook op regel 1) (haal een van de twee weg of voeg ze samen)",
    "ontwikkelplaatsen/email.yml": "10:10: fout: `info@example` is geen geldig e-mailadres (een e-mailadres ziet eruit als info@organisatie.nl)",
    "ontwikkelplaatsen/geen-mapping.yml": "1:1: fout: het bestand moet bestaan uit velden als `naam: ...` (begin met een kopie van _sjabloon.yml in dezelfde map)",
    "ontwikkelplaatsen/geen-utf8.yml": "1:10: fout: het bestand bevat tekens die geen UTF-8 zijn (sla het bestand op als UTF-8, zoals de GitHub-editor vanzelf doet; controleer de letters op deze regel)",
    "ontwikkelplaatsen/huisnummer.yml": "6:15: fout: `twaalf` is geen huisnummer (schrijf het nummer met eventueel een toevoeging, bijvoorbeeld `12`, `12a` of `12-2`)",
    "ontwikkelplaatsen/ja-nee-true-rolstoel.yml": "9:13: fout: `true` is geen geldige waarde voor `rolstoel` (kies uit: ja, nee, deels, onbekend)",
    "ontwikkelplaatsen/ja-nee-yes.yml": "3:12: fout: `yes` is hier niet duidelijk (schrijf `ja` of `nee`)",
    "ontwikkelplaatsen/leeg-veld.yml": "1:6: fout: het verplichte veld `naam` is niet ingevuld (vul het in: naam van de plek, bijvoorbeeld `Taalcafé De Boog`)",
    "ontwikkelplaatsen/leeg.yml": "1:1: fout: het bestand is leeg (begin met een kopie van _sjabloon.yml in dezelfde map)",
    "ontwikkelplaatsen/lege-tekst-omschrijving.yml": "8:15: fout: `omschrijving` is leeg (vul een tekst in of haal de regel weg)",
    "ontwikkelplaatsen/lege-tekst.yml": "1:7: fout: het verplichte veld `naam` is niet ingevuld (vul het in: naam van de plek, bijvoorbeeld `Taalcafé De Boog`)",
    "ontwikkelplaatsen/lijst-verwacht.yml": "12:15: fout: `activiteiten` moet een lijst zijn (schrijf bijvoorbeeld `activiteiten: [a, b]` of elk item op een eigen regel met `- `)",
    "ontwikkelplaatsen/markup-link.yml": "8:15: fout: de tekst lijkt HTML, een script, een link of een verborgen teken te bevatten: `[onze site](https://example.nl)` (schrijf gewone tekst zonder < >, Markdown-links, `javascript:` of onzichtbare richtingstekens; een webadres hoort bij `contact`)",
    "ontwikkelplaatsen/markup-onzichtbaar.yml": "8:15: fout: de tekst lijkt HTML, een script, een link of een verborgen teken te bevatten: `Koffie edis` (schrijf gewone tekst zonder < >, Markdown-links, `javascript:` of onzichtbare richtingstekens; een webadres hoort bij `contact`)",
    "ontwikkelplaatsen/markup-script.yml": "8:15: fout: de tekst lijkt HTML, een script, een link of een verborgen teken te bevatten: `<script>alert(1)</script> Koffie!` (schrijf gewone tekst zonder < >, Markdown-links, `javascript:` of onzichtbare richtingstekens; een webadres hoort bij `contact`)",
    "ontwikkelplaatsen/onbekend-veld-typo.yml": "7:3: fout: onbekend veld `postcde` (bedoelde je `postcode`?)",
    "ontwikkelplaatsen/onbekend-veld.yml": "8:1: fout: onbekend veld `facebook` (haal het weg; velden die hier wel mogen: `naam`, `buurt`, `status`, `voorbeeld`, `organisatie`, `themas`, `adres`, `coordinaten`, `omschrijving`, `talen`, `toegankelijkheid`, `contact`, `activiteiten`, `laatst_gecontroleerd`)",
    "ontwikkelplaatsen/onbekende-buurt-naam.yml": "2:8: fout: de buurt `Burghplan` bestaat niet (bedoelde je `burghplan`?)",
    "ontwikkelplaatsen/onbekende-buurt-typo.yml": "2:8: fout: de buurt `binnestad` bestaat niet (bedoelde je `binnenstad`?)",
    "ontwikkelplaatsen/onbekende-buurt.yml": "2:8: fout: de buurt `maanlanding` bestaat niet (gebruik de bestandsnaam zonder .yml van een buurt in content/buurten/)",
    "ontwikkelplaatsen/ontbreekt-herhaling.yml": "14:5: fout: het verplichte veld `herhaling` ontbreekt (voeg `herhaling:` toe: `wekelijks`, `tweewekelijks` (om de week), `maandelijks` (bijvoorbeeld elke eerste vrijdag) of `eenmalig`)",
    "ontwikkelplaatsen/ontbreekt-naam.yml": "1:1: fout: het verplichte veld `naam` ontbreekt (voeg `naam:` toe: naam van de plek, bijvoorbeeld `Taalcafé De Boog`)",
    "ontwikkelplaatsen/ontbreekt-postcode.yml": "4:1: fout: het verplichte veld `postcode` ontbreekt (voeg `postcode:` toe: postcode, bijvoorbeeld `5612 AB`)",
    "ontwikkelplaatsen/postcode-kort.yml": "7:13: fout: `5611 A` is geen Nederlandse postcode (schrijf vier cijfers en twee letters, bijvoorbeeld `5611 AB`)",
    "ontwikkelplaatsen/postcode-ss.yml": "7:13: fout: `5611 SS` is geen Nederlandse postcode (schrijf vier cijfers en twee letters, bijvoorbeeld `5611 AB`)",
    "ontwikkelplaatsen/schema-mist.yml": "14:14: fout: bij `herhaling: maandelijks` hoort ook `week` (bijvoorbeeld `dag: vrijdag` + `week: eerste`)",
    "ontwikkelplaatsen/schema-teveel.yml": "14:14: fout: `datum` past niet bij `herhaling: wekelijks` (haal `datum` weg, of kies een andere herhaling)",
    "ontwikkelplaatsen/startdatum-dag.yml": "14:14: fout: de startdatum 2026-09-01 is een dinsdag, maar de activiteit is op vrijdag (kies als startdatum een vrijdag waarop de activiteit plaatsvindt)",
    "ontwikkelplaatsen/status-keuze.yml": "3:9: fout: `dicht` is geen geldige waarde voor `status` (kies uit: actief, tijdelijk gesloten, gestopt)",
    "ontwikkelplaatsen/taalcode.yml": "15:13: fout: `engels` is geen bekende taalcode (gebruik de code van twee letters, bijvoorbeeld nl, en, tr, ar, pl, uk)",
    "ontwikkelplaatsen/tab-in-tekst.yml": "1:20: fout: op deze regel staat een tab; YAML kan die hier niet lezen (vervang de tab door een spatie)",
    "ontwikkelplaatsen/tab.yml": "6:1: fout: op deze regel staat een tab om in te springen; YAML staat alleen spaties toe (vervang de tab aan het begin van de regel door spaties, twee per niveau)",
    "ontwikkelplaatsen/tag-python.yml": "1:7: fout: speciale YAML-markeringen zoals `!!python/object/apply:os.system` zijn niet toegestaan (haal `!!python/object/apply:os.system` weg en schrijf gewone tekst, getallen of datums)",
    "ontwikkelplaatsen/tekst-lijst.yml": "1:7: fout: `naam` moet een tekst zijn (schrijf de tekst achter `naam:`; zet hem tussen aanhalingstekens als hij met een cijfer of teken begint)",
    "ontwikkelplaatsen/tekst-taal.yml": "10:3: fout: `de` is geen taal van de site (teksten kunnen in: nl, en, tr, ar, pl, uk; haal de andere weg)",
    "ontwikkelplaatsen/tekst-te-lang.yml": "8:15: fout: de tekst is te lang (2099 tekens, de grens is 2000) (maak de tekst korter; details kunnen op de website van de organisatie)",
    "ontwikkelplaatsen/tekst-verwacht.yml": "1:7: fout: `naam` moet een tekst zijn (schrijf de tekst achter `naam:`; zet hem tussen aanhalingstekens als hij met een cijfer of teken begint)",
    "ontwikkelplaatsen/tekst-zonder-nl.yml": "9:3: fout: de Nederlandse tekst (`nl:`) ontbreekt (voeg `nl:` toe; Nederlands is de taal die iedereen te zien krijgt als er geen vertaling is)",
    "ontwikkelplaatsen/tekst-zonder-sleutel.yml": "1:1: fout: het bestand moet bestaan uit velden als `naam: ...` (begin met een kopie van _sjabloon.yml in dezelfde map)",
    "ontwikkelplaatsen/telefoon-mobiel.yml": "11:13: waarschuwing: `06 1234 5678` is een mobiel nummer (zet alleen nummers van organisaties op de kaart, geen privénummers van bewoners)",
    "ontwikkelplaatsen/telefoon.yml": "11:13: fout: `040 123` is geen Nederlands telefoonnummer (schrijf tien cijfers, bijvoorbeeld `040 123 4567`, of `14 040` voor de gemeente)",
    "ontwikkelplaatsen/thema-leeg.yml": "3:9: fout: `themas` moet minstens één waarde hebben (vul er minstens één in)",
    "ontwikkelplaatsen/thema-onbekend.yml": "3:22: fout: `sport` is geen geldige waarde voor `themas` (kies uit: ontmoeting, taal, eten, tuin, bewegen, creatief, leren, werk, vrijwilligerswerk, hulp, jeugd, gezondheid, digitaal)",
    "ontwikkelplaatsen/tijd-24.yml": '14:70: fout: `24:00` is geen geldige tijd (schrijf de tijd als uren:minuten, van 00:00 tot en met 23:59, bijvoorbeeld "09:30")',
    "ontwikkelplaatsen/tijd-ongeldig.yml": '14:56: fout: `25:00` is geen geldige tijd (schrijf de tijd als uren:minuten, van 00:00 tot en met 23:59, bijvoorbeeld "09:30")',
    "ontwikkelplaatsen/tijd-uur.yml": '14:56: fout: `10` is geen geldige tijd (schrijf de tijd als uren:minuten, van 00:00 tot en met 23:59, bijvoorbeeld "09:30")',
    "ontwikkelplaatsen/tijd-volgorde.yml": "14:70: fout: de eindtijd 10:00 ligt niet na de begintijd 12:00 (controleer `van` en `tot`; een activiteit die na middernacht doorloopt kan de kaart niet aan)",
    "ontwikkelplaatsen/twee-documenten.yml": "16:1: fout: hier begint met `---` een tweede document; een bestand mag er maar één bevatten (haal `---` en wat erna komt weg, of zet het in een eigen bestand)",
    "ontwikkelplaatsen/url-javascript.yml": "9:12: fout: `javascript:alert(document.cookie)` is geen geldig webadres (een webadres begint met https:// of http://, bijvoorbeeld https://www.voorbeeld.nl)",
    "ontwikkelplaatsen/url-zonder-https.yml": "9:12: fout: `www.example.nl` is geen geldig webadres (een webadres begint met https:// of http://, bijvoorbeeld https://www.voorbeeld.nl)",
    "ontwikkelplaatsen/yaml-aanhalingsteken.yml": "14:70: fout: een tekst tussen aanhalingstekens wordt niet afgesloten (zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin)",
    "ontwikkelplaatsen/yaml-accolade-open.yml": '14:14: fout: het blok dat hier met `{` begint, wordt niet goed afgesloten (zet komma\'s tussen de velden en sluit af met `}`, bijvoorbeeld `{van: "10:00", tot: "12:00"}`)',
    "ontwikkelplaatsen/yaml-begin-teken.yml": '1:7: fout: een waarde kan in YAML niet met dit teken beginnen (zet de hele tekst tussen aanhalingstekens, bijvoorbeeld "@koffiehuis")',
    "ontwikkelplaatsen/yaml-dubbele-punt.yml": '1:13: fout: hier staat een dubbele punt (`:`) waar YAML die niet verwacht (staat er een `:` in een tekst? Zet de hele tekst dan tussen aanhalingstekens: "...")',
    "ontwikkelplaatsen/yaml-inspringen-blok.yml": "14:4: fout: een lijst is hier niet goed opgebouwd (elk item van een lijst begint met `- ` op dezelfde inspringing, of schrijf de lijst als [a, b])",
    "ontwikkelplaatsen/yaml-inspringen-terug.yml": "6:2: fout: het inspringen klopt hier niet (velden op hetzelfde niveau moeten met spaties precies even ver inspringen; vergelijk met de regels erboven)",
    "ontwikkelplaatsen/yaml-inspringen.yml": "7:5: fout: het inspringen klopt hier niet (velden op hetzelfde niveau moeten met spaties precies even ver inspringen; vergelijk met de regels erboven)",
    "ontwikkelplaatsen/yaml-lijst-item.yml": "17:4: fout: een lijst is hier niet goed opgebouwd (elk item van een lijst begint met `- ` op dezelfde inspringing, of schrijf de lijst als [a, b])",
    "ontwikkelplaatsen/yaml-lijst-open.yml": "3:9: fout: de lijst die hier met `[` begint, wordt niet goed afgesloten (zet komma's tussen de waarden en sluit op dezelfde regel af met `]`, bijvoorbeeld `[taal, ontmoeting]`)",
    "ontwikkelplaatsen/yaml-lijst-streepje.yml": "13:3: fout: na het streepje `-` van een lijst hoort een spatie (schrijf bijvoorbeeld `- naam: ...` in plaats van `-naam: ...`)",
    "ontwikkelplaatsen/yaml-tag-onbekend.yml": "1:7: fout: de opbouw van het bestand klopt hier niet (vergelijk deze regel met _sjabloon.yml; technische melding: found undefined tag handle '!e!')",
}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args, "--today", TODAY])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture(scope="module")
def corpus_output() -> tuple[int, list[str]]:
    """One run of the CLI over the whole corpus folder, as a pull-request check would do."""
    import contextlib
    import io
    import os

    out = io.StringIO()
    old = os.getcwd()
    os.chdir(CORPUS)
    try:
        with contextlib.redirect_stdout(out):
            code = main(["validate", "content", "--today", TODAY])
    finally:
        os.chdir(old)
    return code, out.getvalue().splitlines()


def corpus_files() -> set[str]:
    root = CORPUS / "content"
    return {p.relative_to(root).as_posix() for p in root.glob("*/*.y*ml")}


def test_corpus_is_large_enough_and_every_file_is_a_case() -> None:
    assert len(CASES) >= 45
    assert corpus_files() == set(CASES) | VALID


@pytest.mark.parametrize("case", sorted(CASES))
def test_case_message(case: str, corpus_output: tuple[int, list[str]]) -> None:
    _, lines = corpus_output
    printed = [line for line in lines if line.startswith(f"content/{case}:")]
    expected = CASES[case] if isinstance(CASES[case], list) else [CASES[case]]
    assert printed == [f"content/{case}:{line}" for line in expected]


def test_valid_files_have_no_problems(corpus_output: tuple[int, list[str]]) -> None:
    _, lines = corpus_output
    assert not [line for line in lines if any(line.startswith(f"content/{name}:") for name in VALID)]


def test_output_is_sorted_and_ends_with_the_count(corpus_output: tuple[int, list[str]]) -> None:
    code, lines = corpus_output
    problems = lines[:-1]
    warnings = sum(": waarschuwing: " in line for line in problems)
    assert code == 1
    assert lines[-1] == f"{len(corpus_files())} bestanden: {len(problems) - warnings} fouten, {warnings} waarschuwingen"
    positions = [(p.split(":")[0], int(p.split(":")[1]), int(p.split(":")[2])) for p in problems]
    assert positions == sorted(positions)


def test_mixed_folder_reports_every_broken_file_and_loads_every_valid_one() -> None:
    result = validate_paths([CORPUS / "content"], today=date.fromisoformat(TODAY), base=CORPUS)
    reported = {p.file.removeprefix("content/") for p in result.problems}
    assert reported == set(CASES)
    assert result.content is not None
    assert {"geldig-koffie-inloop", "geldig-alle-schemas", "geldig-yaml11", "geldig-bom-crlf"} <= set(result.content.plaatsen)
    assert {"binnenstad", "burghplan"} <= set(result.content.buurten)
    assert result.files_checked == len(corpus_files())


# --- YAML 1.1 traps, BOM, CRLF, tabs ----------------------------------------------------------------


def _loaded_place(slug: str):  # noqa: ANN202 - an Entry[Ontwikkelplaats]
    result = validate_paths([CORPUS / "content" / "ontwikkelplaatsen" / f"{slug}.yml"], today=date.fromisoformat(TODAY), base=CORPUS)
    assert result.problems == []
    assert result.content is not None
    return result.content.plaatsen[slug]


def test_unquoted_time_is_the_time_meant_not_600() -> None:
    schedule = _loaded_place("geldig-yaml11").model.activiteiten[0].wanneer[0]
    assert (schedule.van, schedule.tot) == (clock(10, 0), clock(12, 30))


def test_no_in_capitals_is_norwegian_not_false() -> None:
    assert _loaded_place("geldig-yaml11").model.talen == ["nl", "no"]


def test_yes_asks_for_ja_or_nee() -> None:
    assert CASES["ontwikkelplaatsen/ja-nee-yes.yml"].endswith("(schrijf `ja` of `nee`)")


def test_bom_and_crlf_load_with_right_positions() -> None:
    path = CORPUS / "content" / "ontwikkelplaatsen" / "geldig-bom-crlf.yml"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    doc, problems = load_file(path, "x.yml")
    assert problems == [] and doc is not None
    assert doc.key_pos[("naam",)] == (1, 1)
    assert doc.value_pos[("adres", "postcode")] == (7, 13)
    assert doc.key_pos[("laatst_gecontroleerd",)] == (15, 1)
    assert doc.data["adres"]["postcode"] == "5611 AB"  # no stray \r at the end of values


def test_bom_crlf_file_errors_point_at_the_right_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "content" / "ontwikkelplaatsen"
    folder.mkdir(parents=True)
    text = (CORPUS / "content" / "ontwikkelplaatsen" / "postcode-kort.yml").read_text(encoding="utf-8")
    (folder / "postcode-kort.yml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    code, lines = run_cli(capsys, str(folder / "postcode-kort.yml"))
    assert code == 1
    assert lines[0].endswith(":7:13: fout: `5611 A` is geen Nederlandse postcode (schrijf vier cijfers en twee letters, bijvoorbeeld `5611 AB`)")


# --- files too big or too clever to commit -------------------------------------------------------------


def _place_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "ontwikkelplaatsen"
    folder.mkdir(parents=True)
    return folder


def _timed_cli(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[float, list[str]]:
    start = time.perf_counter()
    code, lines = run_cli(capsys, str(path))
    elapsed = time.perf_counter() - start
    assert code == 1
    return elapsed, lines


def test_ten_megabyte_file_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _place_folder(tmp_path) / "groot.yml"
    path.write_text("naam: Groot\nomschrijving: " + "x" * (10 * 1024 * 1024) + "\n", encoding="utf-8")
    elapsed, lines = _timed_cli(capsys, path)
    size = path.stat().st_size
    assert lines[0] == (
        f"{path}:1:1: fout: het bestand is te groot ({size} bytes; de grens is {MAX_FILE_BYTES}) "
        "(een bestand beschrijft één buurt of één plek; staat er per ongeluk iets anders in?)"
    )
    assert elapsed < 2  # a safety bound: the size is checked before anything is parsed


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(9)
)


def test_alias_bomb_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _place_folder(tmp_path) / "bom.yml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")  # 10**10 strings if expanded
    elapsed, lines = _timed_cli(capsys, path)
    assert lines[0] == (
        f"{path}:2:8: fout: verwijzingen met `*` (YAML-aliassen) zijn niet toegestaan (schrijf de waarde voluit in plaats van `*a`)"
    )
    assert elapsed < 2


def test_deep_nesting_is_refused_without_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _place_folder(tmp_path) / "diep.yml"
    path.write_text("naam: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    elapsed, lines = _timed_cli(capsys, path)
    assert lines[0] == f"{path}:1:1: fout: het bestand is te diep genest om te lezen (een bestand heeft hooguit een paar niveaus; vergelijk het met _sjabloon.yml)"
    assert elapsed < 2


def test_file_outside_a_content_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "los.yml"
    path.write_text("naam: Los\n", encoding="utf-8")
    code, lines = run_cli(capsys, str(path))
    assert code == 1
    assert lines[0].startswith(f"{path}:1:1: fout: dit bestand staat niet in content/buurten/")


# --- output formats, exit codes, --strict, --lang ------------------------------------------------------


def test_github_annotation_escapes_exactly() -> None:
    problem = error("content/a:b,c.yml", 3, 7, "yaml_syntax", detail="50% klaar,\r\nregel 2: nee")
    assert format_github(problem) == (
        "::error file=content/a%3Ab%2Cc.yml,line=3,col=7,title=Fout::"
        "de opbouw van het bestand klopt hier niet "
        "(vergelijk deze regel met _sjabloon.yml; technische melding: 50%25 klaar,%0D%0Aregel 2: nee)"
    )


def test_github_format_and_step_summary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("eerder\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(CORPUS)
    code, lines = run_cli(capsys, "content/ontwikkelplaatsen/postcode-kort.yml", "--format", "github")
    assert code == 1
    assert lines == [
        "::error file=content/ontwikkelplaatsen/postcode-kort.yml,line=7,col=13,title=Fout::"
        "`5611 A` is geen Nederlandse postcode (schrijf vier cijfers en twee letters, bijvoorbeeld `5611 AB`)",
        "1 bestand: 1 fout, 0 waarschuwingen",
    ]
    assert summary.read_text(encoding="utf-8") == (
        "eerder\n"
        "### Controle van de inhoud: 1 bestand, 1 fout, 0 waarschuwingen\n\n"
        "| bestand | regel | soort | wat is er mis | wat kun je doen |\n|---|---|---|---|---|\n"
        "| `content/ontwikkelplaatsen/postcode-kort.yml` | 7 | fout | `5611 A` is geen Nederlandse postcode "
        "| schrijf vier cijfers en twee letters, bijvoorbeeld `5611 AB` |\n"
    )


def test_text_format_does_not_write_the_summary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(CORPUS)
    run_cli(capsys, "content/ontwikkelplaatsen/postcode-kort.yml")
    assert not summary.exists()


def test_exit_codes(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(CORPUS)
    assert run_cli(capsys, "content/ontwikkelplaatsen/geldig-koffie-inloop.yml") == (0, ["1 bestand: 0 fouten, 0 waarschuwingen"])
    assert run_cli(capsys, "content/ontwikkelplaatsen/leeg.yml")[0] == 1
    assert run_cli(capsys, "content/bestaat-niet.yml")[0] == 2
    with pytest.raises(SystemExit) as usage:
        main(["validate", "--format", "xml"])
    assert usage.value.code == 2


def test_strict_turns_a_stale_date_into_a_failure(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(CORPUS)
    stale = "content/ontwikkelplaatsen/datum-oud.yml"
    code, lines = run_cli(capsys, stale)
    assert code == 0
    assert lines[-1] == "1 bestand: 0 fouten, 1 waarschuwing"
    assert run_cli(capsys, stale, "--strict")[0] == 1


def test_english(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(CORPUS)
    files = ["tab", "ontbreekt-postcode", "onbekende-buurt-typo", "onbekende-buurt", "leeg-veld"]
    code, lines = run_cli(capsys, *(f"content/ontwikkelplaatsen/{name}.yml" for name in files), "--lang", "en")
    assert code == 1
    assert lines == [
        "content/ontwikkelplaatsen/leeg-veld.yml:1:6: error: the required field `naam` is not filled in (fill it in after `naam:`; docs/velden.md describes what to write)",
        "content/ontwikkelplaatsen/onbekende-buurt-typo.yml:2:8: error: the buurt `binnestad` does not exist (did you mean `binnenstad`?)",
        "content/ontwikkelplaatsen/onbekende-buurt.yml:2:8: error: the buurt `maanlanding` does not exist (use the file name without .yml of a buurt in content/buurten/)",
        "content/ontwikkelplaatsen/ontbreekt-postcode.yml:4:1: error: the required field `postcode` is missing (add `postcode:`; docs/velden.md describes what to fill in)",
        "content/ontwikkelplaatsen/tab.yml:6:1: error: this line is indented with a tab; YAML only allows spaces (replace the tab at the start of the line with spaces, two per level)",
        "5 files: 5 errors, 0 warnings",
    ]
