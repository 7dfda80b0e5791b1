"""For editors: JSON Schemas of the content files and the Dutch field reference, both from the models.

``python -m generator schema`` writes ``schema/buurt.schema.json``,
``schema/ontwikkelplaats.schema.json`` and ``docs/velden.md``. They are generated, never edited
by hand, so the editor's completion, the pull-request check and the documentation can never
disagree; tests/test_schema.py fails when a committed file differs from a fresh export.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.models import DAGEN, SCHEDULE_EXAMPLES, THEMAS, WEKEN, Buurt, Herhaling, Ontwikkelplaats, Status

ROOT = Path(__file__).resolve().parent.parent
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# File name of each schema, and the folder whose files it describes.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "buurt": (Buurt, "content/buurten"),
    "ontwikkelplaats": (Ontwikkelplaats, "content/ontwikkelplaatsen"),
}
FIELD_REFERENCE = "docs/velden.md"


# --- JSON Schema ---------------------------------------------------------------------------------


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The schema of one file kind, with ``$schema`` and ``title`` first for people reading it."""
    schema = model.model_json_schema()
    head = {"$schema": JSON_SCHEMA_DIALECT, "title": schema.pop("title"), "description": schema.pop("description", "")}
    return head | schema


def schema_text(model: type[BaseModel]) -> str:
    # indent 2 and a trailing newline, as the GitHub editor writes files; keys keep pydantic's
    # stable order (fields in model order), which is also the order of the template.
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"


# --- field reference (docs/velden.md) -----------------------------------------------------------


def reference_text() -> str:
    """The Dutch field reference: one table per block of fields, then the fixed lists."""
    parts = [_REFERENCE_HEAD]
    for name, (model, folder) in SCHEMAS.items():
        parts.append(f"## {model.__name__}: `{folder}/<korte-naam>.yml`\n\n{_doc(model)}\n")
        parts.append(f"Sjabloon: `{folder}/_sjabloon.yml` · schema: `schema/{name}.schema.json`\n")
        parts += [_model_table(title, sub) for title, sub in _blocks(model)]
    parts.append(_fixed_lists())
    return "\n".join(parts)


_REFERENCE_HEAD = """\
# Velden van de inhoudsbestanden

<!-- Gemaakt door `python -m generator schema` uit generator/models.py; niet met de hand bewerken. -->

Elke buurt en elke ontwikkelplaats is een eigen bestand in de map `content/`. Hieronder staat elk
veld dat je mag gebruiken, of het verplicht is en wat je invult. Begin een nieuw bestand altijd
met een kopie van het sjabloon (`_sjabloon.yml`) in dezelfde map.

Een tekst mag gewoon Nederlands zijn (`omschrijving: Gezellig koffie drinken.`) of per taal
(`omschrijving: {nl: ..., en: ...}`); Nederlands (`nl`) is dan verplicht.
"""


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def _blocks(model: type[BaseModel], path: str = "") -> list[tuple[str, type[BaseModel]]]:
    """``model`` and every model nested in it, each with the path of keys that leads to it."""
    found = [(path, model)]
    for name, info in model.model_fields.items():
        inner = _inner_model(info.annotation)
        if inner is not None:
            found += _blocks(inner, f"{path} → {name}" if path else name)
    return found


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if (found := _inner_model(arg)) is not None:
            return found
    return None


def _model_table(path: str, model: type[BaseModel]) -> str:
    head = f"### `{path}`\n\n{_doc(model)}\n\n" if path else ""
    rows = "".join(f"| `{name}` | {_required(info)} | {_cell(info.description or '')} |\n" for name, info in model.model_fields.items())
    return head + "| veld | verplicht | wat vul je in |\n|---|---|---|\n" + rows


def _required(info: FieldInfo) -> str:
    if info.is_required():
        return "ja"
    default = info.get_default(call_default_factory=True)
    if default in (None, [], {}) or isinstance(default, BaseModel):
        return "nee"
    return f"nee (standaard `{_as_yaml(default)}`)"


def _as_yaml(value: Any) -> str:
    """A default as an editor would write it: `nee`, `[nl]`, `iedereen` — not Python's repr."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return "[" + ", ".join(map(_as_yaml, value)) + "]"
    if isinstance(value, dict) and set(value) == {"nl"}:
        return _as_yaml(value["nl"])
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fixed_lists() -> str:
    themas = "".join(f"| `{name}` | {_cell(text)} |\n" for name, text in THEMAS.items())
    herhaling = "".join(f"| `{kind}` | {SCHEDULE_EXAMPLES[kind]} |\n" for kind in typing.get_args(Herhaling))
    return (
        "## Vaste lijsten\n\n"
        "### Thema's (`themas`)\n\n| thema | waarvoor |\n|---|---|\n" + themas + "\n"
        "### Weekdagen (`dag`)\n\n" + ", ".join(f"`{dag}`" for dag in DAGEN) + "\n\n"
        "### Herhaling (`herhaling`)\n\n| herhaling | wat hoort erbij |\n|---|---|\n" + herhaling + "\n"
        "### Week van de maand (`week`, bij `maandelijks`)\n\n" + ", ".join(f"`{week}`" for week in WEKEN) + "\n\n"
        "### Status (`status`)\n\n" + ", ".join(f"`{status}`" for status in typing.get_args(Status)) + "\n"
    )


# --- writing ---------------------------------------------------------------------------------------


def generated_files() -> dict[str, str]:
    """Every generated file for editors, by path relative to the repository root."""
    files = {f"schema/{name}.schema.json": schema_text(model) for name, (model, _) in SCHEMAS.items()}
    files[FIELD_REFERENCE] = reference_text()
    return files


def write_generated(root: Path = ROOT) -> list[str]:
    """Write the files that changed; return their paths (so a second run writes nothing)."""
    written = []
    for rel, text in generated_files().items():
        path = root / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(rel)
    return written
