"""Every language: complete catalogues, pages with the right lang/dir, the Dutch-only notice, search.

The site tests run on the fixture site built once with the real MkDocs configuration (conftest).
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.i18n import CATALOGUE_DIR, DEFAULT_LANGUAGE, LANGUAGES, RTL_LANGUAGES, t

DOMAINS = sorted(path.name for path in (CATALOGUE_DIR / DEFAULT_LANGUAGE).glob("*.yml"))
OTHERS = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


def load(lang: str, domain: str) -> dict[str, str]:
    path = CATALOGUE_DIR / lang / domain
    assert path.exists(), f"{lang}/{domain} ontbreekt"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", OTHERS)
def test_catalogue_has_every_key_with_the_same_placeholders(lang: str, domain: str) -> None:
    reference, catalogue = load(DEFAULT_LANGUAGE, domain), load(lang, domain)
    assert sorted(set(reference) - set(catalogue)) == [], f"{lang}/{domain}: sleutels ontbreken"
    assert sorted(set(catalogue) - set(reference)) == [], f"{lang}/{domain}: sleutels die nl niet kent"
    wrong = {key: sorted(placeholders(catalogue[key])) for key in reference if placeholders(catalogue[key]) != placeholders(reference[key])}
    assert wrong == {}, f"{lang}/{domain}: andere {{velden}} dan nl"
    empty = [key for key, text in catalogue.items() if not str(text).strip()]
    assert empty == [], f"{lang}/{domain}: lege teksten"


def test_no_domain_file_without_a_dutch_reference() -> None:
    for lang in OTHERS:
        extra = sorted(p.name for p in (CATALOGUE_DIR / lang).glob("*.yml") if p.name not in DOMAINS)
        assert extra == [], f"{lang}: {extra} heeft geen nl/-bestand"


def test_plural_sensitive_strings_carry_no_bare_count() -> None:
    """A count before a noun needs plural forms in pl, uk and ar: these keys put it after a colon."""
    for lang in LANGUAGES:
        for key in ("inhabitants", "filter_count"):
            assert t(lang, key).rstrip().endswith("{n}"), (lang, key)


# --- the built site -------------------------------------------------------------------------------


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "buurt/binnenstad", "agenda", "plek/buurtkamer-bergen", "meedoen", "vertalingen"])
def test_page_has_lang_and_dir(fixture_site: Path, lang: str, path: str) -> None:
    html = page(fixture_site, lang, path)
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    html_tag = re.search(r"<html\b[^>]*>", html).group(0)
    assert f'lang="{lang}"' in html_tag and f'dir="{direction}"' in html_tag, html_tag
    assert f'<body dir="{direction}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_links_every_language_version(fixture_site: Path, lang: str) -> None:
    """The language switcher (with hreflang) leads to the same page in every language."""
    here = f"http://x/{'' if lang == DEFAULT_LANGUAGE else lang + '/'}buurt/binnenstad/"
    html = page(fixture_site, lang, "buurt/binnenstad")
    found = {code: urljoin(here, href) for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">', html)}
    assert found == {code: f"http://x/{'' if code == DEFAULT_LANGUAGE else code + '/'}buurt/binnenstad/" for code in LANGUAGES}


def test_sitemap_gives_absolute_hreflang_alternates(fixture_site: Path) -> None:
    """Search engines find the language versions in sitemap.xml (overrides/main.html says why not in <head>)."""
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split("<loc>https://wijeindhoven.github.io/sociale-kaart/buurt/binnenstad/</loc>")[1].split("</url>")[0]
    found = dict((code, href) for code, href in re.findall(r'hreflang="([a-z]+)" href="([^"]+)"', entry))
    assert found == {code: f"https://wijeindhoven.github.io/sociale-kaart/{'' if code == DEFAULT_LANGUAGE else code + '/'}buurt/binnenstad/" for code in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_and_site_name_are_translated(fixture_site: Path, lang: str) -> None:
    html = page(fixture_site, lang, "agenda")
    assert t(lang, "nav_agenda") in re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.DOTALL).group(0)
    assert f"<title>{t(lang, 'agenda_title')} - {t(lang, 'site_title')}</title>" in html


@pytest.mark.parametrize("lang", OTHERS)
def test_dutch_only_text_carries_the_notice(fixture_site: Path, lang: str) -> None:
    html = page(fixture_site, lang, "plek/buurtkamer-bergen")
    notice = f'<span lang="nl" dir="ltr">Koffie-inloop</span> <small class="sk-nl-only">({t(lang, "only_dutch")})</small>'
    assert notice in html


def test_translated_text_has_no_notice(fixture_site: Path) -> None:
    html = page(fixture_site, "en", "plek/taalcafe-centrum")
    assert "Language café" in html and f'({t("en", "only_dutch")})</small>' in html  # Spelletjesavond is Dutch only
    assert '<span lang="nl" dir="ltr">Taalcafé</span>' not in html


def search_index(site: Path, lang: str) -> dict:
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_per_language_finds_a_buurt(fixture_site: Path, lang: str) -> None:
    index = search_index(fixture_site, lang)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles.get("buurt/binnenstad/") == "Binnenstad"
    # Only this language's pages: a Ukrainian reader is not shown Dutch or English pages.
    others = tuple(f"{code}/" for code in LANGUAGES if code != DEFAULT_LANGUAGE)
    assert not any(location.startswith(others) for location in titles)
    assert t(lang, "agenda_title") in {doc["title"] for doc in index["docs"]}


def test_search_languages_fit_lunr() -> None:
    from hooks.search_per_language import SEARCH_LANG

    assert SEARCH_LANG["uk"] == ["ru"] and set(SEARCH_LANG) == set(LANGUAGES)


def test_translation_report_lists_dutch_only_activities(fixture_site: Path) -> None:
    html = page(fixture_site, "nl", "vertalingen")
    section = html.split('id="uk"', 1)[1].split("</table>", 1)[0]
    assert "Buurtkamer Bergen" in section and "Koffie-inloop" in section
    assert "https://github.com/wijeindhoven/sociale-kaart/edit/main/content/ontwikkelplaatsen/buurtkamer-bergen.yml" in section
    english = html.split('id="en"', 1)[1].split("</table>", 1)[0]
    assert "Taalcafé</span>: <code>naam</code>" not in english  # translated into English
