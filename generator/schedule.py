"""Schedules: the dates an activity takes place, and the same schedule as iCalendar, HSDS and words.

One ``Wanneer`` (see ``generator/models.py``) becomes:

- ``occurrences()``: every date in a window, with start and end as Europe/Amsterdam datetimes;
- ``rrule_parts()``: an iCalendar RRULE (for ``icalendar.vRecur``), DTSTART, EXDATE and RDATE;
- ``hsds_schedule()``: Open Referral HSDS 3.0 ``schedule`` records;
- ``describe()``: the schedule as people say it, in each site language.

Dates come from python-dateutil's ``rrule`` (the same RFC 5545 semantics the iCalendar export
promises), never from hand-written calendar arithmetic. Times are wall-clock times in
Europe/Amsterdam: an activity at 19:00 is at 19:00 in winter (+01:00) and in summer (+02:00).

Words come from the catalogue domain ``schedule`` (``generator/i18n/<lang>/schedule.yml``).
Each recurrence has a wrapper (``schedule.weekly``: "elke {days}") and a form per weekday
(``schedule.weekly.dinsdag``: "dinsdag"; in Polish "każdy wtorek", in Ukrainian "щовівторка"),
because Polish and Ukrainian inflect the weekday and its ordinal; Babel's standalone names do
not fit those sentences. Dates, times and lists ("a, b en c") are formatted by Babel.
"""

from __future__ import annotations

import string
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Generic, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.lists import format_list
from dateutil import rrule as du

from generator.i18n import t
from generator.models import DAGEN, WEKEN, Wanneer

TIMEZONE = ZoneInfo("Europe/Amsterdam")

# The Babel locale per site language. English uses en_GB: day-month-year dates ("3 September
# 2026") and 24-hour times, as readers in the Netherlands expect.
BABEL_LOCALES: dict[str, str] = {"nl": "nl", "en": "en_GB", "tr": "tr", "ar": "ar", "pl": "pl", "uk": "uk"}

# RFC 5545 weekday codes, in the order of ``DAGEN`` (Monday first, as date.weekday()).
ICAL_DAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_RRULE_DAYS = (du.MO, du.TU, du.WE, du.TH, du.FR, du.SA, du.SU)

# HSDS ids are UUIDs; deriving them from the schedule keeps exports stable between builds.
_HSDS_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/sociale-kaart-eindhoven/schedule")

K = TypeVar("K")


# --- occurrences ----------------------------------------------------------------------------------


def local_datetime(day: date, at: time) -> datetime:
    """``day`` at wall-clock time ``at`` in Europe/Amsterdam, as an aware datetime.

    zoneinfo picks the offset of that date: +01:00 in winter, +02:00 in summer. (A time in the hour
    skipped when the clocks go forward gets the winter offset; no activity starts at 02:30.)
    """
    return datetime.combine(day, at, tzinfo=TIMEZONE)


@dataclass(frozen=True)
class Occurrence:
    """One date an activity takes place, with its local start and end time."""

    datum: date
    van: time
    tot: time

    @property
    def start(self) -> datetime:
        return local_datetime(self.datum, self.van)

    @property
    def end(self) -> datetime:
        return local_datetime(self.datum, self.tot)


def occurrences(wanneer: Wanneer, start: date, end: date) -> list[Occurrence]:
    """Every date in [start, end] on which the activity takes place, honouring vanaf, tot_en_met and behalve."""
    first, last = _valid_window(wanneer, start, end)
    if first > last:
        return []
    dates = _ruleset(wanneer, first).between(_midnight(first), _midnight(last), inc=True)
    return [Occurrence(moment.date(), wanneer.van, wanneer.tot) for moment in dates]


def first_occurrence(wanneer: Wanneer, on_or_after: date) -> date | None:
    """The first date on or after ``on_or_after`` on which the activity takes place (None: never again)."""
    first, last = _valid_window(wanneer, on_or_after, date.max)
    moment = _ruleset(wanneer, first).after(_midnight(first), inc=True)
    return moment.date() if moment and moment.date() <= last else None


def _valid_window(wanneer: Wanneer, start: date, end: date) -> tuple[date, date]:
    """[start, end] narrowed to the dates the schedule is valid (vanaf, tot_en_met)."""
    first = max(start, wanneer.vanaf) if wanneer.vanaf else start
    last = min(end, wanneer.tot_en_met) if wanneer.tot_en_met else end
    return first, last


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _ruleset(wanneer: Wanneer, window_start: date) -> du.rruleset:
    """The dates of ``wanneer`` as a dateutil rruleset of naive midnights, complete from ``window_start`` on.

    Validity (vanaf, tot_en_met) is the caller's window; behalve are EXDATEs.
    """
    ruleset = du.rruleset()
    if wanneer.herhaling == "eenmalig":
        for day in wanneer.datum or []:
            ruleset.rdate(_midnight(day))
    else:
        ruleset.rrule(_rrule(wanneer, window_start))
    for day in wanneer.behalve:
        ruleset.exdate(_midnight(day))
    return ruleset


def _rrule(wanneer: Wanneer, window_start: date) -> du.rrule:
    weekdays = _weekdays(wanneer)
    if wanneer.herhaling == "tweewekelijks":
        # Every other week counts from a date it takes place (startdatum); weeks start on Monday.
        assert wanneer.startdatum is not None
        return du.rrule(du.WEEKLY, interval=2, wkst=du.MO, dtstart=_midnight(wanneer.startdatum), byweekday=weekdays)
    freq = du.MONTHLY if wanneer.herhaling == "maandelijks" else du.WEEKLY
    return du.rrule(freq, dtstart=_midnight(window_start), byweekday=weekdays)


def _weekdays(wanneer: Wanneer) -> list[du.weekday]:
    days = [_RRULE_DAYS[DAGEN.index(dag)] for dag in wanneer.dag or []]
    if wanneer.herhaling != "maandelijks":
        return days
    return [day(WEKEN[week]) for week in wanneer.week or [] for day in days]


# --- week agenda ----------------------------------------------------------------------------------


class AgendaItem(NamedTuple, Generic[K]):
    """One activity on one day of the week agenda: the caller's key and the occurrence."""

    key: K
    occurrence: Occurrence


def week_agenda(items: Iterable[tuple[K, list[Wanneer]]], monday: date) -> dict[date, list[AgendaItem[K]]]:
    """The seven days Monday–Sunday of the week of ``monday``, each with its activities sorted by start time.

    ``items`` are (key, schedules) pairs, e.g. (activity, activity.wanneer). Every day is present,
    also when nothing happens (the agenda shows "niets" rather than skipping the day).
    """
    if monday.weekday() != 0:
        raise ValueError(f"week_agenda needs a Monday, got {monday.isoformat()} ({DAGEN[monday.weekday()]})")
    sunday = monday + timedelta(days=6)
    agenda: dict[date, list[AgendaItem[K]]] = {monday + timedelta(days=n): [] for n in range(7)}
    for key, schedules in items:
        for wanneer in schedules:
            for occurrence in occurrences(wanneer, monday, sunday):
                agenda[occurrence.datum].append(AgendaItem(key, occurrence))
    for day_items in agenda.values():
        day_items.sort(key=lambda item: (item.occurrence.van, item.occurrence.tot))  # stable: ties keep input order
    return agenda


# --- iCalendar ------------------------------------------------------------------------------------


def rrule_parts(wanneer: Wanneer, reference: date | None = None) -> dict[str, Any]:
    """The schedule as the parts of an iCalendar VEVENT.

    Returns ``{"rrule": dict | None, "dtstart": date | None, "exdates": [date], "rdates": [date]}``:

    - ``rrule`` for ``icalendar.vRecur``: FREQ, INTERVAL, BYDAY (["TU", "TH"], ["1FR"], ["-1FR"]),
      WKST for every-other-week rules, UNTIL (end of ``tot_en_met`` in Europe/Amsterdam, in UTC as
      RFC 5545 requires with a TZID DTSTART); None for ``eenmalig``.
    - ``dtstart``: the first date it takes place on or after ``vanaf`` / ``reference`` (the later
      of the two; without either: the startdatum or first datum, else today), skipping ``behalve``
      dates so DTSTART is always a real occurrence. None when nothing is left: export no event.
    - ``exdates``: the ``behalve`` dates that would otherwise be occurrences after ``dtstart``.
    - ``rdates``: for ``eenmalig``, the dates after ``dtstart``.

    Combine a date with ``wanneer.van`` via ``local_datetime`` for DTSTART, EXDATE and RDATE.
    """
    anchor = _anchor(wanneer, reference) or date.today()
    dtstart = first_occurrence(wanneer, anchor)
    without_exceptions = wanneer.model_copy(update={"behalve": []})
    exdates = [day for day in sorted(set(wanneer.behalve)) if dtstart and day > dtstart and _is_occurrence(without_exceptions, day)]
    rdates: list[date] = []
    if wanneer.herhaling == "eenmalig":
        rdates = [day for day in sorted(set(wanneer.datum or [])) if dtstart and day > dtstart and _is_occurrence(wanneer, day)]
    return {"rrule": _recur(wanneer), "dtstart": dtstart, "exdates": exdates, "rdates": rdates}


def _anchor(wanneer: Wanneer, reference: date | None) -> date | None:
    """The date to look for the first occurrence from: the later of vanaf and reference, else where the schedule begins."""
    given = [day for day in (wanneer.vanaf, reference) if day]
    if given:
        return max(given)
    if wanneer.herhaling == "tweewekelijks":
        return wanneer.startdatum
    if wanneer.herhaling == "eenmalig":
        return min(wanneer.datum or [], default=None)
    return None


def _is_occurrence(wanneer: Wanneer, day: date) -> bool:
    return bool(occurrences(wanneer, day, day))


def _recur(wanneer: Wanneer) -> dict[str, Any] | None:
    if wanneer.herhaling == "eenmalig":
        return None
    recur: dict[str, Any] = {
        "FREQ": "MONTHLY" if wanneer.herhaling == "maandelijks" else "WEEKLY",
        "INTERVAL": 2 if wanneer.herhaling == "tweewekelijks" else 1,
        "BYDAY": _byday(wanneer),
    }
    if wanneer.herhaling == "tweewekelijks":
        recur["WKST"] = "MO"  # with INTERVAL=2 the week start decides which weeks count; be explicit
    if wanneer.tot_en_met:
        end_of_day = local_datetime(wanneer.tot_en_met, time(23, 59, 59))
        recur["UNTIL"] = end_of_day.astimezone(UTC)
    return recur


def _byday(wanneer: Wanneer) -> list[str]:
    days = [ICAL_DAYS[DAGEN.index(dag)] for dag in wanneer.dag or []]
    if wanneer.herhaling != "maandelijks":
        return days
    return [f"{WEKEN[week]}{day}" for week in wanneer.week or [] for day in days]


# --- Open Referral HSDS 3.0 -----------------------------------------------------------------------


def hsds_schedule(wanneer: Wanneer, *, lang: str = "nl", service_id: str | None = None, reference: date | None = None) -> list[dict[str, Any]]:
    """The schedule as HSDS 3.0 ``schedule`` records (one per date for ``eenmalig``, else one).

    Times are local wall-clock times ("19:00"): Europe/Amsterdam changes its UTC offset with summer
    time, which HSDS's single ``timezone`` offset cannot express, so ``notes`` says so instead.
    HSDS has no exception dates: those are in ``description`` ("niet op 25 december 2026").
    ``dtstart`` is the first occurrence on or after ``vanaf`` / ``reference`` (see ``rrule_parts``);
    HSDS needs it with ``interval`` 2 and it is left out when it is unknown.
    """
    if wanneer.herhaling == "eenmalig":
        records = [_hsds_once(wanneer, day) for day in sorted(set(wanneer.datum or []))]
    else:
        records = [_hsds_recurring(wanneer, reference)]
    common = {
        "opens_at": _hhmm(wanneer.van),
        "closes_at": _hhmm(wanneer.tot),
        "description": describe(wanneer, lang),
        "notes": t(lang, "schedule.hsds_notes"),
    }
    if service_id:
        common["service_id"] = service_id
    return [_with_id({**record, **common}, wanneer, service_id, index) for index, record in enumerate(records)]


def _hsds_recurring(wanneer: Wanneer, reference: date | None) -> dict[str, Any]:
    recur = _recur(wanneer)
    assert recur is not None
    record: dict[str, Any] = {"freq": recur["FREQ"], "interval": recur["INTERVAL"], "byday": ",".join(recur["BYDAY"])}
    if "WKST" in recur:
        record["wkst"] = recur["WKST"]
    if wanneer.vanaf:
        record["valid_from"] = wanneer.vanaf.isoformat()
    if wanneer.tot_en_met:
        record["valid_to"] = record["until"] = wanneer.tot_en_met.isoformat()
    anchor = _anchor(wanneer, reference)
    first = first_occurrence(wanneer, anchor) if anchor else None
    if first:
        record["dtstart"] = first.isoformat()
    return record


def _hsds_once(wanneer: Wanneer, day: date) -> dict[str, Any]:
    # A single date as a weekly rule that starts and ends that day: readers that expand RRULEs and
    # readers that only look at valid_from/valid_to both get the right date.
    iso = day.isoformat()
    return {"freq": "WEEKLY", "interval": 1, "byday": ICAL_DAYS[day.weekday()], "dtstart": iso, "until": iso, "valid_from": iso, "valid_to": iso}


def _with_id(record: dict[str, Any], wanneer: Wanneer, service_id: str | None, index: int) -> dict[str, Any]:
    seed = f"{service_id or ''}|{wanneer.model_dump_json()}|{index}"
    return {"id": str(uuid.uuid5(_HSDS_NAMESPACE, seed)), **record}


def _hhmm(at: time) -> str:
    return at.strftime("%H:%M")


# --- words ------------------------------------------------------------------------------------------


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES[lang]


def weekday_name(index: int, lang: str) -> str:
    """The standalone name of weekday ``index`` (0 = Monday, as date.weekday()), e.g. (1, 'nl') → 'dinsdag'."""
    return get_day_names("wide", context="stand-alone", locale=babel_locale(lang))[index]


def short_time(at: time, lang: str) -> str:
    """A time of day the way ``lang`` writes it: '19.00' in Dutch, '19:00' in English."""
    return format_time(at, t(lang, "schedule.time_pattern"), locale=babel_locale(lang))


def long_date(day: date, lang: str) -> str:
    """A date in words, e.g. '3 september 2026', '3 September 2026', '3 вересня 2026 р.'."""
    return format_date(day, "long", locale=babel_locale(lang))


def describe(wanneer: Wanneer, lang: str, *, with_times: bool = True) -> str:
    """The schedule said the way people say it, e.g. 'elke eerste vrijdag van de maand, 19.00–21.00 uur'.

    Parts, in order: the recurrence (with "(vanaf …)" for every other week), the times, the
    date range ("van … tot en met …") and the exceptions ("niet op …").
    """
    parts = [_pattern(wanneer, lang)]
    if with_times:
        parts.append(t(lang, "schedule.times", start=short_time(wanneer.van, lang), end=short_time(wanneer.tot, lang)))
    if wanneer.herhaling != "eenmalig" and (wanneer.vanaf or wanneer.tot_en_met):
        parts.append(_date_range(wanneer.vanaf, wanneer.tot_en_met, lang))
    if wanneer.behalve:
        parts.append(t(lang, "schedule.except", dates=_date_list(wanneer.behalve, lang)))
    return t(lang, "schedule.separator").join(parts)


def _pattern(wanneer: Wanneer, lang: str) -> str:
    if wanneer.herhaling == "eenmalig":
        dates = wanneer.datum or []
        key = "schedule.once" if len(set(dates)) == 1 else "schedule.once_many"
        return t(lang, key, dates=_date_list(dates, lang))
    kind = {"wekelijks": "weekly", "tweewekelijks": "biweekly", "maandelijks": "monthly"}[wanneer.herhaling]
    days = _join([_day_form(kind, dag, wanneer.week or [], lang) for dag in wanneer.dag or []], lang)
    pattern = t(lang, f"schedule.{kind}", days=days)
    if kind == "biweekly":
        pattern += " " + t(lang, "schedule.biweekly_from", date=long_date(_biweekly_first(wanneer), lang))
    return pattern


def _day_form(kind: str, dag: str, weeks: list[str], lang: str) -> str:
    if kind != "monthly":
        return t(lang, f"schedule.{kind}.{dag}")
    # Polish and Ukrainian ordinals agree with the weekday's gender ("pierwszy piątek", "pierwszą środę").
    series = "schedule.nth_f" if t(lang, f"schedule.gender.{dag}") == "f" else "schedule.nth"
    nth = _join([t(lang, f"{series}.{week}") for week in weeks], lang)
    return t(lang, f"schedule.monthly.{dag}", nth=nth)


def _biweekly_first(wanneer: Wanneer) -> date:
    """The date the every-other-week rhythm is told from: startdatum, or the first date after a later vanaf."""
    assert wanneer.startdatum is not None
    if wanneer.vanaf and wanneer.vanaf > wanneer.startdatum:
        return first_occurrence(wanneer.model_copy(update={"behalve": []}), wanneer.vanaf) or wanneer.startdatum
    return wanneer.startdatum


def _date_range(start: date | None, end: date | None, lang: str) -> str:
    if start and end:
        # "van 1 maart tot en met 30 juni 2026": the year once when both dates share it.
        first = format_skeleton("MMMMd", start, locale=babel_locale(lang)) if start.year == end.year else long_date(start, lang)
        return t(lang, "schedule.range", start=first, end=long_date(end, lang))
    if start:
        return t(lang, "schedule.range_from", start=long_date(start, lang))
    assert end is not None
    return t(lang, "schedule.range_until", end=long_date(end, lang))


def _date_list(dates: Iterable[date], lang: str) -> str:
    return _join([long_date(day, lang) for day in sorted(set(dates))], lang)


def _join(items: list[str], lang: str) -> str:
    """'a, b en c' / 'a, b and c' / 'a وb' — the locale's own list pattern from Babel (CLDR)."""
    return format_list(items, locale=babel_locale(lang))


def placeholders(text: str) -> set[str]:
    """The {placeholder} names in a catalogue text (for the catalogue consistency test)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
