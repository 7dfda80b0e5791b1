"""Safety gate: hostile text in every field of every place, through every output.

The validator refuses most payloads (checked first, through the command line); the renderers
must be safe when one gets through anyway, so the rest of the gate puts them straight into the
models (``tests/hostile.py``) and checks what comes out:

- pages: the generator's Markdown, converted as MkDocs converts it, put into the article of the
  real built page (Material's CSS and JavaScript, the site's own CSS and scripts) and opened in
  Chromium: no dialog, no script error, no foreign request, no markup from content, no
  horizontal scroll at phone width, no direction control left in the text;
- map tooltips and popups: every popup and tooltip of every map opened through Leaflet's API;
- flyers (PDF): the payload is printed as text, one or two pages, no JavaScript or actions;
- calendars (ICS) and JSON, GeoJSON, HSDS: they parse, one VEVENT per schedule, no injected
  line, and the text comes back exactly, for every payload in every field.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any, Iterator

import markdown
import pytest
import yaml
from icalendar import Calendar
from mkdocs.utils.yaml import yaml_load

from browser_util import Served, serve, watch
from conftest import FIXTURE_CONTENT, REPO, TODAY
from generator.build import prepare, renderers
from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES, RTL_LANGUAGES
from generator.messages import MESSAGES
from generator.render import maps
from generator.render.opendata import render_open_data
from generator.schedule import rrule_parts
from generator.site import SiteConfig, SiteContext
from hostile import BIDI, LONG, MARKUP, PAYLOADS, make_hostile

# Which payload is each place's name (make_hostile's offset): a script, 3,000 characters, an override never closed.
OFFSETS = {"taalcafe-centrum": 0, "bieb-witte-dame": LONG, "buurtkamer-bergen": 15}
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
PHONE_WIDTH = 390


def hostile_site(offsets: dict[str, int]) -> SiteContext:
    site, _ = prepare(FIXTURE_CONTENT, SiteConfig(), TODAY)
    assert set(offsets) == set(site.content.plaatsen), "every place of the fixture is made hostile"
    for slug, offset in offsets.items():
        make_hostile(site.content, slug, offset)
    return site


@pytest.fixture(scope="module")
def site() -> SiteContext:
    return hostile_site(OFFSETS)


def shown(text: str) -> str:
    """What a reader sees of a content text: direction controls dropped, white space collapsed."""
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def test_offsets_put_the_intended_payloads_in_the_names(site: SiteContext) -> None:
    names = {slug: e.model.naam for slug, e in site.content.plaatsen.items()}
    assert names == {"taalcafe-centrum": PAYLOADS[0], "bieb-witte-dame": "x" * 3000, "buurtkamer-bergen": PAYLOADS[15]}
    assert "\u202e" in PAYLOADS[15] and "\u202c" not in PAYLOADS[15]


# --- validation -------------------------------------------------------------------------------------


def test_validator_refuses_the_payloads(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    source = yaml.safe_load((content / "ontwikkelplaatsen" / "taalcafe-centrum.yml").read_text(encoding="utf-8"))
    for index, text in enumerate(PAYLOADS):
        data = {**source, "naam": f"Plek {index}", "omschrijving": {"nl": text}}
        (content / "ontwikkelplaatsen" / f"hostile-{index}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(content), "--today", TODAY.isoformat()],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    markup = MESSAGES["markup"]["nl"][0].split("`")[0]
    too_long = MESSAGES["tekst_te_lang"]["nl"][0].split("(")[0]
    errors = {
        index: [line.split(": fout: ", 1)[1] for line in result.stdout.splitlines() if f"hostile-{index}.yml:" in line and ": fout: " in line]
        for index in range(len(PAYLOADS))
    }
    refused_as_markup = {index for index, lines in errors.items() if any(line.startswith(markup) for line in lines)}
    assert refused_as_markup == set(MARKUP)
    assert any(line.startswith(too_long) for line in errors[LONG])
    # The rest is plain text to the validator (a table, line breaks, quotes):
    # accepted, so every renderer below must cope with it.
    assert {index for index, lines in errors.items() if not lines} == set(range(len(PAYLOADS))) - set(MARKUP) - {LONG}


# --- pages --------------------------------------------------------------------------------------------

ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*)(</article>)', re.DOTALL)


def markdown_extensions() -> list[str]:
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]


def page_url(md_path: str) -> tuple[str, str]:
    """(language, URL relative to the site root) of a generated page file like ``plek/x.ar.md``."""
    stem = md_path.removesuffix(".md")
    lang = DEFAULT_LANGUAGE
    for code in LANGUAGES:
        if stem.endswith(f".{code}"):
            lang, stem = code, stem.removesuffix(f".{code}")
    stem = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return lang, ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + stem


@pytest.fixture(scope="module")
def hostile_pages(site: SiteContext, fixture_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    """A copy of the built fixture site whose generated pages hold the hostile site's articles;
    returns the folder and the URLs per language."""
    root = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(fixture_site, root)
    extensions = markdown_extensions()
    urls: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for render in renderers():
        for output in render(site):
            if not output.path.endswith(".md"):
                continue
            body = output.content.split("---\n", 2)[2] if output.content.startswith("---") else output.content
            article = markdown.markdown(body, extensions=extensions)
            lang, url = page_url(output.path)
            shell = root / url / "index.html"
            assert shell.exists(), f"{output.path}: no built page at {url}"
            page, count = ARTICLE.subn(lambda m: m.group(1) + article + m.group(3), shell.read_text(encoding="utf-8"), count=1)
            assert count == 1, url
            shell.write_text(page, encoding="utf-8")
            urls[lang].append(url)
    return root, urls


def test_generated_markdown_holds_no_direction_control(site: SiteContext) -> None:
    """U+202E in a name must not reorder the page around it: the renderers drop the controls."""
    leaks = [
        output.path
        for render in renderers()
        for output in render(site)
        if isinstance(output.content, str) and output.path.endswith(".md") and BIDI_CONTROLS.search(output.content)
    ]
    assert leaks == []


# Run in the page: whatever content could have turned into markup or active content.
SCAN = """() => {
  const article = document.querySelector("article");
  const bad = [];
  // The generator's own files on this site (Leaflet, the walking filter): allowed wherever they are.
  const own = (url) => { try { const u = new URL(url, location.href); return u.origin === location.origin && /[/]assets[/](js|css|vendor[/]leaflet)[/][\\w.-]+$/.test(u.pathname); } catch (e) { return false; } };
  for (const el of article.querySelectorAll("*")) {
    if (el.closest(".sk-map, .sk-vinder-map")) continue;  // Leaflet's own elements (site maps, the finder's map)
    const tag = el.tagName.toLowerCase();
    const ownStyles = tag === "link" && el.rel === "stylesheet" && (el.closest(".sk-map-block") || own(el.getAttribute("href")));
    if (["iframe", "object", "embed", "svg", "frame", "base", "meta", "link"].includes(tag) && !ownStyles) bad.push(`<${tag}>`);
    if (tag === "script" && !el.closest(".sk-map-block") && !(el.getAttribute("src") && own(el.getAttribute("src")))) bad.push("<script> not the site's own");
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) bad.push(`${tag} ${a.name}=`);
      if (["href", "src", "action", "formaction", "xlink:href"].includes(a.name) && /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(`${tag} ${a.name}=${a.value.slice(0, 40)}`);
      if (a.name === "style" && /fixed|absolute|url\\(/i.test(a.value)) bad.push(`${tag} style=${a.value}`);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const bidi = /[\\u202a-\\u202e\\u2066-\\u2069]/;
  while (walker.nextNode()) { if (bidi.test(walker.currentNode.data)) bad.push(`direction control in "${walker.currentNode.data.slice(0, 40)}"`); }
  return {bad, width: document.scrollingElement.scrollWidth, text: article.innerText};
}"""


def sample(urls: list[str], lang: str) -> list[str]:
    """All pages in Dutch and Arabic (left-to-right and right-to-left); place and buurt pages in the others."""
    if lang in (DEFAULT_LANGUAGE, *RTL_LANGUAGES):
        return urls
    return [url for url in urls if "/plek/" in f"/{url}" or "/buurt/" in f"/{url}"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_hostile_pages_run_nothing_and_fit_a_phone(browser, hostile_pages, lang: str) -> None:  # type: ignore[no-untyped-def]
    root, urls = hostile_pages
    served_gen = serve(root)
    served: Served = next(served_gen)
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844})
    try:
        page = context.new_page()
        seen = watch(page, served.base)
        problems: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for url in sample(urls[lang], lang):
            seen.console_errors.clear()
            seen.foreign_requests.clear()
            page.goto(served.base + url, wait_until="load")
            result = page.evaluate(SCAN)
            found = result["bad"] + [f"console: {e}" for e in seen.console_errors] + [f"foreign: {r}" for r in seen.foreign_requests]
            if result["width"] > PHONE_WIDTH + 1:
                found.append(f"horizontal scroll: {result['width']} px wide")
            if found:
                problems[url] = found
            texts[url] = " ".join(result["text"].split())
        assert seen.dialogs == []
        assert problems == {}
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        place = texts[prefix + "plek/taalcafe-centrum/"]
        assert PAYLOADS[0] in place and "javascript:alert(1)" in place  # shown, never a link (SCAN)
        assert shown(PAYLOADS[15]) in texts[prefix + "plek/buurtkamer-bergen/"]
        assert "x" * 3000 in texts[prefix + "plek/bieb-witte-dame/"]
    finally:
        context.close()
        next(served_gen, None)


# --- maps ---------------------------------------------------------------------------------------------


def map_page(lang: str, body: str) -> str:
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>kaart</title></head>'
        f"<body><main>{body}</main></body></html>"
    )


@pytest.fixture(scope="module")
def map_pages(site: SiteContext, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("hostile-maps")
    shutil.copytree(REPO / "docs" / "assets", root / "assets")
    pages: dict[str, tuple[str, str]] = {}
    for lang in ("nl", "ar"):
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        pages[f"{prefix}kaart/index.html"] = (lang, maps.city_map_html(site, lang))
        for slug in site.content.buurten:
            pages[f"{prefix}buurt/{slug}/index.html"] = (lang, maps.buurt_map_html(site, slug, lang, f"buurt/{slug}"))
        for slug in site.content.plaatsen:
            pages[f"{prefix}plek/{slug}/index.html"] = (lang, maps.place_map_html(site, slug, lang, f"plek/{slug}"))
    for path, (lang, body) in pages.items():
        assert body, f"{path}: no map"
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(map_page(lang, body), encoding="utf-8")
    return root, [path.removesuffix("index.html") for path in pages]


# Opens every popup and tooltip of every Leaflet map on the page; returns their text and any markup.
OPEN_ALL = """() => {
  const maps = Object.values(window).filter(v => v instanceof L.Map);
  const out = {maps: maps.length, popups: [], tooltips: [], bad: []};
  // The generator's popup markup, and folium's table around popup and tooltip fields.
  const allowed = new Set(["DIV", "A", "STRONG", "BR", "SPAN", "BDI", "TABLE", "TBODY", "TR", "TH", "TD"]);
  const check = (el, what) => {
    for (const child of el.querySelectorAll("*")) {
      if (child.closest(".leaflet-popup-close-button")) continue;
      if (!allowed.has(child.tagName)) bad(`${what}: <${child.tagName}>`);
      for (const a of child.attributes) {
        if (a.name.startsWith("on") || a.name === "src" || (a.name === "style" && child.closest(".sk-popup"))) bad(`${what}: ${child.tagName} ${a.name}=`);
        if (a.name === "href" && !/^(\\.\\.\\/)*plek\\/|^(\\.\\.\\/)*buurt\\//.test(a.value) && !child.classList.contains("leaflet-popup-close-button")) bad(`${what}: href=${a.value}`);
      }
    }
  };
  const bad = text => out.bad.push(text);
  for (const map of maps) {
    const layers = [];
    map.eachLayer(layer => layers.push(layer));
    for (const layer of layers) {
      if (layer.getPopup && layer.getPopup()) {
        layer.openPopup(layer.getLatLng ? layer.getLatLng() : undefined);
        const el = layer.getPopup().getElement();
        if (el) { check(el, "popup"); out.popups.push(el.querySelector(".leaflet-popup-content").innerText); }
        layer.closePopup();
      }
      if (layer.getTooltip && layer.getTooltip()) {
        layer.openTooltip(layer.getLatLng ? layer.getLatLng() : undefined);
        const el = layer.getTooltip().getElement();
        if (el) { check(el, "tooltip"); out.tooltips.push(el.innerText); }
        layer.closeTooltip();
      }
    }
  }
  return out;
}"""


@pytest.mark.browser
def test_map_tooltips_and_popups_show_payloads_as_text(browser, site: SiteContext, map_pages) -> None:  # type: ignore[no-untyped-def]
    root, urls = map_pages
    served_gen = serve(root)
    served: Served = next(served_gen)
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    names = {slug: shown(e.model.naam) for slug, e in site.content.plaatsen.items()}
    try:
        page = context.new_page()
        seen = watch(page, served.base)
        problems: dict[str, list[str]] = {}
        for url in urls:
            seen.console_errors.clear()
            page.goto(served.base + url, wait_until="load")
            result = page.evaluate(OPEN_ALL)
            found = list(result["bad"]) + [f"console: {e}" for e in seen.console_errors]
            popups = [" ".join(text.split()) for text in result["popups"]]
            tooltips = [" ".join(text.split()) for text in result["tooltips"]]
            if result["maps"] != 1 or not popups or not tooltips:
                found.append(f"{result['maps']} maps, {len(popups)} popups, {len(tooltips)} tooltips")
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            if "/plek/" in f"/{url}":
                if not any(names[slug] in text for text in popups) or not any(names[slug] in text for text in tooltips):
                    found.append(f"name of {slug} not shown as text")
            elif "/kaart/" in f"/{url}":
                missing = [s for s, name in names.items() if not any(name in text for text in popups)]
                if missing:
                    found.append(f"names missing from popups: {missing}")
            if found:
                problems[url] = found
        assert seen.dialogs == [] and seen.foreign_requests == []
        assert problems == {}
    finally:
        context.close()
        next(served_gen, None)


def test_map_scripts_do_not_run_template_syntax_from_content(site: SiteContext) -> None:
    """branca compiles every rendered map script as a Jinja template once more: content must not
    reach it as template code (this one would print "sk-evaluated"; a worse expression runs code)."""
    import dataclasses

    entry = site.content.plaatsen["taalcafe-centrum"]
    naam = '{{ "sk-" ~ "evaluated" }} {# c #} {% raw %}'
    site.content.plaatsen["taalcafe-centrum"] = dataclasses.replace(entry, model=entry.model.model_copy(update={"naam": naam}))
    try:
        html = maps.place_map_html(site, "taalcafe-centrum", "nl", "plek/taalcafe-centrum")
        html += maps.city_map_html(site, "nl") + maps.buurt_map_html(site, "binnenstad", "nl", "buurt/binnenstad")
    finally:
        site.content.plaatsen["taalcafe-centrum"] = entry
    assert "sk-evaluated" not in html and "{{" not in html and "{%" not in html
    assert "&#123;&#123; &quot;sk-&quot; ~ &quot;evaluated&quot; &#125;&#125;" in html


# --- flyers -------------------------------------------------------------------------------------------

PDF_ACTIVE = re.compile(rb"/(JS|JavaScript|Launch|OpenAction|AA|SubmitForm|ImportData|RichMedia|EmbeddedFile)\b")
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def pdf_objects(data: bytes) -> bytes:
    """The PDF's raw bytes plus every Flate stream inflated (object streams can hide dictionaries)."""
    parts = [data]
    for match in STREAM.finditer(data):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(parts)


def pdf_tool(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.mark.skipif(not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext")), reason="poppler-utils nodig (pdfinfo, pdftotext)")
def test_flyers_print_payloads_as_text_and_hold_no_actions(site: SiteContext, tmp_path: Path) -> None:
    from generator.render.flyers import flyer_html, render_flyers

    buurten = sorted(site.content.buurten)
    outputs = render_flyers(site, buurten=buurten, languages=["nl", "ar"], cache_dir=tmp_path / "cache")
    assert len(outputs) == len(buurten) * 2
    texts = {}
    for output in outputs:
        pdf = tmp_path / output.path
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(output.content)
        pages = int(re.search(r"^Pages:\s+(\d+)", pdf_tool("pdfinfo", str(pdf)), re.MULTILINE).group(1))
        text = pdf_tool("pdftotext", "-enc", "UTF-8", str(pdf), "-")
        texts[output.path] = text
        # One sheet (two pages) at most. A 3,000-character word is over the validator's limit (2,000):
        # then the flyer may run longer, but the word is printed whole, wrapped, never cut off.
        long_words = text.count("x") // 3000  # the long payload is 3,000 × "x"; other text has few
        if long_words == 0:
            assert 1 <= pages <= 2, f"{output.path}: {pages} pages"
        assert text.count("\f") == pages
        objects = pdf_objects(output.content)
        assert PDF_ACTIVE.findall(objects) == [], output.path
        uris = re.findall(rb"/URI\s*\(([^)]*)\)", objects)
        assert all(uri.startswith(b"https://") for uri in uris), (output.path, uris)
    nl_text = texts["flyers/binnenstad.nl.pdf"]
    flat = "".join(nl_text.replace("\u200b", "").split())  # the flyer breaks long runs with zero-width spaces
    assert PAYLOADS[0] in nl_text  # the name of taalcafe-centrum, printed as it was written
    assert "".join(PAYLOADS[10].split()) in flat  # an activity: "</script><script>alert(4)</script>"
    assert "javascript:alert(1)" in flat and nl_text.count("x") >= 3000  # the website as text; the long note whole
    # pdftotext writes right-to-left lines in visual order (mirrored brackets): look for the tags.
    assert "<script>" in texts["flyers/binnenstad.ar.pdf"] and "</script>" in texts["flyers/binnenstad.ar.pdf"]
    for slug in buurten:
        for lang in ("nl", "ar"):
            assert not BIDI_CONTROLS.search(flyer_html(site, slug, lang)), (slug, lang)


# --- calendars and JSON -------------------------------------------------------------------------------

ICS_LINE = re.compile(r"^[A-Z][A-Z0-9-]*[;:]")


def all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def expected_events(site: SiteContext, slug: str) -> int:
    place = site.content.plaatsen[slug].model
    return sum(1 for a in place.activiteiten for w in a.wanneer if rrule_parts(w, site.today)["dtstart"] is not None)


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_calendars_and_json_keep_every_payload_exactly(shift: int) -> None:
    """Every payload in every field (the offsets turn round over the parametrisation)."""
    site = hostile_site({slug: offset + shift for slug, offset in OFFSETS.items()})
    files = {output.path: output.content for output in render_open_data(site)}
    calendars = {path: content for path, content in files.items() if path.endswith(".ics")}
    assert {f"ics/plek/{slug}.ics" for slug in site.content.plaatsen} <= set(calendars)

    for path, content in calendars.items():
        raw = content.decode("utf-8") if isinstance(content, bytes) else content
        unfolded = re.sub(r"\r\n[ \t]", "", raw)
        lines = unfolded.split("\r\n")
        assert lines[-1] == "" and all(ICS_LINE.match(line) for line in lines[:-1]), path
        assert not any(line.startswith(("X-EVIL", "SUMMARY:nep")) for line in lines), path
        calendar = Calendar.from_ical(raw)
        events = calendar.walk("VEVENT")
        assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(events), path
        if path.startswith("ics/plek/"):
            slug = path.removeprefix("ics/plek/").removesuffix(".ics")
            place = site.content.plaatsen[slug].model
            assert len(events) == expected_events(site, slug), path
            summaries = [str(event["summary"]) for event in events]
            wanted = [
                f"{a.naam['nl']} ({place.naam})"
                for a in place.activiteiten
                for w in a.wanneer
                if rrule_parts(w, site.today)["dtstart"] is not None
            ]
            # iCalendar has no carriage return in TEXT: a line break comes back as "\n".
            assert [s.removeprefix("Tijdelijk gesloten: ") for s in summaries] == [w.replace("\r\n", "\n") for w in wanted], path

    documents = {path: json.loads(content) for path, content in files.items() if path.endswith((".json", ".geojson"))}
    assert {"data/ontwikkelplaatsen.geojson", "data/activiteiten.json", "data/hsds/services.json"} <= set(documents)
    strings = {text for document in documents.values() for text in all_strings(document)}
    for slug, entry in site.content.plaatsen.items():
        place = entry.model
        wanted = {place.naam, *place.omschrijving.values()} | {text for a in place.activiteiten for text in a.naam.values()}
        assert wanted - strings == set(), slug
    geo = documents["data/ontwikkelplaatsen.geojson"]
    assert {f["properties"]["naam"] for f in geo["features"]} == {e.model.naam for e in site.content.plaatsen.values()}
