"""Open data: HSDS 3.0 against the Open Referral schemas, GeoJSON, iCalendar feeds across summer time,
and hostile content that must not break any format (generator/render/opendata.py)."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from dateutil import rrule as du
from icalendar import Calendar, vText
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import FIXTURE_CONTENT, TODAY
from generator.build import prepare, renderers
from generator.i18n import LANGUAGES
from generator.render.opendata import agenda_links_html, render_open_data
from generator.schedule import occurrences
from generator.site import OutputFile, SiteConfig, SiteContext
from hostile import PAYLOADS, make_hostile

HSDS_DIR = Path(__file__).parent / "fixtures" / "hsds3"
HSDS_BASE = "https://hsds.invalid/schema/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
I18N = Path(__file__).resolve().parents[1] / "generator" / "i18n"


def fresh_site() -> SiteContext:
    site, _ = prepare(FIXTURE_CONTENT, SiteConfig(), TODAY)
    return site


def by_path(files: list[OutputFile]) -> dict[str, str | bytes]:
    return {f.path: f.content for f in files}


@pytest.fixture(scope="module")
def site() -> SiteContext:
    return fresh_site()


@pytest.fixture(scope="module")
def files(site: SiteContext) -> dict[str, str | bytes]:
    return by_path(render_open_data(site))


@pytest.fixture(scope="module")
def hostile_site() -> SiteContext:
    site = fresh_site()
    make_hostile(site.content, "taalcafe-centrum")
    return site


@pytest.fixture(scope="module")
def hostile_files(hostile_site: SiteContext) -> dict[str, str | bytes]:
    return by_path(render_open_data(hostile_site))


def ics_files(files: dict[str, str | bytes]) -> dict[str, bytes]:
    return {path: content for path, content in files.items() if path.endswith(".ics")}  # type: ignore[misc]


def test_the_renderer_is_part_of_the_build() -> None:
    assert render_open_data in renderers()


# --- HSDS -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The copied HSDS 3.0 schemas, resolvable offline by their relative $refs ("phone.json")."""
    resources = [
        (HSDS_BASE + path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012))
        for path in HSDS_DIR.glob("*.json")
    ]
    return Registry().with_resources(resources)


def validator(registry: Registry, entity: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": HSDS_BASE + f"{entity}.json"}, registry=registry, format_checker=FormatChecker())


def hsds(files: dict[str, str | bytes], name: str) -> Any:
    return json.loads(files[f"data/hsds/{name}"])


def errors(registry: Registry, entity: str, document: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(registry, entity).iter_errors(document)]


@pytest.mark.parametrize("corpus", ["files", "hostile_files"])
@pytest.mark.parametrize(("name", "entity"), [("services.json", "service"), ("organizations.json", "organization"), ("locations.json", "location")])
def test_hsds_export_validates_against_the_hsds_3_schemas(request, registry, corpus, name, entity) -> None:
    page = hsds(request.getfixturevalue(corpus), name)
    assert page["contents"], name
    for record in page["contents"]:
        assert errors(registry, entity, record) == [], record.get("name")


def test_hsds_export_is_a_single_page_of_the_hsds_api(files) -> None:
    assert hsds(files, "index.json")["version"] == "3.0"
    for name in ("services.json", "organizations.json", "locations.json"):
        page = hsds(files, name)
        assert page["total_items"] == page["size"] == len(page["contents"])
        assert (page["page_number"], page["total_pages"], page["first_page"], page["last_page"]) == (1, 1, True, True)


def test_hsds_has_one_service_per_activity_with_its_schedules_and_place(site, files) -> None:
    services = hsds(files, "services.json")["contents"]
    assert len(services) == sum(len(e.model.activiteiten) for e in site.content.plaatsen.values())
    assert len({s["id"] for s in services}) == len(services)
    spel = next(s for s in services if s["name"] == "Spelletjesavond")
    assert spel["schedules"][0]["freq"] == "MONTHLY" and spel["schedules"][0]["byday"] == "1FR"
    assert spel["schedules"][0]["opens_at"] == "19:00" and "timezone" not in spel["schedules"][0]
    location = spel["service_at_locations"][0]["location"]
    assert location["name"] == "Taalcafé Centrum" and (location["latitude"], location["longitude"]) == (51.438631, 5.481233)
    address = location["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"]) == ("Markt 1", "5611 EB", "Eindhoven", "NL")
    assert [lang["code"] for lang in location["languages"]] == ["nl", "en", "ar"]
    assert location["accessibility"][0]["description"].startswith("rolstoel: ja; rollator: ja; aangepast toilet: nee")
    assert spel["cost_options"][0]["amount_description"] == "vrijwillige bijdrage"


def test_hsds_status_and_alerts_follow_the_place(files) -> None:
    services = {s["service_at_locations"][0]["location"]["name"]: s for s in hsds(files, "services.json")["contents"]}
    assert services["Bibliotheek Witte Dame"]["status"] == "temporarily closed"
    assert "voorbeeld" in services["Buurtkamer Bergen"]["alert"].lower()
    assert services["Taalcafé Centrum"]["status"] == "active" and "alert" not in services["Taalcafé Centrum"]


# --- GeoJSON ----------------------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_with_every_place(site, files) -> None:
    collection = json.loads(files["data/ontwikkelplaatsen.geojson"])
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert sorted(f["id"] for f in features) == sorted(site.content.plaatsen)
    for feature in features:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        expected_lat, expected_lon = site.enriched.place_point(feature["id"])
        assert (lon, lat) == (pytest.approx(expected_lon), pytest.approx(expected_lat))  # RFC 7946: [lon, lat]
        assert 5.3 < lon < 5.6 and 51.3 < lat < 51.6
        props = feature["properties"]
        assert props["naam"] == site.content.plaatsen[feature["id"]].model.naam
        assert {"buurt", "status", "themas", "adres", "talen", "toegankelijkheid", "url", "agenda"} <= set(props)


def test_activities_json_has_every_activity_and_its_rrule(site, files) -> None:
    document = json.loads(files["data/activiteiten.json"])
    items = {a["id"]: a for a in document["activiteiten"]}
    assert len(items) == sum(len(e.model.activiteiten) for e in site.content.plaatsen.values())
    spel = items["taalcafe-centrum-1"]
    assert spel["wanneer"][0]["rrule"] == "FREQ=MONTHLY;INTERVAL=1;BYDAY=1FR"
    assert spel["wanneer"][0]["van"] == "19:00" and spel["wanneer"][0]["volgende_datum"] == "2026-12-04"
    assert spel["wanneer"][0]["omschrijving"]["nl"] == "elke eerste vrijdag van de maand, 19.00–21.00 uur"
    assert items["bieb-witte-dame-0"]["bedrag_euro"] == 2.5


# --- iCalendar ----------------------------------------------------------------------------------------


def events_of(content: bytes) -> list[Any]:
    return Calendar.from_ical(content).walk("VEVENT")


def dates_of(prop: Any) -> list[datetime]:
    """EXDATE / RDATE values: one property or a list of them, each holding one or more dates."""
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt for p in props for d in p.dts]


def expand(event: Any, until: datetime) -> list[datetime]:
    """Every start of the event up to ``until``: DTSTART + RRULE (dateutil) + RDATE − EXDATE."""
    start = event.decoded("dtstart")
    ruleset = du.rruleset()
    if "rrule" in event:
        rule = event["rrule"].to_ical().decode()
        ruleset.rrule(du.rrulestr(rule, dtstart=start, ignoretz=False))
    ruleset.rdate(start)
    for moment in dates_of(event.get("rdate")):
        ruleset.rdate(moment)
    for moment in dates_of(event.get("exdate")):
        ruleset.exdate(moment)
    return list(ruleset.between(start - timedelta(seconds=1), until, inc=True))


def test_every_ics_file_parses_with_a_europe_amsterdam_vtimezone(files) -> None:
    calendars = ics_files(files)
    assert set(calendars) == {f"ics/plek/{s}.ics" for s in ("bieb-witte-dame", "buurtkamer-bergen", "taalcafe-centrum")} | {
        f"ics/buurt/{s}.ics" for s in ("bergen", "binnenstad", "witte-dame")
    }
    for path, content in calendars.items():
        cal = Calendar.from_ical(content)
        assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"], path
        assert cal.get_missing_tzids() == set(), path
        for event in cal.walk("VEVENT"):
            assert event["dtstamp"].to_ical() == b"20261127T000000Z"
            assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
            assert re.fullmatch(r"[a-z0-9-]+-\d+-\d+@sociale-kaart-eindhoven", str(event["uid"]))
            assert event.decoded("dtend") > event.decoded("dtstart")


def test_first_friday_19_00_stays_19_00_local_across_summer_time(files) -> None:
    """"elke eerste vrijdag van de maand, 19.00" over a year: 19:00 in winter (+01:00) and summer (+02:00)."""
    content = files["ics/plek/taalcafe-centrum.ics"]
    event = next(e for e in events_of(content) if str(e["uid"]) == "taalcafe-centrum-1-0@sociale-kaart-eindhoven")
    starts = expand(event, datetime(2027, 11, 30, tzinfo=AMSTERDAM))
    first_fridays = [d for d in (date(2026, 12, 1) + timedelta(days=n) for n in range(365)) if d.weekday() == 4 and d.day <= 7]
    assert [s.date() for s in starts] == first_fridays and len(starts) == 12
    assert all(s.astimezone(AMSTERDAM).time() == time(19, 0) for s in starts)
    by_date = {s.date(): s for s in starts}
    assert by_date[date(2027, 3, 5)].utcoffset() == timedelta(hours=1)
    assert by_date[date(2027, 4, 2)].utcoffset() == timedelta(hours=2)
    assert by_date[date(2027, 3, 5)].astimezone(ZoneInfo("UTC")).hour == 18
    assert by_date[date(2027, 4, 2)].astimezone(ZoneInfo("UTC")).hour == 17
    assert by_date[date(2027, 11, 5)].utcoffset() == timedelta(hours=1)
    # The file's own VTIMEZONE (not only the reader's tz database) gives the same offsets.
    own_tz = Calendar.from_ical(content).walk("VTIMEZONE")[0].to_tz()
    assert datetime(2027, 3, 5, 19, tzinfo=own_tz).utcoffset() == timedelta(hours=1)
    assert datetime(2027, 4, 2, 19, tzinfo=own_tz).utcoffset() == timedelta(hours=2)


def test_every_event_expands_to_the_dates_of_its_schedule(site, files) -> None:
    """Cross-check every VEVENT (RRULE, EXDATE, RDATE) against generator.schedule.occurrences over a year."""
    end = TODAY + timedelta(days=365)
    for path, content in ics_files(files).items():
        for event in events_of(content):
            slug, a_index, w_index = str(event["uid"]).split("@")[0].rsplit("-", 2)
            wanneer = site.content.plaatsen[slug].model.activiteiten[int(a_index)].wanneer[int(w_index)]
            expected = [o.start for o in occurrences(wanneer, TODAY, end)]
            assert expand(event, datetime.combine(end, time(23, 59), tzinfo=AMSTERDAM)) == expected, (path, slug)


def test_exceptions_are_exdates() -> None:
    """A Tuesday taalcafé "niet op 29 december" gets an EXDATE; an exception that is no occurrence gets none."""
    site = fresh_site()
    entry = site.content.plaatsen["taalcafe-centrum"]
    activity = entry.model.activiteiten[0]
    wanneer = activity.wanneer[0].model_copy(update={"behalve": [date(2026, 12, 29), date(2026, 12, 31)]})
    activities = [activity.model_copy(update={"wanneer": [wanneer]}), *entry.model.activiteiten[1:]]
    site.content.plaatsen["taalcafe-centrum"] = dataclasses.replace(entry, model=entry.model.model_copy(update={"activiteiten": activities}))
    event = events_of(by_path(render_open_data(site))["ics/plek/taalcafe-centrum.ics"])[0]
    exdates = dates_of(event.get("exdate"))
    assert exdates == [datetime(2026, 12, 29, 10, tzinfo=AMSTERDAM)] and event["exdate"].params["TZID"] == "Europe/Amsterdam"
    starts = [s.date() for s in expand(event, datetime(2027, 1, 31, tzinfo=AMSTERDAM))]
    assert date(2026, 12, 22) in starts and date(2026, 12, 29) not in starts and date(2027, 1, 5) in starts


def calendar_places(content: bytes) -> set[str]:
    return {str(e["uid"]).split("@")[0].rsplit("-", 2)[0] for e in events_of(content)}


class FarFrom:
    """The fixture's enrichment, with one place 16 minutes' walk from every other buurt."""

    def __init__(self, enriched: Any, far_slug: str) -> None:
        self.enriched, self.far_slug = enriched, far_slug

    def __getattr__(self, name: str) -> Any:
        return getattr(self.enriched, name)

    def minutes_from_buurt(self, buurt_slug: str, place_slug: str, pace: str) -> float | None:
        return 16.0 if place_slug == self.far_slug else self.enriched.minutes_from_buurt(buurt_slug, place_slug, pace)


def test_buurt_calendar_has_its_places_and_those_within_15_minutes(site, files) -> None:
    near = {
        slug for slug, e in site.content.plaatsen.items()
        if e.model.buurt == "bergen" or (site.enriched.minutes_from_buurt("bergen", slug, "normaal") or 99) <= 15
    }
    assert calendar_places(files["ics/buurt/bergen.ics"]) == near
    far = by_path(render_open_data(dataclasses.replace(site, enriched=FarFrom(site.enriched, "taalcafe-centrum"))))
    assert "taalcafe-centrum" not in calendar_places(far["ics/buurt/bergen.ics"])
    assert "taalcafe-centrum" in calendar_places(far["ics/buurt/binnenstad.ics"])  # its own buurt, however far the centre


def test_closed_place_is_tentative_and_example_is_marked(files) -> None:
    closed = events_of(files["ics/plek/bieb-witte-dame.ics"])[0]
    assert closed["status"] == "TENTATIVE" and str(closed["summary"]).startswith("Tijdelijk gesloten: ")
    example = events_of(files["ics/plek/buurtkamer-bergen.ics"])[0]
    assert "voorbeeld — nog niet gecontroleerd" in str(example["description"])


def test_stopped_place_has_no_calendar_and_no_link() -> None:
    site = fresh_site()
    entry = site.content.plaatsen["taalcafe-centrum"]
    site.content.plaatsen["taalcafe-centrum"] = dataclasses.replace(entry, model=entry.model.model_copy(update={"status": "gestopt"}))
    files = by_path(render_open_data(site))
    assert "ics/plek/taalcafe-centrum.ics" not in files
    assert all("taalcafe-centrum" not in str(e["uid"]) for e in events_of(files["ics/buurt/binnenstad.ics"]))
    assert agenda_links_html(site, "plek", "taalcafe-centrum", "nl", "plek/taalcafe-centrum") == ""
    services = {s["name"]: s for s in hsds(files, "services.json")["contents"]}
    assert services["Spelletjesavond"]["status"] == "defunct"


def test_output_is_byte_identical_for_the_same_content_and_day(files) -> None:
    assert by_path(render_open_data(fresh_site())) == files


# --- hostile content ----------------------------------------------------------------------------------

ICS_PROPERTIES = {
    "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE", "TZID", "COMMENT",
    "DTSTART", "RDATE", "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "SUMMARY", "DTEND", "DTSTAMP", "UID", "RRULE",
    "EXDATE", "CATEGORIES", "DESCRIPTION", "GEO", "LOCATION", "STATUS", "URL",
}


def test_hostile_text_keeps_every_json_file_valid_and_intact(hostile_site, hostile_files) -> None:
    for path, content in hostile_files.items():
        if path.endswith((".json", ".geojson")):
            json.loads(content)
    feature = next(f for f in json.loads(hostile_files["data/ontwikkelplaatsen.geojson"])["features"] if f["id"] == "taalcafe-centrum")
    assert feature["properties"]["naam"] == PAYLOADS[0]  # data, not markup: the consumer escapes for its own output
    assert feature["properties"]["contact"]["website"] is None  # javascript: is never exported as a link


def test_hostile_text_cannot_inject_ics_lines(hostile_site, hostile_files) -> None:
    place = hostile_site.content.plaatsen["taalcafe-centrum"].model
    schedules = sum(len(a.wanneer) for a in place.activiteiten)
    content = hostile_files["ics/plek/taalcafe-centrum.ics"]
    physical = content.decode("utf-8").split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    logical = re.sub(r"\r\n[ \t]", "", content.decode("utf-8")).split("\r\n")
    names = {re.match(r"[A-Z-]+", line)[0] for line in logical if line}  # type: ignore[index]
    assert names <= ICS_PROPERTIES
    assert sum(line == "BEGIN:VEVENT" for line in logical) == schedules == sum(line == "END:VEVENT" for line in logical)
    events = events_of(content)
    assert len(events) == schedules
    summaries = {str(e["summary"]) for e in events}
    assert f"{PAYLOADS[10 % len(PAYLOADS)]} ({PAYLOADS[0]})" in summaries  # the text comes back exactly
    assert str(events[0]["location"]).startswith(PAYLOADS[3])
    for path in ("ics/buurt/binnenstad.ics",):
        assert len(events_of(hostile_files[path])) >= schedules


INJECTION = "Avond\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.org\r\nSUMMARY:gehackt;\\, \n URL:https://evil.example"


def test_ics_line_breaks_in_text_cannot_start_new_properties_or_events() -> None:
    """Text with CRLF + "BEGIN:VEVENT" in a name, a description and an address stays inside its value."""
    site = fresh_site()
    entry = site.content.plaatsen["taalcafe-centrum"]
    acts = [a.model_copy(update={"naam": {"nl": INJECTION}, "omschrijving": {"nl": INJECTION}}) for a in entry.model.activiteiten]
    adres = entry.model.adres.model_copy(update={"straat": INJECTION})
    hostile = entry.model.model_copy(update={"naam": INJECTION, "activiteiten": acts, "adres": adres})
    site.content.plaatsen["taalcafe-centrum"] = dataclasses.replace(entry, model=hostile)
    files = by_path(render_open_data(site))
    for path in ("ics/plek/taalcafe-centrum.ics", "ics/buurt/binnenstad.ics"):
        text = files[path].decode("utf-8")
        logical = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
        assert sum(line == "BEGIN:VEVENT" for line in logical) == len(events_of(files[path]))
        assert not any(line.startswith(("UID:evil", "SUMMARY:gehackt", "URL:https://evil")) for line in logical), path
        assert "\nBEGIN:VEVENT\r\nUID:evil" not in text
    events = events_of(files["ics/plek/taalcafe-centrum.ics"])
    assert len(events) == 2 and all(str(e["uid"]).startswith("taalcafe-centrum-") for e in events)
    back = INJECTION.replace("\r\n", "\n")  # iCalendar TEXT has one kind of line break, "\n"
    assert str(events[0]["summary"]) == f"{back} ({back})"  # the text comes back, as text
    calname = Calendar.from_ical(files["ics/plek/taalcafe-centrum.ics"])["x-wr-calname"].to_ical().decode()  # X- props parse as raw
    assert calname == vText(f"{INJECTION} — Sociale kaart Eindhoven").to_ical().decode() and "\\nBEGIN:VEVENT" in calname
    for path in ("data/ontwikkelplaatsen.geojson", "data/activiteiten.json", "data/hsds/services.json"):
        assert INJECTION in files[path] or json.dumps(INJECTION, ensure_ascii=False)[1:-1] in files[path]
        json.loads(files[path])


# --- agenda links and the page -------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "slug", "page"), [("plek", "taalcafe-centrum", "plek/taalcafe-centrum"), ("buurt", "binnenstad", "buurt/binnenstad")])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_agenda_link_points_at_the_ics_file_from_the_page(site, files, kind, slug, page, lang) -> None:
    block = agenda_links_html(site, kind, slug, lang, page)
    link = re.search(r'href="([^"]+\.ics)"', block)[1]  # type: ignore[index]
    page_url = ("" if lang == "nl" else f"{lang}/") + page + "/"
    assert posixpath.normpath(posixpath.join(posixpath.dirname(page_url), link)) == f"ics/{kind}/{slug}.ics"
    assert f"ics/{kind}/{slug}.ics" in files
    assert ("Zet in je agenda" if lang == "nl" else "Add to your calendar") in block
    assert f"https://wijeindhoven.github.io/sociale-kaart/ics/{kind}/{slug}.ics" in block


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_open_data_page_links_every_file_and_names_the_licence(files, lang) -> None:
    page = files["open-data/index.md" if lang == "nl" else f"open-data/index.{lang}.md"]
    prefix = "../" if lang == "nl" else "../../"
    for path in ("data/ontwikkelplaatsen.geojson", "data/activiteiten.json", "data/hsds/services.json", "data/hsds/organizations.json", "data/hsds/locations.json", "ics/buurt/bergen.ics"):
        assert f'href="{prefix}{path}"' in page, path
    assert "CC BY 4.0" in page and "ODbL" in page and "state_province" in page and "Europe/Amsterdam" in page
    assert "jq '.features[] | .properties.naam'" in page


def test_every_opendata_catalogue_has_the_dutch_keys() -> None:
    reference = yaml.safe_load((I18N / "nl" / "opendata.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        strings = yaml.safe_load((I18N / lang / "opendata.yml").read_text(encoding="utf-8"))
        assert set(strings) == set(reference), lang
        assert all(isinstance(v, str) and v.strip() for v in strings.values()), lang
