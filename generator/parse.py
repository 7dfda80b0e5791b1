"""Raw documents → typed models, with pydantic's errors turned into editor-friendly problems."""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load import Loc, RawDoc
from generator.messages import MESSAGES
from generator.problems import Problem, error

M = TypeVar("M", bound=BaseModel)

# pydantic's own error types, mapped to our message codes.
_TYPE_CODES = {
    "string_type": "tekst_verwacht",
    "int_type": "getal_verwacht",
    "int_parsing": "getal_verwacht",
    "float_type": "getal_verwacht",
    "float_parsing": "getal_verwacht",
    "list_type": "lijst_verwacht",
    "tuple_type": "lijst_verwacht",
    "dict_type": "blok_verwacht",
    "model_type": "blok_verwacht",
    "model_attributes_type": "blok_verwacht",
    "too_short": "lege_lijst",
    "string_pattern_mismatch": "cbs_code",
}


def parse_model(model: type[M], doc: RawDoc) -> tuple[M | None, list[Problem]]:
    """Validate ``doc`` as ``model``; every problem points at the line of the value it is about."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = [_problem(model, doc, detail) for detail in _without_union_noise(exc.errors())]
        return None, _without_missing_typos(problems)


def _without_missing_typos(problems: list[Problem]) -> list[Problem]:
    # `postcde:` is reported as unknown with "did you mean `postcode`?"; saying that `postcode`
    # is also missing would send the editor to add a second line instead of fixing the first.
    meant = {(p.file, p.params.get("block"), p.params["close"]) for p in problems if p.code == "onbekend_veld_bijna"}
    return [p for p in problems if not (p.code == "ontbreekt" and (p.file, p.params.get("block"), p.params["field"]) in meant)]


def _without_union_noise(details: list[ErrorDetails]) -> list[ErrorDetails]:
    # For `X | None` pydantic reports one error per branch; the None branch says nothing useful.
    return [d for d in details if d["type"] != "none_required"]


def _field_name(loc: Loc) -> str:
    names = [part for part in loc if isinstance(part, str) and not _is_type_tag(part)]
    return str(names[-1]) if names else "?"


def _is_type_tag(part: str) -> bool:
    # pydantic puts branch names of unions and validator functions in ``loc``.
    return any(ch in part for ch in "[]()") or part.startswith("function-") or part in {"str", "int", "float", "decimal"}


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    return tuple(part for part in loc if not (isinstance(part, str) and _is_type_tag(part)))


def _problem(model: type[BaseModel], doc: RawDoc, detail: ErrorDetails) -> Problem:
    loc = _clean_loc(detail["loc"])
    kind = detail["type"]
    ctx = dict(detail.get("ctx") or {})
    field = _field_name(loc)
    if len(loc) > 1 and loc[-1] == "nl" and isinstance(_written(doc, loc[:-1]), str):
        field = _field_name(loc[:-1])  # `omschrijving: ...` was read as `{nl: ...}`; name what was written
    if kind == "extra_forbidden":
        line, col = doc.position(loc, key=True)
        return _unknown_field(model, doc.rel, line, col, loc)
    line, col = doc.position(loc)
    if kind == "missing":
        parent_line, parent_col = doc.position(loc[:-1], key=True) if loc[:-1] else (1, 1)
        return error(doc.rel, parent_line, parent_col, "ontbreekt", field=field, description=_description(model, loc), block=_block(loc))
    if _is_blank(detail["input"]) and _is_required(model, loc):
        return error(doc.rel, line, col, "leeg_verplicht", field=field, description=_description(model, loc))
    if kind == "literal_error" and "[key]" in detail["loc"]:
        # A key of a text per language (`omschrijving: {de: ...}`) that is not a site language.
        line, col = doc.position(loc, key=True)
        return error(doc.rel, line, col, "tekst_taal", value=field, choices=_choices(ctx))
    if kind == "literal_error":
        return error(doc.rel, line, col, "keuze", field=field, value=_as_written(detail["input"]), choices=_choices(ctx))
    if kind in _TYPE_CODES:
        return error(doc.rel, line, col, _TYPE_CODES[kind], field=field, value=_as_written(detail.get("input")))
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        return error(doc.rel, line, col, "datum", value=detail["input"])
    if kind in MESSAGES:  # our own PydanticCustomError codes
        return error(doc.rel, line, col, kind, **{"field": field, **ctx})
    return error(doc.rel, line, col, "ongeldig", field=field, detail=detail["msg"])


def _written(doc: RawDoc, loc: Loc) -> Any:
    node = doc.data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _choices(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")


def _as_written(value: Any) -> Any:
    # The loader reads `true` as True; show the editor the word they typed, not Python's.
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _block(loc: Loc) -> str:
    return "/".join(str(part) for part in loc[:-1])


def _is_required(model: type[BaseModel], loc: Loc) -> bool:
    holder = _model_at(model, loc)
    info = holder.model_fields.get(str(loc[-1])) if holder and loc else None
    return bool(info and info.is_required())


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the last key of ``loc`` (to suggest its field names)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _unknown_field(model: type[BaseModel], rel: str, line: int, col: int, loc: Loc) -> Problem:
    holder = _model_at(model, loc)
    fields = list(holder.model_fields) if holder else []
    close = difflib.get_close_matches(str(loc[-1]).lower(), fields, n=1, cutoff=0.6)
    if close:
        return error(rel, line, col, "onbekend_veld_bijna", field=loc[-1], close=close[0], block=_block(loc))
    return error(rel, line, col, "onbekend_veld", field=loc[-1], fields=", ".join(f"`{name}`" for name in fields))


def _description(model: type[BaseModel], loc: Loc) -> str:
    holder = _model_at(model, loc)
    info = holder.model_fields.get(str(loc[-1])) if holder else None
    return (info.description or "") if info else ""

