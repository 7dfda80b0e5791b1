"""Schedules: dates, time zones, iCalendar and HSDS export, and the schedule in words."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import yaml
from dateutil.rrule import rrulestr
from icalendar import Event, vRecur
from jsonschema import Draft202012Validator, FormatChecker

from generator.i18n import CATALOGUE_DIR, LANGUAGES
from generator.models import DAGEN, Wanneer
from generator.schedule import (
    TIMEZONE,
    AgendaItem,
    describe,
    hsds_schedule,
    local_datetime,
    occurrences,
    placeholders,
    rrule_parts,
    short_time,
    week_agenda,
    weekday_name,
)

HSDS_SCHEDULE_SCHEMA = Path(__file__).parent / "fixtures" / "hsds3" / "schedule.json"


def wanneer(**fields) -> Wanneer:
    return Wanneer.model_validate({"van": "10:00", "tot": "12:00", **fields})


def dates(schedule: Wanneer, start: date, end: date) -> list[date]:
    return [occurrence.datum for occurrence in occurrences(schedule, start, end)]


FIRST_FRIDAY = wanneer(herhaling="maandelijks", dag="vrijdag", week="eerste", van="19:00", tot="21:00")
EVERY_OTHER_WEDNESDAY = wanneer(herhaling="tweewekelijks", dag="woensdag", startdatum="2026-09-02", van="14:00", tot="16:00")


# --- occurrences ----------------------------------------------------------------------------------


def test_first_friday_of_every_month_across_a_year():
    found = occurrences(FIRST_FRIDAY, date(2026, 1, 1), date(2026, 12, 31))
    assert [o.datum for o in found] == [
        date(2026, 1, 2), date(2026, 2, 6), date(2026, 3, 6), date(2026, 4, 3), date(2026, 5, 1), date(2026, 6, 5),
        date(2026, 7, 3), date(2026, 8, 7), date(2026, 9, 4), date(2026, 10, 2), date(2026, 11, 6), date(2026, 12, 4),
    ]
    assert all(o.datum.weekday() == 4 and o.datum.day <= 7 for o in found)


def test_local_times_keep_the_wall_clock_across_summer_time():
    by_month = {o.datum.month: o for o in occurrences(FIRST_FRIDAY, date(2026, 1, 1), date(2026, 12, 31))}
    # Summer time 2026 runs from 29 March to 25 October.
    assert by_month[3].start.isoformat() == "2026-03-06T19:00:00+01:00"
    assert by_month[4].start.isoformat() == "2026-04-03T19:00:00+02:00"
    assert by_month[10].end.isoformat() == "2026-10-02T21:00:00+02:00"
    assert by_month[11].start.isoformat() == "2026-11-06T19:00:00+01:00"
    assert by_month[1].start.astimezone(UTC).time() == time(18, 0)
    assert by_month[7].start.astimezone(UTC).time() == time(17, 0)
    assert by_month[7].start.tzinfo == TIMEZONE


def test_local_datetime_on_the_days_the_clocks_change():
    assert local_datetime(date(2026, 3, 29), time(10)).utcoffset() == timedelta(hours=2)
    assert local_datetime(date(2026, 10, 25), time(10)).utcoffset() == timedelta(hours=1)


def test_weekly_on_several_days():
    schedule = wanneer(herhaling="wekelijks", dag=["maandag", "donderdag"])
    assert dates(schedule, date(2026, 9, 1), date(2026, 9, 14)) == [
        date(2026, 9, 3), date(2026, 9, 7), date(2026, 9, 10), date(2026, 9, 14)
    ]


def test_every_other_week_counts_from_the_startdatum():
    found = dates(EVERY_OTHER_WEDNESDAY, date(2026, 8, 1), date(2026, 10, 31))
    assert found == [date(2026, 9, 2), date(2026, 9, 16), date(2026, 9, 30), date(2026, 10, 14), date(2026, 10, 28)]
    # A window that starts in an "off" week, long after the startdatum, keeps the rhythm.
    later = dates(EVERY_OTHER_WEDNESDAY, date(2027, 3, 1), date(2027, 3, 31))
    assert later == [date(2027, 3, 3), date(2027, 3, 17), date(2027, 3, 31)]
    assert all((day - date(2026, 9, 2)).days % 14 == 0 for day in later)


def test_every_other_week_on_two_days_uses_the_same_weeks():
    schedule = wanneer(herhaling="tweewekelijks", dag=["dinsdag", "donderdag"], startdatum="2026-09-01")
    assert dates(schedule, date(2026, 9, 1), date(2026, 9, 30)) == [
        date(2026, 9, 1), date(2026, 9, 3), date(2026, 9, 15), date(2026, 9, 17), date(2026, 9, 29)
    ]


@pytest.mark.parametrize(
    ("month", "weeks_in_month", "last"),
    [(1, 5, date(2026, 1, 31)), (2, 4, date(2026, 2, 28)), (5, 5, date(2026, 5, 30)), (6, 4, date(2026, 6, 27))],
)
def test_last_saturday_in_months_with_four_and_five_saturdays(month, weeks_in_month, last):
    first_day = date(2026, month, 1)
    last_day = (first_day + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    saturdays = [d for d in (first_day + timedelta(n) for n in range(last_day.day)) if d.weekday() == 5]
    assert len(saturdays) == weeks_in_month
    schedule = wanneer(herhaling="maandelijks", dag="zaterdag", week="laatste")
    assert dates(schedule, first_day, last_day) == [last]
    fourth = wanneer(herhaling="maandelijks", dag="zaterdag", week="vierde")
    assert dates(fourth, first_day, last_day) == [saturdays[3]]


def test_first_and_third_week_of_the_month():
    schedule = wanneer(herhaling="maandelijks", dag="woensdag", week=["eerste", "derde"])
    assert dates(schedule, date(2026, 9, 1), date(2026, 10, 31)) == [
        date(2026, 9, 2), date(2026, 9, 16), date(2026, 10, 7), date(2026, 10, 21)
    ]


def test_vanaf_tot_en_met_and_behalve_are_honoured():
    schedule = wanneer(herhaling="wekelijks", dag="dinsdag", vanaf="2026-09-08", tot_en_met="2026-10-06", behalve=["2026-09-22"])
    assert dates(schedule, date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 9, 8), date(2026, 9, 15), date(2026, 9, 29), date(2026, 10, 6)
    ]
    assert dates(schedule, date(2026, 9, 16), date(2026, 9, 28)) == []
    biweekly = wanneer(herhaling="tweewekelijks", dag="woensdag", startdatum="2026-09-02", vanaf="2026-09-10", tot_en_met="2026-10-14")
    assert dates(biweekly, date(2026, 1, 1), date(2026, 12, 31)) == [date(2026, 9, 16), date(2026, 9, 30), date(2026, 10, 14)]


def test_eenmalig_gives_the_listed_dates_within_the_window():
    schedule = wanneer(herhaling="eenmalig", datum=["2026-12-19", "2026-12-12", "2027-01-09"], behalve=["2026-12-19"])
    assert dates(schedule, date(2026, 12, 1), date(2026, 12, 31)) == [date(2026, 12, 12)]
    assert dates(schedule, date(2026, 1, 1), date(2027, 12, 31)) == [date(2026, 12, 12), date(2027, 1, 9)]


def test_empty_or_reversed_window():
    assert occurrences(FIRST_FRIDAY, date(2026, 1, 3), date(2026, 2, 5)) == []
    assert occurrences(FIRST_FRIDAY, date(2026, 2, 7), date(2026, 2, 6)) == []


# --- week agenda ----------------------------------------------------------------------------------


def test_week_agenda_lists_every_day_sorted_by_start_time():
    items = [
        ("taalcafe", [wanneer(herhaling="wekelijks", dag=["dinsdag", "vrijdag"], van="14:00", tot="16:00")]),
        ("koffie", [wanneer(herhaling="wekelijks", dag="dinsdag", van="09:30", tot="11:00")]),
        ("repair", [FIRST_FRIDAY]),
        ("moestuin", [EVERY_OTHER_WEDNESDAY]),
    ]
    agenda = week_agenda(items, date(2026, 9, 28))
    assert list(agenda) == [date(2026, 9, 28) + timedelta(days=n) for n in range(7)]
    assert [item.key for item in agenda[date(2026, 9, 29)]] == ["koffie", "taalcafe"]
    assert [item.key for item in agenda[date(2026, 9, 30)]] == ["moestuin"]
    assert [item.key for item in agenda[date(2026, 10, 2)]] == ["taalcafe", "repair"]
    assert agenda[date(2026, 10, 4)] == []
    first = agenda[date(2026, 9, 29)][0]
    assert isinstance(first, AgendaItem) and first.occurrence.start.isoformat() == "2026-09-29T09:30:00+02:00"


def test_week_agenda_needs_a_monday():
    with pytest.raises(ValueError, match="Monday"):
        week_agenda([], date(2026, 9, 29))


# --- iCalendar ------------------------------------------------------------------------------------


def expand_as_icalendar(schedule: Wanneer, reference: date, end: date) -> list[date]:
    """Write a VEVENT from rrule_parts(), then expand its text with dateutil, as a calendar app would."""
    parts = rrule_parts(schedule, reference)
    event = Event()
    event.add("dtstart", local_datetime(parts["dtstart"], schedule.van))
    if parts["rrule"]:
        event.add("rrule", vRecur(parts["rrule"]))
    for day in parts["rdates"]:
        event.add("rdate", local_datetime(day, schedule.van))
    if parts["exdates"]:
        event.add("exdate", [local_datetime(day, schedule.van) for day in parts["exdates"]])
    ical = event.to_ical()
    lines = ical.decode().replace("\r\n ", "").splitlines()
    text = "\n".join(line for line in lines if line.split(":")[0].split(";")[0] in {"DTSTART", "RRULE", "EXDATE"})
    ruleset = rrulestr(text, forceset=True, tzinfos={"Europe/Amsterdam": TIMEZONE})
    # RFC 5545: DTSTART is always the first instance (dateutil only counts it when the rule makes it).
    ruleset.rdate(local_datetime(parts["dtstart"], schedule.van))
    # dateutil's parser does not take RDATE;TZID=…: read those back with icalendar instead.
    rdates = Event.from_ical(ical).get("RDATE", [])
    for rdate in rdates if isinstance(rdates, list) else [rdates]:
        for value in rdate.dts:
            ruleset.rdate(value.dt)
    until = datetime.combine(end, time(23, 59), tzinfo=TIMEZONE)
    moments = ruleset.between(local_datetime(reference, time()), until, inc=True)
    assert all(moment.astimezone(TIMEZONE).time() == schedule.van for moment in moments)  # wall clock kept
    return [moment.astimezone(TIMEZONE).date() for moment in moments]


@pytest.mark.parametrize(
    "schedule",
    [
        FIRST_FRIDAY,
        EVERY_OTHER_WEDNESDAY,
        wanneer(herhaling="maandelijks", dag="zaterdag", week="laatste", tot_en_met="2027-03-27"),
        wanneer(herhaling="maandelijks", dag=["dinsdag", "donderdag"], week=["tweede", "vierde"], van="19:00", tot="21:00"),
        wanneer(herhaling="wekelijks", dag=["maandag", "donderdag"], vanaf="2026-09-01", tot_en_met="2027-06-30",
                behalve=["2026-12-28", "2027-01-01", "2027-02-01"]),
        wanneer(herhaling="tweewekelijks", dag=["dinsdag", "donderdag"], startdatum="2026-01-06", behalve=["2026-09-03"]),
        wanneer(herhaling="eenmalig", datum=["2026-12-12", "2027-04-03", "2026-10-31"], behalve=["2027-04-03"]),
    ],
)
def test_rrule_round_trip_gives_the_same_dates(schedule):
    reference, end = date(2026, 9, 3), date(2027, 9, 3)
    expected = dates(schedule, reference, end)
    assert expected, "the case should have occurrences"
    assert expand_as_icalendar(schedule, reference, end) == expected


def test_rrule_parts_fields():
    schedule = wanneer(herhaling="maandelijks", dag="vrijdag", week="laatste", van="19:00", tot="21:00",
                       vanaf="2026-09-01", tot_en_met="2027-06-30", behalve=["2026-12-25", "2026-12-26"])
    parts = rrule_parts(schedule)
    assert parts["rrule"] == {
        "FREQ": "MONTHLY", "INTERVAL": 1, "BYDAY": ["-1FR"],
        "UNTIL": datetime(2027, 6, 30, 21, 59, 59, tzinfo=UTC),  # end of 30 June in summer time, in UTC
    }
    assert parts["dtstart"] == date(2026, 9, 25)
    assert parts["exdates"] == [date(2026, 12, 25)]  # 26 December is no last Friday: no EXDATE needed
    assert parts["rdates"] == []
    assert vRecur(parts["rrule"]).to_ical() == b"FREQ=MONTHLY;UNTIL=20270630T215959Z;INTERVAL=1;BYDAY=-1FR"


def test_rrule_parts_for_every_other_week_and_one_off():
    parts = rrule_parts(EVERY_OTHER_WEDNESDAY, date(2026, 9, 10))
    assert parts["rrule"] == {"FREQ": "WEEKLY", "INTERVAL": 2, "BYDAY": ["WE"], "WKST": "MO"}
    assert parts["dtstart"] == date(2026, 9, 16)
    assert rrule_parts(EVERY_OTHER_WEDNESDAY)["dtstart"] == date(2026, 9, 2)
    once = rrule_parts(wanneer(herhaling="eenmalig", datum=["2026-12-19", "2026-12-12"]))
    assert once == {"rrule": None, "dtstart": date(2026, 12, 12), "exdates": [], "rdates": [date(2026, 12, 19)]}


def test_rrule_parts_dtstart_skips_an_exception_and_is_none_when_over():
    schedule = wanneer(herhaling="wekelijks", dag="dinsdag", tot_en_met="2026-12-31", behalve=["2026-09-01"])
    assert rrule_parts(schedule, date(2026, 9, 1))["dtstart"] == date(2026, 9, 8)
    assert rrule_parts(schedule, date(2027, 1, 1))["dtstart"] is None


# --- HSDS -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hsds_validator():
    schema = json.loads(HSDS_SCHEDULE_SCHEMA.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize(
    "schedule",
    [
        FIRST_FRIDAY,
        EVERY_OTHER_WEDNESDAY,
        wanneer(herhaling="wekelijks", dag=["dinsdag", "donderdag"], vanaf="2026-09-01", tot_en_met="2027-06-30", behalve=["2026-12-29"]),
        wanneer(herhaling="maandelijks", dag="zaterdag", week="laatste"),
        wanneer(herhaling="eenmalig", datum=["2026-12-12", "2026-12-19"]),
    ],
)
def test_hsds_schedule_validates_against_the_hsds_schema(schedule, hsds_validator):
    records = hsds_schedule(schedule, service_id="ac148810-d857-441c-9679-408f346de14b")
    for record in records:
        errors = [f"{list(error.path)}: {error.message}" for error in hsds_validator.iter_errors(record)]
        assert errors == []
        assert set(record) <= set(hsds_validator.schema["properties"])


def test_hsds_schedule_fields():
    schedule = wanneer(herhaling="wekelijks", dag=["dinsdag", "donderdag"], vanaf="2026-09-01", tot_en_met="2027-06-30")
    [record] = hsds_schedule(schedule, lang="en")
    assert {key: value for key, value in record.items() if key not in {"id", "notes"}} == {
        "freq": "WEEKLY", "interval": 1, "byday": "TU,TH",
        "valid_from": "2026-09-01", "valid_to": "2027-06-30", "until": "2027-06-30", "dtstart": "2026-09-01",
        "opens_at": "10:00", "closes_at": "12:00",
        "description": "every Tuesday and Thursday, 10:00–12:00, from 1 September 2026 to 30 June 2027",
    }
    assert hsds_schedule(schedule, lang="en")[0]["id"] == record["id"]  # stable between builds
    monthly = hsds_schedule(FIRST_FRIDAY)[0]
    assert (monthly["freq"], monthly["interval"], monthly["byday"], monthly["opens_at"]) == ("MONTHLY", 1, "1FR", "19:00")
    assert "dtstart" not in monthly  # no vanaf, no reference: unknown, and not needed with interval 1
    last = hsds_schedule(wanneer(herhaling="maandelijks", dag="vrijdag", week="laatste"), reference=date(2026, 9, 1))[0]
    assert (last["byday"], last["dtstart"]) == ("-1FR", "2026-09-25")
    biweekly = hsds_schedule(EVERY_OTHER_WEDNESDAY)[0]
    assert (biweekly["interval"], biweekly["byday"], biweekly["dtstart"]) == (2, "WE", "2026-09-02")
    once = hsds_schedule(wanneer(herhaling="eenmalig", datum=["2026-12-19", "2026-12-12"]))
    assert [(r["dtstart"], r["until"], r["byday"]) for r in once] == [("2026-12-12", "2026-12-12", "SA"), ("2026-12-19", "2026-12-19", "SA")]
    assert once[0]["id"] != once[1]["id"]


# --- words ----------------------------------------------------------------------------------------

DESCRIBED = {
    "weekly": (
        wanneer(herhaling="wekelijks", dag="dinsdag"),
        "elke dinsdag, 10.00–12.00 uur",
        "every Tuesday, 10:00–12:00",
    ),
    "weekly, two days": (
        wanneer(herhaling="wekelijks", dag=["maandag", "donderdag"], van="13:30", tot="15:00"),
        "elke maandag en donderdag, 13.30–15.00 uur",
        "every Monday and Thursday, 13:30–15:00",
    ),
    "first of the month": (
        FIRST_FRIDAY,
        "elke eerste vrijdag van de maand, 19.00–21.00 uur",
        "every first Friday of the month, 19:00–21:00",
    ),
    "first and third of the month": (
        wanneer(herhaling="maandelijks", dag="woensdag", week=["eerste", "derde"]),
        "elke eerste en derde woensdag van de maand, 10.00–12.00 uur",
        "every first and third Wednesday of the month, 10:00–12:00",
    ),
    "every other week": (
        EVERY_OTHER_WEDNESDAY,
        "om de week op woensdag (vanaf 2 september 2026), 14.00–16.00 uur",
        "every other Wednesday (starting 2 September 2026), 14:00–16:00",
    ),
    "one date": (
        wanneer(herhaling="eenmalig", datum="2026-12-12"),
        "op 12 december 2026, 10.00–12.00 uur",
        "on 12 December 2026, 10:00–12:00",
    ),
    "two dates": (
        wanneer(herhaling="eenmalig", datum=["2026-12-19", "2026-12-12"]),
        "op 12 december 2026 en 19 december 2026, 10.00–12.00 uur",
        "on 12 December 2026 and 19 December 2026, 10:00–12:00",
    ),
    "range and exception": (
        wanneer(herhaling="wekelijks", dag="vrijdag", vanaf="2026-09-01", tot_en_met="2027-06-30", behalve=["2026-12-25"]),
        "elke vrijdag, 10.00–12.00 uur, van 1 september 2026 tot en met 30 juni 2027, niet op 25 december 2026",
        "every Friday, 10:00–12:00, from 1 September 2026 to 30 June 2027, not on 25 December 2026",
    ),
    "range within one year": (
        wanneer(herhaling="maandelijks", dag="zaterdag", week="laatste", vanaf="2026-03-01", tot_en_met="2026-06-30"),
        "elke laatste zaterdag van de maand, 10.00–12.00 uur, van 1 maart tot en met 30 juni 2026",
        "every last Saturday of the month, 10:00–12:00, from 1 March to 30 June 2026",
    ),
    "only a start or an end": (
        wanneer(herhaling="tweewekelijks", dag=["dinsdag", "donderdag"], startdatum="2026-09-01", tot_en_met="2027-01-31"),
        "om de week op dinsdag en donderdag (vanaf 1 september 2026), 10.00–12.00 uur, tot en met 31 januari 2027",
        "every other Tuesday and Thursday (starting 1 September 2026), 10:00–12:00, until 31 January 2027",
    ),
}


@pytest.mark.parametrize(("schedule", "nl", "en"), DESCRIBED.values(), ids=DESCRIBED.keys())
def test_describe_in_dutch_and_english(schedule, nl, en):
    assert describe(schedule, "nl") == nl
    assert describe(schedule, "en") == en


def test_describe_without_times():
    assert describe(wanneer(herhaling="maandelijks", dag="zaterdag", week="laatste"), "nl", with_times=False) == "elke laatste zaterdag van de maand"
    assert describe(wanneer(herhaling="wekelijks", dag=["maandag", "donderdag"]), "nl", with_times=False) == "elke maandag en donderdag"
    assert describe(wanneer(herhaling="wekelijks", dag="dinsdag", vanaf="2026-09-01"), "nl", with_times=False) == "elke dinsdag, vanaf 1 september 2026"


def test_describe_every_other_week_after_a_later_vanaf_names_the_first_date():
    schedule = wanneer(herhaling="tweewekelijks", dag="woensdag", startdatum="2025-09-03", vanaf="2026-09-01")
    assert describe(schedule, "nl", with_times=False) == "om de week op woensdag (vanaf 2 september 2026), vanaf 1 september 2026"


@pytest.mark.parametrize(
    ("lang", "schedule", "expected"),
    [
        ("tr", wanneer(herhaling="wekelijks", dag="dinsdag"), "her salı, saat 10:00–12:00"),
        ("tr", FIRST_FRIDAY, "her ayın ilk cuma günü, saat 19:00–21:00"),
        ("tr", wanneer(herhaling="eenmalig", datum="2026-12-12", behalve=[]), "12 Aralık 2026 tarihinde, saat 10:00–12:00"),
        ("ar", wanneer(herhaling="wekelijks", dag="dinsdag"), "كل يوم ثلاثاء، من 10:00 إلى 12:00"),
        ("ar", FIRST_FRIDAY, "أول جمعة من كل شهر، من 19:00 إلى 21:00"),
        ("ar", EVERY_OTHER_WEDNESDAY, "كل أسبوعين يوم الأربعاء (ابتداءً من 2 سبتمبر 2026)، من 14:00 إلى 16:00"),
        ("pl", wanneer(herhaling="wekelijks", dag="dinsdag"), "w każdy wtorek, w godz. 10:00–12:00"),
        ("pl", EVERY_OTHER_WEDNESDAY, "co drugą środę (od 2 września 2026), w godz. 14:00–16:00"),
        ("pl", FIRST_FRIDAY, "w każdy pierwszy piątek miesiąca, w godz. 19:00–21:00"),
        ("pl", wanneer(herhaling="maandelijks", dag="zaterdag", week="laatste"), "w każdą ostatnią sobotę miesiąca, w godz. 10:00–12:00"),
        ("pl", wanneer(herhaling="wekelijks", dag="vrijdag", behalve=["2026-12-25"]), "w każdy piątek, w godz. 10:00–12:00, z wyjątkiem 25 grudnia 2026"),
        ("uk", wanneer(herhaling="wekelijks", dag="dinsdag"), "щовівторка, з 10:00 до 12:00"),
        ("uk", FIRST_FRIDAY, "щомісяця в першу пʼятницю, з 19:00 до 21:00"),
        ("uk", wanneer(herhaling="maandelijks", dag="maandag", week="laatste"), "щомісяця в останній понеділок, з 10:00 до 12:00"),
        ("uk", EVERY_OTHER_WEDNESDAY, "раз на два тижні в середу (починаючи з 2 вересня 2026\u202fр.), з 14:00 до 16:00"),
    ],
)
def test_describe_spot_checks(lang, schedule, expected):
    assert describe(schedule, lang) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ["wekelijks", "tweewekelijks", "maandelijks"])
def test_describe_every_weekday_in_every_language(lang, kind):
    """Every weekday form exists and is filled in: no leftover {placeholder}, no Dutch in other languages."""
    for index, dag in enumerate(DAGEN):
        extra = {"tweewekelijks": {"startdatum": (date(2026, 9, 7) + timedelta(days=index)).isoformat()},
                 "maandelijks": {"week": ["tweede", "laatste"]}}.get(kind, {})
        text = describe(wanneer(herhaling=kind, dag=dag, **extra), lang)
        assert "{" not in text and "}" not in text
        if lang != "nl":
            assert dag not in text


def test_weekday_forms_in_dutch_and_english_are_babels_names():
    nl = yaml.safe_load((CATALOGUE_DIR / "nl" / "schedule.yml").read_text(encoding="utf-8"))
    en = yaml.safe_load((CATALOGUE_DIR / "en" / "schedule.yml").read_text(encoding="utf-8"))
    for index, dag in enumerate(DAGEN):
        assert nl[f"schedule.weekly.{dag}"] == weekday_name(index, "nl") == dag
        assert en[f"schedule.weekly.{dag}"] == weekday_name(index, "en")


def test_weekday_name_and_short_time():
    assert [weekday_name(1, lang) for lang in LANGUAGES] == ["dinsdag", "Tuesday", "Salı", "الثلاثاء", "wtorek", "вівторок"]
    assert [short_time(time(19, 5), lang) for lang in LANGUAGES] == ["19.05", "19:05", "19:05", "19:05", "19:05", "19:05"]
    assert short_time(time(9, 0), "nl") == "09.00"


# --- catalogue ------------------------------------------------------------------------------------


def load_schedule_catalogue(lang: str) -> dict[str, str]:
    return yaml.safe_load((CATALOGUE_DIR / lang / "schedule.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "nl"])
def test_every_schedule_catalogue_has_the_dutch_keys_and_placeholders(lang):
    reference, strings = load_schedule_catalogue("nl"), load_schedule_catalogue(lang)
    assert sorted(strings) == sorted(reference)
    different = {key: (placeholders(strings[key]), placeholders(text)) for key, text in reference.items() if placeholders(strings[key]) != placeholders(text)}
    assert different == {}
    assert all(isinstance(text, str) and text.strip() for text in strings.values())
    assert {strings[f"schedule.gender.{dag}"] for dag in DAGEN} <= {"m", "f"}


def test_schedule_keys_are_in_their_own_namespace():
    assert all(key.startswith("schedule.") for key in load_schedule_catalogue("nl"))


def test_the_hsds_validator_does_reject_wrong_records(hsds_validator):
    [record] = hsds_schedule(FIRST_FRIDAY)
    assert not list(hsds_validator.iter_errors(record))
    assert list(hsds_validator.iter_errors({**record, "interval": "1"}))
    assert list(hsds_validator.iter_errors({**record, "id": "not-a-uuid"}))
    assert list(hsds_validator.iter_errors({**record, "freq": "DAILY"}))
