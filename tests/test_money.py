"""Prices: what a hand edit may write is what the import reads ("€ 1,50", "2 euro", "gratis")."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.cli import main
from generator.load import parse_text
from generator.models import Activiteit
from generator.money import amount_text, read_price
from generator.parse import parse_model

CORPUS = Path(__file__).parent / "corpus" / "content"


@pytest.mark.parametrize(
    ("written", "held"),
    [
        ("€ 1,50", Decimal("1.50")),
        ("€1,50", Decimal("1.50")),
        ("1,50", Decimal("1.50")),
        ("1.50", Decimal("1.50")),
        ("2 euro", Decimal("2")),
        ("2,5 euro", Decimal("2.50")),
        ("EUR 3", Decimal("3")),
        ("€ 2,-", Decimal("2")),
        ("€ 2,50 p.p.", Decimal("2.50")),
        ("3 euro per persoon", Decimal("3")),
        ("12.50", Decimal("12.50")),
        (2, Decimal("2")),
        (2.5, Decimal("2.5")),
        ("0", "gratis"),
        ("€ 0,00", "gratis"),
        ("Gratis", "gratis"),
        ("  gratis ", "gratis"),
        ("kosteloos", "gratis"),
        ("Vrijwillige bijdrage", "vrijwillige bijdrage"),
        ("vrije gift", "vrijwillige bijdrage"),
    ],
)
def test_prices_as_people_write_them(written: object, held: object) -> None:
    assert read_price(written) == held


@pytest.mark.parametrize(
    "written",
    ["duur", "-2", -2, "2-5 euro", "vanaf 2 euro", "€ 5 per maand", "1.000", "2,555", 2.555, "1001", True, "€", "", "2 euro (met koffie)"],
)
def test_prices_without_one_clear_meaning_are_refused(written: object) -> None:
    with pytest.raises(ValueError):
        read_price(written)


def test_amounts_are_written_as_the_files_write_them() -> None:
    assert [amount_text(Decimal(x)) for x in ("3", "2.5", "2.50", "12.5", "1000")] == ["3", "2.50", "2.50", "12.50", "1000"]


def _activity(kosten_line: str) -> tuple[Activiteit | None, list[str]]:
    text = f"naam: Koffie-inloop\nwanneer: {{herhaling: wekelijks, dag: vrijdag, van: \"10:00\", tot: \"12:00\"}}\n{kosten_line}\n"
    doc, problems = parse_text(text, Path("a.yml"), "a.yml")
    assert doc is not None and not problems
    model, problems = parse_model(Activiteit, doc)
    return model, [f"{p.line}:{p.col}:{p.code}" for p in problems]


@pytest.mark.parametrize(
    ("line", "held"),
    [
        ("kosten: 2 euro", Decimal("2")),
        ("kosten: € 1,50", Decimal("1.50")),
        ("kosten: 1,50", Decimal("1.50")),
        ('kosten: "2,50"', Decimal("2.50")),
        ("kosten: 2.50", Decimal("2.50")),
        ("kosten: Gratis", "gratis"),
        ("kosten: Vrijwillige bijdrage", "vrijwillige bijdrage"),
    ],
)
def test_the_validator_reads_a_price_in_a_file_as_the_import_does(line: str, held: object) -> None:
    model, problems = _activity(line)
    assert problems == []
    assert model is not None and model.kosten == held == read_price(line.split(": ", 1)[1].strip('"'))


def test_a_refused_price_says_how_to_write_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(CORPUS / "buurten", content / "buurten")
    places = content / "ontwikkelplaatsen"
    places.mkdir()
    source = (CORPUS / "ontwikkelplaatsen" / "geldig-koffie-inloop.yml").read_text(encoding="utf-8")
    activity_end = '    wanneer: {herhaling: wekelijks, dag: vrijdag, van: "10:00", tot: "12:00"}\n'
    (places / "prijs-goed.yml").write_text(source.replace(activity_end, activity_end + "    kosten: € 1,50\n"), encoding="utf-8")
    (places / "prijs-fout.yml").write_text(source.replace(activity_end, activity_end + "    kosten: 2 tot 5 euro\n"), encoding="utf-8")
    code = main(["validate", str(places), "--today", "2026-11-27"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert [line.split(": fout: ")[1] for line in lines if ": fout: " in line] == [
        "`2 tot 5 euro` is geen geldige prijs (schrijf `gratis`, `vrijwillige bijdrage` of één bedrag in euro per keer, "
        'zoals `2.50`, `€ 2,50` of `2 euro`; uitleg als "per maand" of "met korting" kan in de `omschrijving`)'
    ]
    errors = [line for line in lines if ": fout: " in line]
    assert errors[0].endswith(".yml:15:13: fout: " + errors[0].split(": fout: ")[1]) and "prijs-fout.yml" in errors[0]
    assert not [line for line in errors if "prijs-goed" in line]
