"""The place-file writer: new files like hand-written ones, edits that change only their own lines.

Over every shipped place file: load → model → write → load gives the same model (and, for files
that write every field the way the writer does, the very same text); every edit validates and
its diff is only the lines of that edit.
"""

from __future__ import annotations

import difflib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator.load import load_file, parse_text
from generator.models import Activiteit, Ontwikkelplaats
from generator.parse import parse_model
from generator.wanneer import read_phrase
from generator.writer import SCHEMA_LINE, add_activity, mark_stopped, place_text, set_checked, set_value, wanneer_text

PLACES = Path(__file__).parent.parent / "content" / "ontwikkelplaatsen"
SHIPPED = sorted(PLACES.glob("[!_]*.yml"))
TEMPLATE = PLACES / "_sjabloon.yml"
TODAY = date(2026, 12, 2)


def _model(text: str) -> Ontwikkelplaats:
    doc, problems = parse_text(text, Path("plek.yml"), "plek.yml")
    assert doc is not None and problems == []
    model, problems = parse_model(Ontwikkelplaats, doc)
    assert model is not None, problems
    return model


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_there_are_shipped_files_to_check() -> None:
    assert len(SHIPPED) >= 30


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_new_file_loads_as_the_same_model(path: Path) -> None:
    original = _model(path.read_text(encoding="utf-8"))
    written = place_text(original)
    assert written.startswith(SCHEMA_LINE + "\nnaam: ")
    assert _model(written) == original


def test_new_files_look_like_the_hand_written_ones() -> None:
    identical = [p.name for p in SHIPPED if place_text(_model(p.read_text(encoding="utf-8"))) == p.read_text(encoding="utf-8")]
    # The one file that differs leaves out `toilet: onbekend` and `gehoorlus: onbekend`; the writer writes all four.
    assert len(identical) >= len(SHIPPED) - 1, sorted({p.name for p in SHIPPED} - set(identical))


def test_new_file_without_laatst_gecontroleerd() -> None:
    # A real place nobody has checked yet has no `laatst_gecontroleerd` (see the status rule of #17).
    place = _model((PLACES / "buurthuis-burghplan.yml").read_text(encoding="utf-8"))
    written = place_text(place.model_copy(update={"laatst_gecontroleerd": None, "voorbeeld": False}))
    assert "laatst_gecontroleerd" not in written and "\nvoorbeeld: nee\n" in written
    doc, problems = parse_text(written, Path("plek.yml"), "plek.yml")
    assert doc is not None and problems == []
    reference = parse_text(place_text(place), Path("plek.yml"), "plek.yml")[0]
    assert reference is not None
    expected = {key: value for key, value in reference.data.items() if key != "laatst_gecontroleerd"}
    assert doc.data == {**expected, "voorbeeld": "nee"}


def test_texts_the_loader_would_read_otherwise_are_quoted() -> None:
    place = _model((PLACES / "buurthuis-burghplan.yml").read_text(encoding="utf-8"))
    tricky = {"organisatie": "2026-10-01", "omschrijving": {"nl": "true"}}
    written = place_text(place.model_copy(update=tricky))
    assert 'organisatie: "2026-10-01"\n' in written and 'omschrijving: "true"\n' in written
    assert _model(written).organisatie == "2026-10-01"


def test_wanneer_block_as_in_the_template() -> None:
    schedule = read_phrase("elke dinsdag 10-12", TODAY)
    assert wanneer_text(schedule) == 'wanneer:\n  herhaling: wekelijks\n  dag: dinsdag\n  van: "10:00"\n  tot: "12:00"\n'
    two = [schedule, read_phrase("1e en 3e do 14-16 behalve 17 dec", TODAY)]
    assert wanneer_text(two) == (
        "wanneer:\n"
        "  - herhaling: wekelijks\n    dag: dinsdag\n    van: \"10:00\"\n    tot: \"12:00\"\n"
        "  - herhaling: maandelijks\n    dag: donderdag\n    week: [eerste, derde]\n    van: \"14:00\"\n    tot: \"16:00\"\n"
        "    behalve: [2026-12-17]\n"
    )


# --- edits ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*SHIPPED, TEMPLATE], ids=lambda p: p.name)
def test_edits_change_only_their_own_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    model = _model(text)

    checked = set_checked(text, TODAY)
    assert _changed_lines(text, checked) == [f"-laatst_gecontroleerd: {model.laatst_gecontroleerd.isoformat()}", f"+laatst_gecontroleerd: {TODAY.isoformat()}"]
    assert _model(checked) == model.model_copy(update={"laatst_gecontroleerd": TODAY})

    stopped = mark_stopped(text)
    assert _changed_lines(text, stopped) == [f"-status: {model.status}", "+status: gestopt"] or model.status == "gestopt"
    assert _model(stopped).status == "gestopt"

    new_price = Decimal("99.95")  # no shipped activity costs this
    price = set_value(text, ("activiteiten", 0, "kosten"), new_price)
    old_price = [line for line in text.splitlines() if line.startswith("    kosten: ")][0]
    assert _changed_lines(text, price) == [f"-{old_price}", "+    kosten: 99.95"]
    activities = list(model.activiteiten)
    activities[0] = activities[0].model_copy(update={"kosten": new_price})
    assert _model(price) == model.model_copy(update={"activiteiten": activities})


@pytest.mark.parametrize("path", [*SHIPPED, TEMPLATE], ids=lambda p: p.name)
def test_loading_and_writing_without_an_edit_changes_nothing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert set_value(text, ("naam",), _model(text).naam) == text


def test_add_activity_appends_it_as_a_person_would() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    activity = Activiteit.model_validate(
        {"naam": "Breicafé", "wanneer": [read_phrase("elke donderdag 14-16", TODAY)], "kosten": "€ 1,50", "themas": ["creatief"]}
    )
    after = add_activity(text, activity)
    assert _changed_lines(text, after) == [
        "+  - naam: Breicafé",
        "+    wanneer:",
        "+      herhaling: wekelijks",
        "+      dag: donderdag",
        '+      van: "14:00"',
        '+      tot: "16:00"',
        "+    kosten: 1.50",
        "+    themas: [creatief]",
    ]
    # The new lines come after the last activity, before the comment of laatst_gecontroleerd.
    assert after.index("Breicafé") < after.index("# De datum waarop jij de gegevens hebt gecontroleerd")
    model = _model(text)
    assert _model(after) == model.model_copy(update={"activiteiten": [*model.activiteiten, activity]})


def test_set_checked_adds_the_line_to_a_place_not_checked_yet() -> None:
    text = (PLACES / "buurthuis-burghplan.yml").read_text(encoding="utf-8")
    unchecked = text.replace("laatst_gecontroleerd: 2026-08-20\n", "")
    assert _changed_lines(unchecked, set_checked(unchecked, TODAY)) == ["+laatst_gecontroleerd: 2026-12-02"]


def test_a_missing_block_and_key_are_added_in_the_order_of_the_template() -> None:
    text = (PLACES / "buurthuis-burghplan.yml").read_text(encoding="utf-8")
    after = set_value(text, ("contact", "telefoon"), "040 123 4567")
    assert _changed_lines(text, after) == ["+contact:", "+  telefoon: 040 123 4567"]
    assert after.index("\ncontact:") > after.index("\ntoegankelijkheid:") and after.index("\ncontact:") < after.index("\nactiviteiten:")
    assert _model(after).contact.telefoon == "040 123 4567"


def test_removing_a_field_keeps_the_comment_that_introduces_the_next_one() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    after = set_value(text, ("contact", "telefoon"), None)
    assert _changed_lines(text, after) == ["-  telefoon: 040 123 4567"]
    assert _model(after).contact.telefoon is None


def test_changing_a_schedule_replaces_only_that_block() -> None:
    text = (PLACES / "buurthuis-burghplan.yml").read_text(encoding="utf-8")
    schedule = read_phrase("om de week op donderdag vanaf 10 december 14-16:30, behalve 31 december", TODAY)
    after = set_value(text, ("activiteiten", 1, "wanneer"), [schedule])
    assert _changed_lines(text, after) == ["-      startdatum: 2026-09-03", "+      startdatum: 2026-12-10"]
    assert _model(after).activiteiten[1].wanneer == [schedule]


def test_written_file_is_read_by_the_validator_like_any_other(tmp_path: Path) -> None:
    path = tmp_path / "plek.yml"
    path.write_text(place_text(_model((PLACES / "taalcafe-doornakkers.yml").read_text(encoding="utf-8"))), encoding="utf-8")
    doc, problems = load_file(path)
    assert doc is not None and problems == []
    assert doc.position(("activiteiten", 0, "wanneer", "van"))[0] > 1
