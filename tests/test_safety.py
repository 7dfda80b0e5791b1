"""Content never becomes markup: hostile text in every field is shown as text on every page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from conftest import FIXTURE_CONTENT, REPO, TODAY
from generator.build import prepare, renderers
from generator.site import SiteConfig, SiteContext
from hostile import PAYLOADS, make_hostile

HOSTILE_PLACE = "taalcafe-centrum"


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1  # the map's own scripts are expected; compared with a clean build below
        elif tag in {"iframe", "object", "embed", "svg"}:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.bad.append(f"{tag} {name}={value}")


def markdown_extensions() -> list[str]:
    """The Markdown extensions of the real site (mkdocs.yml), so the test converts as MkDocs does."""
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]


@pytest.fixture(scope="module")
def hostile_site() -> SiteContext:
    site, _ = prepare(FIXTURE_CONTENT, SiteConfig(), TODAY)
    make_hostile(site.content, HOSTILE_PLACE)
    return site


def html_pages(site: SiteContext) -> dict[str, str]:
    """Every generated page as MkDocs would turn it into HTML (its Markdown extensions)."""
    extensions = markdown_extensions()
    pages = {}
    for render in renderers():
        for output in render(site):
            if output.path.endswith(".md"):
                body = output.content.split("---\n", 2)[2] if output.content.startswith("---") else output.content
                pages[output.path] = markdown.markdown(body, extensions=extensions)
    return pages


@pytest.fixture(scope="module")
def rendered_html(hostile_site: SiteContext) -> dict[str, str]:
    return html_pages(hostile_site)


def scan(html: str) -> _Scan:
    scanner = _Scan()
    scanner.feed(html)
    return scanner


def test_no_payload_becomes_markup_on_any_page(rendered_html: dict[str, str]) -> None:
    clean = html_pages(prepare(FIXTURE_CONTENT, SiteConfig(), TODAY)[0])
    problems = {}
    for path, html in rendered_html.items():
        found = scan(html)
        extra_scripts = found.scripts - scan(clean[path]).scripts
        if found.bad or extra_scripts:
            problems[path] = found.bad + [f"{extra_scripts} extra <script>"] * bool(extra_scripts)
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
