"""Dutch schedule phrases: the corpus, the command line, and schedule → phrase → the same schedule.

The corpus (tests/wanneer_corpus.yml) holds real-looking phrases with the exact ``wanneer`` block
each must give, or the refusal each must get. ``test_corpus_score`` prints the score line
(``-s`` shows it): right, refused as the corpus expects, refused where a reading was expected, and
wrong readings, which must be 0.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.content import load_content
from generator.load import load_file, parse_text
from generator.messages import MESSAGES
from generator.models import Wanneer
from generator.wanneer import PhraseError, phrase_of, read_phrase, tokenize
from generator.writer import wanneer_text

ROOT = Path(__file__).parent.parent
CORPUS_FILE = Path(__file__).parent / "wanneer_corpus.yml"


def _corpus() -> tuple[date, list[dict]]:
    doc, problems = load_file(CORPUS_FILE)
    assert doc is not None and not problems
    return doc.data["vandaag"], doc.data["zinnen"]


TODAY, ENTRIES = _corpus()


def _outcome(entry: dict) -> str:
    """'right', 'refused' (as expected), 'missed' (refused, a reading was expected) or 'wrong'."""
    try:
        schedule = read_phrase(entry["zin"], TODAY)
    except PhraseError as exc:
        if "weigert" in entry:
            return "refused" if exc.code == f"wanneer_{entry['weigert']}" else f"refused with {exc.code}"
        return "missed"
    if "weigert" in entry:
        return "wrong"
    return "right" if schedule == Wanneer.model_validate(entry["wanneer"]) else "wrong"


def test_corpus_is_large_and_varied() -> None:
    phrases = [entry["zin"] for entry in ENTRIES]
    assert len(phrases) >= 150
    assert len(set(phrases)) == len(phrases)
    refusals = [entry for entry in ENTRIES if "weigert" in entry]
    readings = [Wanneer.model_validate(entry["wanneer"]) for entry in ENTRIES if "wanneer" in entry]
    assert len(refusals) >= 50
    assert {schedule.herhaling for schedule in readings} == {"wekelijks", "tweewekelijks", "maandelijks", "eenmalig"}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["zin"] or "(leeg)" for entry in ENTRIES])
def test_corpus_phrase(entry: dict) -> None:
    outcome = _outcome(entry)
    if outcome != ("refused" if "weigert" in entry else "right"):
        try:
            got = read_phrase(entry["zin"], TODAY).model_dump(exclude_defaults=True)
        except PhraseError as exc:
            got = exc.text()
        pytest.fail(f"{outcome}: {entry['zin']!r} gave {got}")


def test_corpus_score(capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = [_outcome(entry) for entry in ENTRIES]
    right, refused = outcomes.count("right"), outcomes.count("refused")
    wrong, missed = outcomes.count("wrong"), outcomes.count("missed")
    with capsys.disabled():
        print(f"\nwanneer-corpus: {len(ENTRIES)} zinnen: {right} goed gelezen, {refused} terecht geweigerd, {missed} geweigerd terwijl een lezing verwacht was, {wrong} fout")
    assert wrong == 0
    assert right + refused == len(ENTRIES)


def test_every_refusal_message_has_a_phrase_in_the_corpus() -> None:
    codes = {code for code in MESSAGES if code.startswith("wanneer_")}
    assert {f"wanneer_{entry['weigert']}" for entry in ENTRIES if "weigert" in entry} == codes


# --- the command --------------------------------------------------------------------------------


def test_command_prints_the_block_a_place_file_holds(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["wanneer", "--today", "2026-12-02", "Om de week op woensdag 14-16 uur, vanaf 9 december, behalve 23 dec"])
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    assert out.out == (
        "wanneer:\n"
        "  herhaling: tweewekelijks\n"
        "  dag: woensdag\n"
        "  startdatum: 2026-12-09\n"
        '  van: "14:00"\n'
        '  tot: "16:00"\n'
        "  behalve: [2026-12-23]\n"
    )


def test_command_refuses_in_dutch_quoting_what_it_did_not_understand(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["wanneer", "--today", "2026-12-02", "Elke dinsdag 10-12, niet in de schoolvakanties"])
    out = capsys.readouterr()
    assert code == 1 and out.out == ""
    assert out.err == (
        'fout: "niet in de schoolvakanties" kan ik niet in datums omzetten '
        '(noem de datums waarop het niet doorgaat, bijvoorbeeld "behalve 24 en 31 december")\n'
    )


def test_command_says_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["wanneer", "--today", "2026-12-02", "om de week op woensdag 14-16"]) == 1
    err = capsys.readouterr().err
    assert err.startswith('fout: "om de week op woensdag 14-16" is om de week, maar er staat geen datum bij waarop het doorgaat')
    assert main(["wanneer", "--today", "2026-12-02", "ma 10-12, wo 14-16"]) == 1
    assert "splits het" in capsys.readouterr().err


def test_command_reads_a_year_left_out_from_today(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["wanneer", "--today", "2026-12-02", "za 13 februari 10-12"]) == 0
    assert "  datum: 2027-02-13\n" in capsys.readouterr().out
    # Two weeks after 13 februari the phrase is more likely old than meant for next year.
    assert main(["wanneer", "--today", "2027-03-01", "za 13 februari 10-12"]) == 1
    assert "mist het jaar, en 13 februari 2027 is net voorbij" in capsys.readouterr().err


@pytest.mark.parametrize("entry", [e for e in ENTRIES if "wanneer" in e][:40], ids=lambda e: e["zin"])
def test_printed_block_loads_as_the_same_schedule(entry: dict) -> None:
    schedule = read_phrase(entry["zin"], TODAY)
    doc, problems = parse_text(wanneer_text(schedule), Path("wanneer.yml"), "wanneer.yml")
    assert doc is not None and not problems
    assert Wanneer.model_validate(doc.data["wanneer"]) == schedule


def test_tokens_keep_the_editors_spelling_for_quoting() -> None:
    tokens = tokenize("Elke  DINSDAG – 10u")
    assert [t.text for t in tokens] == ["Elke", "DINSDAG", "–", "10u"]


# --- schedule → phrase → schedule ---------------------------------------------------------------


def _content_schedules() -> list[Wanneer]:
    content = load_content(ROOT / "content", ROOT)
    assert not [p for p in content.problems if p.severity == "fout"]
    return [w for entry in content.plaatsen.values() for activity in entry.model.activiteiten for w in activity.wanneer]


CONTENT_SCHEDULES = _content_schedules()
CORPUS_SCHEDULES = [Wanneer.model_validate(entry["wanneer"]) for entry in ENTRIES if "wanneer" in entry]


def test_round_trip_covers_every_schedule_in_corpus_and_content() -> None:
    assert len(CONTENT_SCHEDULES) >= 80
    failures = []
    for schedule in CONTENT_SCHEDULES + CORPUS_SCHEDULES:
        phrase = phrase_of(schedule)
        try:
            back = read_phrase(phrase, date(2026, 12, 2))
        except PhraseError as exc:
            failures.append((phrase, exc.text()))
            continue
        if back != schedule:
            failures.append((phrase, back.model_dump(exclude_defaults=True)))
    print(f"\nround trip: {len(CONTENT_SCHEDULES)} schema's uit content/, {len(CORPUS_SCHEDULES)} uit het corpus, {len(failures)} verschillen")
    assert failures == []


def test_round_trip_does_not_depend_on_the_day_it_is_read() -> None:
    # The phrase always carries years, so reading it a year later gives the same schedule.
    for schedule in CONTENT_SCHEDULES:
        assert read_phrase(phrase_of(schedule), date(2027, 11, 30)) == schedule


@pytest.mark.parametrize(
    ("fields", "phrase"),
    [
        ({"herhaling": "wekelijks", "dag": ["dinsdag", "donderdag"]}, "elke dinsdag en donderdag, 10:00-12:00 uur"),
        ({"herhaling": "maandelijks", "dag": "vrijdag", "week": ["eerste", "derde"]}, "elke eerste en derde vrijdag van de maand, 10:00-12:00 uur"),
        ({"herhaling": "tweewekelijks", "dag": "woensdag", "startdatum": "2026-09-02"}, "om de week op woensdag, vanaf 2 september 2026, 10:00-12:00 uur"),
        (
            {"herhaling": "tweewekelijks", "dag": "woensdag", "startdatum": "2026-09-02", "vanaf": "2027-01-06"},
            "om de week op woensdag, startdatum 2 september 2026, 10:00-12:00 uur, vanaf 6 januari 2027",
        ),
        ({"herhaling": "eenmalig", "datum": ["2026-12-12", "2027-01-09"]}, "op 12 december 2026 en 9 januari 2027, 10:00-12:00 uur"),
        (
            {"herhaling": "wekelijks", "dag": "maandag", "vanaf": "2027-01-11", "tot_en_met": "2027-06-07", "behalve": ["2027-03-29", "2027-04-05"]},
            "elke maandag, 10:00-12:00 uur, vanaf 11 januari 2027, t/m 7 juni 2027, behalve 29 maart 2027 en 5 april 2027",
        ),
    ],
)
def test_phrase_of_reads_like_a_flyer(fields: dict, phrase: str) -> None:
    schedule = Wanneer.model_validate({"van": "10:00", "tot": "12:00", **fields})
    assert phrase_of(schedule) == phrase
