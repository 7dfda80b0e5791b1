"""Accessibility gate: axe-core (WCAG 2.1 A/AA) over one page of every type in every language, and a
keyboard-only walk from the home page to a place and the agenda filter.

One browser context per language and one page object navigated from URL to URL keep the whole
sweep to well under a minute. A page type that a build does not make (``vinder/index`` before
the finder is merged) is left out when its file is missing, never reported as passing by accident:
the test for the sample list checks every other type is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_util import Served, axe_violations, watch
from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES

pytestmark = pytest.mark.browser

# One sample page per page type (paths relative to a language root, as directory URLs).
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "buurt": "buurt/binnenstad/",
    "plek": "plek/taalcafe-centrum/",
    "wijk": "wijk/centrum/",
    "stadsdeel": "stadsdeel/centrum/",
    "thema": "thema/taal/",
    "agenda": "agenda/",
    "kaart": "kaart/",
    "stats": "stats/",
    "open-data": "open-data/",
    "vertalingen": "vertalingen/",
    "meedoen": "meedoen/",
    "over": "over/",
    "over-de-gegevens": "over-de-gegevens/",
}
OPTIONAL_TYPES: dict[str, str] = {"vinder": "vinder/"}  # added by another branch


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def sample_paths(site: Path) -> dict[str, str]:
    """Every page type's sample path; optional types only when the build made them."""
    paths = dict(PAGE_TYPES)
    paths.update({kind: path for kind, path in OPTIONAL_TYPES.items() if (site / path / "index.html").exists()})
    return paths


def test_every_sample_page_exists_in_every_language(fixture_site: Path) -> None:
    missing = [
        lang_prefix(lang) + path
        for lang in LANGUAGES
        for path in sample_paths(fixture_site).values()
        if not (fixture_site / lang_prefix(lang) / path / "index.html").exists()
    ]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_passes_axe(browser, served: Served, fixture_site: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        seen = watch(page, served.base)
        problems: dict[str, list[str]] = {}
        for kind, path in sample_paths(fixture_site).items():
            url = served.base + lang_prefix(lang) + path
            seen.console_errors.clear()
            seen.foreign_requests.clear()
            response = page.goto(url, wait_until="load")
            found = [] if response is not None and response.ok else [f"HTTP {response.status if response else '?'}"]
            found += axe_violations(page)
            found += [f"console: {e}" for e in seen.console_errors]
            found += [f"foreign request: {r}" for r in seen.foreign_requests]
            found += [f"dialog: {d}" for d in seen.dialogs]
            if found:
                problems[f"{kind} ({lang_prefix(lang)}{path})"] = found
        assert problems == {}
    finally:
        context.close()


# --- keyboard only -------------------------------------------------------------------------------

MAX_TABS = 250

# What the focused element is and whether its focus ring shows (outline or box-shadow).
FOCUS_STATE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== "none";
  return {
    tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || "").trim(), href: e.getAttribute("href") || "",
    name: e.getAttribute("name") || "", inArticle: !!e.closest("article"), inNav: !!e.closest("nav, .md-tabs"),
    visible: outline || shadow, ring: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow}`,
  };
}"""


def tab_to(page, wanted, description: str, backwards: bool = False) -> dict:  # type: ignore[no-untyped-def]
    """Press Tab (or Shift+Tab) until the focused element matches ``wanted``; its focus ring must show."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        state = page.evaluate(FOCUS_STATE)
        if state and wanted(state):
            assert state["visible"], f"{description}: focus not visible ({state['ring']})"
            return state
        seen.append(state and f"{state['tag']}:{state['text'][:30]}")
    raise AssertionError(f"{description}: not reached by keyboard after {MAX_TABS} tabs; focus went through {seen}")


def test_keyboard_only_home_to_buurt_to_place_to_agenda_filter(browser, served: Served) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        seen = watch(page, served.base)
        page.goto(served.base)

        tab_to(page, lambda s: s["tag"] == "summary" and s["text"] == "Centrum", "stadsdeel Centrum")
        page.keyboard.press("Enter")
        assert page.locator("details:has(> summary:text-is('Centrum'))").evaluate("d => d.open")

        tab_to(page, lambda s: s["tag"] == "a" and s["text"] == "Binnenstad" and "buurt/" in s["href"], "buurt link")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == served.base + "buurt/binnenstad/"
        assert page.locator("h1").inner_text() == "Binnenstad"

        tab_to(page, lambda s: s["tag"] == "a" and s["inArticle"] and s["text"] == "Taalcafé Centrum", "place link")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == served.base + "plek/taalcafe-centrum/"

        # The menu (the left column at desktop width) comes before the content in tab order.
        tab_to(page, lambda s: s["tag"] == "a" and s["inNav"] and s["href"].rstrip("/").endswith("agenda"), "agenda in the menu")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == served.base + "agenda/"

        everything = page.locator("[data-sk-list] > li:not(.sk-hidden)").count()
        tab_to(page, lambda s: s["tag"] == "select" and s["name"] == "dag", "Dag select")
        page.keyboard.press("ArrowDown")  # maandag
        page.keyboard.press("ArrowDown")  # dinsdag
        assert page.locator("select[name=dag]").input_value() == "dinsdag"
        assert page.locator("[data-sk-list] > li:not(.sk-hidden) strong").all_inner_texts() == ["Taalcafé"]
        assert 0 < page.locator("[data-sk-list] > li:not(.sk-hidden)").count() < everything
        assert page.url.endswith("agenda/?dag=dinsdag")
        assert seen.console_errors == [] and seen.foreign_requests == [] and seen.dialogs == []
    finally:
        context.close()
