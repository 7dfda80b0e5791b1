"""Enrichment: where each place is, which buurt it lies in, and how far it is to walk.

Computed once per build (the MkDocs hook runs the generator once even though
mkdocs-static-i18n builds once per language); the geo files are cached per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.checks import check_buurt_file_name
from generator.content import Content, Entry
from generator.geo import GEO_DIR, BuurtKaart, laad_buurtkaart
from generator.geocode import AddressQuery, GeocodeCache
from generator.models import Ontwikkelplaats
from generator.problems import Problem, error, warning
from generator.site import BuurtInfo
from generator.walk import DEFAULT_CUTOFF_MINUTES, FAR_FROM_STREET_M, StreetGraph, minutes, walking_table


@lru_cache(maxsize=4)
def _buurtkaart(path: Path, mtime: float) -> BuurtKaart:
    return laad_buurtkaart(path)


@lru_cache(maxsize=2)
def _graph(path: Path, mtime: float) -> StreetGraph:
    return StreetGraph(path)


def geo_dir_for(content_root: Path) -> Path:
    """The content's own geo folder, or the project's (test fixtures carry no geo data)."""
    own = content_root / "geo"
    return own if (own / "buurten.geojson").exists() else GEO_DIR


def load_buurtkaart(geo_dir: Path) -> BuurtKaart:
    path = geo_dir / "buurten.geojson"
    return _buurtkaart(path, path.stat().st_mtime if path.exists() else 0.0)


def load_graph(geo_dir: Path) -> StreetGraph:
    path = geo_dir / "straten.npz"
    return _graph(path, path.stat().st_mtime if path.exists() else 0.0)


def address_query(place: Ontwikkelplaats) -> AddressQuery:
    a = place.adres
    return AddressQuery(straat=a.straat, huisnummer=a.huisnummer, postcode=a.postcode, plaats=a.plaats)


def place_points(content: Content, cache: GeocodeCache) -> dict[str, tuple[float, float]]:
    """Manual ``coordinaten`` win; otherwise the committed geocode cache; otherwise no point."""
    points = {}
    for slug, entry in content.plaatsen.items():
        if entry.model.coordinaten is not None:
            points[slug] = entry.model.coordinaten
        elif (hit := cache.get(address_query(entry.model))) is not None:
            points[slug] = (hit.lat, hit.lon)
    return points


@dataclass
class EnrichedContent:
    """Implements ``generator.site.Enriched`` for the renderers."""

    kaart: BuurtKaart
    infos: dict[str, BuurtInfo]
    points: dict[str, tuple[float, float]]
    snap_metres: dict[str, float] = field(default_factory=dict)
    metres_from_buurt: dict[str, dict[str, float]] = field(default_factory=dict)

    def buurt_info(self, buurt_slug: str) -> BuurtInfo | None:
        return self.infos.get(buurt_slug)

    def place_point(self, place_slug: str) -> tuple[float, float] | None:
        return self.points.get(place_slug)

    def minutes_from_buurt(self, buurt_slug: str, place_slug: str, pace: str) -> float | None:
        metres = self.metres_from_buurt.get(buurt_slug, {}).get(place_slug)
        return None if metres is None else minutes(metres, pace)


def buurt_infos(content: Content, kaart: BuurtKaart) -> dict[str, BuurtInfo]:
    infos = {}
    for slug, entry in content.buurten.items():
        geo = kaart.per_code(entry.model.code)
        if geo is not None:
            infos[slug] = BuurtInfo(slug, geo.code, entry.model.naam, geo.wijk, geo.stadsdeel, geo.inwoners, geo.punt)
    return infos


def enrich(content: Content) -> tuple[EnrichedContent, "GeoProblems"]:
    checks = geo_checks_for(content.root)
    points = place_points(content, checks.cache)
    infos = buurt_infos(content, checks.kaart)
    origins = {slug: info.punt for slug, info in infos.items()}
    enriched = EnrichedContent(kaart=checks.kaart, infos=infos, points=points, snap_metres=checks.snap_metres(points))
    enriched.metres_from_buurt = walking_table(checks.graph, origins, points, cutoff_minutes=DEFAULT_CUTOFF_MINUTES) if points else {}
    return enriched, checks


@dataclass
class GeoProblems:
    """The geo checks of ``generator.checks.GeoChecks``: buurt codes and places on the map."""

    kaart: BuurtKaart
    graph: StreetGraph
    cache: GeocodeCache

    def snap_metres(self, points: dict[str, tuple[float, float]]) -> dict[str, float]:
        if not points:
            return {}
        _, metres = self.graph.snap_many(list(points.values()))
        return dict(zip(points, map(float, metres)))

    def buurt_problems(self, content: Content) -> list[Problem]:
        problems = []
        for entry in content.buurten.values():
            geo = self.kaart.per_code(entry.model.code)
            if geo is None:
                problems.append(error(entry.rel, *entry.doc.position(("code",)), "buurt_code_onbekend", value=entry.model.code))
            elif geo.naam != entry.model.naam:
                problems.append(error(entry.rel, *entry.doc.position(("naam",)), "buurt_naam_code", cbs=geo.code, expected=geo.naam, value=entry.model.naam))
            else:
                problems += check_buurt_file_name(entry, geo.naam)
        return problems

    def place_problems(self, content: Content) -> list[Problem]:
        points = place_points(content, self.cache)
        snaps = self.snap_metres(points)
        return [p for slug, entry in content.plaatsen.items() for p in self._place(entry, points.get(slug), snaps.get(slug), content)]

    def _place(self, entry: Entry[Ontwikkelplaats], point: tuple[float, float] | None, snap: float | None, content: Content) -> list[Problem]:
        manual = entry.model.coordinaten is not None
        where = entry.doc.position(("coordinaten",) if manual else ("adres",))
        if point is None:
            return [warning(entry.rel, *entry.doc.position(("adres",), key=True), "niet_opgezocht")]
        actual = self.kaart.buurt_op(*point)
        if actual is None:
            return [error(entry.rel, *where, "buiten_eindhoven", lat=f"{point[0]:.5f}", lon=f"{point[1]:.5f}")]
        named = content.buurten.get(entry.model.buurt)
        if named is not None and named.model.code != actual.code:
            return [error(entry.rel, *where, "andere_buurt", actual=actual.naam, actual_slug=actual.slug, value=entry.model.buurt)]
        if snap is not None and snap > FAR_FROM_STREET_M:
            return [warning(entry.rel, *where, "ver_van_straat", metres=round(snap))]
        return []


def geo_checks_for(content_root: Path) -> GeoProblems:
    """Load the geo data a content folder is checked against (cached per process)."""
    geo_dir = geo_dir_for(content_root)
    cache = GeocodeCache.load(content_root / "geo" / "geocode-cache.json")
    return GeoProblems(kaart=load_buurtkaart(geo_dir), graph=load_graph(geo_dir), cache=cache)
