"""Geocoding against PDOK/Nominatim look-alikes on 127.0.0.1: the tests never call the internet.

The real PDOK answers and the derived Eindhoven variants are in tests/fixtures/pdok/ (see README).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import socket
import threading
import time
from pathlib import Path

import pytest
from werkzeug import Response

from generator.geocode import (
    EXIT_CACHE_ERROR,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_UNREACHABLE,
    FAILED_BOTH,
    FAILED_PDOK_ONLY,
    AddressQuery,
    GeocodeCache,
    GeocodeHit,
    NominatimClient,
    PdokAddress,
    PdokClient,
    cache_key,
    geocode_addresses,
    house_number_parts,
    main_geocode,
    point_from_wkt,
    retry_after_seconds,
)

FIXTURES = Path(__file__).parent / "fixtures" / "pdok"
API = "/bzk/locatieserver/search/v3_1"
FREE = f"{API}/free"
SUGGEST = f"{API}/suggest"
TODAY = dt.date(2026, 10, 1)

STADHUIS = AddressQuery("Stadhuisplein", "10", "5611 EM")
BOSCHDIJK = AddressQuery("Boschdijk", "9999", "5612 AB")
KRUIS = AddressQuery("Kruisstraat", "12", "5612 CJ")

# Shape of Nominatim /search?format=json&addressdetails=1 (what geopy asks for); values derived.
NOMINATIM_STADHUISPLEIN = [
    {
        "place_id": 132046817,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "node",
        "osm_id": 2934218806,
        "lat": "51.4390211",
        "lon": "5.4786513",
        "class": "place",
        "type": "house",
        "place_rank": 30,
        "importance": 0.00000999999999995449,
        "addresstype": "place",
        "name": "",
        "display_name": "10, Stadhuisplein, Binnenstad, Centrum, Eindhoven, Noord-Brabant, Nederland, 5611 EM, Nederland",
        "address": {
            "house_number": "10",
            "road": "Stadhuisplein",
            "neighbourhood": "Binnenstad",
            "suburb": "Centrum",
            "city": "Eindhoven",
            "state": "Noord-Brabant",
            "ISO3166-2-lvl4": "NL-NB",
            "postcode": "5611 EM",
            "country": "Nederland",
            "country_code": "nl",
        },
        "boundingbox": ["51.4389711", "51.4390711", "5.4786013", "5.4787013"],
    }
]


def fixture(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def closed_port_url() -> str:
    """A local address where nothing listens: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"127.0.0.1:{port}"


def test_the_safety_net_blocks_other_hosts():
    with socket.socket() as sock, pytest.raises(AssertionError, match="tried to reach"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1, never routed


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def pdok(httpserver, sleeps):
    return PdokClient(httpserver.url_for(API), timeout=(1, 1), max_retries=2, backoff_seconds=0.01, sleep=sleeps.append)


def local_nominatim(domain: str) -> NominatimClient:
    return NominatimClient(
        domain=domain, scheme="http", timeout=1, min_delay_seconds=0, error_wait_seconds=0, max_retries=0
    )


@pytest.fixture
def nominatim(httpserver):
    return local_nominatim(f"127.0.0.1:{httpserver.port}")


def geocode(queries, pdok, nominatim=None, cache=None, mode="only-missing"):
    cache = cache if cache is not None else GeocodeCache(Path("unused.json"))
    return geocode_addresses(queries, cache, mode, pdok, nominatim, today=lambda: TODAY)


def free_query(text: str) -> dict[str, str]:
    return {"q": text, "fq": "type:adres", "rows": "5"}


def paths(httpserver) -> list[str]:
    return [request.path for request, _ in httpserver.log]


def stadhuis_hit(**changes) -> GeocodeHit:
    values = dict(
        lat=51.43907412,
        lon=5.47862389,
        bron="pdok",
        gevonden_adres="Stadhuisplein 10, 5611EM Eindhoven",
        score=14.215862,
        datum="2026-10-01",
    )
    return GeocodeHit(**{**values, **changes})


# ── addresses ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("huisnummer", "postcode", "key"),
    [
        ("12a", "5612 AB", "5612AB-12a"),
        ("12 A", "5612ab", "5612AB-12a"),
        ("12-2", " 5612 ab ", "5612AB-12-2"),
        (12, "5612AB", "5612AB-12"),
    ],
)
def test_cache_key_normalises_postcode_and_house_number(huisnummer, postcode, key):
    assert cache_key(AddressQuery("Boschdijk", huisnummer, postcode)) == key


def test_house_number_additions_compare_by_letters_and_digits():
    assert house_number_parts("18A-1") == house_number_parts("18 a 1") == (18, "a1")
    assert house_number_parts("12-2") != house_number_parts("122")
    assert house_number_parts("12") != house_number_parts("12a")


def test_address_is_displayed_as_written_and_searched_compactly():
    q = AddressQuery("Boschdijk", "12 A", "5612ab")
    assert q.display() == "Boschdijk 12 A, 5612 AB Eindhoven"
    assert q.search_text() == "Boschdijk 12a, 5612AB Eindhoven"


def test_point_from_wkt_reads_lon_lat_order():
    wkt = fixture("free.json")["response"]["docs"][0]["centroide_ll"]
    assert point_from_wkt(wkt) == (52.08884161, 5.13287587)


def test_doc_without_huis_nlt_builds_house_from_letter_and_addition():
    doc = {**fixture("lookup.json")["response"]["docs"][0], "huisletter": "A", "huisnummertoevoeging": "2"}
    del doc["huis_nlt"]
    address = PdokAddress.from_doc(doc)
    assert address.huis == "93A-2"
    assert address.score is None  # lookup docs carry no score
    assert address.matches(AddressQuery("Europalaan", "93 a-2", "3526 KP", "Utrecht"))


# ── PDOK: found, not found, ambiguous ─────────────────────────────────────────────────────


def test_found_sends_only_the_address_with_a_descriptive_user_agent(httpserver, pdok):
    query = {"q": "Stadhuisplein 10, 5611EM Eindhoven", "fq": "type:adres", "rows": "5"}
    httpserver.expect_request(FREE, query_string=query).respond_with_json(fixture("free-eindhoven-found.json"))

    report = geocode([STADHUIS], pdok)

    (outcome,) = report.outcomes
    assert outcome.status == "gevonden"
    assert outcome.hit == stadhuis_hit()
    assert outcome.message == (
        'adres gevonden bij PDOK: "Stadhuisplein 10, 5611 EM Eindhoven" → 51.439074, 5.478624 '
        "(Stadhuisplein 10, 5611EM Eindhoven)"
    )
    assert report.exit_code == EXIT_OK
    (request, _) = httpserver.log[0]
    assert dict(request.args) == query
    assert request.headers["User-Agent"].startswith("sociale-kaart-eindhoven/0.1 (+https://")


def test_real_free_response_is_parsed(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free.json"))

    report = geocode([AddressQuery("Bolstraat", "1", "3581 WS", "Utrecht")], pdok)

    assert report.outcomes[0].status == "gevonden"
    assert (report.outcomes[0].hit.lat, report.outcomes[0].hit.lon) == (52.08884161, 5.13287587)


def test_nearby_addresses_only_is_not_found_and_suggestions_are_offered(httpserver, pdok, nominatim):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-nearby.json"))
    suggest_query = {"q": "Boschdijk 9999, 5612AB Eindhoven", "fq": "type:adres", "rows": "3"}
    httpserver.expect_request(SUGGEST, query_string=suggest_query).respond_with_json(
        fixture("suggest-eindhoven.json")
    )

    report = geocode([BOSCHDIJK], pdok, nominatim)

    (outcome,) = report.outcomes
    assert outcome.status == "niet-gevonden"
    assert outcome.hit is None
    assert outcome.message == (
        'adres niet gevonden bij PDOK: "Boschdijk 9999, 5612 AB Eindhoven" — bedoelde je: '
        "Boschdijk 99, 5612AB Eindhoven of Boschdijk 999, 5623AA Eindhoven of Boschdijk 9, 5612AA Eindhoven?"
    )
    assert paths(httpserver) == [FREE, SUGGEST]  # "not found" is an answer: Nominatim is not asked
    assert report.exit_code == EXIT_NOT_FOUND


def test_zero_hits_gives_suggestions_from_real_suggest_response(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-empty.json"))
    httpserver.expect_request(SUGGEST).respond_with_json(fixture("suggest.json"))

    (outcome,) = geocode([AddressQuery("Westeringlaan", "18", "5993 CG", "Maasbree")], pdok).outcomes

    assert outcome.suggestions == (
        "Westeringlaan 18A-1, 5993CG Maasbree",
        "Westeringlaan 18A-2, 5993CG Maasbree",
        "Westeringlaan 18A-3, 5993CG Maasbree",
    )


def test_not_found_without_suggestions_asks_to_check_the_address(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-empty.json"))
    httpserver.expect_request(SUGGEST).respond_with_json(fixture("suggest-eindhoven-empty.json"))

    (outcome,) = geocode([BOSCHDIJK], pdok).outcomes

    assert outcome.message == (
        'adres niet gevonden bij PDOK: "Boschdijk 9999, 5612 AB Eindhoven" — '
        "controleer straat, huisnummer en postcode."
    )


def test_suggest_failing_still_reports_not_found(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-empty.json"))
    httpserver.expect_request(SUGGEST).respond_with_data("kapot", status=503)

    report = geocode([BOSCHDIJK], pdok)

    assert report.outcomes[0].status == "niet-gevonden"
    assert not report.failed


def test_equal_top_score_for_another_address_is_a_warning_but_usable(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-ambiguous.json"))

    (outcome,) = geocode([KRUIS], pdok).outcomes

    assert outcome.status == "twijfel"
    assert outcome.hit.gevonden_adres == "Kruisstraat 12, 5612CJ Eindhoven"
    assert outcome.message == (
        'adres gevonden bij PDOK, maar controleer het: "Kruisstraat 12, 5612 CJ Eindhoven" → 51.450129, 5.476031 '
        "(Kruisstraat 12, 5612CJ Eindhoven) — PDOK vond ook Kruisstraat 12A, 5612CJ Eindhoven met een even hoge score"
    )


def test_house_number_addition_picks_the_matching_doc(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-ambiguous.json"))

    (outcome,) = geocode([AddressQuery("Kruisstraat", "12 a", "5612CJ")], pdok).outcomes

    assert outcome.hit.gevonden_adres == "Kruisstraat 12A, 5612CJ Eindhoven"
    assert outcome.warning == "PDOK vond ook Kruisstraat 12, 5612CJ Eindhoven met een even hoge score"


def test_low_score_and_other_street_name_are_warnings(httpserver, pdok):
    answer = fixture("free-eindhoven-found.json")
    answer["response"]["docs"][0]["score"] = 2.0
    answer["response"]["docs"][1]["score"] = 2.5
    del answer["response"]["docs"][2]
    httpserver.expect_request(FREE).respond_with_json(answer)

    (outcome,) = geocode([AddressQuery("Stadhuispleintje", "10", "5611EM")], pdok).outcomes

    assert outcome.status == "twijfel"
    assert outcome.warning == (
        "PDOK vond ook Stadhuisplein 1, 5611EM Eindhoven met een hogere score; "
        'lage score bij PDOK (2.0); de straat heet bij PDOK "Stadhuisplein"'
    )


# ── PDOK failing: timeout, 429, 5xx, bad JSON, 400 ───────────────────────────────────────


def test_timeout_is_retried_then_reported(httpserver, sleeps):
    release = threading.Event()

    def slow(request):
        release.wait(2)
        return Response("{}", content_type="application/json")

    httpserver.expect_request(FREE).respond_with_handler(slow)
    pdok = PdokClient(httpserver.url_for(API), timeout=(1, 0.2), max_retries=1, backoff_seconds=0.01, sleep=sleeps.append)
    try:
        report = geocode([STADHUIS], pdok)
    finally:
        release.set()
        deadline = time.monotonic() + 3
        while len(httpserver.log) < 2 and time.monotonic() < deadline:  # let the server finish
            time.sleep(0.01)

    assert sleeps == [0.01]
    assert report.failed
    assert report.outcomes[0].warning == "PDOK antwoordde niet binnen 0.2 s (na 2 pogingen)"
    assert report.failure_message == FAILED_PDOK_ONLY


def test_429_waits_for_retry_after_then_succeeds(httpserver, pdok, sleeps):
    httpserver.expect_ordered_request(FREE).respond_with_data("", status=429, headers={"Retry-After": "7"})
    httpserver.expect_ordered_request(FREE).respond_with_json(fixture("free-eindhoven-found.json"))

    report = geocode([STADHUIS], pdok)

    assert sleeps == [7.0]
    assert report.outcomes[0].status == "gevonden"
    httpserver.check_assertions()


def test_retry_after_longer_than_allowed_gives_up_without_waiting(httpserver, pdok, sleeps):
    httpserver.expect_request(FREE).respond_with_data("", status=429, headers={"Retry-After": "3600"})

    report = geocode([STADHUIS], pdok)

    assert sleeps == []
    assert report.outcomes[0].warning == "PDOK gaf HTTP 429; PDOK vraagt 3600 s te wachten"


def test_retry_after_as_http_date():
    now = dt.datetime(2026, 10, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
    assert retry_after_seconds("Thu, 01 Oct 2026 12:00:30 GMT", now=lambda: now) == 30.0
    assert retry_after_seconds("onzin") is None


def test_500_backs_off_then_falls_back_to_nominatim(httpserver, pdok, nominatim, sleeps):
    httpserver.expect_request(FREE).respond_with_data("Internal Server Error", status=500)
    httpserver.expect_request("/search").respond_with_json(NOMINATIM_STADHUISPLEIN)

    report = geocode([STADHUIS], pdok, nominatim)

    assert sleeps == [0.01, 0.02]  # exponential backoff
    assert paths(httpserver) == [FREE, FREE, FREE, "/search"]
    (outcome,) = report.outcomes
    assert outcome.status == "gevonden"
    assert outcome.hit == GeocodeHit(
        lat=51.4390211,
        lon=5.4786513,
        bron="nominatim",
        gevonden_adres=NOMINATIM_STADHUISPLEIN[0]["display_name"],
        score=0.00000999999999995449,
        datum="2026-10-01",
    )
    assert outcome.message.startswith(
        "adres gevonden bij Nominatim (PDOK gaf geen antwoord: PDOK gaf HTTP 500 (na 3 pogingen)): "
        '"Stadhuisplein 10, 5611 EM Eindhoven" → 51.439021, 5.478651'
    )
    nominatim_request = httpserver.log[-1][0]
    assert dict(nominatim_request.args) == {
        "q": "Stadhuisplein 10, 5611EM Eindhoven",
        "format": "json",
        "limit": "1",
        "addressdetails": "1",
        "countrycodes": "nl",
    }
    assert nominatim_request.headers["User-Agent"].startswith("sociale-kaart-eindhoven/0.1")


def test_malformed_json_falls_back_to_nominatim(httpserver, pdok, nominatim):
    httpserver.expect_request(FREE).respond_with_data("<html>Bad Gateway</html>", content_type="text/html")
    httpserver.expect_request("/search").respond_with_json(NOMINATIM_STADHUISPLEIN)

    (outcome,) = geocode([STADHUIS], pdok, nominatim).outcomes

    assert outcome.bron == "nominatim"
    assert outcome.pdok_problem == "PDOK gaf een antwoord dat geen geldige JSON is"
    assert paths(httpserver) == [FREE, "/search"]  # a broken answer is not retried


def test_unexpected_json_shape_counts_as_failure(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json({"resultaat": []})

    (outcome,) = geocode([STADHUIS], pdok).outcomes

    assert outcome.status == "mislukt"
    assert outcome.warning == "PDOK gaf een onverwacht antwoord (geen response.docs)"


def test_solr_error_is_not_retried_and_names_the_reason(httpserver, pdok, sleeps):
    httpserver.expect_request(FREE).respond_with_json(fixture("error.json"), status=400)

    (outcome,) = geocode([STADHUIS], pdok).outcomes

    assert sleeps == []
    assert outcome.warning == (
        "PDOK weigerde de vraag (HTTP 400: org.apache.solr.search.SyntaxError: Verplichte parameter 'id' ontbreekt)"
    )


def test_connection_errors_are_retried(sleeps):
    pdok = PdokClient(f"http://{closed_port_url()}{API}", max_retries=2, backoff_seconds=0.01, sleep=sleeps.append)

    (outcome,) = geocode([STADHUIS], pdok).outcomes

    assert sleeps == [0.01, 0.02]
    assert outcome.warning == "PDOK is niet bereikbaar (geen verbinding) (na 3 pogingen)"


# ── Nominatim fallback details ────────────────────────────────────────────────────────────


def test_nominatim_street_only_is_a_warning(httpserver, pdok, nominatim):
    street_only = json.loads(json.dumps(NOMINATIM_STADHUISPLEIN))
    del street_only[0]["address"]["house_number"]
    httpserver.expect_request(FREE).respond_with_data("", status=503)
    httpserver.expect_request("/search").respond_with_json(street_only)

    (outcome,) = geocode([STADHUIS], pdok, nominatim).outcomes

    assert outcome.status == "twijfel"
    assert outcome.warning == "Nominatim vond alleen de straat, niet het huisnummer"


def test_nominatim_finding_nothing_is_not_found(httpserver, pdok, nominatim):
    httpserver.expect_request(FREE).respond_with_data("", status=503)
    httpserver.expect_request("/search").respond_with_json([])

    report = geocode([STADHUIS], pdok, nominatim)

    assert report.outcomes[0].status == "niet-gevonden"
    assert report.outcomes[0].message.startswith("adres niet gevonden bij Nominatim (PDOK gaf geen antwoord:")
    assert report.exit_code == EXIT_NOT_FOUND


# ── both down, the cache and main_geocode ─────────────────────────────────────────────────


def write_cache(path: Path, entries: dict[AddressQuery, GeocodeHit]) -> bytes:
    cache = GeocodeCache(path)
    for q, hit in entries.items():
        cache.put(q, hit)
    cache.save()
    return path.read_bytes()


def test_both_down_leaves_cache_untouched_and_fails(tmp_path, sleeps):
    cache_path = tmp_path / "geocode-cache.json"
    before = write_cache(cache_path, {KRUIS: stadhuis_hit(gevonden_adres="Kruisstraat 12, 5612CJ Eindhoven")})
    pdok = PdokClient(f"http://{closed_port_url()}{API}", max_retries=1, backoff_seconds=0, sleep=sleeps.append)
    out = io.StringIO()

    code = main_geocode(
        [("content/ontwikkelplaatsen/de-boog.yml", STADHUIS), ("content/ontwikkelplaatsen/t-hofke.yml", BOSCHDIJK)],
        cache_path,
        "refresh",
        pdok=pdok,
        nominatim=local_nominatim(closed_port_url()),
        out=out,
        today=lambda: TODAY,
    )

    assert code == EXIT_UNREACHABLE
    assert cache_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geocode-cache.json"]
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        'content/ontwikkelplaatsen/de-boog.yml: niet opgezocht: "Stadhuisplein 10, 5611 EM Eindhoven" — '
        "PDOK is niet bereikbaar (geen verbinding) (na 2 pogingen); "
        "Nominatim gaf geen bruikbaar antwoord (GeocoderUnavailable)"
    )
    assert lines[1] == (
        'content/ontwikkelplaatsen/t-hofke.yml: niet opgezocht: "Boschdijk 9999, 5612 AB Eindhoven" — '
        "gestopt, want de diensten zijn niet bereikbaar"
    )
    assert lines[-1] == FAILED_BOTH == (
        "PDOK en Nominatim zijn niet bereikbaar; probeer het later opnieuw. De cache is niet veranderd."
    )


def test_run_with_a_failure_puts_nothing_in_the_cache(httpserver, pdok):
    httpserver.expect_ordered_request(FREE).respond_with_json(fixture("free-eindhoven-found.json"))
    httpserver.expect_request(FREE).respond_with_data("", status=502)
    cache = GeocodeCache(Path("unused.json"))

    report = geocode([STADHUIS, KRUIS], pdok, cache=cache)

    assert [o.status for o in report.outcomes] == ["gevonden", "mislukt"]
    assert len(cache) == 0 and not cache.changed


def run_main(tmp_path, pdok, queries, mode="only-missing", today=TODAY):
    out = io.StringIO()
    code = main_geocode(
        queries, tmp_path / "geo" / "geocode-cache.json", mode, pdok=pdok, use_nominatim=False, out=out,
        today=lambda: today,
    )
    return code, out.getvalue()


def test_cache_is_written_sorted_and_stable(httpserver, pdok, tmp_path):
    httpserver.expect_request(FREE, query_string=free_query("Stadhuisplein 10, 5611EM Eindhoven")).respond_with_json(
        fixture("free-eindhoven-found.json")
    )
    httpserver.expect_request(FREE, query_string=free_query("Kruisstraat 12a, 5612CJ Eindhoven")).respond_with_json(
        fixture("free-eindhoven-ambiguous.json")
    )
    queries = [("b.yml", STADHUIS), ("a.yml", AddressQuery("Kruisstraat", "12A", "5612CJ"))]
    cache_path = tmp_path / "geo" / "geocode-cache.json"

    code, output = run_main(tmp_path, pdok, queries)
    first = cache_path.read_bytes()
    run_main(tmp_path, pdok, queries, mode="refresh")

    assert code == EXIT_OK
    assert cache_path.read_bytes() == first
    assert first.decode() == (
        "{\n"
        '  "5611EM-10": {\n'
        '    "bron": "pdok",\n'
        '    "datum": "2026-10-01",\n'
        '    "gevonden_adres": "Stadhuisplein 10, 5611EM Eindhoven",\n'
        '    "lat": 51.43907412,\n'
        '    "lon": 5.47862389,\n'
        '    "score": 14.215862\n'
        "  },\n"
        '  "5612CJ-12a": {\n'
        '    "bron": "pdok",\n'
        '    "datum": "2026-10-01",\n'
        '    "gevonden_adres": "Kruisstraat 12A, 5612CJ Eindhoven",\n'
        '    "lat": 51.4501552,\n'
        '    "lon": 5.47608873,\n'
        '    "score": 9.872311\n'
        "  }\n"
        "}\n"
    )
    assert output.splitlines()[0].startswith('b.yml: adres gevonden bij PDOK: "Stadhuisplein 10, 5611 EM Eindhoven"')
    assert output.splitlines()[-2:] == [
        "2 adressen: 1 gevonden, 1 gevonden met waarschuwing.",
        f"Cache bijgewerkt: {cache_path}",
    ]


def test_cache_keeps_non_ascii_text_readable(tmp_path):
    path = tmp_path / "cache.json"
    write_cache(path, {STADHUIS: stadhuis_hit(gevonden_adres="Église 1, 5611EM Eindhoven")})
    assert '"gevonden_adres": "Église 1, 5611EM Eindhoven"' in path.read_text(encoding="utf-8")
    assert GeocodeCache.load(path).get(STADHUIS).gevonden_adres == "Église 1, 5611EM Eindhoven"


def test_cache_hit_makes_no_request_and_does_not_rewrite(httpserver, pdok, tmp_path):
    cache_path = tmp_path / "geo" / "geocode-cache.json"
    before = write_cache(cache_path, {STADHUIS: stadhuis_hit(datum="2026-01-15")})
    mtime = cache_path.stat().st_mtime_ns

    code, output = run_main(tmp_path, pdok, [("de-boog.yml", AddressQuery("Stadhuisplein", "10", "5611em"))])

    assert httpserver.log == []
    assert code == EXIT_OK
    assert output.splitlines() == [
        'de-boog.yml: al bekend in de cache (PDOK, 2026-01-15): "Stadhuisplein 10, 5611 EM Eindhoven"',
        "1 adressen: 1 uit de cache.",
    ]
    assert cache_path.read_bytes() == before and cache_path.stat().st_mtime_ns == mtime


def test_refresh_asks_again_and_updates_the_entry(httpserver, pdok, tmp_path):
    cache_path = tmp_path / "geo" / "geocode-cache.json"
    write_cache(cache_path, {STADHUIS: stadhuis_hit(lat=51.0, datum="2025-01-01")})
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-found.json"))

    code, _ = run_main(tmp_path, pdok, [("de-boog.yml", STADHUIS)], mode="refresh")

    assert paths(httpserver) == [FREE]
    assert code == EXIT_OK
    assert GeocodeCache.load(cache_path).get(STADHUIS) == stadhuis_hit()


def test_not_found_is_never_cached_and_found_ones_are_saved(httpserver, pdok, tmp_path):
    httpserver.expect_request(FREE, query_string=free_query("Boschdijk 9999, 5612AB Eindhoven")).respond_with_json(
        fixture("free-eindhoven-nearby.json")
    )
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-found.json"))
    httpserver.expect_request(SUGGEST).respond_with_json(fixture("suggest-eindhoven.json"))

    code, output = run_main(tmp_path, pdok, [("x.yml", BOSCHDIJK), ("y.yml", STADHUIS)])

    cache = GeocodeCache.load(tmp_path / "geo" / "geocode-cache.json")
    assert code == EXIT_NOT_FOUND
    assert BOSCHDIJK not in cache and STADHUIS in cache
    assert "x.yml: adres niet gevonden bij PDOK" in output


def test_only_a_failure_writes_no_file_at_all(httpserver, pdok, tmp_path):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-empty.json"))
    httpserver.expect_request(SUGGEST).respond_with_json(fixture("suggest-eindhoven-empty.json"))

    code, _ = run_main(tmp_path, pdok, [("x.yml", BOSCHDIJK)])

    assert code == EXIT_NOT_FOUND
    assert not (tmp_path / "geo").exists()


def test_same_address_twice_is_asked_once(httpserver, pdok):
    httpserver.expect_request(FREE).respond_with_json(fixture("free-eindhoven-found.json"))

    report = geocode([STADHUIS, AddressQuery("Stadhuisplein", "10", "5611EM")], pdok)

    assert paths(httpserver) == [FREE]
    assert [o.status for o in report.outcomes] == ["gevonden", "gevonden"]
    assert report.outcomes[1].query.postcode == "5611EM"


def test_unreadable_cache_stops_before_any_request(httpserver, pdok, tmp_path):
    cache_path = tmp_path / "geo" / "geocode-cache.json"
    cache_path.parent.mkdir()
    cache_path.write_text('{"5611EM-10": {"lat": 51.4}}\n', encoding="utf-8")

    code, output = run_main(tmp_path, pdok, [("de-boog.yml", STADHUIS)])

    assert code == EXIT_CACHE_ERROR
    assert httpserver.log == []
    assert output.startswith(f"Fout in de geocode-cache '{cache_path}', sleutel '5611EM-10': verwacht precies de velden")


def test_put_refuses_anything_but_a_hit():
    with pytest.raises(TypeError):
        GeocodeCache(Path("unused.json")).put(STADHUIS, None)


def test_unknown_mode_is_refused(pdok):
    with pytest.raises(ValueError, match="onbekende modus"):
        geocode([STADHUIS], pdok, mode="alles")
