"""Walking metres from any point in Eindhoven to every place within 20 minutes: a precomputed grid.

Why a grid (and not routing in the browser): the browser gets exact network distances computed
here with ``StreetGraph.distances`` and only interpolates between them. Routing in the browser
would need the street graph itself (93k nodes; ~650 KB gzip whole, or a tiling scheme plus a
JavaScript Dijkstra and snapping identical to ``walk.py``), more code to keep in step with Python
for the same answers. The grid is a few lines of arithmetic in both languages.

Measured in ``bench/finder_bench.py`` (results in ``bench/results/finder.md``) against the exact
network walk for 1,000 random points: a 100 m grid misses the 2-minute 95th percentile at the
slow pace (2.4 min: at 45 m a minute the jumps across railways and canals dominate); 50 m meets
it. Storing, per grid point, the snapped node and adding the straight piece from the start was
tried as well and was worse than bilinear interpolation.

Layout: a regular grid in the local projection of ``walk.project`` (``GRID_STEP_M`` apart),
kept only inside the municipality or within ``NEAR_STREET_M`` of a street. The grid is cut into
tiles of ``TILE_CELLS`` x ``TILE_CELLS`` cells; a tile stores its points *including* the far edge,
so the four corners of any cell lie in one tile and the browser fetches exactly one small tile
for a start point (a few KB, however many places the site grows to).

A tile file is JSON ``{"p": [[place, i0, j0, width, [v, ...]], ...]}``: per place reachable from
the tile, a raster over its bounding box (grid indices ``i0, j0``; rows of ``width``), values
``round(metres / 10) + 1`` and 0 where the place is beyond reach. ``WalkGrid.metres`` is the
lookup the browser does (``docs/assets/js/vinder.js``, ``metresAt``), line for line.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field

import numpy as np

from generator.walk import _METRES_PER_DEG_LAT, _METRES_PER_DEG_LON, REFERENCE_LAT, StreetGraph, project

GRID_STEP_M = 50
TILE_CELLS = 20  # 1 km x 1 km of cells per tile
REACH_M = 1500  # 20 minutes at the normal pace (4.5 km/h): the farthest the finder shows
MARGIN_M = 100  # computed a little beyond reach so a cell on the edge still has all four corners
NEAR_STREET_M = 150  # grid points outside the municipality are kept when a street is this close
_REFERENCE_LON = 5.0  # walk.project's origin (lon - 5.0)


@dataclass(frozen=True)
class GridSpec:
    """Where grid point (i, j) lies: x = x0 + i * step, y = y0 + j * step in walk.project metres."""

    x0: float
    y0: float
    step: float
    nx: int
    ny: int
    tile: int = TILE_CELLS

    @classmethod
    def covering(cls, south: float, west: float, north: float, east: float, step: float = GRID_STEP_M) -> GridSpec:
        (x0, y0), (x1, y1) = project(south, west), project(north, east)
        x0, y0 = math.floor(x0 / step) * step, math.floor(y0 / step) * step
        return cls(x0=x0, y0=y0, step=step, nx=int((x1 - x0) // step) + 2, ny=int((y1 - y0) // step) + 2)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """(lat, lon) arrays of every grid point, row-major (j, then i)."""
        x = self.x0 + np.arange(self.nx) * self.step
        y = self.y0 + np.arange(self.ny) * self.step
        xx, yy = np.meshgrid(x, y)
        return yy.ravel() / _METRES_PER_DEG_LAT + REFERENCE_LAT, xx.ravel() / _METRES_PER_DEG_LON + _REFERENCE_LON

    def as_json(self) -> dict[str, float]:
        return {
            "x0": self.x0, "y0": self.y0, "step": self.step, "nx": self.nx, "ny": self.ny, "tile": self.tile,
            "lat0": REFERENCE_LAT, "lon0": _REFERENCE_LON, "mlat": _METRES_PER_DEG_LAT, "mlon": _METRES_PER_DEG_LON,
        }


@dataclass
class WalkGrid:
    spec: GridSpec
    slugs: list[str]  # place index -> place slug
    tiles: dict[tuple[int, int], list[list]] = field(default_factory=dict)  # (tx, ty) -> [[place, i0, j0, w, values]]

    def tile_json(self, key: tuple[int, int]) -> str:
        return json.dumps({"p": self.tiles[key]}, separators=(",", ":"))

    @property
    def version(self) -> str:
        """Changes whenever any tile or the place order changes (cache-busting for the browser)."""
        digest = hashlib.sha256(json.dumps([self.spec.as_json(), self.slugs], sort_keys=True).encode())
        for key in sorted(self.tiles):
            digest.update(f"{key}".encode() + self.tile_json(key).encode())
        return digest.hexdigest()[:12]

    def metres(self, lat: float, lon: float) -> dict[str, float]:
        """Interpolated walking metres to every place the grid reaches from (lat, lon).

        Bilinear between the four grid points around the start where all four reach the place;
        where only some do (the edge of reach), their bilinear weights are renormalised.
        """
        s = self.spec
        fi = ((lon - _REFERENCE_LON) * _METRES_PER_DEG_LON - s.x0) / s.step
        fj = ((lat - REFERENCE_LAT) * _METRES_PER_DEG_LAT - s.y0) / s.step
        i, j = math.floor(fi), math.floor(fj)
        if i < 0 or j < 0 or i >= s.nx - 1 or j >= s.ny - 1:
            return {}
        u, v = fi - i, fj - j
        corners = ((i, j, (1 - u) * (1 - v)), (i + 1, j, u * (1 - v)), (i, j + 1, (1 - u) * v), (i + 1, j + 1, u * v))
        found = {}
        for place, i0, j0, width, values in self.tiles.get((i // s.tile, j // s.tile), []):
            total = weight = 0.0
            smallest = math.inf
            for ci, cj, w in corners:
                value = _raster_value(values, ci - i0, cj - j0, width)
                if value:
                    total += w * value
                    weight += w
                    smallest = min(smallest, value)
            if smallest < math.inf:
                dekametres = total / weight if weight > 0 else smallest
                found[self.slugs[place]] = (dekametres - 1) * 10
        return found


def _raster_value(values: list[int], di: int, dj: int, width: int) -> int:
    if di < 0 or dj < 0 or di >= width or dj * width + di >= len(values):
        return 0
    return values[dj * width + di]


def build_walkgrid(graph: StreetGraph, inside, places: dict[str, tuple[float, float]], spec: GridSpec) -> WalkGrid:
    """Exact network metres from every kept grid point to every place within reach, tiled.

    ``inside(lat_array, lon_array) -> bool array`` says which points lie in the municipality.
    Dijkstra runs from the places' side (``node_distances`` picks the smaller side), so the cost
    grows with the number of places, not with the ~40k grid points.
    """
    slugs = sorted(places)
    grid = WalkGrid(spec=spec, slugs=slugs)
    if not slugs:
        return grid
    lat, lon = spec.points()
    _, snap = graph.snap_many(list(zip(lat, lon)))
    kept = np.flatnonzero((snap <= NEAR_STREET_M) | inside(lat, lon))
    table = np.full((spec.ny * spec.nx, len(slugs)), np.inf)
    table[kept] = graph.distances(list(zip(lat[kept], lon[kept])), [places[s] for s in slugs], cutoff_m=REACH_M + MARGIN_M)
    encoded = np.where(np.isfinite(table), np.round(table / 10) + 1, 0).astype(np.int64).reshape(spec.ny, spec.nx, len(slugs))
    for ty in range(math.ceil((spec.ny - 1) / spec.tile)):
        for tx in range(math.ceil((spec.nx - 1) / spec.tile)):
            rasters = _tile_rasters(encoded, tx, ty, spec.tile)
            if rasters:
                grid.tiles[(tx, ty)] = rasters
    return grid


def _tile_rasters(encoded: np.ndarray, tx: int, ty: int, size: int) -> list[list]:
    """Per place, the bounding box of reached points in one tile (far edge included)."""
    i_start, j_start = tx * size, ty * size
    block = encoded[j_start:j_start + size + 1, i_start:i_start + size + 1]
    rasters = []
    for place in np.flatnonzero(block.reshape(-1, block.shape[2]).any(axis=0)):
        rows, cols = np.nonzero(block[:, :, place])
        sub = block[rows.min():rows.max() + 1, cols.min():cols.max() + 1, place]
        rasters.append([int(place), int(i_start + cols.min()), int(j_start + rows.min()), int(sub.shape[1]), sub.ravel().tolist()])
    return rasters


def walkgrid_from_json(meta: dict, tiles: dict[str, str]) -> WalkGrid:
    """Read back what the browser reads (the page's meta and the tile files), for parity checks."""
    keys = ("x0", "y0", "step", "nx", "ny", "tile")
    spec = GridSpec(**{k: meta[k] for k in keys})
    grid = WalkGrid(spec=spec, slugs=list(meta["places"]))
    for name, text in tiles.items():
        tx, ty = (int(n) for n in name.removesuffix(".json").split("-"))
        grid.tiles[(tx, ty)] = json.loads(text)["p"]
    return grid
