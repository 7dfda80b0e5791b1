"""The figures of the Buurt in Bloei approach: one file per year, and one file of context.

``content/aanpak/<jaar>.yml`` holds what WIJeindhoven registered in one year (source: the
DSP-groep report, registration system Wijs) with the KPI agreed with Gemeente Eindhoven where one
was given. ``content/aanpak-context/context.yml`` holds what does not change per year: the city
in figures, the wijk differences (BuurtKijker 2023) and Movisie's framework of goals, sub-goals
and indicators. A new year is a new file; the stats page picks it up without code changes.

A figure that is not known is left out, never written as 0. Sums that the report states (the
training participants, the three kinds of match) are checked on the line of the total, so an
editor who mistypes one part is told where.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from generator.content import Content
from generator.models import Datum, PlainText, Strict, Tekst, Url
from generator.problems import Problem, error

FIRST_YEAR, LAST_YEAR = 2015, 2040


# --- value types --------------------------------------------------------------------------------


def _count(value: Any) -> Any:
    """A whole number ≥ 0. ``2.397`` (a Dutch thousands dot) reaches us as a float: refuse it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PydanticCustomError("aantal", "aantal", {"value": value})
    return value


def _percent(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise PydanticCustomError("procent", "procent", {"value": value})
    return value


def _year(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not FIRST_YEAR <= value <= LAST_YEAR:
        raise PydanticCustomError("jaartal", "jaartal", {"value": value})
    return value


Aantal = Annotated[int, BeforeValidator(_count)]
Procent = Annotated[float, BeforeValidator(_percent)]
Jaar = Annotated[int, BeforeValidator(_year)]


def _source_shorthand(value: Any) -> Any:
    # `bron: DSP-groep ...` is the same as `bron: {naam: DSP-groep ...}`.
    return {"naam": value} if isinstance(value, str) else value


def _indicator_shorthand(value: Any) -> Any:
    # `talentenscans: 2397` is the same as `talentenscans: {waarde: 2397}`.
    return {"waarde": value} if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _training_shorthand(value: Any) -> Any:
    return {"deelnemers": value} if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class Bron(Strict):
    """Waar een cijfer vandaan komt. Een gewone tekst mag ook: dan is dat de naam van de bron."""

    naam: Tekst = Field(description="naam van de bron, bijvoorbeeld `DSP-groep, onderzoek naar de effecten van Buurt in Bloei`")
    registratie: Tekst | None = Field(default=None, description="het systeem waar de cijfers uit komen, bijvoorbeeld `registratiesysteem Wijs van WIJeindhoven`")
    url: Url | None = Field(default=None, description="webadres van de bron, als die openbaar is")


BronVeld = Annotated[Bron, BeforeValidator(_source_shorthand)]


class Indicator(Strict):
    """Eén cijfer: de waarde, eventueel de afgesproken KPI, de bron en een toelichting. Alleen een getal mag ook."""

    waarde: Aantal = Field(description="het cijfer, als heel getal zonder punt: `2397`")
    kpi: Aantal | None = Field(default=None, description="de met de gemeente afgesproken KPI (streefwaarde); weglaten als die niet bekend is")
    bron: BronVeld | None = Field(default=None, description="bron van dit cijfer, als die anders is dan de `bron` bovenaan het bestand")
    toelichting: Tekst | None = Field(default=None, description="korte uitleg, bijvoorbeeld `cumulatief: alle scans sinds de start`")


IndicatorVeld = Annotated[Indicator, BeforeValidator(_indicator_shorthand)]


def _check_parts(parts: dict[str, int | None], total: int, field: str) -> None:
    """Raise ``som`` when the known parts do not add up to the total (or exceed it, if some are unknown)."""
    known = {name: value for name, value in parts.items() if value is not None}
    if not known:
        return
    added = sum(known.values())
    complete = len(known) == len(parts)
    if (complete and added != total) or added > total:
        detail = " + ".join(f"{name} {value}" for name, value in known.items()) + f" = {added}"
        raise PydanticCustomError("som", "som", {"field": field, "parts": added, "total": total, "detail": detail})


class Training(Strict):
    """Deelnemers aan één soort training. Alleen een getal mag ook: dat is dan het aantal deelnemers."""

    deelnemers: Aantal = Field(description="aantal inwoners dat de training volgde")
    met_uitkering: Aantal | None = Field(default=None, description="hoeveel van hen een Participatiewet-uitkering (PW) hebben; weglaten als onbekend")

    @field_validator("met_uitkering")
    @classmethod
    def _not_more_than_participants(cls, value: int | None, info: ValidationInfo) -> int | None:
        _check_part_of(value, info.data.get("deelnemers"), "met_uitkering", "deelnemers")
        return value


TrainingVeld = Annotated[Training, BeforeValidator(_training_shorthand)]


def _check_part_of(part: int | None, whole: int | None, field: str, whole_field: str) -> None:
    if part is not None and whole is not None and part > whole:
        raise PydanticCustomError("deel_te_groot", "deel", {"field": field, "value": part, "whole_field": whole_field, "whole": whole})


class Trainingen(Strict):
    """Deelnemers aan de trainingen. `totaal` moet gelijk zijn aan de som van de drie soorten."""

    kom_tot_bloei: TrainingVeld | None = Field(default=None, description="Kom tot Bloei: vier bijeenkomsten over je talenten")
    de_wijk_werkt: TrainingVeld | None = Field(default=None, description="De Wijk Werkt!: twaalf bijeenkomsten, stappen op het participatiepad")
    overig: TrainingVeld | None = Field(default=None, description="alle andere trainingen samen")
    totaal: Aantal = Field(description="totaal aantal deelnemers aan alle trainingen; de som van de soorten hierboven")
    kpi: Aantal | None = Field(default=None, description="de afgesproken KPI voor het totaal aantal deelnemers")
    bron: BronVeld | None = Field(default=None, description="bron, als die anders is dan de `bron` bovenaan het bestand")
    toelichting: Tekst | None = Field(default=None, description="korte uitleg bij deze cijfers")

    @field_validator("totaal")
    @classmethod
    def _parts_add_up(cls, totaal: int, info: ValidationInfo) -> int:
        if _parts_failed(info, TRAINING_KINDS):
            return totaal
        parts = {name: (info.data[name].deelnemers if info.data.get(name) else None) for name in TRAINING_KINDS}
        _check_parts(parts, totaal, "trainingen")
        return totaal


TRAINING_KINDS = ("kom_tot_bloei", "de_wijk_werkt", "overig")
MATCH_KINDS = ("inwoner_inwoner", "inwoner_ontwikkelplaats", "ontwikkelplaats_ontwikkelplaats")


def _parts_failed(info: ValidationInfo, names: tuple[str, ...]) -> bool:
    # A part with its own error is missing from info.data; do not add a second, confusing error.
    return any(name not in info.data for name in names)


class Matches(Strict):
    """Matches die verbinders maakten, naar soort. `totaal` moet gelijk zijn aan de som van de drie soorten."""

    inwoner_inwoner: Aantal | None = Field(default=None, description="matches tussen twee inwoners")
    inwoner_ontwikkelplaats: Aantal | None = Field(default=None, description="matches tussen een inwoner en een ontwikkelplaats")
    ontwikkelplaats_ontwikkelplaats: Aantal | None = Field(default=None, description="matches tussen twee ontwikkelplaatsen")
    totaal: Aantal = Field(description="totaal aantal matches; de som van de drie soorten hierboven")
    kpi: Aantal | None = Field(default=None, description="de afgesproken KPI voor het totaal aantal matches")
    bron: BronVeld | None = Field(default=None, description="bron, als die anders is dan de `bron` bovenaan het bestand")
    toelichting: Tekst | None = Field(default=None, description="korte uitleg bij deze cijfers")

    @field_validator("totaal")
    @classmethod
    def _parts_add_up(cls, totaal: int, info: ValidationInfo) -> int:
        if not _parts_failed(info, MATCH_KINDS):
            _check_parts({name: info.data[name] for name in MATCH_KINDS}, totaal, "matches")
        return totaal


class Inwonersnetwerken(Strict):
    """Inwonersnetwerken die via Buurt in Bloei actief waren."""

    actief: Aantal = Field(description="aantal actieve inwonersnetwerken in dat jaar (nieuwe meegeteld)")
    nieuw: Aantal | None = Field(default=None, description="hoeveel daarvan dat jaar nieuw waren")
    deelnemers: Aantal | None = Field(default=None, description="aantal inwoners dat aan de netwerken deelnam")
    kpi: Aantal | None = Field(default=None, description="de afgesproken KPI voor het aantal actieve netwerken, als die er is")
    bron: BronVeld | None = Field(default=None, description="bron, als die anders is dan de `bron` bovenaan het bestand")
    toelichting: Tekst | None = Field(default=None, description="korte uitleg bij deze cijfers")

    @field_validator("nieuw")
    @classmethod
    def _new_within_active(cls, value: int | None, info: ValidationInfo) -> int | None:
        _check_part_of(value, info.data.get("actief"), "nieuw", "actief")
        return value


class Veerkracht(Strict):
    """Doel 1: vergroten van de veerkracht van de inwoner (zelfredzaamheid)."""

    activiteiten: IndicatorVeld | None = Field(default=None, description="aantal gefaciliteerde activiteiten (subdoel ontmoeting)")
    talentenscans: IndicatorVeld | None = Field(default=None, description="aantal uitgevoerde talentenscans, cumulatief (subdoel meedoen)")
    trainingen: Trainingen | None = Field(default=None, description="deelnemers aan Kom tot Bloei, De Wijk Werkt! en andere trainingen (subdoel meedoen)")


class SocialeCohesie(Strict):
    """Doel 2: verhogen van de sociale cohesie (samenredzaamheid)."""

    inwonersnetwerken: Inwonersnetwerken | None = Field(default=None, description="actieve en nieuwe inwonersnetwerken en hun deelnemers")
    aanbod_wij_match: IndicatorVeld | None = Field(
        default=None, description="inwoners die zich aanbieden voor een WIJ match en nog niet gematcht zijn (een momentopname)"
    )
    matches: Matches | None = Field(default=None, description="matches naar soort: inwoner–inwoner, inwoner–ontwikkelplaats, ontwikkelplaats–ontwikkelplaats")
    ontwikkelplaatsen: IndicatorVeld | None = Field(default=None, description="totaal aantal geregistreerde ontwikkelplaatsen")


class AanpakJaar(Strict):
    """De cijfers van Buurt in Bloei over één jaar. Het bestand heet naar het jaar, bijvoorbeeld `2024.yml`."""

    jaar: Jaar = Field(description="het jaar waar de cijfers over gaan, bijvoorbeeld `2024`; gelijk aan de bestandsnaam")
    bron: BronVeld = Field(description="de bron van de cijfers in dit bestand (per cijfer kan een andere bron staan)")
    veerkracht: Veerkracht = Field(default_factory=Veerkracht, description="cijfers bij doel 1, veerkracht")
    sociale_cohesie: SocialeCohesie = Field(default_factory=SocialeCohesie, description="cijfers bij doel 2, sociale cohesie")


# --- the context file -------------------------------------------------------------------------------


class Kerncijfer(Strict):
    """Een cijfer over de stad of over WIJeindhoven, met de datum waarop het geldt."""

    waarde: Aantal = Field(description="het cijfer, als heel getal zonder punt")
    peildatum: Datum | None = Field(default=None, description="datum waarop het cijfer geldt, bijvoorbeeld `2024-01-01`")
    bron: BronVeld | None = Field(default=None, description="bron, als die anders is dan de `bron` bovenaan het bestand")
    toelichting: Tekst | None = Field(default=None, description="korte uitleg bij dit cijfer")


KerncijferVeld = Annotated[Kerncijfer, BeforeValidator(_indicator_shorthand)]


class Kerncijfers(Strict):
    """Eindhoven en WIJeindhoven in cijfers, zoals het onderzoeksrapport ze noemt."""

    inwoners: KerncijferVeld | None = Field(default=None, description="aantal inwoners van Eindhoven")
    inwoners_verwacht: KerncijferVeld | None = Field(default=None, description="verwacht aantal inwoners (prognose van de gemeente)")
    stadsdelen: KerncijferVeld | None = Field(default=None, description="aantal stadsdelen zoals het rapport telt")
    wijken: KerncijferVeld | None = Field(default=None, description="aantal wijken zoals het rapport telt")
    buurten: KerncijferVeld | None = Field(default=None, description="aantal buurten zoals het rapport telt")
    wijkteams: KerncijferVeld | None = Field(default=None, description="aantal integrale wijkteams van WIJeindhoven")
    verbinders: KerncijferVeld | None = Field(default=None, description="aantal verbinders dat voor WIJeindhoven werkt")


class WijkWaarde(Strict):
    """Een wijk met haar percentage."""

    wijk: PlainText = Field(description="naam van de wijk, bijvoorbeeld `Oud-Woensel`")
    procent: Procent = Field(description="percentage, als getal zonder %-teken: `16`")


class Wijkverschil(Strict):
    """Eén onderwerp waarop wijken verschillen: de wijk met het hoogste en die met het laagste percentage."""

    onderwerp: Tekst = Field(description="waar het over gaat, bijvoorbeeld `inwoners met een beperkt sociaal netwerk`")
    hoog: WijkWaarde = Field(description="de wijk met het hoogste percentage")
    laag: WijkWaarde = Field(description="de wijk met het laagste percentage")


class Wijkverschillen(Strict):
    """Verschillen tussen wijken, met hun bron."""

    bron: BronVeld = Field(description="bron, bijvoorbeeld `BuurtKijker 2023`")
    onderwerpen: list[Wijkverschil] = Field(description="de onderwerpen, elk met een hoge en een lage wijk")


class Subdoel(Strict):
    """Een subdoel uit het raamwerk van Movisie, met zijn indicatoren."""

    naam: Tekst = Field(description="naam van het subdoel, bijvoorbeeld `Ontmoeting`")
    indicatoren: Annotated[list[Tekst], Field(min_length=1)] = Field(description="de indicatoren van dit subdoel, elk als één zin")


class Doel(Strict):
    """Een hoofddoel van Buurt in Bloei."""

    naam: Tekst = Field(description="het doel, bijvoorbeeld `Vergroten van de veerkracht van de inwoner (zelfredzaamheid)`")
    subdoelen: Annotated[list[Subdoel], Field(min_length=1)] = Field(description="de subdoelen met hun indicatoren")


class Logboek(Strict):
    """Het logboek van de verbinders: hun 'mooiste resultaat van de week', naar doel."""

    weken: Aantal = Field(description="over hoeveel weken het logboek is bijgehouden")
    veerkracht: Aantal = Field(description="resultaten over de veerkracht van inwoners")
    sociale_cohesie: Aantal = Field(description="resultaten over de sociale cohesie")
    totaal: Aantal = Field(description="totaal aantal resultaten; de som van de twee hierboven")

    @field_validator("totaal")
    @classmethod
    def _parts_add_up(cls, totaal: int, info: ValidationInfo) -> int:
        if not _parts_failed(info, ("veerkracht", "sociale_cohesie")):
            _check_parts({name: info.data[name] for name in ("veerkracht", "sociale_cohesie")}, totaal, "logboek")
        return totaal


class AanpakContext(Strict):
    """Achtergrond bij de cijfers van Buurt in Bloei: de stad, de wijken en het raamwerk van doelen en indicatoren."""

    bron: BronVeld = Field(description="de bron van de cijfers in dit bestand (per onderdeel kan een andere bron staan)")
    sinds: Jaar | None = Field(default=None, description="het jaar waarin de aanpak is ontwikkeld, bijvoorbeeld `2018`")
    kerncijfers: Kerncijfers = Field(default_factory=Kerncijfers, description="inwoners, stadsdelen, wijken, buurten, wijkteams, verbinders")
    wijkverschillen: Wijkverschillen | None = Field(default=None, description="verschillen tussen wijken, met de bron")
    logboek: Logboek | None = Field(default=None, description="het logboek van de verbinders")
    kernwaarden: list[Tekst] = Field(default_factory=list, description="de kernwaarden van de aanpak, elk als korte zin")
    kader: Annotated[list[Doel], Field(min_length=1)] = Field(description="de doelen, subdoelen en indicatoren (raamwerk van Movisie)")
    kader_bron: BronVeld | None = Field(default=None, description="bron van het raamwerk, bijvoorbeeld `Movisie, voor WIJeindhoven`")


# --- reading them back -------------------------------------------------------------------------------

YEAR_KIND, CONTEXT_KIND = "aanpak", "aanpak-context"


def years(content: Content) -> list[AanpakJaar]:
    """The year files, oldest first."""
    return sorted((entry.model for entry in content.extra.get(YEAR_KIND, {}).values()), key=lambda m: m.jaar)  # type: ignore[attr-defined]


def context(content: Content) -> AanpakContext | None:
    entries = content.extra.get(CONTEXT_KIND, {})
    return entries[sorted(entries)[0]].model if entries else None  # type: ignore[return-value]


def check_aanpak(content: Content) -> list[Problem]:
    """Each year file is named after its ``jaar``, so every year has exactly one file."""
    problems = []
    for entry in content.extra.get(YEAR_KIND, {}).values():
        jaar = entry.model.jaar  # type: ignore[attr-defined]
        if entry.slug != str(jaar):
            line, col = entry.doc.position(("jaar",))
            problems.append(error(entry.rel, line, col, "aanpak_bestandsnaam", name=entry.slug, jaar=jaar))
    return problems
