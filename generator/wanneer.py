"""Dutch schedule phrases ("elke dinsdag 10-12 uur") to the ``wanneer`` model, and back.

``read_phrase`` reads a phrase as people write it on flyers and in spreadsheets; ``phrase_of``
says a schedule so that ``read_phrase`` reads back the very same model (for the spreadsheet
export). Pure functions: no I/O, "today" is a parameter.

The rule is: never a wrong reading. The phrase is cut into tokens (keeping where each came from,
to quote the editor's own words), then each stage claims the tokens it understands: dates with
their role (vanaf, t/m, behalve …), times, days with their week of the month, the recurrence.
Whatever is left that is not a filler word ("op", "de", "uur") makes the reader refuse, and so
does anything incomplete, impossible, ambiguous or needing two schedules. A refusal is a
``PhraseError`` with message codes from ``generator/messages.py`` (Dutch, and English for the
import report).

Choices where Dutch is ambiguous, all on the side of refusing:
- hours: "10-12" is 10:00–12:00 and "10-2" is 10:00–14:00 (the only reading that fits one
  day), but a start before 08:00 needs a leading zero ("07:30") or a part of the day
  ("'s avonds 7-9"): "7-9" may be morning or evening;
- a year left out is the next such date from today, unless that date was less than
  ``STALE_DAYS`` ago: then the phrase is probably older than the date and the year is asked;
- "tot 1 juli" is taken only when 1 juli is not a day of the activity (then "tot" and
  "tot en met" mean the same);
- "in de even weken" is refused: ISO week numbers do not alternate across a year with 53 weeks;
- "1e dinsdag en 3e donderdag", or an ordinal on some days only, cannot be one schedule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from pydantic import ValidationError

from generator.messages import MESSAGES, render_message
from generator.models import DAGEN, WEKEN, Wanneer

STALE_DAYS = 92
_MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "febr": 2, "februari": 2, "mrt": 3, "mar": 3, "maart": 3, "apr": 4, "april": 4,
    "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augustus": 8, "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")
_DAY_ABBREVIATIONS = {"ma": 0, "maa": 0, "di": 1, "din": 1, "wo": 2, "woe": 2, "do": 3, "don": 3, "vr": 4, "vrij": 4, "za": 5, "zat": 5, "zo": 6, "zon": 6}
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "laatste": -1}
WEEK_OF = {number: name for name, number in WEKEN.items()}
_PARTS = {"ochtend": "ochtend", "morgen": "ochtend", "middag": "middag", "avond": "avond", "nacht": "nacht"}


class PhraseError(ValueError):
    """A phrase the reader refuses: one or more (code, params) for ``generator/messages.py``."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def text(self, lang: str = "nl") -> str:
        message, hint = render_message(self.code, lang, self.params)
        return f"{message} ({hint})"


# --- tokens -------------------------------------------------------------------------------------

_ONCE = r"(?:1\s*x|1\s*keer|één\s*keer|een\s*keer|eens|eenmaal)"
_TWO = r"(?:2|twee)"
_EVERY = r"(?:elke|iedere|ieder)"
_DAY_NAMES = "|".join(DAGEN)
_TOKEN_PATTERNS: list[tuple[str, str]] = [
    ("even_weken", r"(?:in\s+de\s+)?(?:on)?even\s+(?:weken|week)"),
    ("tweewekelijks", rf"om\s+de\s+(?:{_TWO}\s+)?(?:weken|week)|{_TWO}\s*-?\s*wekelijks|{_EVERY}\s+{_TWO}\s+weken|{_ONCE}\s+(?:per|in\s+de)\s+{_TWO}\s+weken"),
    ("wekelijks", rf"wekelijks|{_EVERY}\s+week|{_ONCE}\s+per\s+week"),
    ("maandelijks", rf"maandelijks|{_EVERY}\s+maand|{_ONCE}\s+(?:per|in\s+de)\s+maand"),
    ("vdmaand", r"(?:van|in)\s+(?:de|elke|iedere)\s+maand|v\s*/\s*d\s+maand|v\.\s*d\.\s*maand|vd\s+maand|per\s+maand"),
    ("werkdagen", r"werkdag(?:en)?|doordeweeks|door\s+de\s+week"),
    ("dagelijks", r"dagelijks|(?:elke|iedere|alle)\s+dag(?:en)?(?:\s+van\s+de\s+week)?|(?:7|zeven)\s+dagen\s+per\s+week"),
    ("weekend", r"weekend(?:en|s)?"),
    ("start", r"startdatum|start(?:\s+op)?|eerste\s+keer(?:\s+op)?|te\s+beginnen(?:\s+op)?|beginnend(?:\s+op)?|begint(?:\s+op)?"),
    ("behalve", r"behalve(?:\s+op)?|niet\s+op|uitgezonderd|met\s+uitzondering\s+van|m\.\s*u\.\s*v\.?"),
    ("vanaf", r"vanaf|v\.\s*a\.?|met\s+ingang\s+van|m\.\s*i\.\s*v\.?|per"),
    ("tm", r"t\s*/\s*m|t\.\s*e\.\s*m\.?|t\.\s*m\.?|tot\s+en\s+met|tot\s*/\s*met|tm|tem"),
    ("tot", r"tot"),
    ("van", r"van"),
    ("dagdeel", r"(?:'\s?s\s*|s'\s*|s\s*)(?:ochtends|morgens|middags|avonds|nachts)|(?:in\s+de\s+)?(?:ochtend|middag|avond|nacht)(?:en)?"),
    ("kwart_over", r"kwart\s+over"),
    ("kwart_voor", r"kwart\s+voor"),
    ("half", r"half"),
    ("ord", r"[1-5](?:ste|de|e)|eerste|tweede|derde|vierde|vijfde|laatste"),
    ("day", rf"(?:{_DAY_NAMES})(?:s|en)?(?:ochtend|morgen|middag|avond)?(?:en|s)?|(?:{'|'.join(sorted(_DAY_ABBREVIATIONS, key=len, reverse=True))})\.?"),
    ("month", rf"(?:{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"),
    ("date", r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\d:])|\d{1,2}/\d{1,2}(?![\d/])"),
    ("time", r"\d{1,2}[:.]\d{2}(?:\s*(?:uur|u|h)(?![a-z]))?|\d{1,2}\s*[uh]\s*\d{2}|\d{1,2}\s*(?:uur|u|h)(?![a-z])"),
    ("num", r"\d+"),
    ("en", r"en|&|\+"),
    ("komma", r"[,;]"),
    ("slash", r"/"),
    ("dash", r"-"),
    ("filler", r"op|de|het|om|in|elke|elk|iedere|ieder|alle|telkens|steeds|uur|u|:|\.|\(|\)|'s"),
]
_TOKEN_RES = [(kind, re.compile(pattern)) for kind, pattern in _TOKEN_PATTERNS]
_WORD = re.compile(r"[^\W_]+|\S")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-") | dict.fromkeys(map(ord, "\u2018\u2019`\u00b4"), "'")
_FILLER_KINDS = frozenset({"filler", "en", "komma", "dash"})


@dataclass
class Token:
    kind: str
    text: str  # as the editor wrote it (for quoting)
    start: int
    end: int
    value: Any = None
    used: bool = False


def tokenize(phrase: str) -> list[Token]:
    """The phrase as tokens; ``text`` keeps the editor's spelling, matching is on a lower-case copy."""
    original = unicodedata.normalize("NFC", phrase)
    # Character for character, so positions in ``lowered`` are positions in ``original``.
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in original.translate(_DASHES).replace("\u00a0", " "))
    tokens, position = [], 0
    while position < len(lowered):
        if lowered[position].isspace():
            position += 1
            continue
        token = _token_at(lowered, position)
        token.text = original[token.start : token.end]
        tokens.append(token)
        position = token.end
    return tokens


def _token_at(text: str, position: int) -> Token:
    for kind, pattern in _TOKEN_RES:
        match = pattern.match(text, position)
        if match and not _glued(text, match.end()):
            return Token(kind, "", position, match.end(), _value(kind, match[0]))
    match = _WORD.match(text, position)
    assert match is not None
    return Token("unknown", "", position, match.end())


def _glued(text: str, end: int) -> bool:
    # "di" must not match the start of "dinsdagmiddagje", nor "10" the start of "10e".
    return 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()


def _value(kind: str, text: str) -> Any:
    if kind == "day":
        return _day_value(text)
    if kind == "ord":
        digit = re.match(r"\d", text)
        return int(digit[0]) if digit else _ORDINALS[text]
    if kind == "month":
        return _MONTHS[text.rstrip(".")]
    if kind == "num":
        return int(text)
    if kind == "time":
        return _time_value(text)
    if kind == "date":
        return _numeric_date(text)
    if kind == "dagdeel":
        return next(part for stem, part in _PARTS.items() if stem in text)
    return None


def _day_value(text: str) -> tuple[int, str | None]:
    word = text.rstrip(".")
    if word in _DAY_ABBREVIATIONS:
        return _DAY_ABBREVIATIONS[word], None
    index = next(i for i, name in enumerate(DAGEN) if word.startswith(name))
    part = next((p for stem, p in _PARTS.items() if stem in word[len(DAGEN[index]) :]), None)
    return index, part


@dataclass(frozen=True)
class Clock:
    """A time as written: hour and minute, and whether it is clearly on the 24-hour clock."""

    hour: int
    minute: int
    clear: bool  # "07:30", "19.00": leading zero or an hour after noon


def _time_value(text: str) -> Clock:
    digits = re.findall(r"\d+", text)
    hour, minute = int(digits[0]), int(digits[1]) if len(digits) > 1 else 0
    return Clock(hour, minute, clear=digits[0].startswith("0") and len(digits[0]) == 2 or hour >= 13)


def _numeric_date(text: str) -> tuple[int | None, int, int]:
    parts = [int(p) for p in re.split(r"[-/.]", text)]
    if re.match(r"\d{4}-", text):  # 2027-03-20
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return None, parts[1], parts[0]
    year = parts[2] + 2000 if parts[2] < 100 else parts[2]
    return year, parts[1], parts[0]


# --- the reading ----------------------------------------------------------------------------------


@dataclass
class DateItem:
    day: int
    month: int | None
    year: int | None
    weekday: int | None
    tokens: list[Token]

    @property
    def text(self) -> str:
        return _span(self.tokens)


@dataclass
class Reading:
    tokens: list[Token]
    today: date
    dates: dict[str, list[date]] = field(default_factory=dict)  # role → dates
    until_exclusive: date | None = None
    times: tuple[time, time] | None = None
    days: list[tuple[tuple[int, ...] | None, int]] = field(default_factory=list)  # (ordinals, weekday)
    without_days: set[int] = field(default_factory=set)
    day_runs: int = 0  # "di 10-12 en do 10-12" has two, each with its time
    time_ranges: int = 0


def read_phrase(phrase: str, today: date) -> Wanneer:
    """The schedule a Dutch phrase describes, or ``PhraseError`` when it cannot be read for sure."""
    tokens = tokenize(phrase)
    if not tokens:
        raise PhraseError("wanneer_leeg")
    reading = Reading(tokens, today)
    _read_dates(reading)
    _read_excluded_days(reading)
    _read_times(reading)
    _read_days(reading)
    kinds = _claim_keywords(reading)
    _refuse_leftovers(reading)
    return _schedule(reading, kinds)


def _span(tokens: list[Token]) -> str:
    """The editor's own words from the first to the last of ``tokens`` (spaces between them kept as one)."""
    out: list[str] = []
    for previous, token in zip([None, *tokens], tokens):
        if previous is not None and token.start > previous.end:
            out.append(" ")
        out.append(token.text)
    return "".join(out)


def _free(tokens: list[Token], index: int, *kinds: str) -> bool:
    return 0 <= index < len(tokens) and not tokens[index].used and (not kinds or tokens[index].kind in kinds)


def _claim(tokens: list[Token]) -> None:
    for token in tokens:
        token.used = True


# dates ------------------------------------------------------------------------------------------


def _date_list_at(tokens: list[Token], index: int) -> tuple[list[DateItem], int] | None:
    """Dates such as "3, 10 en 17 december" or "za 14 feb 2027" starting at ``index``; the month may be given once, at the end."""
    items: list[DateItem] = []
    position = index
    while True:
        item = _date_item_at(tokens, position)
        if item is None:
            break
        items.append(item)
        position = tokens.index(item.tokens[-1]) + 1
        if not (_free(tokens, position, "en", "komma") and _date_item_at(tokens, position + 1)):
            break
        position += 1
    while items and items[-1].month is None:
        items.pop()
    if not items:
        return None
    for item, following in zip(reversed(items[:-1]), reversed(items[1:])):
        if item.month is None:
            item.month, item.year = following.month, following.year
    last = tokens.index(items[-1].tokens[-1])
    return items, last + 1


def _date_item_at(tokens: list[Token], index: int) -> DateItem | None:
    weekday, start = None, index
    if _free(tokens, index, "day") and tokens[index].value[1] is None:
        weekday = tokens[index].value[0]
        index += 2 if _free(tokens, index + 1, "komma") else 1
    if _free(tokens, index, "date"):
        year, month, day = tokens[index].value
        return DateItem(day, month, year, weekday, tokens[start : index + 1])
    if not (_free(tokens, index, "num") and 1 <= tokens[index].value <= 31):
        return None
    end, month, year = index, None, None
    if _free(tokens, index + 1, "month"):
        end, month = index + 1, tokens[index + 1].value
        if _free(tokens, index + 2, "num") and 1000 <= tokens[index + 2].value <= 9999:
            end, year = index + 2, tokens[index + 2].value
    return DateItem(tokens[index].value, month, year, weekday, tokens[start : end + 1])


def _read_dates(reading: Reading) -> None:
    tokens = reading.tokens
    found: list[tuple[int, int, list[DateItem]]] = []
    index = 0
    while index < len(tokens):
        date_list = _date_list_at(tokens, index)
        if date_list is None:
            index += 1
            continue
        items, end = date_list
        found.append((index, end, items))
        index = end
    ranges_end: set[int] = set()
    for number, (start, end, items) in enumerate(found):
        if number in ranges_end:
            continue
        role_token = _role_before(tokens, start)
        following = found[number + 1] if number + 1 < len(found) else None
        if following and _free(tokens, end, "tm", "tot", "dash") and following[0] == end + 1:
            _read_date_range(reading, role_token, items, tokens[end], following[2])
            ranges_end.add(number + 1)
            continue
        role = role_token.kind if role_token else "datum"
        if role == "van":
            raise PhraseError("wanneer_van_zonder_tot", part=_span(_with(role_token, items)))
        dates = [_resolve(item, reading.today) for item in items]
        if role in {"vanaf", "tm", "tot", "start"} and len(dates) > 1:
            raise PhraseError("wanneer_een_datum", part=_span(_with(role_token, items)))
        if role_token:
            role_token.used = True
        for item in items:
            _claim(item.tokens)
        if role == "tot":
            reading.until_exclusive = _once(reading, "tot", dates[0], role_token, items)
        else:
            _add_dates(reading, role, dates, role_token, items)


def _with(role_token: Token | None, items: list[DateItem]) -> list[Token]:
    return ([role_token] if role_token else []) + [token for item in items for token in item.tokens]


def _role_before(tokens: list[Token], index: int) -> Token | None:
    position = index - 1
    while _free(tokens, position, "filler") and tokens[position].text.lower() in {"op", "de"}:
        position -= 1
    if _free(tokens, position, "behalve", "vanaf", "tm", "tot", "start", "van"):
        return tokens[position]
    return None


def _read_date_range(reading: Reading, role_token: Token | None, first: list[DateItem], joint: Token, second: list[DateItem]) -> None:
    if role_token is not None and role_token.kind not in {"van", "vanaf"}:
        raise PhraseError("wanneer_niet_begrepen", part=_span(_with(role_token, first + second)))
    if len(first) > 1 or len(second) > 1:
        raise PhraseError("wanneer_een_datum", part=_span(_with(role_token, first + second)))
    start = _resolve(first[0], reading.today)
    end = _resolve(second[0], reading.today, after=start)
    _claim(_with(role_token, first + second) + [joint])
    _add_dates(reading, "vanaf", [start], role_token, first)
    if joint.kind == "tot":
        reading.until_exclusive = _once(reading, "tot", end, joint, second)
    else:
        _add_dates(reading, "tm", [end], joint, second)


def _once(reading: Reading, role: str, day: date, role_token: Token | None, items: list[DateItem]) -> date:
    if role in reading.dates or (role == "tot" and (reading.until_exclusive or "tm" in reading.dates)):
        raise PhraseError("wanneer_twee_keer", part=_span(_with(role_token, items)))
    return day


def _add_dates(reading: Reading, role: str, dates: list[date], role_token: Token | None, items: list[DateItem]) -> None:
    if role in {"vanaf", "tm", "start"}:
        _once(reading, role, dates[0], role_token, items)
        if role == "tm" and reading.until_exclusive:
            raise PhraseError("wanneer_twee_keer", part=_span(_with(role_token, items)))
    reading.dates.setdefault(role, []).extend(dates)


def _resolve(item: DateItem, today: date, after: date | None = None) -> date:
    """The date of ``item``; without a year the next such date from ``after`` (a range's start) or today."""
    assert item.month is not None
    if item.year is not None:
        found = _make_date(item, item.year)
    else:
        found = _next_date(item, after or today)
        if after is None and (recent := _make_date(item, found.year - 1, strict=False)) and (today - recent).days < STALE_DAYS:
            raise PhraseError("wanneer_jaar", part=item.text, date=_long(recent))
    if item.weekday is not None and found.weekday() != item.weekday:
        raise PhraseError("wanneer_weekdag", part=item.text, weekday=DAGEN[found.weekday()], date=_long(found))
    return found


def _make_date(item: DateItem, year: int, strict: bool = True) -> date | None:
    assert item.month is not None
    try:
        return date(year, item.month, item.day)
    except ValueError:
        if strict:
            raise PhraseError("wanneer_datum_bestaat_niet", part=item.text) from None
        return None


def _next_date(item: DateItem, start: date) -> date:
    for year in range(start.year, start.year + 9):  # 29 februari: the next leap year is at most 8 years on
        found = _make_date(item, year, strict=year == start.year + 8)
        if found and found >= start:
            return found
    raise PhraseError("wanneer_datum_bestaat_niet", part=item.text)


def _long(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _read_excluded_days(reading: Reading) -> None:
    """ "ma t/m vr behalve woensdag": days taken out of the days named elsewhere."""
    tokens = reading.tokens
    for index, token in enumerate(tokens):
        if token.kind != "behalve" or token.used:
            continue
        end = index + 1
        while _free(tokens, end, "filler") and tokens[end].text.lower() in {"op", "de"}:
            end += 1
        last = None
        while _free(tokens, end, "day") and tokens[end].value[1] is None:
            last = end
            end += 2 if _free(tokens, end + 1, "en", "komma") else 1
        if last is not None:
            reading.without_days |= {t.value[0] for t in tokens[index : last + 1] if t.kind == "day"}
            _claim(tokens[index : last + 1])


# times ------------------------------------------------------------------------------------------

_TIME_WORDS = frozenset({"time", "half", "kwart_over", "kwart_voor"})


def _clock_at(tokens: list[Token], index: int) -> tuple[Clock, int] | None:
    """A time at ``index`` and the index after it: "10:00", "10u", "10", "half 12", "kwart over 9"."""
    if _free(tokens, index, "time"):
        return tokens[index].value, _after_hour_word(tokens, index + 1)
    if _free(tokens, index, "num") and tokens[index].value <= 29:
        token = tokens[index]
        clear = (token.text.startswith("0") and len(token.text) == 2) or token.value >= 13
        return Clock(token.value, 0, clear), _after_hour_word(tokens, index + 1)
    if _free(tokens, index, "half", "kwart_over", "kwart_voor") and _free(tokens, index + 1, "num") and 1 <= tokens[index + 1].value <= 12:
        kind, hour = tokens[index].kind, tokens[index + 1].value
        # "half 12" is 11:30, "kwart voor 10" 9:45: spoken Dutch counts towards the next hour.
        minute = {"half": 30, "kwart_over": 15, "kwart_voor": 45}[kind]
        hour = hour if kind == "kwart_over" else (hour - 1 or 12)
        return Clock(hour, minute, clear=False), _after_hour_word(tokens, index + 2)
    return None


def _after_hour_word(tokens: list[Token], index: int) -> int:
    return index + 1 if _free(tokens, index, "filler") and tokens[index].text.lower() in {"uur", "u"} else index


def _read_times(reading: Reading) -> None:
    tokens = reading.tokens
    ranges: list[tuple[tuple[time, time], list[Token]]] = []
    index = 0
    while index < len(tokens):
        found = _time_range_at(reading, index)
        if found is None:
            index += 1
            continue
        ranges.append(found)
        _claim(found[1])
        index = tokens.index(found[1][-1]) + 1
    if len({times for times, _ in ranges}) > 1:
        raise PhraseError("wanneer_twee_schemas", part=" en ".join(_span(used) for _, used in ranges))
    reading.time_ranges = len(ranges)
    if ranges:
        reading.times = ranges[0][0]
    for index, token in enumerate(tokens):
        if not token.used and token.kind in _TIME_WORDS:
            clock = _clock_at(tokens, index)
            part = _span(tokens[index : clock[1] if clock else index + 1])
            raise PhraseError("wanneer_twee_schemas" if ranges else "wanneer_eindtijd", part=part)


def _time_range_at(reading: Reading, index: int) -> tuple[tuple[time, time], list[Token]] | None:
    tokens = reading.tokens
    begin = index
    if _free(tokens, index, "van", "vanaf") and _clock_at(tokens, index + 1):
        index += 1
    start = _clock_at(tokens, index)
    if start is None or not _free(tokens, start[1], "dash", "tot", "tm"):
        return None
    end = _clock_at(tokens, start[1] + 1)
    if end is None:
        return None
    used = tokens[begin : end[1]]
    parts = {t.value for t in tokens if t.kind == "dagdeel"} | {t.value[1] for t in tokens if t.kind == "day" and t.value[1]}
    return _times(start[0], end[0], parts, _span(used)), used


def _times(start: Clock, end: Clock, parts: set[str], part: str) -> tuple[time, time]:
    if len(parts) > 1:
        raise PhraseError("wanneer_dagdelen", part=part)
    day_part = next(iter(parts), None)
    if day_part == "nacht":
        raise PhraseError("wanneer_na_middernacht", part=part)
    for clock in (start, end):
        if clock.hour > 24 or clock.minute > 59:
            raise PhraseError("wanneer_tijd_bestaat_niet", part=part)
    begin = _start_hour(start, day_part, part)
    finish = _end_hour(end, begin, day_part, part)
    if finish >= 24:
        raise PhraseError("wanneer_na_middernacht", part=part)
    if (finish, end.minute) <= (begin, start.minute):
        raise PhraseError("wanneer_volgorde", part=part)
    return time(begin, start.minute), time(finish, end.minute)


_PART_HOURS = {"ochtend": (5, 12), "middag": (12, 18), "avond": (17, 24)}


def _readings(clock: Clock) -> list[int]:
    """The hours a written hour can be on the 24-hour clock: "7" may be 7 or 19, "19" and "07" only themselves."""
    return [clock.hour] if clock.clear or clock.hour >= 12 else [clock.hour, clock.hour + 12]


def _start_hour(clock: Clock, day_part: str | None, part: str) -> int:
    if day_part is None:
        if clock.clear or clock.hour >= 8:
            return clock.hour
        raise PhraseError("wanneer_uur_onduidelijk", part=part)
    low, high = _PART_HOURS[day_part]
    fitting = [hour for hour in _readings(clock) if low <= hour < high]
    if len(fitting) != 1:
        raise PhraseError("wanneer_dagdeel_tijd", part=part)
    return fitting[0]


def _end_hour(clock: Clock, begin: int, day_part: str | None, part: str) -> int:
    if day_part is None and (clock.clear or clock.hour >= 8):
        return clock.hour
    if day_part is None and begin < 8:
        raise PhraseError("wanneer_uur_onduidelijk", part=part)
    # "10-2", "9 tot 5", "'s avonds 7-10": the first reading after the start.
    later = [hour for hour in _readings(clock) if (hour, clock.minute) > (begin, 0)]
    if not later and clock.hour in {0, 12} and begin >= 12:
        raise PhraseError("wanneer_na_middernacht", part=part)  # "'s avonds 8-12"
    if not later:
        raise PhraseError("wanneer_volgorde", part=part)
    return later[0]


# days -------------------------------------------------------------------------------------------

_DAY_RUN = frozenset({"day", "ord", "en", "komma", "slash", "dash", "tm", "tot", "werkdagen", "dagelijks", "weekend"})
_GROUPS = {"werkdagen": (0, 1, 2, 3, 4), "dagelijks": tuple(range(7)), "weekend": (5, 6)}


def _read_days(reading: Reading) -> None:
    tokens = reading.tokens
    index = 0
    while index < len(tokens):
        if not _free(tokens, index, "day", "ord", *_GROUPS):
            index += 1
            continue
        end = index
        while _free(tokens, end, *_DAY_RUN):
            end += 1
        while end > index and tokens[end - 1].kind not in {"day", *_GROUPS}:
            end -= 1  # a run ends with a day, not with "en" or an ordinal
        if end == index:  # an ordinal without a day: left for _refuse_leftovers to quote
            index += 1
            continue
        run = tokens[index:end]
        if _free(tokens, index - 1, "van") and any(t.kind in {"tm", "tot", "dash"} for t in run):
            run = [tokens[index - 1], *run]
        reading.days += _day_items(run)
        reading.day_runs += 1
        _claim(run)
        index = end


def _day_items(run: list[Token]) -> list[tuple[tuple[int, ...] | None, int]]:
    items: list[tuple[tuple[int, ...] | None, int]] = []
    ordinals: list[int] = []
    index = 1 if run[0].kind == "van" else 0
    text = _span(run)
    while index < len(run):
        token = run[index]
        if token.kind == "ord":
            ordinals.append(token.value)
        elif token.kind in _GROUPS:
            if ordinals:
                raise PhraseError("wanneer_dag_mist", part=text)
            items += [(None, day) for day in _GROUPS[token.kind]]
        elif token.kind == "day":
            if index + 2 < len(run) and run[index + 1].kind in {"tm", "tot", "dash"} and run[index + 2].kind == "day":
                first, last = token.value[0], run[index + 2].value[0]
                if ordinals or first >= last:
                    raise PhraseError("wanneer_dagen_reeks", part=text)
                items += [(None, day) for day in range(first, last + 1)]
                index += 3
                continue
            items.append((tuple(ordinals) or None, token.value[0]))
            ordinals = []
        elif token.kind in {"tm", "tot"} or (token.kind == "dash" and not (index + 1 < len(run) and run[index + 1].kind in {"en", "komma"})):
            raise PhraseError("wanneer_dagen_reeks", part=text)
        index += 1
    return items


# recurrence -------------------------------------------------------------------------------------

_KEYWORDS = frozenset({"wekelijks", "tweewekelijks", "maandelijks", "vdmaand"})
_EVERY_WORDS = frozenset({"elke", "elk", "iedere", "ieder", "alle", "telkens"})


def _claim_keywords(reading: Reading) -> set[str]:
    kinds = set()
    for token in reading.tokens:
        if token.used:
            continue
        if token.kind == "even_weken":
            raise PhraseError("wanneer_even_weken", part=token.text)
        if token.kind in _KEYWORDS:
            kinds.add(token.kind)
            token.used = True
        elif token.kind == "dagdeel":
            token.used = True  # it was applied to the times (or there are none: refused below)
        elif token.kind == "filler" and token.text.lower() in _EVERY_WORDS:
            kinds.add("elke")
    return kinds


def _refuse_leftovers(reading: Reading) -> None:
    tokens = reading.tokens
    left = [i for i, t in enumerate(tokens) if not t.used and t.kind not in _FILLER_KINDS]
    if not left:
        return
    # Quote the first stretch not understood, with the filler words inside it ("niet in de schoolvakanties").
    first = last = left[0]
    for index in left[1:]:
        if any(tokens[i].used for i in range(last + 1, index)):
            break
        last = index
    part = _span(tokens[first : last + 1])
    kinds = {tokens[i].kind for i in range(first, last + 1)}
    if re.search(r"vakantie|feestdag|kerst|pasen|pinkster", part, re.IGNORECASE) or "behalve" in kinds:
        raise PhraseError("wanneer_behalve_datums", part=part)
    if "unknown" in kinds:
        raise PhraseError("wanneer_niet_begrepen", part=part)
    if kinds & {"num", *_TIME_WORDS} and "month" not in kinds:
        raise PhraseError("wanneer_eindtijd", part=part)  # "om 10", "van 10"
    if kinds & {"vanaf", "tm", "tot", "start", "van"}:
        raise PhraseError("wanneer_datum_mist", part=part)
    if "ord" in kinds:
        raise PhraseError("wanneer_dag_mist", part=part)
    raise PhraseError("wanneer_niet_begrepen", part=part)


def _schedule(reading: Reading, kinds: set[str]) -> Wanneer:
    whole = _span(reading.tokens)
    if "datum" in reading.dates:
        if reading.days or kinds or set(reading.dates) != {"datum"} or reading.until_exclusive or reading.without_days:
            raise PhraseError("wanneer_datum_en_herhaling", part=whole)
        return _validated({"herhaling": "eenmalig", "datum": sorted(set(reading.dates["datum"]))}, reading)
    if not reading.days:
        raise PhraseError("wanneer_geen_dag" if reading.times else "wanneer_geen_dag_tijd", part=whole)
    herhaling = _recurrence(reading, kinds, whole)
    if reading.day_runs > 1 and reading.time_ranges not in {0, reading.day_runs}:
        raise PhraseError("wanneer_tijd_per_dag", part=whole)  # "dinsdag 10-12, donderdag": which time on Thursday?
    days = _weekdays(reading, whole)
    fields: dict[str, Any] = {"herhaling": herhaling, "dag": [DAGEN[d] for d in days]}
    weeks = reading.days[0][0]
    if fields["herhaling"] == "maandelijks":
        if 5 in (weeks or ()):
            raise PhraseError("wanneer_vijfde", part=whole)
        fields["week"] = [WEEK_OF[w] for w in sorted(set(weeks or ()), key=lambda w: w % 6)]
    dates = reading.dates
    if fields["herhaling"] == "tweewekelijks":
        fields["startdatum"] = _start(reading, days, whole)
    elif "start" in dates:
        # "elke dinsdag, start 12 januari": for a weekly or monthly schedule the start is its vanaf.
        if "vanaf" in dates:
            raise PhraseError("wanneer_twee_keer", part=whole)
        dates["vanaf"] = dates.pop("start")
    if "vanaf" in dates:
        fields["vanaf"] = dates["vanaf"][0]
    if "tm" in dates:
        fields["tot_en_met"] = dates["tm"][0]
    if dates.get("behalve"):
        fields["behalve"] = sorted(set(dates["behalve"]))
    return _validated(fields, reading)


def _recurrence(reading: Reading, kinds: set[str], whole: str) -> str:
    ordinals = {ords for ords, _ in reading.days}
    if len(ordinals) > 1 or any(ords and len(set(ords)) != len(ords) for ords in ordinals):
        raise PhraseError("wanneer_weken_verschillen", part=whole)
    weeks = next(iter(ordinals))
    if "tweewekelijks" in kinds:
        if weeks or kinds & {"maandelijks", "vdmaand", "wekelijks"}:
            raise PhraseError("wanneer_herhaling_botst", part=whole)
        return "tweewekelijks"
    if weeks or kinds & {"maandelijks", "vdmaand"}:
        if not weeks:
            raise PhraseError("wanneer_week_mist", part=whole)
        if "wekelijks" in kinds:
            raise PhraseError("wanneer_herhaling_botst", part=whole)
        return "maandelijks"
    return "wekelijks"


def _weekdays(reading: Reading, whole: str) -> list[int]:
    days = sorted({day for _, day in reading.days})
    if missing := reading.without_days - set(days):
        raise PhraseError("wanneer_behalve_dag", part=" en ".join(DAGEN[d] for d in sorted(missing)))
    kept = [day for day in days if day not in reading.without_days]
    if not kept:
        raise PhraseError("wanneer_geen_dag", part=whole)
    return kept


def _start(reading: Reading, days: list[int], whole: str) -> date:
    """The start date of an every-other-week schedule: "start …", else the one "vanaf …"."""
    starts = reading.dates.pop("start", None) or reading.dates.pop("vanaf", None)
    if not starts:
        raise PhraseError("wanneer_startdatum_mist", part=whole)
    start = starts[0]
    if start.weekday() not in days:
        raise PhraseError("wanneer_startdatum_dag", part=_long(start), weekday=DAGEN[start.weekday()], dag=" of ".join(DAGEN[d] for d in days))
    return start


def _validated(fields: dict[str, Any], reading: Reading) -> Wanneer:
    if reading.times is None:
        raise PhraseError("wanneer_geen_tijd", part=_span(reading.tokens))
    fields.update(van=reading.times[0], tot=reading.times[1])
    try:
        schedule = Wanneer.model_validate(fields)
    except ValidationError as exc:
        detail = exc.errors()[0]
        params = {"field": _field_of(detail["loc"]), **(detail.get("ctx") or {})}
        text = render_message(detail["type"], "nl", params)[0] if detail["type"] in MESSAGES else detail["msg"]
        raise PhraseError("wanneer_model", part=_span(reading.tokens), detail=text) from None
    if reading.until_exclusive is not None:
        schedule = _with_until(schedule, reading.until_exclusive)
    return schedule


def _field_of(loc: tuple[Any, ...]) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "wanneer"


def _with_until(schedule: Wanneer, until: date) -> Wanneer:
    from generator.schedule import occurrences  # schedule.py imports the i18n catalogues; only needed here

    if occurrences(schedule, until, until):
        raise PhraseError("wanneer_tot_datum", part=_long(until))
    return Wanneer.model_validate({**schedule.model_dump(exclude_defaults=True), "tot_en_met": until - timedelta(days=1)})


# --- schedule to phrase ---------------------------------------------------------------------------


def phrase_of(schedule: Wanneer) -> str:
    """The schedule in Dutch words that ``read_phrase`` reads back to the same model, e.g. "elke dinsdag, 10.00-12.00 uur"."""
    parts = [_pattern_words(schedule), f"{_hhmm(schedule.van)}-{_hhmm(schedule.tot)} uur"]
    if schedule.vanaf:
        parts.append(f"vanaf {_long(schedule.vanaf)}")
    if schedule.tot_en_met:
        parts.append(f"t/m {_long(schedule.tot_en_met)}")
    if schedule.behalve:
        parts.append(f"behalve {_date_words(schedule.behalve)}")
    return ", ".join(parts)


def _pattern_words(schedule: Wanneer) -> str:
    if schedule.herhaling == "eenmalig":
        return f"op {_date_words(schedule.datum or [])}"
    days = _and(schedule.dag or [], str)
    if schedule.herhaling == "wekelijks":
        return f"elke {days}"
    if schedule.herhaling == "maandelijks":
        weeks = _and(sorted({WEKEN[w] for w in schedule.week or []}, key=lambda w: w % 6), lambda w: WEEK_OF[w])
        if len(schedule.dag or []) > 1:
            return "elke " + " en ".join(f"{weeks} {day}" for day in schedule.dag or []) + " van de maand"
        return f"elke {weeks} {days} van de maand"
    assert schedule.startdatum is not None
    start = "startdatum" if schedule.vanaf else "vanaf"
    return f"om de week op {days}, {start} {_long(schedule.startdatum)}"


def _and(items: list[Any], word: Any) -> str:
    words = [word(item) for item in items]
    return ", ".join(words[:-1]) + " en " + words[-1] if len(words) > 1 else words[0]


def _date_words(dates: list[date]) -> str:
    return _and(sorted(set(dates)), _long)


def _hhmm(at: time) -> str:
    return at.strftime("%H:%M")
