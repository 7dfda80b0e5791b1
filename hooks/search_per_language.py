"""MkDocs hook: one search index per language, and `dir` on <html>.

mkdocs-static-i18n builds the languages one after another and finally writes a single search index
of every language to ``search/search_index.json``; Material loads the index from its ``base`` (the
site root), so a Ukrainian reader would get Dutch and English pages mixed into the results. This hook

- writes ``<lang>/search/search_index.json`` with that language's pages only (locations relative
  to the language root) and rewrites the root index to the Dutch pages only;
- points Material's ``base`` on each page of a language at that language's root, so its search
  loads that language's index (``base`` is only used for the search index, search result links,
  the version selector and instant navigation; the last two are not used on this site);
- sets the lunr language per index (stop words): Russian for Ukrainian, which lunr lacks; Polish
  has nothing in lunr and is indexed as is;
- puts ``dir="rtl"``/``dir="ltr"`` on ``<html>`` (Material sets it on ``<body>`` only).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# lunr languages and pipeline per site language. The lunr language gives the stop words; there is
# no stemmer and no trimmer. Material searches every term with a trailing wildcard, and lunr does
# not run wildcard terms through the pipeline: with a stemmed index the whole word "activiteiten"
# (indexed as "activiteit"), "Witte" ("wit") or "الأنشطة" finds nothing. Prefix matching serves
# the inflected forms instead. A trimmer would also strip Latin names such as "Binnenstad" from
# Arabic and Ukrainian pages; the search separator splits on punctuation instead.
# Ukrainian takes the Russian stop words (lunr has no Ukrainian); Polish has none in lunr, and
# Arabic and Polish follow Material's own defaults for those languages (no pipeline).
SEARCH_LANG = {"nl": ["nl"], "en": ["en"], "tr": ["tr"], "ar": ["ar"], "pl": ["en"], "uk": ["ru"]}
PIPELINE = {"ar": [], "pl": []}
DEFAULT_PIPELINE = ["stopWordFilter"]
RTL = {"ar"}
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_HTML_TAG = re.compile(r"<html\b[^>]*>")


def _i18n(config: MkDocsConfig):  # type: ignore[no-untyped-def]
    return config.plugins.get("i18n")


def _current_language(config: MkDocsConfig) -> tuple[str, str]:
    """(language being built, default language)."""
    i18n = _i18n(config)
    if i18n is None:
        return "nl", "nl"
    # During the nested per-language builds `building` is true; after them (the outer build, which
    # is the default language) current_language still names the last language built.
    return (i18n.current_language if i18n.building else i18n.default_language), i18n.default_language


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang, default = _current_language(config)
    output = _HTML_TAG.sub(lambda m: _with_dir(m.group(0), lang), output, count=1)
    if lang == default:
        return output
    return _CONFIG_SCRIPT.sub(lambda m: m.group(1) + _language_base(m.group(2), lang) + m.group(3), output, count=1)


def _with_dir(tag: str, lang: str) -> str:
    tag = re.sub(r'\sdir="[^"]*"', "", tag)
    return tag[:-1] + f' dir="{"rtl" if lang in RTL else "ltr"}">'


def _language_base(data: str, lang: str) -> str:
    app = json.loads(data)
    app["base"] = posixpath.join(app["base"], lang, "")  # trailing slash: URLs resolve inside it
    return json.dumps(app, ensure_ascii=False)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the indexes of all languages
def on_post_build(config: MkDocsConfig) -> None:
    lang, default = _current_language(config)
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    others = tuple(f"{code}/" for code in SEARCH_LANG if code != default)
    if lang == default:
        docs = [doc for doc in index["docs"] if not doc["location"].startswith(others)]
        target = path
    else:
        # In a nested build the file holds this language's pages only (the merge comes later).
        prefix = f"{lang}/"
        docs = [{**doc, "location": doc["location"].removeprefix(prefix)} for doc in index["docs"] if doc["location"].startswith(prefix)]
        target = Path(config.site_dir) / lang / "search" / "search_index.json"
    index["config"] = {**index["config"], "lang": SEARCH_LANG.get(lang, ["en"]), "pipeline": PIPELINE.get(lang, DEFAULT_PIPELINE)}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"config": index["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
