"""The stats page: figures equal the YAML, sums are checked on the right line, charts are complete,
and the witte-vlekken figures are recomputed by hand on a small fixture."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.aanpak import AanpakJaar, check_aanpak, context, years
from generator.content import load_content
from generator.i18n import LANGUAGES, t
from generator.problems import format_text
from generator.render import stats
from generator.site import BuurtInfo, SiteConfig, SiteContext, page_file

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 1)
SVG = "{http://www.w3.org/2000/svg}"

# --- fixture -----------------------------------------------------------------------------------------

ZUID = "Wijk <Zuid> | *2*"  # names from the geo data are escaped like any content
# Four square buurten side by side; D has no published population (as Eindhoven Airport).
BUURTEN = [
    ("BU07720001", "Aabuurt", "Wijk Noord", "Noord", 1000),
    ("BU07720002", "Beebuurt", "Wijk Noord", "Noord", 2000),
    ("BU07720003", "Ceebuurt", ZUID, "Zuid", 500),
    ("BU07720004", "Deebuurt", ZUID, "Zuid", None),
]
# Walking minutes at rustig pace from each buurt to each place; missing = beyond reach.
MINUTES = {
    ("aabuurt", "buurthuis"): 3.0,
    ("aabuurt", "taalcafe"): 12.0,
    ("beebuurt", "buurthuis"): 9.5,
    ("ceebuurt", "taalcafe"): 14.0,
    ("ceebuurt", "lege-plek"): 2.0,  # no activities: does not count
    ("deebuurt", "gestopte-plek"): 1.0,  # stopped: does not count
}


def _square(i: int) -> dict:
    x0, y0, size = 5.40 + i * 0.01, 51.40, 0.01
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return {"type": "Polygon", "coordinates": [ring]}


def _geojson() -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"code": code, "naam": naam, "wijk": wijk, "stadsdeel": sd, "inwoners_2020": inw}, "geometry": _square(i)}
            for i, (code, naam, wijk, sd, inw) in enumerate(BUURTEN)
        ],
    }


PLACES = {
    "buurthuis": """
        naam: Buurthuis De Kroon
        buurt: aabuurt
        themas: [ontmoeting, eten]
        adres: {straat: Kroonstraat, huisnummer: 1, postcode: 5611 AA}
        talen: [nl, en]
        toegankelijkheid: {rolstoel: ja, rollator: ja}
        activiteiten:
          - naam: Koffie-inloop
            wanneer: {herhaling: wekelijks, dag: [maandag, donderdag], van: "10:00", tot: "12:00"}
          - naam: Buurtmaaltijd
            themas: [eten]
            wanneer: {herhaling: maandelijks, dag: vrijdag, week: laatste, van: "17:30", tot: "19:30"}
        laatst_gecontroleerd: 2026-06-01
    """,
    "taalcafe": """
        naam: Taalcafé Zuid
        buurt: ceebuurt
        themas: [taal]
        adres: {straat: Zuidweg, huisnummer: 2, postcode: 5612 BB}
        talen: [nl, ar, uk]
        toegankelijkheid: {rolstoel: deels, rollator: ja}
        activiteiten:
          - naam: Taalcafé
            wanneer: {herhaling: wekelijks, dag: maandag, van: "14:00", tot: "16:00"}
        laatst_gecontroleerd: 2025-01-15
    """,
    "lege-plek": """
        naam: Lege plek
        buurt: ceebuurt
        themas: [tuin]
        adres: {straat: Zuidweg, huisnummer: 8, postcode: 5612 BB}
        laatst_gecontroleerd: 2026-10-01
    """,
    "gestopte-plek": """
        naam: Gestopte plek
        buurt: deebuurt
        status: gestopt
        themas: [bewegen]
        adres: {straat: Oostweg, huisnummer: 3, postcode: 5613 CC}
        activiteiten:
          - naam: Wandelen
            wanneer: {herhaling: wekelijks, dag: zondag, van: "10:00", tot: "11:00"}
        laatst_gecontroleerd: 2026-10-01
    """,
}


@dataclass
class FakeEnriched:
    calls: list[str]

    def buurt_info(self, buurt_slug: str) -> BuurtInfo | None:
        for code, naam, wijk, sd, inw in BUURTEN:
            if naam.lower() == buurt_slug:
                return BuurtInfo(buurt_slug, code, naam, wijk, sd, inw, (51.4, 5.4))
        return None

    def place_point(self, place_slug: str) -> tuple[float, float] | None:
        return None

    def minutes_from_buurt(self, buurt_slug: str, place_slug: str, pace: str) -> float | None:
        self.calls.append(pace)
        return MINUTES.get((buurt_slug, place_slug))


def _make_content(root: Path) -> Path:
    for kind in ("aanpak", "aanpak-context"):
        shutil.copytree(REPO / "content" / kind, root / kind)
    (root / "geo").mkdir()
    (root / "geo" / "buurten.geojson").write_text(json.dumps(_geojson()), encoding="utf-8")
    (root / "ontwikkelplaatsen").mkdir()
    for slug, text in PLACES.items():
        (root / "ontwikkelplaatsen" / f"{slug}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    return _make_content(tmp_path / "content")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteContext:
    content = load_content(_make_content(tmp_path_factory.mktemp("stats") / "content"))
    assert content.problems == []
    return SiteContext(content=content, enriched=FakeEnriched([]), today=TODAY)


@pytest.fixture(scope="module")
def output(site: SiteContext) -> dict[str, str]:
    return {f.path: f.content for f in stats.render_stats(site)}


DUTCH_ONLY = SiteConfig(languages=("nl",))  # rendering all six languages takes seconds


# --- the content files ------------------------------------------------------------------------------------


def test_shipped_aanpak_content_is_valid():
    content = load_content(REPO / "content", models=None)
    problems = [p for p in content.problems + check_aanpak(content) if "aanpak" in p.file]
    assert problems == []
    assert [y.jaar for y in years(content)] == [2023, 2024]
    assert context(content) is not None


def test_year_files_hold_the_report_figures():
    y2023, y2024 = (AanpakJaar.model_validate(yaml.safe_load((REPO / f"content/aanpak/{y}.yml").read_text())) for y in (2023, 2024))
    assert (y2023.veerkracht.trainingen.totaal, y2024.veerkracht.trainingen.totaal, y2024.veerkracht.trainingen.kpi) == (138, 119, 120)
    assert (y2023.sociale_cohesie.matches.totaal, y2024.sociale_cohesie.matches.totaal) == (1119, 948)
    assert y2024.sociale_cohesie.ontwikkelplaatsen.waarde == 490 and y2024.sociale_cohesie.ontwikkelplaatsen.kpi == 450
    # Unknown stays absent: the report gives no 2023 figure for these.
    assert y2023.sociale_cohesie.ontwikkelplaatsen is None and y2023.veerkracht.talentenscans is None


def plain(markdown: str) -> str:
    """The text a reader sees of escaped Markdown (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _broken_copy(content_dir: Path, old: str, new: str) -> tuple[list[str], int]:
    path = content_dir / "aanpak" / "2024.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    content = load_content(content_dir)
    return [format_text(p) for p in content.problems], content


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line)


def test_training_parts_that_do_not_add_up_are_reported_on_the_total_line(content_dir: Path):
    problems, _ = _broken_copy(content_dir, "overig: 9", "overig: 10")
    line = _line_of(content_dir / "aanpak" / "2024.yml", "totaal: 119")
    assert problems == [
        f"content/aanpak/2024.yml:{line}:13: fout: de delen van `trainingen` tellen op tot 120, maar het totaal is 119 "
        "(controleer de getallen: kom_tot_bloei 34 + de_wijk_werkt 76 + overig 10 = 120)"
    ]


def test_match_types_that_do_not_add_up_are_reported_on_the_total_line(content_dir: Path):
    problems, content = _broken_copy(content_dir, "inwoner_inwoner: 392", "inwoner_inwoner: 393")
    line = _line_of(content_dir / "aanpak" / "2024.yml", "totaal: 948")
    assert len(problems) == 1 and problems[0].startswith(f"content/aanpak/2024.yml:{line}:")
    assert "tellen op tot 949, maar het totaal is 948" in problems[0]
    assert content.problems[0].message("en").startswith("the parts of `matches` add up to 949")


def test_a_dutch_thousands_dot_is_not_a_count(content_dir: Path):
    problems, _ = _broken_copy(content_dir, "waarde: 2397", "waarde: 2.397")
    assert len(problems) == 1 and "`2.397` is geen aantal" in problems[0]


def test_a_file_named_after_another_year_is_reported(content_dir: Path):
    (content_dir / "aanpak" / "2024.yml").rename(content_dir / "aanpak" / "2025.yml")
    content = load_content(content_dir)
    assert [p.code for p in check_aanpak(content)] == ["aanpak_bestandsnaam"]


def test_a_new_year_file_needs_no_code_change(content_dir: Path):
    (content_dir / "aanpak" / "2025.yml").write_text(
        "jaar: 2025\nbron: WIJeindhoven\nsociale_cohesie:\n  matches:\n    totaal: 1010\n    kpi: 1000\n", encoding="utf-8"
    )
    content = load_content(content_dir)
    assert content.problems == []
    page = {f.path: f.content for f in stats.render_stats(SiteContext(content, FakeEnriched([]), DUTCH_ONLY, today=TODAY))}["stats/index.md"]
    assert "| 2025 | — | — | — | 1.010 | 1.000 |" in page
    assert "In 2025 maakten verbinders 1.010 matches (KPI: 1.000); in 2024 waren dat er 948." in plain(page)


# --- the page shows the YAML figures ---------------------------------------------------------------------------


def test_page_exists_in_every_language_with_its_charts(output: dict[str, str]):
    for lang in LANGUAGES:
        assert page_file("stats/index", lang) in output
        for name in ("trainingen", "matches", "netwerken", "ontwikkelplaatsen", "gebieden", "themas", "weekdagen", "toegankelijkheid", "witte-vlekken"):
            assert f"assets/stats/{name}.{lang}.svg" in output
            assert f"](../assets/stats/{name}.svg)" in output[page_file("stats/index", lang)]


def test_page_shows_the_yaml_figures(output: dict[str, str]):
    page = output["stats/index.md"]
    assert "| 2023 | 40 \\(waarvan 13 met PW\\-uitkering\\) | 45 \\(waarvan 20 met PW\\-uitkering\\) | 53 | 138 | 120 |" in page
    assert "| 2024 | 34 \\(waarvan 12 met PW\\-uitkering\\) | 76 \\(waarvan 40 met PW\\-uitkering\\) | 9 | 119 | 120 |" in page
    assert "| 2023 | 413 | 653 | 53 | 1.119 | 1.000 |" in page
    assert "| 2024 | 392 | 458 | 98 | 948 | 1.000 |" in page
    assert "| 2023 | 11 | 366 | 44 | — |" in page and "| 2024 | 19 | 475 | 63 | — |" in page
    assert "| 2023 | — | — |" in page and "| 2024 | 490 | 450 |" in page  # ontwikkelplaatsen: 2023 unknown
    assert "| Gefaciliteerde activiteiten | — | 145 | — |" in page
    assert "| Talentenscans \\(cumulatief\\) | — | 2.397 | — |" in page
    assert "| Inwoners van Eindhoven | 246.412 | januari 2024 |" in page
    assert "| Verbinders bij WIJeindhoven | 38 |" in page
    assert "| inwoners met een beperkt sociaal netwerk | Oud\\-Woensel | 16% | Oud\\-Tongelre | 7% |" in page
    assert "In 2024 namen 119 inwoners deel aan een training (KPI: 120); in 2023 waren dat er 138." in plain(page)
    assert "DSP\\-groep" not in page  # sources are HTML, escaped once
    assert "Bron: DSP-groep, onderzoek naar de effecten van Buurt in Bloei, in opdracht van WIJeindhoven (registratiesysteem Wijs van WIJeindhoven)" in page
    assert "BuurtKijker 2023 (via DSP-groep)" in page
    english = output["stats/index.en.md"]
    assert "| 2024 | 392 | 458 | 98 | 948 | 1,000 |" in english
    assert "In 2024, 119 residents took part in a training (KPI: 120); in 2023 there were 138." in plain(english)


def test_framework_goals_are_on_the_page_with_dutch_fallback_marked(output: dict[str, str]):
    assert "Vergroten van de veerkracht van de inwoner \\(zelfredzaamheid\\)" in output["stats/index.md"]
    assert "Increasing social cohesion \\(managing together\\)" in output["stats/index.en.md"]
    assert '<span lang="nl" dir="ltr">Verhogen van de sociale cohesie \\(samenredzaamheid\\)</span>' in output["stats/index.tr.md"]


def test_every_figure_has_a_summary_a_table_and_a_source(output: dict[str, str]):
    for lang in LANGUAGES:
        page = output[page_file("stats/index", lang)]
        figures = page.split("\n### ")[1:]
        assert len(figures) >= 14
        for figure in figures:
            assert '<p class="sk-summary" markdown="1">' in figure
            assert re.search(r"^\|.*\|\n\|(-{3}:?\|)+", figure, re.MULTILINE), figure[:80]
            assert f'<p class="sk-source"><small>{t(lang, "stats_source")}: ' in figure


def test_every_chart_has_a_title_axis_labels_and_text_as_text(output: dict[str, str]):
    for path, svg in output.items():
        if not path.endswith(".svg"):
            continue
        lang = path.split(".")[-2]
        root = ET.fromstring(svg)
        assert root.get("role") == "img" and root.get("lang") == lang
        title = root.find(f"{SVG}title").text
        assert title and root.find(f"{SVG}desc").text
        texts = [el.text for el in root.iter(f"{SVG}text")]
        assert title in texts  # the title is drawn, as text (svg.fonttype none)
        assert "DejaVuSans-" not in svg  # no glyph outlines: text stays text
        assert "@font-face" not in svg and "url(http" not in svg
        assert any(text.startswith(t(lang, "stats_source")) for text in texts)
        if "witte-vlekken" in path:
            assert t(lang, "stats_legend_minutes") in texts
            continue
        axis_labels = [t(lang, key) for key in ("stats_axis_year", "stats_axis_count", "stats_axis_day", "stats_axis_share")]
        assert any(label in texts for label in axis_labels), path
        assert len(svg) < 60_000, path


def test_charts_are_the_same_bytes_on_every_build(site: SiteContext, output: dict[str, str]):
    again = {f.path: f.content for f in stats.render_stats(SiteContext(site.content, site.enriched, DUTCH_ONLY, today=TODAY))}
    assert again == {path: text for path, text in output.items() if path in again}


def test_content_strings_are_escaped(output: dict[str, str]):
    page = output["stats/index.md"]
    assert "<Zuid>" not in page and "| Zuid | Wijk &lt;Zuid&gt; \\| \\*2\\* | 2 | 1 |" in page


# --- live figures ----------------------------------------------------------------------------------------------------


def test_live_counts(site: SiteContext):
    live = stats.live_figures(site)
    assert (live.places, live.activities) == (3, 3)  # the stopped place is not counted
    assert live.per_area == {("Noord", "Wijk Noord"): [1, 2], ("Zuid", ZUID): [2, 1]}
    assert live.per_day == {0: 2, 3: 1, 4: 1}  # Monday twice (koffie, taalcafé), Thursday, Friday
    assert live.languages == {"nl": 3, "en": 1, "ar": 1, "uk": 1}
    assert live.access["rolstoel"] == {"ja": 1, "deels": 1, "onbekend": 1}
    assert live.fresh == 2  # the taalcafé was checked more than 12 months before TODAY
    assert live.places_per_theme["eten"] == 1 and live.activities_per_theme["eten"] == 2


def test_witte_vlekken_recomputed_by_hand(site: SiteContext, output: dict[str, str]):
    rows = {r.slug: r for r in stats.reach_per_buurt(site)}
    assert {slug: r.minutes for slug, r in rows.items()} == {"aabuurt": 3.0, "beebuurt": 9.5, "ceebuurt": 14.0, "deebuurt": None}
    assert site.enriched.calls and set(site.enriched.calls) == {"rustig"}
    shares = stats.reach_shares(list(rows.values()))
    # Within 10 minutes: Aabuurt (3) and Beebuurt (9.5) → 2 of 4 buurten; 3,000 of 3,500 inhabitants
    # (Deebuurt has no published population and is left out of the inhabitants).
    assert (shares.buurten_near, shares.buurten, shares.inwoners_near, shares.inwoners) == (2, 4, 3000, 3500)
    assert "50% van de buurten (2 van 4) en 86% van de inwoners heeft binnen 10 minuten" in plain(output["stats/index.md"])
    assert [stats.minute_class(rows[s].minutes) for s in ("aabuurt", "beebuurt", "ceebuurt", "deebuurt")] == [0, 1, 2, 4]
    assert "| Deebuurt | Wijk &lt;Zuid&gt; \\| \\*2\\* | Zuid | — | geen binnen bereik | meer dan 20 min of geen |" in output["stats/index.md"]


def test_witte_vlekken_map_colours_every_buurt_by_class(output: dict[str, str]):
    svg = output["assets/stats/witte-vlekken.nl.svg"]
    for colour in stats.CLASS_COLOURS[:3] + stats.CLASS_COLOURS[4:]:
        assert f"fill: {colour}" in svg
    assert f"fill: {stats.CLASS_COLOURS[3]}" in svg  # legend patch for the empty 15–20 class


def test_without_buurt_polygons_the_page_still_builds(content_dir: Path):
    (content_dir / "geo" / "buurten.geojson").unlink()
    site = SiteContext(load_content(content_dir), FakeEnriched([]), DUTCH_ONLY, today=TODAY)
    page = {f.path: f.content for f in stats.render_stats(site)}["stats/index.md"]
    assert "Witte vlekken" not in page and "Plekken en activiteiten per stadsdeel" in page


def test_every_language_has_every_stats_string():
    reference = yaml.safe_load((REPO / "generator/i18n/nl/stats.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        strings = yaml.safe_load((REPO / f"generator/i18n/{lang}/stats.yml").read_text(encoding="utf-8"))
        assert set(strings) == set(reference), lang
        for key, text in reference.items():
            assert set(re.findall(r"{(\w+)}", strings[key])) == set(re.findall(r"{(\w+)}", text)), (lang, key)


def test_every_yearly_total_and_kpi_of_the_yaml_is_in_its_row(site: SiteContext, output: dict[str, str]):
    page = output["stats/index.md"]
    for jaar in years(site.content):
        blocks = [(jaar.veerkracht.trainingen, "totaal"), (jaar.sociale_cohesie.matches, "totaal"), (jaar.sociale_cohesie.inwonersnetwerken, "actief")]
        for block, total in blocks:
            value, kpi = stats.number("nl", getattr(block, total)), stats.number("nl", block.kpi)
            assert any(line.startswith(f"| {jaar.jaar} |") and f"| {value} | {kpi} |" in line for line in page.splitlines()), (jaar.jaar, total)
