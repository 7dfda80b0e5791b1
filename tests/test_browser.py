"""The built fixture site in headless Chromium: what a resident clicks, sees and loads."""

from __future__ import annotations


import pytest

from browser_util import Served, axe_violations, watch

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, served: Served):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.seen = watch(page, served.base)  # type: ignore[attr-defined]
    yield page
    context.close()


def test_home_to_buurt_to_place(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base)
    article = page.locator("article")
    article.get_by_text("Centrum", exact=True).first.click()  # a stadsdeel, folded open
    article.get_by_role("link", name="Binnenstad", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Binnenstad"
    page.locator("article").get_by_role("link", name="Taalcafé Centrum").first.click()
    assert page.locator("h1").inner_text() == "Taalcafé Centrum"
    assert page.url == served.base + "plek/taalcafe-centrum/"
    assert page.seen.console_errors == [] and page.seen.foreign_requests == []


def test_buurt_search_box_finds_a_buurt(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base)
    page.get_by_label("Naam van je buurt").fill("Witte")
    page.get_by_role("button", name="Ga").click()
    page.wait_for_url("**/buurt/witte-dame/")
    assert page.locator("h1").inner_text() == "Witte Dame"


def visible_activities(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator("[data-sk-list] > li:not(.sk-hidden) strong").all_inner_texts()


def test_agenda_filters_work_and_live_in_the_url(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "agenda/")
    everything = len(visible_activities(page))
    page.get_by_label("Dag").select_option("dinsdag")
    assert visible_activities(page) == ["Taalcafé"]
    assert page.url.endswith("agenda/?dag=dinsdag")
    page.get_by_label("Dag").select_option("")
    page.get_by_label("Thema").select_option("digitaal")
    assert set(visible_activities(page)) == {"Digitaal spreekuur"}
    assert page.locator("[data-sk-count]").inner_text() == "Aantal activiteiten: 2"  # Monday and Thursday
    page.goto(served.base + "agenda/?taal=tr")
    assert page.locator("select[name=taal]").input_value() == "tr"
    assert 0 < len(visible_activities(page)) < everything
    assert page.seen.console_errors == []


def test_language_switch_keeps_the_page(page, served: Served) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + "plek/taalcafe-centrum/")
    english = page.locator('a[hreflang="en"]').first
    assert english.get_attribute("href").rstrip("/").endswith("en/plek/taalcafe-centrum")
    page.goto(served.base + "en/plek/taalcafe-centrum/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Language café" in page.locator("article").inner_text()


@pytest.mark.parametrize("path", ["", "buurt/binnenstad/", "plek/taalcafe-centrum/", "agenda/"])
def test_no_serious_accessibility_violations(page, served: Served, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served.base + path)
    assert axe_violations(page) == []
    assert page.seen.console_errors == [] and page.seen.foreign_requests == []
