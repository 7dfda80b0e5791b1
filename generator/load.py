"""Read one YAML content file safely, keeping the line and column of every key and value.

Why our own loader on top of PyYAML's safe one:
- positions: every problem must point at its line, so we build the Python values from the node
  tree ourselves and record where each value and key starts;
- YAML 1.1 traps: an unquoted ``10:00`` is the integer 600 and ``no``/``NO`` are booleans in plain
  PyYAML. Here only ``true``/``false`` are booleans, and sexagesimal numbers do not exist, so
  ``van: 10:00`` stays the text "10:00" and ``talen: [NO]`` stays "NO" — what the editor meant;
- safety: no custom tags, no aliases (so no alias bomb can expand), a size limit checked before
  parsing, duplicate keys reported instead of silently overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.problems import Problem, error

MAX_FILE_BYTES = 256 * 1024
Loc = tuple[str | int, ...]


class ContentLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's yes/no/on/off booleans and base-60 numbers, refusing aliases."""

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(event.anchor, event.start_mark)
        return super().compose_node(parent, index)


class _AliasRefused(Exception):
    def __init__(self, name: str, mark: yaml.Mark) -> None:
        super().__init__(name)
        self.name, self.mark = name, mark


class _TagRefused(_AliasRefused):
    pass


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


def _rebuild_resolvers() -> None:
    resolvers = {
        first: [(tag, rx) for tag, rx in entries if tag not in {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    ContentLoader.yaml_implicit_resolvers = resolvers
    ContentLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    ContentLoader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
    )
    ContentLoader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
        list("-+0123456789."),
    )


_rebuild_resolvers()
# Time-like scalars ("10.00", "9.30") stay text: Dutch editors write times with a dot.
_TIME_LIKE = re.compile(r"^\d{1,2}[.:]\d{2}$")


@dataclass
class RawDoc:
    """A content file as plain Python data, with where every value and key starts (1-based)."""

    path: Path
    rel: str
    data: Any
    value_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``loc``, or of the nearest enclosing value that has one."""
        loc = self._real_loc(loc)
        table = self.key_pos if key else self.value_pos
        if loc in table:
            return table[loc]
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            # A text the model wrapped (``omschrijving: ...`` read as ``{nl: ...}``) is best shown
            # at its value; a block at its key, where the editor sees its name.
            if prefix in self.value_pos and not isinstance(self._value_at(prefix), (dict, list)):
                return self.value_pos[prefix]
            if prefix in self.key_pos:
                return self.key_pos[prefix]
            if prefix in self.value_pos:
                return self.value_pos[prefix]
        return (1, 1)

    def _value_at(self, loc: Loc) -> Any:
        node = self.data
        for part in loc:
            node = node[part]
        return node


    def _real_loc(self, loc: Loc) -> Loc:
        # Models accept "one or a list" (``dag: dinsdag``); their errors then carry an index 0
        # that is not in the file. Drop such indexes so the position is found.
        real: list[str | int] = []
        node = self.data
        for part in loc:
            if isinstance(part, int) and not isinstance(node, list):
                continue
            real.append(part)
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                node = None
        return tuple(real)


class _Builder:
    """Turns a composed node tree into Python values, recording positions and duplicate keys."""

    def __init__(self, loader: ContentLoader, doc: RawDoc) -> None:
        self.loader, self.doc = loader, doc
        self.problems: list[Problem] = []

    def build(self, node: Node, loc: Loc) -> Any:
        self.doc.value_pos[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            raise _TagRefused(node.tag, node.start_mark)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.style is None and _TIME_LIKE.match(node.value):
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:
            # A date that does not exist (2026-02-30) makes PyYAML raise; keep the text so the
            # model reports it as an invalid date on its own line instead of a crash.
            return node.value

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, loc + ("<key>",))
            key = key if isinstance(key, (str, int)) else str(key)
            key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first_line = self.doc.key_pos[loc + (key,)][0]
                self.problems.append(error(self.doc.rel, *key_at, "dubbele_sleutel", key=key, first_line=first_line))
            self.doc.key_pos[loc + (key,)] = key_at
            result[key] = self.build(value_node, loc + (key,))
        self.doc.value_pos.pop(loc + ("<key>",), None)
        return result


# PyYAML's English problem texts, mapped to our message codes.
_YAML_PROBLEMS: list[tuple[str, str]] = [
    ("mapping values are not allowed", "yaml_dubbele_punt"),
    ("could not find expected ':'", "yaml_dubbele_punt"),
    ("found character '\\t'", "tab"),
    ("that cannot start any token", "yaml_begin_teken"),
    ("expected a single document", "twee_documenten"),
    # PyYAML (not libyaml) says this when a list item is not in line with the ones above.
    ("while parsing a block collection", "yaml_lijst"),
    ("did not find expected key", "yaml_inspringen"),
    ("expected <block end>", "yaml_inspringen"),
    ("found unexpected end of stream", "yaml_aanhalingsteken"),
    ("found unknown escape character", "yaml_aanhalingsteken"),
    ("while scanning a quoted scalar", "yaml_aanhalingsteken"),
    ("while parsing a flow sequence", "yaml_haakje"),
    ("while parsing a flow mapping", "yaml_accolade"),
    ("expected ',' or ']'", "yaml_haakje"),
    ("expected ',' or '}'", "yaml_accolade"),
]
# Codes whose problem is where something was opened (a quote, a bracket), not where PyYAML noticed.
_AT_OPENING = frozenset({"yaml_aanhalingsteken", "yaml_haakje", "yaml_accolade"})
_KEY_WITH_VALUE = re.compile(r"^\s*(- )?[^\s#:][^:#]*:\s+[^\s#]")


def _yaml_problem(rel: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    said = f"{exc.context or ''} {exc.problem or ''}"
    if dash := _dash_without_space(text, line):
        return error(rel, *dash, "yaml_streepje")
    for needle, code in _YAML_PROBLEMS:
        if needle in said:
            if code in _AT_OPENING and exc.context_mark is not None:
                line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
            if code == "tab" and not _in_indentation(text, line, col):
                code = "tab_in_regel"
            if code == "yaml_dubbele_punt" and (indent := _deeper_indent(text, line)):
                return error(rel, line, indent, "yaml_inspringen")
            return error(rel, line, col, code)
    return error(rel, line, col, "yaml_syntax", detail=(exc.problem or str(exc)).strip())


def _in_indentation(text: str, line: int, col: int) -> bool:
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    return not here[: col - 1].strip()


_DASH_GLUED = re.compile(r"^( *)-[^\s\-\d]")


def _dash_without_space(text: str, line: int) -> tuple[int, int] | None:
    """Where a list item on or before ``line`` reads ``-naam:`` instead of ``- naam:``.

    PyYAML then sees a key called ``-naam`` and fails lines later; the glued dash is the cause.
    """
    for number, content in enumerate(text.splitlines()[:line], start=1):
        if match := _DASH_GLUED.match(content):
            return number, len(match[1]) + 1
    return None


def _deeper_indent(text: str, line: int) -> int | None:
    """The column of a line indented deeper than the ``key: value`` line above it, else None.

    PyYAML reads such a line as the continuation of the value above and then trips over its
    colon; the editor's mistake is the indentation, so that is what we should name.
    """
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = next((l for l in reversed(lines[: line - 1]) if l.strip() and not l.lstrip().startswith("#")), None)
    if above is None or not _KEY_WITH_VALUE.match(above):
        return None
    indent = len(here) - len(here.lstrip(" "))
    above_indent = len(above) - len(above.lstrip(" -"))
    return indent + 1 if indent > above_indent else None


def _decode(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [error(rel, line, col, "geen_utf8")]


def _tab_problems(text: str, rel: str) -> list[Problem]:
    # YAML forbids tabs for indentation; PyYAML's own message for it is cryptic.
    return [
        error(rel, number, len(line) - len(line.lstrip(" ")) + 1, "tab")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.lstrip(" ").startswith("\t")
    ]


def load_file(path: Path, rel: str | None = None) -> tuple[RawDoc | None, list[Problem]]:
    """Read ``path``; return the document (or None when it cannot be read) and its problems."""
    rel = rel or str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [error(rel, 1, 1, "te_groot", size=size, limit=MAX_FILE_BYTES)]
    text, problems = _decode(path.read_bytes(), rel)
    if text is None:
        return None, problems
    if tabs := _tab_problems(text, rel):
        return None, tabs
    return parse_text(text, path, rel)


def parse_text(text: str, path: Path, rel: str) -> tuple[RawDoc | None, list[Problem]]:
    doc = RawDoc(path=path, rel=rel, data=None)
    loader = ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [error(rel, 1, 1, "leeg")]
        builder = _Builder(loader, doc)
        doc.data = builder.build(node, ())
    except _TagRefused as exc:
        return None, [error(rel, exc.mark.line + 1, exc.mark.column + 1, "tag", tag=_tag_as_written(exc.name))]
    except _AliasRefused as exc:
        return None, [error(rel, exc.mark.line + 1, exc.mark.column + 1, "alias", name=exc.name)]
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_problem(rel, exc, text)]
    except RecursionError:
        # Thousands of nested [[[ ]]] (a crafted file) exhaust the parser's recursion.
        return None, [error(rel, 1, 1, "te_diep")]
    finally:
        loader.dispose()
    if not isinstance(doc.data, dict):
        return None, builder.problems + [error(rel, 1, 1, "geen_mapping")]
    return doc, builder.problems


def _tag_as_written(tag: str) -> str:
    # PyYAML expands ``!!python/object`` to ``tag:yaml.org,2002:python/object``; show what was typed.
    return tag.replace("tag:yaml.org,2002:", "!!", 1)
