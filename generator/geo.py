"""Buurt boundaries: which buurt a point lies in, buurt look-ups and neighbouring buurten.

The data is ``content/geo/buurten.geojson`` (built by ``tools/geo_from_shared.py``; sources in
``content/geo/BRONNEN.md``). Coordinates are WGS84 degrees; shapely works in (lon, lat) order,
while this module's public API speaks (lat, lon) like the content files do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.slug import slugify
from shapely import STRtree
from shapely.geometry import Point, Polygon, shape

REPO = Path(__file__).resolve().parents[1]
GEO_DIR = REPO / "content" / "geo"
DEFAULT = GEO_DIR / "buurten.geojson"

ATTRIBUTION = "Buurtgrenzen: Gemeente Eindhoven (data.eindhoven.nl); buurtcodes: CBS/Kadaster (CC BY 4.0); inwoners 2020: Gemeente Eindhoven; stratenkaart: © OpenStreetMap-bijdragers (ODbL 1.0)"

# Two buurten count as neighbours when their boundaries come within this distance. The municipal
# polygons share their vertices, but rounding to 6 decimals (0.1 m) can open hairline gaps;
# 1e-5 degrees is 0.7-1.1 m here: wide enough for that, far too narrow to bridge a real street.
NEIGHBOUR_TOLERANCE_DEG = 1e-5


class GeoDataError(Exception):
    """Geo data under content/geo is missing or unreadable; the message names the file."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"Geodata ontbreekt of is beschadigd: {display_path(path)} ({reason})")
        self.path = path
        self.reason = reason


def display_path(path: Path) -> str:
    """The path relative to the repository when it lies inside it (what an editor recognises)."""
    try:
        return Path(path).resolve().relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class BuurtGeo:
    code: str  # CBS 2024 buurtcode, e.g. "BU07721110"
    naam: str
    slug: str
    gemeente_buurtcode: int  # Eindhoven's own 3-digit code, e.g. 111
    wijk_code: str  # CBS wijkcode, e.g. "WK077211"
    wijk: str
    stadsdeel: str
    inwoners: int | None  # 2020; None where the municipality suppressed the figure
    vorm: Polygon
    punt: tuple[float, float]  # (lat, lon), always inside vorm: a safe place for a label or marker


class BuurtKaart:
    """All buurten, with a spatial index for point look-ups and precomputed neighbours."""

    def __init__(self, buurten: list[BuurtGeo]):
        self.buurten = sorted(buurten, key=lambda b: b.code)
        self._tree = STRtree([b.vorm for b in self.buurten])
        self._by_code = {b.code: b for b in self.buurten}
        self._by_slug = {b.slug: b for b in self.buurten}
        self._neighbours = self._neighbour_codes()

    def buurt_op(self, lat: float, lon: float) -> BuurtGeo | None:
        """The buurt containing the point, or None outside Eindhoven.

        A point exactly on a shared boundary belongs to the buurt with the lowest code, so the
        answer never depends on index order.
        """
        hits = self._tree.query(Point(lon, lat), predicate="intersects")
        return self.buurten[min(hits)] if len(hits) else None

    def per_code(self, code: str) -> BuurtGeo | None:
        return self._by_code.get(code)

    def per_slug(self, slug: str) -> BuurtGeo | None:
        return self._by_slug.get(slug)

    def buren(self, code: str) -> list[BuurtGeo]:
        """Buurten touching this one (sharing an edge or a corner), sorted by code."""
        return [self._by_code[c] for c in self._neighbours.get(code, ())]

    def _neighbour_codes(self) -> dict[str, tuple[str, ...]]:
        # "dwithin" is symmetric, so neighbourship is too; one bulk query instead of 116.
        shapes = [b.vorm for b in self.buurten]
        left, right = self._tree.query(shapes, predicate="dwithin", distance=NEIGHBOUR_TOLERANCE_DEG)
        found: dict[str, set[str]] = {b.code: set() for b in self.buurten}
        for i, j in zip(left, right):
            if i != j:
                found[self.buurten[i].code].add(self.buurten[j].code)
        return {code: tuple(sorted(codes)) for code, codes in found.items()}


def laad_buurtkaart(path: Path = DEFAULT) -> BuurtKaart:
    """Read the buurt GeoJSON; any problem becomes one GeoDataError naming the file."""
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
        buurten = [buurt_from_feature(f) for f in collection["features"]]
    except FileNotFoundError:
        raise GeoDataError(path, "bestand niet gevonden") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise GeoDataError(path, f"{type(error).__name__}: {error}") from error
    if not buurten:
        raise GeoDataError(path, "geen buurten gevonden")
    return BuurtKaart(buurten)


def buurt_from_feature(feature: dict) -> BuurtGeo:
    props = feature["properties"]
    vorm = shape(feature["geometry"])
    if not isinstance(vorm, Polygon) or not vorm.is_valid:
        raise ValueError(f"buurt {props['code']}: geen geldige Polygon")
    inwoners = props["inwoners_2020"]
    return BuurtGeo(
        code=str(props["code"]),
        naam=str(props["naam"]),
        slug=slugify(props["naam"]),
        gemeente_buurtcode=int(props["gemeente_buurtcode"]),
        wijk_code=str(props["wijk_code"]),
        wijk=str(props["wijk"]),
        stadsdeel=str(props["stadsdeel"]),
        inwoners=None if inwoners is None else int(inwoners),
        vorm=vorm,
        punt=representative_point(vorm, props.get("geo_point_2d")),
    )


def representative_point(vorm: Polygon, given: dict | None) -> tuple[float, float]:
    """(lat, lon) inside the polygon: the municipality's own point when it is inside, else
    shapely's point_on_surface (a centroid can fall outside a crescent-shaped buurt)."""
    if given and vorm.contains(Point(given["lon"], given["lat"])):
        return (float(given["lat"]), float(given["lon"]))
    inside = vorm.point_on_surface()
    return (inside.y, inside.x)


