"""Content never becomes markup: hostile text in every field is shown as text on every page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from conftest import FIXTURE_CONTENT, REPO, TODAY
from generator.build import prepare, renderers
from generator.site import SiteConfig, SiteContext
from hostile import PAYLOADS, make_hostile

HOSTILE_PLACE = "taalcafe-centrum"


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "object", "embed", "svg"}:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.bad.append(f"{tag} {name}={value}")


def markdown_extensions() -> list[str]:
    """The Markdown extensions of the real site (mkdocs.yml), so the test converts as MkDocs does."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]


@pytest.fixture(scope="module")
def hostile_site() -> SiteContext:
    site, _ = prepare(FIXTURE_CONTENT, SiteConfig(), TODAY)
    make_hostile(site.content, HOSTILE_PLACE)
    return site


@pytest.fixture(scope="module")
def rendered_html(hostile_site: SiteContext) -> dict[str, str]:
    extensions = markdown_extensions()
    pages = {}
    for render in renderers():
        for output in render(hostile_site):
            if output.path.endswith(".md"):
                body = output.content.split("---\n", 2)[2] if output.content.startswith("---") else output.content
                pages[output.path] = markdown.markdown(body, extensions=extensions)
    return pages


def test_no_payload_becomes_markup_on_any_page(rendered_html: dict[str, str]) -> None:
    problems = {}
    for path, html in rendered_html.items():
        scan = _Scan()
        scan.feed(html)
        if scan.bad:
            problems[path] = scan.bad
    assert problems == {}


def test_payloads_are_shown_as_text(rendered_html: dict[str, str]) -> None:
    place = rendered_html["plek/taalcafe-centrum.md"]
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in place
    assert 'href="javascript' not in place and "Website: javascript:alert(1)" in place


def test_front_matter_titles_survive_any_name(hostile_site: SiteContext) -> None:
    from generator.render.pages import render_place

    output = render_place(hostile_site, hostile_site.content.plaatsen[HOSTILE_PLACE], "nl")
    front = yaml.safe_load(output.content.split("---\n")[1])
    assert front["title"] == PAYLOADS[0]
