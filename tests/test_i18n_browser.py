"""Every language in headless Chromium: accessibility, search, right-to-left layout, phone width."""

from __future__ import annotations


import pytest

from browser_util import Served, axe_violations, watch
from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, served: Served):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.seen = watch(page, served.base)  # type: ignore[attr-defined]
    yield page
    context.close()


def url(served: Served, lang: str, path: str) -> str:
    return served.base + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + path


@pytest.mark.parametrize("lang", ["ar", "uk"])
def test_buurt_page_has_no_serious_accessibility_violations(page, served: Served, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(served, lang, "buurt/binnenstad/"))
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_buurt_in_the_readers_language(page, served: Served, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(served, lang, "buurt/bergen/"))
    page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.fill("Binnenstad")
    box.press("End")  # Material searches on keyup
    first = page.locator(".md-search-result__link").first
    first.wait_for(timeout=10_000)
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert links[0] == url(served, lang, "buurt/binnenstad/")
    prefix = url(served, lang, "")
    others = [url(served, other, "") for other in LANGUAGES if other not in (lang, DEFAULT_LANGUAGE)]
    assert all(link.startswith(prefix) and not link.startswith(tuple(others)) for link in links)
    assert page.seen.console_errors == []


def test_arabic_times_read_left_to_right(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(served, "ar", "buurt/binnenstad/"))
    assert page.locator("body").evaluate("b => getComputedStyle(b).direction") == "rtl"
    time = page.locator(".sk-time").first
    assert time.inner_text() == "10:00–12:00"
    assert time.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The time comes first in reading order, so in right-to-left it sits right of the activity name.
    item = page.locator(".sk-week li").first
    name_box = item.locator("strong").bounding_box()
    assert time.bounding_box()["x"] > name_box["x"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "buurt/binnenstad/", "agenda/"])
def test_pages_fit_a_phone(page, served: Served, lang: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(served, lang, path))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
