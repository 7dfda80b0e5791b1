"""The content model: a buurt, an ontwikkelplaats, its activities and their schedules.

Keys are Dutch because buurtambassadeurs edit them; every field has a Dutch description, which
is also the source of the field reference (docs) and of the JSON Schemas for editors. Validators
raise ``PydanticCustomError`` with a message code from ``generator/messages.py``, so problems
reach the editor in plain Dutch on the right line (see ``generator/parse.py``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, WithJsonSchema, field_validator, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from generator.i18n import LANGUAGES
from generator.languages import ISO_639_1
from generator.money import read_price

# --- fixed lists --------------------------------------------------------------------------------

THEMAS: dict[str, str] = {
    "ontmoeting": "elkaar ontmoeten: koffie-inloop, buurtkamer, samen iets doen",
    "taal": "Nederlands leren en oefenen, taalcafé, voorlezen",
    "eten": "samen koken en eten, buurtmaaltijd, voedselhulp",
    "tuin": "moestuin, buurttuin, groen en natuur",
    "bewegen": "wandelen, sport, bewegen voor ouderen",
    "creatief": "handwerken, schilderen, muziek, repair café",
    "leren": "cursus of training, zoals Kom tot Bloei en De Wijk Werkt!",
    "werk": "op weg naar werk: sollicitatiehulp, werkervaring, participatie",
    "vrijwilligerswerk": "plekken waar je je kunt inzetten voor anderen",
    "hulp": "advies en hulp: spreekuur, formulieren, geldzaken",
    "jeugd": "activiteiten voor kinderen en jongeren",
    "gezondheid": "gezondheid, welzijn en herstel, zoals het Recovery College",
    "digitaal": "hulp met computer, telefoon en DigiD",
}
Thema = Literal[tuple(THEMAS)]  # type: ignore[valid-type]

DAGEN: tuple[str, ...] = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
Dag = Literal[DAGEN]  # type: ignore[valid-type]
WEKEN: dict[str, int] = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1}
WeekVanMaand = Literal[tuple(WEKEN)]  # type: ignore[valid-type]
Herhaling = Literal["wekelijks", "tweewekelijks", "maandelijks", "eenmalig"]
Status = Literal["actief", "tijdelijk gesloten", "gestopt"]
JaNeeDeels = Literal["ja", "nee", "deels", "onbekend"]

MAX_TEXT = 2000
FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR = 2015, 2040

# --- small value types ------------------------------------------------------------------------------

# Template syntax ({{ }}, {% %}) too: no renderer evaluates it, but a text never needs it.
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]|javascript\s*:|data\s*:\s*text/html|\bon[a-z]+\s*=|\]\s*\(|\{\{|\{%", re.IGNORECASE)
# Direction overrides and isolates can make a text read differently from what it says.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _plain_text(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("tekst_verwacht", "tekst verwacht")
    text = unicodedata.normalize("NFC", value.strip())
    if not text:
        raise PydanticCustomError("lege_tekst", "lege tekst")
    if len(text) > MAX_TEXT:
        raise PydanticCustomError("tekst_te_lang", "te lang", {"length": len(text), "limit": MAX_TEXT})
    if _MARKUP.search(text) or _BIDI_CONTROLS.intersection(text):
        raise PydanticCustomError("markup", "markup", {"value": _snippet(text)})
    return text


def _snippet(text: str) -> str:
    match = _MARKUP.search(text)
    start = max(0, match.start() - 10) if match else 0
    return "".join(ch for ch in text[start : start + 40] if ch not in _BIDI_CONTROLS).replace("`", "'")


PlainText = Annotated[str, BeforeValidator(_plain_text)]


def _multilingual(value: Any) -> Any:
    """A plain string is Dutch; a mapping holds the text per site language and needs ``nl``."""
    if isinstance(value, str):
        return {"nl": value}
    if isinstance(value, dict):
        if "nl" not in value:
            raise PydanticCustomError("tekst_zonder_nl", "nl ontbreekt")
        return value
    raise PydanticCustomError("tekst_verwacht", "tekst verwacht")


SiteLanguage = Literal[LANGUAGES]  # type: ignore[valid-type]
# The JSON Schemas (schema/) describe what editors may write, which is looser than what the
# models hold after reading: a plain string for a text, one value for a list, `10:00` for a time.
_TEKST_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {"type": "object", "propertyNames": {"enum": list(LANGUAGES)}, "additionalProperties": {"type": "string"}, "required": ["nl"]},
    ]
}
Tekst = Annotated[dict[SiteLanguage, PlainText], BeforeValidator(_multilingual), WithJsonSchema(_TEKST_SCHEMA)]


class OneOrMore:
    """Schema marker for lists that also accept a single value (`dag: dinsdag`)."""

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        as_list = handler(schema)
        return {"anyOf": [as_list["items"], as_list]}


def _yes_no(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"ja", "nee"}:
        return value.strip().lower() == "ja"
    raise PydanticCustomError("ja_nee", "ja of nee", {"value": value})


JaNee = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema({"anyOf": [{"enum": ["ja", "nee"]}, {"type": "boolean"}]})]


def _language_code(value: Any) -> Any:
    code = str(value).strip().lower()
    if code not in ISO_639_1:
        suggestion = ""
        raise PydanticCustomError("taalcode", "taalcode", {"value": value, "suggestion": suggestion})
    return code


Taalcode = Annotated[str, BeforeValidator(_language_code), WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2}$"})]


def _time(value: Any) -> Any:
    if isinstance(value, time):
        return value
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", str(value).strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise PydanticCustomError("tijd", "tijd", {"value": value})
    return time(int(match[1]), int(match[2]))


Tijd = Annotated[time, BeforeValidator(_time), WithJsonSchema({"type": "string", "pattern": "^[0-9]{1,2}[:.][0-9]{2}$"})]


def _date(value: Any) -> Any:
    if isinstance(value, date):
        parsed = value
    else:
        try:
            parsed = date.fromisoformat(str(value).strip())
        except ValueError:
            raise PydanticCustomError("datum", "datum", {"value": value}) from None
    if not FIRST_PLAUSIBLE_YEAR <= parsed.year <= LAST_PLAUSIBLE_YEAR:
        raise PydanticCustomError("datum_onwaarschijnlijk", "datum", {"value": parsed.isoformat()})
    return parsed


Datum = Annotated[date, BeforeValidator(_date)]


def _one_or_more(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


def _postcode(value: Any) -> Any:
    match = re.fullmatch(r"([1-9]\d{3})\s*([A-Za-z]{2})", str(value).strip())
    if not match or match[2].upper() in {"SA", "SD", "SS"}:
        raise PydanticCustomError("postcode", "postcode", {"value": value})
    return f"{match[1]} {match[2].upper()}"


def _house_number(value: Any) -> Any:
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"[1-9]\d{0,4}(\s?[-/]?\s?[A-Za-z0-9]{1,4})?", text):
        raise PydanticCustomError("huisnummer", "huisnummer", {"value": value})
    return text


def _url(value: Any) -> Any:
    text = str(value).strip()
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s<>\"']*)?", text):
        raise PydanticCustomError("url", "url", {"value": _snippet(text)})
    return text


def _email(value: Any) -> Any:
    text = str(value).strip()
    if not re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", text):
        raise PydanticCustomError("email", "email", {"value": _snippet(text)})
    return text


def phone_digits(text: str) -> str:
    return re.sub(r"[\s().-]", "", text).replace("+31", "0", 1)


def _phone(value: Any) -> Any:
    text = str(value).strip()
    digits = phone_digits(text)
    valid = re.fullmatch(r"0[1-9]\d{8}|0[89]00\d{4,7}|14\d{3}", digits)
    if not valid:
        raise PydanticCustomError("telefoon", "telefoon", {"value": text})
    return text


def _price(value: Any) -> Any:
    try:
        return read_price(value)
    except ValueError:
        raise PydanticCustomError("bedrag", "bedrag", {"value": value}) from None


Url = Annotated[str, BeforeValidator(_url)]
Email = Annotated[str, BeforeValidator(_email)]
Telefoon = Annotated[str, BeforeValidator(_phone)]
Kosten = Annotated[Literal["gratis", "vrijwillige bijdrage"] | Decimal, BeforeValidator(_price)]


def _number(value: Any) -> float | None:
    # "5.47" arrives as text: the loader keeps time-like scalars ("10.00") as text on purpose.
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _coordinates(value: Any) -> Any:
    numbers = [_number(v) for v in value] if isinstance(value, list) and len(value) == 2 else [None]
    if None in numbers or not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):  # type: ignore[operator]
        raise PydanticCustomError("coordinaten", "coordinaten")
    return (numbers[0], numbers[1])


# --- models -------------------------------------------------------------------------------------------


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Adres(Strict):
    """Het bezoekadres van de plek."""

    straat: PlainText = Field(description="straatnaam, zonder huisnummer, bijvoorbeeld `Boschdijk`")
    huisnummer: Annotated[str, BeforeValidator(_house_number), WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 1}]})] = Field(
        description="huisnummer met eventuele toevoeging, bijvoorbeeld `123` of `12a`"
    )
    postcode: Annotated[str, BeforeValidator(_postcode)] = Field(description="postcode, bijvoorbeeld `5612 AB`")
    plaats: PlainText = Field(default="Eindhoven", description="plaatsnaam; meestal `Eindhoven`")


class Toegankelijkheid(Strict):
    """Hoe goed de plek te bereiken en te gebruiken is. Kies steeds `ja`, `nee`, `deels` of `onbekend`."""

    rolstoel: JaNeeDeels = Field(default="onbekend", description="toegankelijk met een rolstoel (drempelvrij, lift of hellingbaan)")
    rollator: JaNeeDeels = Field(default="onbekend", description="goed te doen met een rollator (weinig trappen, zitplekken)")
    toilet: JaNeeDeels = Field(default="onbekend", description="er is een aangepast toilet")
    gehoorlus: JaNeeDeels = Field(default="onbekend", description="er is een ringleiding of gehoorlus")
    toelichting: Tekst | None = Field(default=None, description="korte uitleg, bijvoorbeeld `ingang aan de achterkant`")


class Contact(Strict):
    """Contactgegevens van de organisatie, nooit van privépersonen."""

    website: Url | None = Field(default=None, description="webadres van de organisatie, beginnend met https://")
    email: Email | None = Field(default=None, description="e-mailadres van de organisatie")
    telefoon: Telefoon | None = Field(default=None, description="telefoonnummer van de organisatie, bijvoorbeeld `040 123 4567`")


class Wanneer(Strict):
    """Wanneer een activiteit plaatsvindt (tijden in Nederlandse tijd, zomertijd inbegrepen)."""

    herhaling: Herhaling = Field(
        description="`wekelijks`, `tweewekelijks` (om de week), `maandelijks` (bijvoorbeeld elke eerste vrijdag) of `eenmalig`"
    )
    dag: Annotated[list[Dag], BeforeValidator(_one_or_more), OneOrMore] | None = Field(
        default=None, description="weekdag of lijst van weekdagen, bijvoorbeeld `dinsdag` of `[maandag, donderdag]`; niet bij `eenmalig`"
    )
    week: Annotated[list[WeekVanMaand], BeforeValidator(_one_or_more), OneOrMore] | None = Field(
        default=None, description="alleen bij `maandelijks`: `eerste`, `tweede`, `derde`, `vierde` of `laatste` (of een lijst)"
    )
    startdatum: Datum | None = Field(
        default=None, description="alleen bij `tweewekelijks`: een datum waarop de activiteit plaatsvindt; daarna om de week"
    )
    datum: Annotated[list[Datum], BeforeValidator(_one_or_more), OneOrMore] | None = Field(
        default=None, description="alleen bij `eenmalig`: de datum (of een lijst van datums), bijvoorbeeld `2026-12-12`"
    )
    van: Tijd = Field(description='begintijd, bijvoorbeeld "10:00" (tussen aanhalingstekens)')
    tot: Tijd = Field(description='eindtijd, bijvoorbeeld "12:00"; na de begintijd')
    vanaf: Datum | None = Field(default=None, description="eerste datum waarop het schema geldt (bijvoorbeeld na de zomer)")
    tot_en_met: Datum | None = Field(default=None, description="laatste datum waarop het schema geldt")
    behalve: list[Datum] = Field(default_factory=list, description="datums waarop de activiteit niet doorgaat, bijvoorbeeld feestdagen")

    @field_validator("tot")
    @classmethod
    def _end_after_start(cls, tot: time, info: Any) -> time:
        van = info.data.get("van")
        if van is not None and tot <= van:
            raise PydanticCustomError("tijd_volgorde", "volgorde", {"van": van.strftime("%H:%M"), "tot": tot.strftime("%H:%M")})
        return tot

    @field_validator("tot_en_met")
    @classmethod
    def _until_after_from(cls, until: date | None, info: Any) -> date | None:
        start = info.data.get("vanaf")
        if until is not None and start is not None and until < start:
            raise PydanticCustomError("datum_volgorde", "volgorde", {"van": start.isoformat(), "tot": until.isoformat()})
        return until

    @model_validator(mode="after")
    def _fields_fit_recurrence(self) -> "Wanneer":
        needs = {
            "wekelijks": {"dag"},
            "tweewekelijks": {"dag", "startdatum"},
            "maandelijks": {"dag", "week"},
            "eenmalig": {"datum"},
        }[self.herhaling]
        for name in ("dag", "week", "startdatum", "datum"):
            present = getattr(self, name) is not None
            if name in needs and not present:
                raise PydanticCustomError(
                    "schema_mist", "mist", {"herhaling": self.herhaling, "field": name, "example": SCHEDULE_EXAMPLES[self.herhaling]}
                )
            if name not in needs and present:
                raise PydanticCustomError("schema_teveel", "teveel", {"herhaling": self.herhaling, "field": name})
        if self.herhaling == "tweewekelijks" and self.startdatum is not None and self.dag is not None:
            weekday = DAGEN[self.startdatum.weekday()]
            if weekday not in self.dag:
                raise PydanticCustomError(
                    "startdatum_dag", "dag", {"value": self.startdatum.isoformat(), "weekday": weekday, "dag": " of ".join(self.dag)}
                )
        return self


SCHEDULE_EXAMPLES = {
    "wekelijks": "`dag: dinsdag`",
    "tweewekelijks": "`dag: dinsdag` + `startdatum: 2026-09-01`",
    "maandelijks": "`dag: vrijdag` + `week: eerste`",
    "eenmalig": "`datum: 2026-12-12`",
}


class Activiteit(Strict):
    """Een activiteit op de plek: wat, wanneer, voor wie en wat het kost."""

    naam: Tekst = Field(description="naam van de activiteit, bijvoorbeeld `Koffie-inloop`; tekst, of per taal (`nl:`, `en:` …)")
    omschrijving: Tekst | None = Field(default=None, description="wat je er doet, in een paar zinnen")
    wanneer: Annotated[list[Wanneer], BeforeValidator(_one_or_more), OneOrMore] = Field(
        description="wanneer de activiteit plaatsvindt; één schema of een lijst van schema's"
    )
    kosten: Kosten = Field(default="gratis", description="`gratis`, `vrijwillige bijdrage` of een bedrag in euro, bijvoorbeeld `2.50`, `€ 2,50` of `2 euro`")
    voor_wie: Tekst = Field(default_factory=lambda: {"nl": "iedereen"}, description="voor wie het is, bijvoorbeeld `iedereen` of `ouderen`")
    aanmelden: Tekst | None = Field(default=None, description="hoe je je aanmeldt, als dat nodig is; leeg = gewoon binnenlopen")
    themas: list[Thema] | None = Field(default=None, description="thema's van deze activiteit, als ze anders zijn dan die van de plek")
    talen: list[Taalcode] | None = Field(default=None, description="talen die bij deze activiteit gesproken worden, als ze anders zijn dan die van de plek")


class Ontwikkelplaats(Strict):
    """Een ontwikkelplaats: een plek in de buurt waar bewoners elkaar ontmoeten, iets leren of iets doen voor een ander."""

    naam: PlainText = Field(description="naam van de plek, bijvoorbeeld `Taalcafé De Boog`")
    buurt: PlainText = Field(description="korte naam van de buurt: de bestandsnaam in content/buurten/ zonder .yml, bijvoorbeeld `binnenstad`")
    status: Status = Field(default="actief", description="`actief`, `tijdelijk gesloten` of `gestopt`")
    voorbeeld: JaNee = Field(
        default=False, description="`ja` zolang niemand uit de buurt de gegevens heeft gecontroleerd; de site toont dan 'voorbeeld — nog niet gecontroleerd'"
    )
    organisatie: PlainText | None = Field(default=None, description="de organisatie achter de plek, bijvoorbeeld `WIJeindhoven`")
    themas: Annotated[list[Thema], Field(min_length=1)] = Field(description="een of meer thema's uit de vaste lijst (zie de veldenlijst)")
    adres: Adres = Field(description="bezoekadres")
    coordinaten: Annotated[tuple[float, float], BeforeValidator(_coordinates)] | None = Field(
        default=None, description="optioneel: [breedtegraad, lengtegraad], gaat voor het opgezochte adres; bijvoorbeeld `[51.4416, 5.4697]`"
    )
    omschrijving: Tekst | None = Field(default=None, description="wat voor plek het is, in een paar zinnen")
    talen: list[Taalcode] = Field(default_factory=lambda: ["nl"], description="talen die er gesproken worden, als codes van twee letters: `[nl, en, ar]`")
    toegankelijkheid: Toegankelijkheid = Field(default_factory=Toegankelijkheid, description="rolstoel, rollator, toilet, gehoorlus")
    contact: Contact = Field(default_factory=Contact, description="website, e-mail en telefoon van de organisatie (geen privégegevens)")
    activiteiten: list[Activiteit] = Field(default_factory=list, description="de activiteiten op deze plek")
    laatst_gecontroleerd: Datum = Field(description="datum waarop iemand de gegevens voor het laatst heeft gecontroleerd, bijvoorbeeld `2026-10-01`")


class Wijkteam(Strict):
    """Het WIJeindhoven-wijkteam (of een ander aanspreekpunt) voor deze buurt."""

    naam: PlainText = Field(description="naam van het team, bijvoorbeeld `WIJeindhoven Woensel-Zuid`")
    telefoon: Telefoon | None = Field(default=None, description="telefoonnummer van het team")
    email: Email | None = Field(default=None, description="e-mailadres van het team")
    website: Url | None = Field(default=None, description="webpagina van het team")
    adres: PlainText | None = Field(default=None, description="bezoekadres, op één regel")


class Buurt(Strict):
    """Een buurt van Eindhoven. Wijk en stadsdeel komen uit de gemeentelijke gegevens, niet uit dit bestand."""

    naam: PlainText = Field(description="naam van de buurt zoals de gemeente en het CBS die schrijven, bijvoorbeeld `Binnenstad`")
    code: Annotated[str, Field(pattern=r"^BU0772\d{4}$")] = Field(description="CBS-buurtcode (2024), bijvoorbeeld `BU07721110`")
    omschrijving: Tekst | None = Field(default=None, description="een paar zinnen over de buurt, door bewoners geschreven")
    wijkteam: Wijkteam | None = Field(default=None, description="aanspreekpunt van WIJeindhoven voor deze buurt")
