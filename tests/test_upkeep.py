"""The weekly upkeep: stale places, dead links (against a local server only) and the issue text."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import requests

from generator.content import load_content
from generator.upkeep import (
    DeadLink,
    HostPacer,
    PlaceLink,
    StalePlace,
    check_links,
    edit_link,
    issue_body,
    issue_title,
    place_links,
    reports_per_wijk,
    stale_places,
    wijk_mapping,
)

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "tests" / "fixtures" / "upkeep" / "content"
TODAY = date(2027, 1, 20)




@pytest.fixture(scope="module")
def content():
    loaded = load_content(CONTENT)
    assert loaded.problems == []
    return loaded


# --- stale places ----------------------------------------------------------------------------------


def test_stale_places_with_a_fixed_date(content):
    stale = stale_places(content, TODAY)
    assert [(s.slug, s.laatst_gecontroleerd.isoformat()) for s in stale] == [
        ("speeltuin-genderbeemd", "2025-06-01"),
        ("taalcafe-de-boog", "2025-12-01"),
        ("buurtkamer-de-schakel", "2026-01-19"),  # 366 days: stale
    ]  # moestuin (365 days exactly) is not stale yet; the stopped repair café is never listed


def test_one_day_earlier_the_boundary_place_is_fresh(content):
    assert "buurtkamer-de-schakel" not in [s.slug for s in stale_places(content, date(2027, 1, 19))]


def test_links_of_places_that_did_not_stop(content):
    assert place_links(content) == {
        "https://schakel.voorbeeld.nl/": ["buurtkamer-de-schakel", "moestuin-de-groene-vingers"],
        "https://taalcafe.voorbeeld.nl/": ["taalcafe-de-boog"],
    }


# --- wijken ----------------------------------------------------------------------------------------


def test_wijk_from_geo_data_with_fallback(content):
    wijk_of = wijk_mapping(content)
    assert wijk_of("woensel-west") == "Erp"
    assert wijk_of("binnenstad") == "Centrum"
    assert wijk_of("genderbeemd") == "onbekende wijk"  # code not in the geo file
    assert wijk_of("bestaat-niet") == "onbekende wijk"


def test_without_geo_file_everything_is_unknown(content, tmp_path):
    wijk_of = wijk_mapping(content, geojson=tmp_path / "geen.geojson")
    assert wijk_of("woensel-west") == "onbekende wijk"


def test_reports_group_per_wijk(content):
    dead = [DeadLink("https://schakel.voorbeeld.nl/", "pagina bestaat niet meer (404)")]
    reports = reports_per_wijk(content, TODAY, dead, wijk_mapping(content))
    assert list(reports) == ["Centrum", "Erp", "Oud-Woensel", "onbekende wijk"]
    assert [s.slug for s in reports["Erp"].stale] == ["buurtkamer-de-schakel"]
    assert [d.slug for d in reports["Erp"].dead] == ["buurtkamer-de-schakel", "moestuin-de-groene-vingers"]
    assert reports["Oud-Woensel"].stale == [] and reports["Oud-Woensel"].dead == []  # all well: issue gets closed


# --- the issue text --------------------------------------------------------------------------------


def test_issue_text():
    stale = [StalePlace("buurtkamer-de-schakel", "Buurtkamer De Schakel", "woensel-west", "Woensel-West", date(2026, 1, 19))]
    dead = [
        PlaceLink(
            DeadLink("https://schakel.voorbeeld.nl/", "pagina bestaat niet meer (404)"),
            "moestuin-de-groene-vingers", "Moestuin De Groene Vingers", "Woensel-West",
        )
    ]
    assert issue_body("Erp", stale, dead, "owner/repo") == (
        "Dit overzicht van wijk **Erp** wordt elke week automatisch bijgewerkt. Is alles nagekeken en "
        "aangepast, dan verdwijnt het punt vanzelf uit de lijst; als de lijst leeg is, wordt dit issue gesloten.\n"
        "\n"
        "### Niet gecontroleerd in de laatste 12 maanden (1)\n"
        "\n"
        "- **Buurtkamer De Schakel** (Woensel-West): laatst gecontroleerd op 2026-01-19 · "
        "[aanpassen](https://github.com/owner/repo/edit/main/content/ontwikkelplaatsen/buurtkamer-de-schakel.yml)\n"
        "\n"
        "Wat te doen: kijk of de gegevens nog kloppen (bel of loop even langs), pas aan wat niet klopt en zet "
        "de datum van vandaag bij `laatst_gecontroleerd`. Is de plek gestopt? Zet dan `status: gestopt`.\n"
        "\n"
        "### Links die niet meer werken (1)\n"
        "\n"
        "- **Moestuin De Groene Vingers** (Woensel-West): <https://schakel.voorbeeld.nl/> — pagina bestaat niet "
        "meer (404) · [aanpassen](https://github.com/owner/repo/edit/main/content/ontwikkelplaatsen/moestuin-de-groene-vingers.yml)\n"
        "\n"
        "Wat te doen: zoek het nieuwe webadres van de organisatie en zet het bij `website:` onder `contact:`. "
        "Is er geen website meer, haal de regel `website:` dan weg. Werkt de link bij jou wel? Dan was de "
        "website even niet bereikbaar; dat mag je negeren.\n"
        "\n"
        "Meer uitleg: [CONTRIBUTING.md](https://github.com/owner/repo/blob/main/CONTRIBUTING.md)\n"
    )


def test_issue_text_when_all_is_well():
    body = issue_body("Oud-Woensel", [], [], "https://github.com/owner/repo")
    assert body.endswith("Alles in orde: er is niets na te kijken in deze wijk.\n")


def test_names_cannot_break_the_markdown():
    stale = [StalePlace("x", "Club *Ster* [1]", "b", "B", date(2025, 1, 1))]
    assert "**Club \\*Ster\\* \\[1\\]**" in issue_body("W", stale, [], "o/r")


def test_title_and_edit_link_are_stable():
    assert issue_title("Erp") == "Onderhoud wijk Erp: gegevens nakijken"
    assert issue_title("onbekende wijk") == "Onderhoud plekken zonder bekende wijk: gegevens nakijken"
    assert edit_link("https://github.com/owner/repo/", "a-b") == "https://github.com/owner/repo/edit/main/content/ontwikkelplaatsen/a-b.yml"


# --- dead links, against a local server ------------------------------------------------------------


class NoPause(HostPacer):
    def __init__(self):
        super().__init__(0.0)


def test_check_links_on_a_local_server(httpserver):
    httpserver.expect_request("/ok", method="HEAD").respond_with_data("", status=200)
    httpserver.expect_request("/weg", method="HEAD").respond_with_data("", status=404)
    httpserver.expect_request("/weg", method="GET").respond_with_data("weg", status=404)
    httpserver.expect_request("/geen-head", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_request("/geen-head", method="GET").respond_with_data("hallo", status=200)
    httpserver.expect_request("/robots-niet", method="HEAD").respond_with_data("", status=403)
    httpserver.expect_request("/robots-niet", method="GET").respond_with_data("", status=403)
    httpserver.expect_request("/kapot", method="HEAD").respond_with_data("", status=500)
    httpserver.expect_request("/kapot", method="GET").respond_with_data("", status=500)
    for method in ("HEAD", "GET"):
        httpserver.expect_request("/verhuisd", method=method).respond_with_data("", status=301, headers={"Location": httpserver.url_for("/weg")})
    urls = [httpserver.url_for(p) for p in ("/ok", "/weg", "/geen-head", "/robots-niet", "/kapot", "/verhuisd", "/ok")]
    with requests.Session() as session:
        dead = check_links(urls, session, timeout=5, pacer=NoPause())
    assert dead == [
        DeadLink(httpserver.url_for("/weg"), "pagina bestaat niet meer (404)"),
        DeadLink(httpserver.url_for("/kapot"), "serverfout (500)"),
        DeadLink(httpserver.url_for("/verhuisd"), "pagina bestaat niet meer (404)"),
    ]
    agents = {request.headers.get("User-Agent") for request, _ in httpserver.log}
    assert len(agents) == 1 and agents.pop().startswith("sociale-kaart-eindhoven-linkcontrole/")
    assert sum(1 for request, _ in httpserver.log if request.path == "/ok") == 1  # the same url is asked once


def test_a_slow_server_times_out(httpserver):
    def slow(request):
        time.sleep(0.5)
        from werkzeug import Response

        return Response("", status=200)

    httpserver.expect_request("/traag").respond_with_handler(slow)
    with requests.Session() as session:
        dead = check_links([httpserver.url_for("/traag")], session, timeout=0.1, pacer=NoPause())
    assert dead == [DeadLink(httpserver.url_for("/traag"), "geen antwoord binnen 0.1 seconden")]


def test_a_closed_port_is_unreachable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    with requests.Session() as session:
        assert check_links([url], session, timeout=1, pacer=NoPause()) == [DeadLink(url, "website niet bereikbaar (verbinding mislukt)")]


def test_at_most_one_request_per_host_per_second():
    now = [100.0]
    pauses = []

    def sleep(seconds):
        pauses.append(round(seconds, 3))
        now[0] += seconds

    pacer = HostPacer(1.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("https://a.nl/1")
    pacer.wait("https://b.nl/1")  # another host: no pause
    now[0] += 0.25
    pacer.wait("https://a.nl/2")  # 0.25 s after a.nl: wait the remaining 0.75 s
    now[0] += 3
    pacer.wait("https://A.nl/3")  # long enough ago: no pause (host names are case-insensitive)
    assert pauses == [0.75]


def test_head_then_get_goes_through_the_pacer_twice(httpserver):
    httpserver.expect_request("/geen-head", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_request("/geen-head", method="GET").respond_with_data("hallo", status=200)
    waited = []

    class Spy(HostPacer):
        def wait(self, url):
            waited.append(url)

    with requests.Session() as session:
        assert check_links([httpserver.url_for("/geen-head")], session, timeout=5, pacer=Spy(1.0)) == []
    assert len(waited) == 2


# --- command line ----------------------------------------------------------------------------------


def test_cli_writes_one_file_per_wijk(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "generator", "upkeep", "--content", str(CONTENT), "--today", "2027-01-20",
         "--output", str(tmp_path), "--no-links", "--repo", "owner/repo"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Centrum: 1 niet gecontroleerd, 0 dode links",
        "Erp: 1 niet gecontroleerd, 0 dode links",
        "Oud-Woensel: 0 niet gecontroleerd, 0 dode links",
        "onbekende wijk: 1 niet gecontroleerd, 0 dode links",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "centrum.json", "centrum.md", "erp.json", "erp.md", "onbekende-wijk.json", "onbekende-wijk.md", "oud-woensel.json", "oud-woensel.md",
    ]
    erp = json.loads((tmp_path / "erp.json").read_text(encoding="utf-8"))
    assert erp["title"] == "Onderhoud wijk Erp: gegevens nakijken"
    assert erp["label"] == "onderhoud"
    assert (erp["stale"], erp["dead"]) == (1, 0)
    assert erp["body"] == (tmp_path / "erp.md").read_text(encoding="utf-8")
    assert "/edit/main/content/ontwikkelplaatsen/buurtkamer-de-schakel.yml" in erp["body"]
