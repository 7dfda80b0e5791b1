"""Every validation message: both languages, the same placeholders, and used by the code."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

from generator.messages import MESSAGES
from generator.validate import validate_paths

GENERATOR = Path(__file__).parent.parent / "generator"
CORPUS = Path(__file__).parent / "corpus"

# Codes whose producers belong to stages that are not in this branch yet (geo checks, the figures
# of the approach), or that no current model can trigger. Remove a code here once it is produced.
NOT_PRODUCED_HERE: dict[str, str] = {}
# Produced by the code, but not by a corpus file: covered by a test in test_corpus.py instead,
# or a fallback no model in this branch triggers.
NOT_IN_CORPUS = {
    "te_groot": "generated in tmp_path (10 MB)",
    "te_diep": "generated in tmp_path",
    "soort_onbekend": "generated in tmp_path",
    "pad_onbekend": "test_missing_path_is_a_problem below",
    "getal_verwacht": "no integer field in the current models",
    "ongeldig": "fallback for a pydantic error without a message of its own",
    "som": "figures of the approach: tests/test_stats.py",
    "aantal": "figures of the approach: tests/test_stats.py",
    "procent": "figures of the approach: tests/test_stats.py",
    "jaartal": "figures of the approach: tests/test_stats.py",
    "deel_te_groot": "figures of the approach: tests/test_stats.py",
    "aanpak_bestandsnaam": "figures of the approach: tests/test_stats.py",
    # Schedule phrases are not content files: tests/wanneer_corpus.yml has a phrase for each.
    **{code: "schedule phrases: tests/test_wanneer.py" for code in MESSAGES if code.startswith("wanneer_")},
}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_with_the_same_placeholders(code: str) -> None:
    nl, en = MESSAGES[code]["nl"], MESSAGES[code]["en"]
    assert set(MESSAGES[code]) == {"nl", "en"}
    assert all(nl) and all(en)
    # English may leave out a Dutch-only value (the field description), never add one.
    assert placeholders(en[0] + en[1]) <= placeholders(nl[0] + nl[1])


def _source_without_messages() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in GENERATOR.rglob("*.py") if p.name != "messages.py")


def test_every_code_is_used_by_the_generator() -> None:
    source = _source_without_messages()
    unused = {code for code in MESSAGES if not re.search(rf"[\"']{code}[\"']", source)}
    assert unused == set(NOT_PRODUCED_HERE)


def test_every_producible_code_is_in_the_corpus() -> None:
    result = validate_paths([CORPUS / "content"], today=date(2026, 11, 27), base=CORPUS)
    seen = {problem.code for problem in result.problems}
    assert set(MESSAGES) - seen == set(NOT_PRODUCED_HERE) | set(NOT_IN_CORPUS)


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    result = validate_paths([tmp_path / "weg.yml"], today=date(2026, 11, 27), base=tmp_path)
    assert [(p.file, p.line, p.col, p.code) for p in result.problems] == [("weg.yml", 1, 1, "pad_onbekend")]


def test_hints_have_no_nested_parentheses() -> None:
    # The CLI prints `message (hint)`; a hint with its own (…) is hard to read.
    assert not [code for code, texts in MESSAGES.items() for lang in texts if "(" in texts[lang][1] and code != "ontbreekt"]
