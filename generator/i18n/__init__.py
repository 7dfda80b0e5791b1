"""UI strings per language.

Catalogues live in ``generator/i18n/<lang>/<domain>.yml``: flat ``key: text`` mappings, texts with
``{placeholder}`` fields (str.format). Several domain files per language keep unrelated work from
touching the same file. Dutch is the reference: every other language must have the same keys and
placeholders (tests/test_i18n.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

CATALOGUE_DIR = Path(__file__).parent
LANGUAGES: tuple[str, ...] = ("nl", "en", "tr", "ar", "pl", "uk")
DEFAULT_LANGUAGE = "nl"
RTL_LANGUAGES = frozenset({"ar"})


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All UI strings of one language, merged from its domain files."""
    strings: dict[str, str] = {}
    for path in sorted((CATALOGUE_DIR / lang).glob("*.yml")):
        strings.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return strings


def t(lang: str, key: str, **params: object) -> str:
    """The UI string ``key`` in ``lang``, falling back to Dutch (a missing key is a test failure)."""
    text = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE)[key]
    return text.format(**params) if params else text
