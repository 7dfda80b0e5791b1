"""Open data: the places and activities as GeoJSON, JSON, Open Referral HSDS 3.0 and iCalendar.

Files (paths relative to the site root, language-independent):

- ``data/ontwikkelplaatsen.geojson``: one Point feature per place ([lon, lat], WGS84), Dutch keys;
- ``data/activiteiten.json``: every activity with its schedules (as written, as words, as RRULE);
- ``data/hsds/``: an HSDS 3.0 export in the shape of the HSDS API responses, so a consumer that
  speaks HSDS can read it as if it were ``GET /``, ``GET /services?full=true`` … (one page holds all):
  ``index.json`` (API info), ``services.json`` (fully nested services: organization,
  service_at_locations → location → addresses, accessibility, languages, phones, contacts; schedules,
  languages, cost_options), ``organizations.json`` and ``locations.json``;
- ``ics/plek/<slug>.ics`` and ``ics/buurt/<slug>.ics``: iCalendar feeds with recurring events.

Choices (also explained to readers on the page ``open-data/index``):

- Stopped places (``status: gestopt``) stay in the GeoJSON, activities and HSDS files with their
  status (HSDS ``defunct``), so a consumer sees they stopped; they get no calendar (nothing happens).
- Temporarily closed places: events with ``STATUS:TENTATIVE``, "Tijdelijk gesloten: " before the
  summary and a note in the description (many calendar apps ignore STATUS; everyone reads SUMMARY).
- Stable identifiers: HSDS ids are UUIDv5 from slugs, calendar UIDs are
  ``<place>-<activity>-<schedule>@sociale-kaart-eindhoven``; DTSTAMP is the build's ``today``, so
  the same content on the same day gives byte-identical files.
- Escaping is left to the formats' own libraries: ``json.dumps`` and icalendar (which escapes
  ``,;\\`` and line breaks in TEXT values and folds long lines), never string concatenation.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from icalendar import Calendar, Event, Timezone, vRecur, vText

from generator.content import Entry
from generator.i18n import DEFAULT_LANGUAGE, t
from generator.languages import language_name
from generator.models import Activiteit, Ontwikkelplaats, Wanneer
from generator.render.common import asset_href, esc, front_matter, href, md_text, safe_url
from generator.schedule import TIMEZONE, describe, first_occurrence, hsds_schedule, local_datetime, rrule_parts
from generator.site import OutputFile, SiteContext, page_file

PAGE = "open-data/index"
GEOJSON = "data/ontwikkelplaatsen.geojson"
ACTIVITIES = "data/activiteiten.json"
HSDS_DIR = "data/hsds"
HSDS_FILES = ("index.json", "services.json", "organizations.json", "locations.json")
ICS_DIR = "ics"
BUURT_RADIUS_MINUTES = 15  # the buurt calendar: its own places and those within 15 minutes…
BUURT_RADIUS_PACE = "normaal"  # …at normal pace (4.5 km/h), as the "in de buurt" list on the buurt page
UID_DOMAIN = "sociale-kaart-eindhoven"
TZID = "Europe/Amsterdam"
LICENCE = {"naam": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
ATTRIBUTION = "Sociale kaart Eindhoven (buurtambassadeurs en WIJeindhoven), CC BY 4.0"
HSDS_OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/sociale-kaart-eindhoven/hsds")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

HSDS_STATUS = {"actief": "active", "tijdelijk gesloten": "temporarily closed", "gestopt": "defunct"}
ACCESS_LABELS = (("rolstoel", "rolstoel"), ("rollator", "rollator"), ("toilet", "aangepast toilet"), ("gehoorlus", "gehoorlus"))
PROVINCE = "Noord-Brabant"  # every buurt is in Eindhoven (checked against the municipality's boundaries)
COUNTRY = "NL"

Kind = Literal["plek", "buurt"]


# --- renderer -------------------------------------------------------------------------------------


def render_open_data(site: SiteContext) -> list[OutputFile]:
    """Every open-data file, the calendars and the page "Open data" in every site language."""
    files = [
        OutputFile(GEOJSON, dump_json(geojson(site))),
        OutputFile(ACTIVITIES, dump_json(activities_json(site))),
        *[OutputFile(f"{HSDS_DIR}/{name}", dump_json(document)) for name, document in hsds_export(site).items()],
    ]
    files += [OutputFile(ics_path("plek", e.slug), place_calendar(site, e)) for e in sorted_places(site) if has_calendar(e.model)]
    files += [OutputFile(ics_path("buurt", slug), buurt_calendar(site, slug)) for slug in sorted(site.content.buurten)]
    files += [OutputFile(page_file(PAGE, lang), page_markdown(site, lang)) for lang in site.config.languages]
    return files


def dump_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def sorted_places(site: SiteContext) -> list[Entry[Ontwikkelplaats]]:
    return [site.content.plaatsen[slug] for slug in sorted(site.content.plaatsen)]


def has_calendar(place: Ontwikkelplaats) -> bool:
    return place.status != "gestopt"


def ics_path(kind: Kind, slug: str) -> str:
    return f"{ICS_DIR}/{kind}/{slug}.ics"


def absolute(site: SiteContext, path: str) -> str:
    """A site-root-relative path as a full URL (``site_url`` ends with "/")."""
    return site.config.site_url.rstrip("/") + "/" + path


def place_page_url(site: SiteContext, slug: str) -> str:
    return absolute(site, f"plek/{slug}/")


def nl(tekst: dict[str, str] | None) -> str:
    return tekst["nl"] if tekst else ""


def email_or_none(value: str | None) -> str | None:
    """Only a plausible address is exported (validation refuses others; this is the second fence)."""
    return value if value and _EMAIL.fullmatch(value) else None


def address_line(place: Ontwikkelplaats) -> str:
    a = place.adres
    return f"{a.straat} {a.huisnummer}, {a.postcode} {a.plaats}"


def kosten_json(activity: Activiteit) -> tuple[str, float | None]:
    if isinstance(activity.kosten, Decimal):
        return "bedrag", float(activity.kosten)
    return activity.kosten, None


def kosten_nl(activity: Activiteit) -> str:
    kind, amount = kosten_json(activity)
    return f"€ {amount:.2f}".replace(".", ",") if amount is not None else kind


# --- GeoJSON --------------------------------------------------------------------------------------


def geojson(site: SiteContext) -> dict[str, Any]:
    """A FeatureCollection (RFC 7946) of every place; a place without coordinates has geometry null."""
    return {
        "type": "FeatureCollection",
        "name": "ontwikkelplaatsen",
        "licentie": LICENCE,
        "bron": ATTRIBUTION,
        "features": [place_feature(site, entry) for entry in sorted_places(site)],
    }


def place_feature(site: SiteContext, entry: Entry[Ontwikkelplaats]) -> dict[str, Any]:
    point = site.enriched.place_point(entry.slug)
    geometry = {"type": "Point", "coordinates": [round(point[1], 6), round(point[0], 6)]} if point else None
    return {"type": "Feature", "id": entry.slug, "geometry": geometry, "properties": place_properties(site, entry)}


def place_properties(site: SiteContext, entry: Entry[Ontwikkelplaats]) -> dict[str, Any]:
    place = entry.model
    info = site.enriched.buurt_info(place.buurt)
    return {
        "slug": entry.slug,
        "naam": place.naam,
        "buurt": place.buurt,
        "buurt_naam": info.naam if info else None,
        "wijk": info.wijk if info else None,
        "stadsdeel": info.stadsdeel if info else None,
        "status": place.status,
        "voorbeeld": place.voorbeeld,
        "organisatie": place.organisatie,
        "themas": list(place.themas),
        "adres": place.adres.model_dump(),
        "omschrijving": place.omschrijving,
        "talen": list(place.talen),
        "toegankelijkheid": place.toegankelijkheid.model_dump(exclude_none=True),
        "contact": contact_json(place),
        "aantal_activiteiten": len(place.activiteiten),
        "laatst_gecontroleerd": place.laatst_gecontroleerd.isoformat(),
        "url": place_page_url(site, entry.slug),
        "agenda": absolute(site, ics_path("plek", entry.slug)) if has_calendar(place) else None,
    }


def contact_json(place: Ontwikkelplaats) -> dict[str, str | None]:
    c = place.contact
    return {"website": safe_url(c.website), "email": email_or_none(c.email), "telefoon": c.telefoon}


# --- activities -------------------------------------------------------------------------------------


def activities_json(site: SiteContext) -> dict[str, Any]:
    items = [activity_json(site, entry, index, activity) for entry in sorted_places(site) for index, activity in enumerate(entry.model.activiteiten)]
    return {"licentie": LICENCE, "bron": ATTRIBUTION, "datum": site.today.isoformat(), "tijdzone": TZID, "activiteiten": items}


def activity_json(site: SiteContext, entry: Entry[Ontwikkelplaats], index: int, activity: Activiteit) -> dict[str, Any]:
    place = entry.model
    kosten, bedrag = kosten_json(activity)
    return {
        "id": f"{entry.slug}-{index}",
        "plek": entry.slug,
        "plek_naam": place.naam,
        "buurt": place.buurt,
        "status": place.status,
        "voorbeeld": place.voorbeeld,
        "naam": activity.naam,
        "omschrijving": activity.omschrijving,
        "voor_wie": activity.voor_wie,
        "aanmelden": activity.aanmelden,
        "kosten": kosten,
        "bedrag_euro": bedrag,
        "themas": list(activity.themas or place.themas),
        "talen": list(activity.talen or place.talen),
        "wanneer": [schedule_json(site, w) for w in activity.wanneer],
        "url": place_page_url(site, entry.slug),
    }


def schedule_json(site: SiteContext, wanneer: Wanneer) -> dict[str, Any]:
    fields = wanneer.model_dump(mode="json", exclude_none=True, exclude={"van", "tot"})
    parts = rrule_parts(wanneer, site.today)
    recur = vRecur(parts["rrule"]).to_ical().decode() if parts["rrule"] else None
    upcoming = first_occurrence(wanneer, site.today)
    return {
        **fields,
        "van": wanneer.van.strftime("%H:%M"),
        "tot": wanneer.tot.strftime("%H:%M"),
        "omschrijving": {lang: describe(wanneer, lang) for lang in site.config.languages},
        "rrule": recur,
        "volgende_datum": upcoming.isoformat() if upcoming else None,
    }


# --- HSDS 3.0 -----------------------------------------------------------------------------------------


def hsds_id(*parts: object) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, "|".join(str(p) for p in parts)))


def page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """The HSDS API's paginated list (openapi.json ``#/components/schemas/Page``), all in one page."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def hsds_export(site: SiteContext) -> dict[str, Any]:
    places = sorted_places(site)
    organizations = hsds_organizations(site, places)
    services = [hsds_service(site, e, i, a, organizations) for e in places for i, a in enumerate(e.model.activiteiten)]
    unique_orgs = {org["id"]: org for org in organizations.values()}
    info = {"version": "3.0", "profile": absolute(site, "open-data/"), "openapi_url": HSDS_OPENAPI}
    return {
        "index.json": info,
        "services.json": page(services),
        "organizations.json": page([organization_with_locations(site, org, places, organizations) for org in unique_orgs.values()]),
        "locations.json": page([hsds_location(site, e, organizations[e.slug]) for e in places]),
    }


def organization_key(place: Ontwikkelplaats, slug: str) -> str:
    """Places of the same organisatie share one organization; a place without one is its own."""
    return f"organisatie:{place.organisatie}" if place.organisatie else f"plek:{slug}"


def hsds_organizations(site: SiteContext, places: list[Entry[Ontwikkelplaats]]) -> dict[str, dict[str, Any]]:
    """The organization of each place slug (the same dict for places of the same organisatie)."""
    grouped: dict[str, list[Entry[Ontwikkelplaats]]] = {}
    for entry in places:
        grouped.setdefault(organization_key(entry.model, entry.slug), []).append(entry)
    by_place = {}
    for key, members in grouped.items():
        org = hsds_organization(key, members)
        by_place.update({entry.slug: org for entry in members})
    return by_place


def hsds_organization(key: str, members: list[Entry[Ontwikkelplaats]]) -> dict[str, Any]:
    first = members[0].model
    if first.organisatie:
        name = first.organisatie
        description = f"Organisatie achter {', '.join(m.model.naam for m in members)} (Sociale kaart Eindhoven)."
    else:
        name = first.naam
        description = nl(first.omschrijving) or f"Ontwikkelplaats {first.naam} (Sociale kaart Eindhoven)."
    org: dict[str, Any] = {"id": hsds_id(key), "name": name, "description": description}
    website = next((w for m in members if (w := safe_url(m.model.contact.website))), None)
    email = next((e for m in members if (e := email_or_none(m.model.contact.email))), None)
    if website:
        org["website"] = website
    if email:
        org["email"] = email
    return org


def organization_with_locations(site: SiteContext, org: dict[str, Any], places: list[Entry[Ontwikkelplaats]], orgs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    locations = [hsds_location(site, e, org) for e in places if orgs[e.slug]["id"] == org["id"]]
    return {**org, "locations": locations}


def hsds_location(site: SiteContext, entry: Entry[Ontwikkelplaats], org: dict[str, Any]) -> dict[str, Any]:
    place, location_id = entry.model, hsds_id("plek", entry.slug)
    location: dict[str, Any] = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org["id"],
        "name": place.naam,
        "external_identifier": entry.slug,
        "external_identifier_type": "sociale-kaart-eindhoven slug",
    }
    if place.omschrijving:
        location["description"] = nl(place.omschrijving)
    point = site.enriched.place_point(entry.slug)
    if point:
        location["latitude"], location["longitude"] = round(point[0], 6), round(point[1], 6)
    location["languages"] = hsds_languages(place.talen, location_id=location_id)
    location["addresses"] = [hsds_address(place, location_id)]
    location["accessibility"] = [hsds_accessibility(place, location_id)]
    location["phones"] = [{"id": hsds_id("telefoon", entry.slug), "location_id": location_id, "number": place.contact.telefoon, "type": "voice"}] if place.contact.telefoon else []
    email = email_or_none(place.contact.email)
    location["contacts"] = [{"id": hsds_id("contact", entry.slug), "location_id": location_id, "name": org["name"], "email": email}] if email else []
    return location


def hsds_address(place: Ontwikkelplaats, location_id: str) -> dict[str, Any]:
    a = place.adres
    return {
        "id": hsds_id("adres", location_id),
        "location_id": location_id,
        "address_1": f"{a.straat} {a.huisnummer}",
        "city": a.plaats,
        "state_province": PROVINCE,
        "postal_code": a.postcode,
        "country": COUNTRY,
        "address_type": "physical",
    }


def hsds_accessibility(place: Ontwikkelplaats, location_id: str) -> dict[str, Any]:
    access = place.toegankelijkheid
    record = {
        "id": hsds_id("toegankelijkheid", location_id),
        "location_id": location_id,
        "description": "; ".join(f"{label}: {getattr(access, field)}" for field, label in ACCESS_LABELS),
    }
    if access.toelichting:
        record["details"] = nl(access.toelichting)
    return record


def hsds_languages(codes: list[str], **owner: str) -> list[dict[str, Any]]:
    owner_id = next(iter(owner.values()))
    return [{"id": hsds_id("taal", owner_id, code), **owner, "name": language_name(code, "nl"), "code": code} for code in codes]


def hsds_service(site: SiteContext, entry: Entry[Ontwikkelplaats], index: int, activity: Activiteit, orgs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    place, org = entry.model, orgs[entry.slug]
    service_id = hsds_id("activiteit", entry.slug, index)
    location = hsds_location(site, entry, org)
    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": org["id"],
        "name": nl(activity.naam),
        "description": nl(activity.omschrijving) or f"{nl(activity.naam)} bij {place.naam}.",
        "url": place_page_url(site, entry.slug),
        "status": HSDS_STATUS[place.status],
        "application_process": nl(activity.aanmelden) or "Gewoon binnenlopen; aanmelden is niet nodig.",
        "fees_description": kosten_nl(activity),
        "eligibility_description": nl(activity.voor_wie),
        "assured_date": place.laatst_gecontroleerd.isoformat(),
    }
    if email := email_or_none(place.contact.email):
        service["email"] = email
    if alert := alert_text(place):
        service["alert"] = alert
    service["schedules"] = hsds_schedules(site, entry.slug, index, activity, service_id)
    service["languages"] = hsds_languages(list(activity.talen or place.talen), service_id=service_id)
    service["cost_options"] = [hsds_cost(activity, service_id)]
    service["organization"] = org
    sal_id = hsds_id("service_at_location", service_id)
    service["service_at_locations"] = [{"id": sal_id, "service_id": service_id, "location_id": location["id"], "location": location}]
    return service


def alert_text(place: Ontwikkelplaats) -> str:
    notes = []
    if place.status == "tijdelijk gesloten":
        notes.append("Deze plek is tijdelijk gesloten.")
    if place.status == "gestopt":
        notes.append("Deze plek is gestopt.")
    if place.voorbeeld:
        notes.append("Voorbeeld — nog niet gecontroleerd.")
    return " ".join(notes)


def hsds_schedules(site: SiteContext, slug: str, index: int, activity: Activiteit, service_id: str) -> list[dict[str, Any]]:
    records = []
    for w_index, wanneer in enumerate(activity.wanneer):
        for r_index, record in enumerate(hsds_schedule(wanneer, lang="nl", service_id=service_id, reference=site.today)):
            # Re-keyed on the position: two identical schedules of one activity keep distinct ids.
            records.append({**record, "id": hsds_id("schema", slug, index, w_index, r_index)})
    return records


def hsds_cost(activity: Activiteit, service_id: str) -> dict[str, Any]:
    kind, amount = kosten_json(activity)
    record: dict[str, Any] = {"id": hsds_id("kosten", service_id), "service_id": service_id, "option": kind, "currency": "EUR"}
    if kind == "gratis":
        record["amount"] = 0
    elif amount is not None:
        record["amount"] = amount
    else:
        record["amount_description"] = kind
    return record


# --- iCalendar ----------------------------------------------------------------------------------------


@cache
def vtimezone(first: date) -> Timezone:
    """Europe/Amsterdam as a VTIMEZONE from the tz database (icalendar builds the transitions)."""
    return Timezone.from_tzid(TZID, first_date=first)


def new_calendar(site: SiteContext, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Sociale kaart Eindhoven//open data//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(name))  # an X- property is not TEXT by default: say so, so it is escaped
    cal.add("x-wr-timezone", TZID)
    # From 1 January of this year: the file changes once a year, not with every build.
    cal.add_component(vtimezone(date(site.today.year, 1, 1)))
    return cal


def place_calendar(site: SiteContext, entry: Entry[Ontwikkelplaats]) -> bytes:
    cal = new_calendar(site, f"{entry.model.naam} — Sociale kaart Eindhoven")
    for event in place_events(site, entry):
        cal.add_component(event)
    return cal.to_ical()


def buurt_places(site: SiteContext, buurt_slug: str) -> list[Entry[Ontwikkelplaats]]:
    """The buurt's own places and those within 15 minutes' walk (normal pace), without stopped places."""
    def near(entry: Entry[Ontwikkelplaats]) -> bool:
        if entry.model.buurt == buurt_slug:
            return True
        minutes = site.enriched.minutes_from_buurt(buurt_slug, entry.slug, BUURT_RADIUS_PACE)
        return minutes is not None and minutes <= BUURT_RADIUS_MINUTES

    return [e for e in sorted_places(site) if has_calendar(e.model) and near(e)]


def buurt_calendar(site: SiteContext, buurt_slug: str) -> bytes:
    naam = site.content.buurten[buurt_slug].model.naam
    cal = new_calendar(site, f"{naam} en omgeving — Sociale kaart Eindhoven")
    for entry in buurt_places(site, buurt_slug):
        for event in place_events(site, entry):
            cal.add_component(event)
    return cal.to_ical()


def place_events(site: SiteContext, entry: Entry[Ontwikkelplaats]) -> list[Event]:
    events = []
    for a_index, activity in enumerate(entry.model.activiteiten):
        for w_index, wanneer in enumerate(activity.wanneer):
            event = activity_event(site, entry, activity, wanneer, f"{entry.slug}-{a_index}-{w_index}@{UID_DOMAIN}")
            if event is not None:
                events.append(event)
    return events


def activity_event(site: SiteContext, entry: Entry[Ontwikkelplaats], activity: Activiteit, wanneer: Wanneer, uid: str) -> Event | None:
    """One VEVENT for one schedule; None when it has no date left on or after today."""
    parts = rrule_parts(wanneer, site.today)
    if parts["dtstart"] is None:
        return None
    place, start = entry.model, parts["dtstart"]
    closed = place.status == "tijdelijk gesloten"
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.combine(site.today, time(), tzinfo=UTC))
    event.add("dtstart", local_datetime(start, wanneer.van))
    event.add("dtend", local_datetime(start, wanneer.tot))
    if parts["rrule"]:
        event.add("rrule", parts["rrule"])
    if parts["exdates"]:
        event.add("exdate", [local_datetime(day, wanneer.van) for day in parts["exdates"]])
    if parts["rdates"]:
        event.add("rdate", [local_datetime(day, wanneer.van) for day in parts["rdates"]])
    summary = f"{nl(activity.naam)} ({place.naam})"
    event.add("summary", f"Tijdelijk gesloten: {summary}" if closed else summary)
    event.add("location", address_line(place))
    if point := site.enriched.place_point(entry.slug):
        event.add("geo", (round(point[0], 6), round(point[1], 6)))
    event.add("description", event_description(site, entry, activity, wanneer))
    event.add("url", place_page_url(site, entry.slug))
    event.add("categories", list(activity.themas or place.themas))
    event.add("status", "TENTATIVE" if closed else "CONFIRMED")
    return event


def event_description(site: SiteContext, entry: Entry[Ontwikkelplaats], activity: Activiteit, wanneer: Wanneer) -> str:
    place = entry.model
    # The place's own description is not repeated: "elke week …" on a monthly evening misleads.
    lines = [nl(activity.omschrijving), describe(wanneer, "nl"), f"Voor wie: {nl(activity.voor_wie)}", f"Kosten: {kosten_nl(activity)}"]
    if activity.aanmelden:
        lines.append(f"Aanmelden: {nl(activity.aanmelden)}")
    if place.status == "tijdelijk gesloten":
        lines.append("Let op: deze plek is tijdelijk gesloten.")
    if place.voorbeeld:
        lines.append(t("nl", "label_example"))
    lines.append(place_page_url(site, entry.slug))
    return "\n".join(line for line in lines if line)


# --- "Zet in je agenda" -------------------------------------------------------------------------------


def agenda_links_html(site: SiteContext, kind: Kind, slug: str, lang: str, page_path: str) -> str:
    """The "Zet in je agenda" block for a place or buurt page ("" for a stopped place: no calendar).

    A plain link to the .ics file (a browser downloads it, a phone offers to add it) and the full
    address to copy into a calendar app as a subscription, which then stays up to date.
    """
    if kind == "plek" and not has_calendar(site.content.plaatsen[slug].model):
        return ""
    path = ics_path(kind, slug)
    link = asset_href(page_path, lang, path)
    text = t(lang, f"opendata_agenda_{kind}")
    feed = absolute(site, path)
    subscribe = ""
    if feed.startswith(("https://", "http://")):
        subscribe = f'<br><small>{esc(t(lang, "opendata_agenda_subscribe"))} <code>{esc(feed)}</code></small>'
    return (
        f'\n<div class="sk-agenda-link" markdown="0"><p><a href="{esc(link)}" type="text/calendar">'
        f'{esc(t(lang, "opendata_agenda_link"))}</a> — {esc(text)}{subscribe}</p></div>\n'
    )


# --- the page "Open data" ---------------------------------------------------------------------------------


def page_markdown(site: SiteContext, lang: str) -> str:
    def T(key: str, **params: object) -> str:  # noqa: N802 - short on purpose: the page is mostly strings
        return t(lang, f"opendata_{key}", **params)

    def link(asset: str, label: str | None = None) -> str:
        return f'<a href="{esc(asset_href(PAGE, lang, asset))}">{esc(label or asset)}</a>'

    first_buurt = min(site.content.buurten, default=None)
    first_place = next((e.slug for e in sorted_places(site) if has_calendar(e.model)), None)
    rows = [
        (link(GEOJSON), T("file_geojson")),
        (link(ACTIVITIES), T("file_activities")),
        (link(f"{HSDS_DIR}/services.json"), T("file_hsds_services")),
        (link(f"{HSDS_DIR}/organizations.json"), T("file_hsds_organizations")),
        (link(f"{HSDS_DIR}/locations.json"), T("file_hsds_locations")),
        (link(f"{HSDS_DIR}/index.json"), T("file_hsds_index")),
        (f"<code>ics/plek/…</code>" + (f" ({link(ics_path('plek', first_place), T('example'))})" if first_place else ""), T("file_ics_place")),
        (f"<code>ics/buurt/…</code>" + (f" ({link(ics_path('buurt', first_buurt), T('example'))})" if first_buurt else ""), T("file_ics_buurt")),
    ]
    out = [front_matter(T("title"), description=T("description")), f"# {md_text(T('title'))}\n\n", f"{md_text(T('intro'))}\n\n"]
    out.append(f"## {md_text(T('files_heading'))}\n\n")
    out.append(html_table([T("col_file"), T("col_content")], rows))
    out.append(f"## {md_text(T('licence_heading'))}\n\n")
    out.append(f'<p markdown="0">{esc(T("licence_content"))} <a href="{esc(LICENCE["url"])}deed.{lang}" rel="license">{esc(LICENCE["naam"])}</a>.</p>\n\n')
    for key in ("licence_why", "licence_credit", "licence_geo"):
        out.append(f"{md_text(T(key))}\n\n")
    out.append(f'<p markdown="0">{esc(T("licence_sources"))} <a href="{esc(href(PAGE, "over-de-gegevens"))}">{esc(T("licence_sources_link"))}</a>.</p>\n\n')
    out.append(f"## {md_text(T('profile_heading'))}\n\n{md_text(T('profile_intro'))}\n\n")
    profile_rows = [(f"<code>{esc(field)}</code>", esc(T(f"profile_{key}"))) for field, key in PROFILE_ROWS]
    out.append(html_table([T("col_field"), T("col_how")], profile_rows))
    out.append(f"## {md_text(T('example_heading'))}\n\n{md_text(T('example_jq'))}\n\n")
    geojson_url, services_url = absolute(site, GEOJSON), absolute(site, f"{HSDS_DIR}/services.json")
    out.append(f"```sh\ncurl -s {geojson_url} | jq '.features[] | .properties.naam'\ncurl -s {services_url} | jq '.contents[] | {{name, status}}'\n```\n\n")
    out.append(f"{md_text(T('example_calendar'))}\n\n")
    return "".join(out)


def html_table(head: list[str], rows: list[tuple[str, str]]) -> str:
    """A table whose cells are already-escaped HTML (links), kept out of Markdown's hands."""
    th = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="sk-opendata" markdown="0"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>\n\n'


# The Dutch HSDS profile, one row per choice: (HSDS field, catalogue key of the explanation).
PROFILE_ROWS = (
    ("service", "service"),
    ("organization", "organization"),
    ("location", "location"),
    ("address.state_province", "state"),
    ("address.country", "country"),
    ("schedule", "schedule"),
    ("schedule.timezone", "timezone"),
    ("language.code", "language"),
    ("accessibility", "accessibility"),
    ("service.status", "status"),
    ("cost_option", "cost"),
    ("id", "ids"),
)
