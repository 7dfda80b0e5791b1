"""Files for editors stay in step with the models: JSON Schemas, field reference, templates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from generator.cli import build_parser, run_schema
from generator.load import load_file
from generator.parse import parse_model
from generator.schema import ROOT, SCHEMAS, _blocks, generated_files, write_generated

REGENERATE = "run `python -m generator schema` and commit the result"


@pytest.mark.parametrize("rel", sorted(generated_files()))
def test_committed_file_equals_a_fresh_export(rel: str) -> None:
    committed = ROOT / rel
    assert committed.exists(), f"{rel} is missing: {REGENERATE}"
    assert committed.read_text(encoding="utf-8") == generated_files()[rel], f"{rel} is out of date: {REGENERATE}"


def all_models() -> list[type[BaseModel]]:
    return [model for top, _ in SCHEMAS.values() for _, model in _blocks(top)]


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_every_field_has_a_description(model: type[BaseModel]) -> None:
    assert (model.__doc__ or "").strip(), f"{model.__name__} has no docstring"
    undescribed = [name for name, info in model.model_fields.items() if not (info.description or "").strip()]
    assert undescribed == [], f"{model.__name__}: add a Dutch description= to {undescribed}"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_json_schema_with_dutch_descriptions(name: str) -> None:
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema)[:3] == ["$schema", "title", "description"]
    assert all("description" in prop for prop in schema["properties"].values())


def _as_editor_sees_it(value: Any) -> Any:
    # yaml-language-server reads YAML 1.2: an unquoted date is a string there.
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _as_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(item) for item in value]
    return value


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_template_points_to_its_schema_validates_and_loads(name: str) -> None:
    model, folder = SCHEMAS[name]
    template = ROOT / folder / "_sjabloon.yml"
    first_line = template.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../../schema/{name}.schema.json"
    assert (template.parent / first_line.split("=", 1)[1]).resolve() == (ROOT / "schema" / f"{name}.schema.json")
    doc, problems = load_file(template, f"{folder}/_sjabloon.yml")
    assert problems == [] and doc is not None
    parsed, problems = parse_model(model, doc)
    assert problems == [] and parsed is not None
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(_as_editor_sees_it(doc.data), schema, cls=jsonschema.Draft202012Validator)


def test_place_template_shows_every_schedule_kind() -> None:
    text = (ROOT / "content" / "ontwikkelplaatsen" / "_sjabloon.yml").read_text(encoding="utf-8")
    for kind in ("wekelijks", "tweewekelijks", "maandelijks", "eenmalig"):
        assert f"herhaling: {kind}" in text


def test_template_covers_every_top_level_field() -> None:
    for name, (model, folder) in SCHEMAS.items():
        text = (ROOT / folder / "_sjabloon.yml").read_text(encoding="utf-8")
        assert [field for field in model.model_fields if f"{field}:" not in text] == [], name


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads((ROOT / "schema" / "ontwikkelplaats.schema.json").read_text(encoding="utf-8"))
    place = {"naam": "x", "buurt": "b", "themas": ["sport"], "adres": {"straat": "s", "huisnummer": 1, "postcode": "5611 AB"},
             "laatst_gecontroleerd": "2026-10-01", "postcde": "x"}
    errors = {error.validator for error in jsonschema.Draft202012Validator(schema).iter_errors(place)}
    assert {"enum", "additionalProperties"} <= errors


def test_schema_command_writes_only_what_changed(tmp_path: Path) -> None:
    assert sorted(write_generated(tmp_path)) == sorted(generated_files())
    assert write_generated(tmp_path) == []
    assert build_parser().parse_args(["schema"]).run is run_schema
