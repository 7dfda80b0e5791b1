"""Walking distances and times over the OpenStreetMap street network.

A walk from point A to point B is modelled as three pieces: a straight line from A to the
nearest street node, the shortest path along streets, and a straight line from the last node to
B. The graph is ``content/geo/straten.npz`` (built by ``tools/geo_from_shared.py``): every
``highway=*`` way, undirected, lengths in whole metres. It has no OSM tags, so motorways cannot
be excluded; good enough for "how far is it to walk", not for turn-by-turn routing.

Straight pieces use an equirectangular projection around latitude 51.44 with the WGS84
ellipsoid's radii of curvature there. Within Eindhoven (lat 51.40-51.50) the east-west scale is
off by at most ~0.13 % at the northern and southern edges; for snap pieces of tens of metres
that is centimetres. Street lengths themselves come from the source data (geodesic metres).
"""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from generator.geo import GEO_DIR, GeoDataError

DEFAULT_GRAPH = GEO_DIR / "straten.npz"

PACES_KMH = {"normaal": 4.5, "rustig": 2.7}  # rustig = met rollator; see DESIGN.md Geography
FAR_FROM_STREET_M = 250  # a place farther than this from any street node deserves a warning
DEFAULT_CUTOFF_MINUTES = 30

# Local projection constants (WGS84 at the reference latitude).
REFERENCE_LAT = 51.44
_A, _E2 = 6378137.0, 6.69437999014e-3
_SIN2 = math.sin(math.radians(REFERENCE_LAT)) ** 2
_METRES_PER_DEG_LAT = math.radians(1) * _A * (1 - _E2) / (1 - _E2 * _SIN2) ** 1.5
_METRES_PER_DEG_LON = math.radians(1) * _A / math.sqrt(1 - _E2 * _SIN2) * math.cos(math.radians(REFERENCE_LAT))

# Dijkstra returns a dense [sources x all nodes] float64 array: 64 sources x 93k nodes = 48 MB.
# Running sources in chunks keeps memory flat however many places there are.
_SOURCES_PER_CHUNK = 64
_NPZ_ARRAYS = ("lat_e7", "lon_e7", "edge_i", "edge_j", "edge_m")


def minutes(metres: float, pace: str) -> float:
    """Walking time in minutes for a distance at a named pace ("normaal" or "rustig")."""
    return metres / metres_per_minute(pace)


def metres_per_minute(pace: str) -> float:
    if pace not in PACES_KMH:
        raise ValueError(f"onbekend looptempo {pace!r}; kies uit {', '.join(PACES_KMH)}")
    return PACES_KMH[pace] * 1000 / 60


def project(lat, lon) -> np.ndarray:
    """(lat, lon) degrees -> local (x, y) metres; accepts scalars or arrays."""
    lat, lon = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    return np.stack([(lon - 5.0) * _METRES_PER_DEG_LON, (lat - REFERENCE_LAT) * _METRES_PER_DEG_LAT], axis=-1)


class StreetGraph:
    """The street network with a nearest-node index over its largest connected component.

    Snapping only to the largest component matters: the source has 68 components, most of them
    a few isolated service roads or car parks. A place snapped onto one of those would be
    unreachable from everything else.
    """

    def __init__(self, path: Path = DEFAULT_GRAPH):
        arrays = _read_graph_arrays(Path(path))
        self.lat = arrays["lat_e7"] / 1e7
        self.lon = arrays["lon_e7"] / 1e7
        self.matrix = _symmetric_matrix(arrays, len(self.lat))
        _, labels = connected_components(self.matrix, directed=False)
        self.main_nodes = np.flatnonzero(labels == np.bincount(labels).argmax())
        self._xy = project(self.lat, self.lon)
        self._tree = cKDTree(self._xy[self.main_nodes])

    @property
    def node_count(self) -> int:
        return len(self.lat)

    def snap(self, lat: float, lon: float) -> tuple[int, float]:
        """(nearest node of the main component, straight-line metres to it)."""
        nodes, metres = self.snap_many([(lat, lon)])
        return int(nodes[0]), float(metres[0])

    def snap_many(self, points: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
        """Node indices and straight-line metres for many (lat, lon) points at once."""
        if not len(points):
            return np.empty(0, dtype=np.int64), np.empty(0)
        lat, lon = np.asarray(points, dtype=np.float64).T
        metres, position = self._tree.query(project(lat, lon))
        return self.main_nodes[position], metres

    def distances(self, origins: list[tuple[float, float]], targets: list[tuple[float, float]],
                  cutoff_m: float = math.inf) -> np.ndarray:
        """Walking metres [len(origins), len(targets)]; inf where the walk is longer than cutoff_m."""
        origin_nodes, origin_snap = self.snap_many(origins)
        target_nodes, target_snap = self.snap_many(targets)
        network = self.node_distances(origin_nodes, target_nodes, cutoff_m)
        result = origin_snap[:, None] + network + target_snap[None, :]
        # Both ends at one node: going to the node and back would overstate the walk.
        rows, cols = np.nonzero(origin_nodes[:, None] == target_nodes[None, :])
        result[rows, cols] = _straight_metres(origins, targets, rows, cols)
        result[result > cutoff_m] = np.inf
        return result

    def node_distances(self, sources: np.ndarray, targets: np.ndarray, limit: float = math.inf) -> np.ndarray:
        """Network metres between nodes [len(sources), len(targets)], inf beyond limit.

        The graph is undirected, so Dijkstra runs from whichever side has fewer distinct nodes.
        """
        sources, targets = np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)
        if len(np.unique(targets)) < len(np.unique(sources)):
            return self.node_distances(targets, sources, limit).T
        unique_sources, source_row = np.unique(sources, return_inverse=True)
        table = np.full((len(unique_sources), len(targets)), np.inf)
        for start in range(0, len(unique_sources), _SOURCES_PER_CHUNK):
            chunk = unique_sources[start:start + _SOURCES_PER_CHUNK]
            reached = dijkstra(self.matrix, directed=True, indices=chunk, limit=limit)
            table[start:start + len(chunk)] = reached[:, targets]
        return table[source_row]


def walking_table(graph: StreetGraph, origins: dict[str, tuple[float, float]],
                  targets: dict[str, tuple[float, float]], cutoff_minutes: float = DEFAULT_CUTOFF_MINUTES,
                  pace: str = "normaal") -> dict[str, dict[str, float]]:
    """Walking metres {origin key: {target key: metres}} for pairs within the cutoff.

    Computed once per build and cached by the caller: the table holds metres, not minutes, so
    pages can show either pace from the same numbers. ``cutoff_minutes`` is measured at ``pace``
    (default normaal, 4.5 km/h: 30 minutes = 2,250 m). Pairs beyond it are left out.
    """
    cutoff_m = cutoff_minutes * metres_per_minute(pace)
    origin_keys, target_keys = list(origins), list(targets)
    metres = graph.distances([origins[k] for k in origin_keys], [targets[k] for k in target_keys], cutoff_m)
    table: dict[str, dict[str, float]] = {}
    for row, key in zip(metres, origin_keys):
        within = np.flatnonzero(np.isfinite(row))
        table[key] = {target_keys[j]: round(float(row[j]), 1) for j in within}
    return table


def _straight_metres(origins, targets, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Straight-line metres for the pairs (origins[rows[k]], targets[cols[k]]) only."""
    if not len(rows):
        return np.empty(0)
    a = project(*np.asarray(origins, dtype=np.float64)[rows].T)
    b = project(*np.asarray(targets, dtype=np.float64)[cols].T)
    return np.linalg.norm(a - b, axis=-1)


def _read_graph_arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in _NPZ_ARRAYS}
    except FileNotFoundError:
        raise GeoDataError(path, "bestand niet gevonden") from None
    except KeyError as error:
        raise GeoDataError(path, f"array ontbreekt: {error}") from None
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, io.UnsupportedOperation) as error:
        raise GeoDataError(path, f"{type(error).__name__}: {error}") from error
    _check_graph_arrays(path, arrays)
    return arrays


def _check_graph_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    nodes, edges = len(arrays["lat_e7"]), len(arrays["edge_i"])
    if nodes == 0 or len(arrays["lon_e7"]) != nodes:
        raise GeoDataError(path, "knooppunten ontbreken of lat/lon zijn ongelijk lang")
    if len(arrays["edge_j"]) != edges or len(arrays["edge_m"]) != edges:
        raise GeoDataError(path, "edge-arrays zijn ongelijk lang")
    if edges and not (0 <= min(arrays["edge_i"].min(), arrays["edge_j"].min())
                      and max(arrays["edge_i"].max(), arrays["edge_j"].max()) < nodes):
        raise GeoDataError(path, "edge verwijst naar een niet-bestaand knooppunt")
    # Each street must appear once as (i < j): a duplicate would be summed into a doubled length.
    pairs = arrays["edge_i"].astype(np.int64) * nodes + arrays["edge_j"]
    if np.any(arrays["edge_i"] >= arrays["edge_j"]) or len(np.unique(pairs)) != edges:
        raise GeoDataError(path, "edges zijn niet uniek en ongericht (i < j)")


def _symmetric_matrix(arrays: dict[str, np.ndarray], nodes: int) -> csr_matrix:
    """CSR matrix holding each undirected edge in both directions exactly once.

    The file stores each street once (i < j), so adding the mirror here cannot create
    duplicates that csr_matrix would sum. Zero-length edges (nodes < 0.5 m apart, rounded to 0)
    stay as explicit zeros, which scipy's csgraph treats as real edges; never call
    eliminate_zeros() on this matrix.
    """
    i, j = arrays["edge_i"].astype(np.int64), arrays["edge_j"].astype(np.int64)
    length = arrays["edge_m"].astype(np.float64)
    rows, cols = np.concatenate([i, j]), np.concatenate([j, i])
    return csr_matrix((np.concatenate([length, length]), (rows, cols)), shape=(nodes, nodes))
