"""`python -m generator geocode` end to end: content files in, the committed cache out, then `validate`.

PDOK is a local server replaying a recorded answer (tests/fixtures/pdok); nothing reaches the internet.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

API = "/bzk/locatieserver/search/v3_1"
FIXTURES = Path(__file__).parent / "fixtures" / "pdok"
PLACE = """naam: Spreekuur Stadhuis
buurt: binnenstad
themas: [hulp]
adres: {straat: Stadhuisplein, huisnummer: 10, postcode: 5611 EM}
laatst_gecontroleerd: 2026-10-01
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "buurten").mkdir(parents=True)
    (root / "ontwikkelplaatsen").mkdir()
    (root / "buurten" / "binnenstad.yml").write_text("naam: Binnenstad\ncode: BU07721110\n", encoding="utf-8")
    (root / "ontwikkelplaatsen" / "spreekuur-stadhuis.yml").write_text(PLACE, encoding="utf-8")
    return root


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_geocode_fills_the_cache_and_validate_then_places_the_address(content: Path, httpserver, capsys, monkeypatch) -> None:
    monkeypatch.chdir(content.parent)
    httpserver.expect_request(f"{API}/free").respond_with_json(json.loads((FIXTURES / "free-eindhoven-found.json").read_text()))
    before, _ = run(["validate", "content", "--today", "2026-11-27"], capsys)
    code, out = run(["geocode", "content/ontwikkelplaatsen", "--pdok-url", httpserver.url_for(API), "--no-nominatim"], capsys)
    assert code == 0, out
    cache = json.loads((content / "geo" / "geocode-cache.json").read_text(encoding="utf-8"))
    assert cache["5611EM-10"]["bron"] == "pdok" and cache["5611EM-10"]["lat"] == pytest.approx(51.43907412)
    after, report = run(["validate", "content", "--today", "2026-11-27"], capsys)
    assert before == 0 and after == 0
    assert "niet opgezocht" not in report and "0 fouten, 0 waarschuwingen" in report


def test_geocode_with_pdok_down_leaves_the_cache_alone_and_fails(content: Path, httpserver, capsys, monkeypatch) -> None:
    monkeypatch.chdir(content.parent)
    (content / "geo").mkdir()
    cache = content / "geo" / "geocode-cache.json"
    cache.write_text("{}\n", encoding="utf-8")
    httpserver.expect_request(f"{API}/free").respond_with_data("kapot", status=500)
    code, out = run(["geocode", "content/ontwikkelplaatsen", "--pdok-url", httpserver.url_for(API), "--no-nominatim"], capsys)
    assert code == 2
    assert "niet bereikbaar" in out and "De cache is niet veranderd." in out
    assert cache.read_text(encoding="utf-8") == "{}\n"


def test_corrupt_geo_data_stops_with_one_clear_line(content: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(content.parent)
    (content / "geo").mkdir()
    (content / "geo" / "buurten.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    code = main(["validate", "content", "--today", "2026-11-27"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and "Geodata ontbreekt of is beschadigd" in err[0] and "buurten.geojson" in err[0]
