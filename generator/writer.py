"""Write place files the way a person does: new files like the hand-written ones, edits that keep the rest.

- ``place_text`` writes a NEW file for an ``Ontwikkelplaats``: the schema comment line, the keys in
  the order of the model (which is the order of ``_sjabloon.yml``), short lists in flow style
  (``themas: [taal, ontmoeting]``), quoted times (``van: "10:00"``), ``ja``/``nee``, a text
  in one language as a plain string. Fields at their default are left out, except the few every
  shipped file writes (``status``, ``voorbeeld``, ``talen``, ``toegankelijkheid``, ``plaats``,
  ``kosten``). A field that is None is never written, so a place without ``laatst_gecontroleerd``
  (not checked yet) is written without that line.
- ``set_value``, ``add_activity``, ``set_checked`` and ``mark_stopped`` EDIT an existing file
  through ruamel.yaml's round-trip mode: comments, blank lines, quotes and flow style of everything
  not edited stay as they were, so a pull request shows only the lines that changed.
- ``wanneer_text`` is the ``wanneer:`` block alone (printed by ``python -m generator wanneer``).

Every string is checked against the project's own loader (``generator/load.py``): a text that
it would read as something else (a date, a number, ``true``) is written in double quotes.
"""

from __future__ import annotations

import io
from datetime import date, time
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from yaml.nodes import ScalarNode

from generator.load import ContentLoader
from generator.money import amount_text
from generator.models import Activiteit, Ontwikkelplaats, Wanneer

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/ontwikkelplaats.schema.json"
# Written even at their default value, as every hand-written file does.
ALWAYS = {
    "Ontwikkelplaats": {"status", "voorbeeld", "talen", "toegankelijkheid"},
    "Adres": {"plaats"},
    "Toegankelijkheid": {"rolstoel", "rollator", "toilet", "gehoorlus"},
    "Activiteit": {"kosten"},
}
# Lists written inline; ``dag``, ``week`` and ``datum`` only when they hold more than one value.
FLOW_LISTS = {"themas", "talen", "coordinaten", "behalve"}
ONE_OR_MORE = {"dag", "week", "datum"}
Path = tuple[str | int, ...]
_RESOLVER = ContentLoader("")  # only its resolver is used: which tag a plain scalar gets


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode: keeps comments, key order, flow style and quotes
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # long texts stay on one line, as in the shipped files
    yaml.preserve_quotes = True
    yaml.representer.add_representer(Decimal, _represent_amount)
    return yaml


def _represent_amount(representer: Any, amount: Decimal) -> Any:
    text = amount_text(amount)
    tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
    return representer.represent_scalar(tag, text)


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


# --- model → YAML values ----------------------------------------------------------------------------


def _mapping(model: BaseModel) -> CommentedMap:
    kind = type(model).__name__
    mapping = CommentedMap()
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or (name not in ALWAYS.get(kind, set()) and value == info.get_default(call_default_factory=True)):
            continue
        if value == [] or (isinstance(value, BaseModel) and not _mapping(value)):
            continue
        mapping[name] = _value(name, value)
    return mapping


def _value(name: str, value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _mapping(value)
    if name == "wanneer":
        return _mapping(value[0]) if len(value) == 1 else _block_list([_mapping(item) for item in value])
    if name == "activiteiten":
        return _block_list([_mapping(item) for item in value])
    if isinstance(value, (list, tuple)):
        if name in ONE_OR_MORE and len(value) == 1:
            return _value(name, value[0])
        return _flow_list([_value(name, item) for item in value])
    if isinstance(value, dict):  # a text per language; only Dutch → a plain string
        return _text(value["nl"]) if list(value) == ["nl"] else CommentedMap((lang, _text(text)) for lang, text in value.items())
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, time):
        return DoubleQuotedScalarString(value.strftime("%H:%M"))
    if isinstance(value, str):
        return int(value) if name == "huisnummer" and value.isdigit() and not value.startswith("0") else _text(value)
    return value  # date, Decimal, float


def _text(text: str) -> str:
    """``text`` as a plain scalar when the project's loader reads it back as this text, else double-quoted."""
    resolved = _RESOLVER.resolve(ScalarNode, text, (True, False))
    return text if resolved == "tag:yaml.org,2002:str" else DoubleQuotedScalarString(text)


def _flow_list(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _block_list(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_block_style()
    return seq


# --- new files ------------------------------------------------------------------------------------


def place_text(place: Ontwikkelplaats) -> str:
    """A new place file for ``place``, formatted like a hand-written one."""
    return f"{SCHEMA_LINE}\n{_dump(_mapping(place))}"


def wanneer_text(schedules: Wanneer | list[Wanneer]) -> str:
    """The ``wanneer:`` block for one schedule or a list of them, as it stands in a place file."""
    items = schedules if isinstance(schedules, list) else [schedules]
    return _dump(CommentedMap(wanneer=_value("wanneer", items)))


# --- edits ------------------------------------------------------------------------------------------


def set_value(text: str, path: Path, value: Any) -> str:
    """``text`` with the field at ``path`` (e.g. ``("activiteiten", 0, "kosten")``) set to ``value`` (a model value).

    A missing field is added at its place in the model's key order; None removes the field.
    """
    data = _yaml().load(text)
    holder, key = _holder(data, path[:-1]), path[-1]
    if value is None:
        _remove(holder, key)
    elif isinstance(holder, CommentedMap) and key not in holder:
        holder.insert(_insert_position(holder, path), key, _value(str(key), value))
    else:
        holder[key] = _value(str(key), value)
    return _dump(data)


def _remove(holder: CommentedMap, key: str | int) -> None:
    """Remove ``key``; the comment lines after its value (which introduce the next field) stay."""
    if key not in holder:
        return
    keys = list(holder)
    comment = holder.ca.items.pop(key, None)
    previous = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    if comment and comment[2] is not None and previous is not None and previous not in holder.ca.items:
        holder.ca.items[previous] = [None, None, comment[2], None]
    del holder[key]


def add_activity(text: str, activiteit: Activiteit) -> str:
    """``text`` with ``activiteit`` added after the last activity (an ``activiteiten`` list is made when there is none)."""
    data = _yaml().load(text)
    if "activiteiten" not in data:
        data.insert(_insert_position(data, ("activiteiten",)), "activiteiten", _block_list([]))
    activities, added = data["activiteiten"], _mapping(activiteit)
    if activities:
        _move_trailing_comment(activities[-1], added)
    activities.append(added)
    return _dump(data)


def _move_trailing_comment(source: Any, target: Any) -> None:
    """Comment lines after the last value of ``source`` introduce what follows it: keep them after ``target``.

    (ruamel.yaml stores them with the last key of the innermost block that ends there.)
    """
    source_holder, target_holder = _last_key_holder(source), _last_key_holder(target)
    if source_holder is None or target_holder is None:
        return
    (holder, key), (new_holder, new_key) = source_holder, target_holder
    entry = holder.ca.items.get(key)
    if entry and len(entry) > 2 and entry[2] is not None and entry[2].value.startswith("\n"):
        new_holder.ca.items[new_key] = [None, None, entry[2], None]
        entry[2] = None


def _last_key_holder(node: Any) -> tuple[CommentedMap, Any] | None:
    while True:
        if isinstance(node, CommentedMap) and node:
            key = list(node)[-1]
            value = node[key]
            if isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style():
                node = value
                continue
            return node, key
        if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
            node = node[-1]
            continue
        return None


def set_checked(text: str, day: date) -> str:
    """``text`` with ``laatst_gecontroleerd: day`` (a person confirmed the place on that day)."""
    return set_value(text, ("laatst_gecontroleerd",), day)


def mark_stopped(text: str) -> str:
    return set_value(text, ("status",), "gestopt")


def _holder(data: Any, path: Path) -> Any:
    holder = data
    for part in path:
        if isinstance(holder, CommentedMap) and part not in holder:
            holder.insert(_insert_position(holder, (*path[: path.index(part)], part)), part, CommentedMap())
        holder = holder[part]
    return holder


_MODEL_OF = {(): Ontwikkelplaats, ("activiteiten",): Activiteit, ("activiteiten", "wanneer"): Wanneer}


def _insert_position(holder: CommentedMap, path: Path) -> int:
    """Where a new key goes: before the first existing key that follows it in the model's field order."""
    parent = tuple(part for part in path[:-1] if isinstance(part, str))
    model = _MODEL_OF.get(parent) or _nested_model(parent)
    order = list(model.model_fields) if model else []
    key = path[-1]
    if key not in order:
        return len(holder)
    later = set(order[order.index(key) + 1 :])
    return next((index for index, existing in enumerate(holder) if existing in later), len(holder))


def _nested_model(parent: tuple[str, ...]) -> type[BaseModel] | None:
    model: Any = Ontwikkelplaats
    for name in parent:
        info = model.model_fields.get(name) if model else None
        annotation = info.annotation if info else None
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return model
