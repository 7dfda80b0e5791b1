"""Build content/geo/ (buurt polygons and street graph) from the shared data folder.

Run from anywhere:  python tools/geo_from_shared.py [SHARED_DATA_DIR]
(default: ../shared/data next to the repository). The outputs are committed; re-running this
script on the same input gives byte-identical files, so a diff means the input changed.

Inputs (see ../shared/data/SOURCES.md):
  eindhoven_buurten.geojson        Gemeente Eindhoven buurt polygons (116)
  eindhoven_buurten_index.csv      CBS 2024 codes and population 2020 per buurtcode
  osm_street_graph/graph_large_{nodes,edges}.txt   OSM street graph (directed, metres)
Outputs:
  content/geo/buurten.geojson      one feature per buurt, sorted by CBS code
  content/geo/straten.npz          undirected street graph (see write_street_graph)
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

import numpy as np
from shapely.geometry import shape

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
OUT_DIR = REPO / "content" / "geo"
COORD_DECIMALS = 6  # 0.11 m: far below the accuracy of the boundaries themselves
NODE_SCALE = 10**7  # node coordinates as int32 in 1e-7 degrees: exactly the 7 decimals of the source


def buurten_from_shared(shared: Path) -> dict:
    """The buurt FeatureCollection with CBS codes and population joined in."""
    index = _index_rows(shared / "eindhoven_buurten_index.csv")
    source = json.loads((shared / "eindhoven_buurten.geojson").read_text(encoding="utf-8"))
    features = [_feature_from_source(f, index) for f in source["features"]]
    if len(features) != len(index):
        raise SystemExit(f"{len(features)} polygons but {len(index)} index rows")
    features.sort(key=lambda f: f["properties"]["code"])
    return {"type": "FeatureCollection", "features": features}


def _index_rows(path: Path) -> dict[int, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["buurtcode"]): row for row in csv.DictReader(handle)}


def _feature_from_source(feature: dict, index: dict[int, dict[str, str]]) -> dict:
    props = feature["properties"]
    row = index[props["buurtcode"]]
    # The index was derived from the same polygons; a name mismatch means the inputs drifted apart.
    if row["buurtnaam"] != props["buurtnaam"]:
        raise SystemExit(f"name mismatch for {props['buurtcode']}: {row['buurtnaam']!r} vs {props['buurtnaam']!r}")
    geometry = _rounded_polygon(feature["geometry"])
    point = props["geo_point_2d"]
    return {
        "type": "Feature",
        "properties": {
            "code": row["cbs_buurtcode_2024"],
            "naam": props["buurtnaam"],
            "gemeente_buurtcode": int(props["buurtcode"]),
            "wijk_code": row["cbs_wijkcode_2024_derived"],
            "wijk": props["wijknaam"].removeprefix("Wijk "),
            "stadsdeel": props["stadsdeelnaam"].removeprefix("Stadsdeel "),
            "inwoners_2020": int(row["inwoners_2020"]) if row["inwoners_2020"].strip() else None,
            # Kept so geo.py can prefer the municipality's own label point over a computed one.
            "geo_point_2d": {"lat": round(point["lat"], COORD_DECIMALS), "lon": round(point["lon"], COORD_DECIMALS)},
        },
        "geometry": geometry,
    }


def _rounded_polygon(geometry: dict) -> dict:
    if geometry["type"] != "Polygon":
        raise SystemExit(f"expected Polygon, got {geometry['type']}")
    rings = [[[round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)] for x, y in ring] for ring in geometry["coordinates"]]
    rounded = {"type": "Polygon", "coordinates": rings}
    # Rounding can in principle make a ring self-intersect; refuse rather than ship a broken polygon.
    if not shape(rounded).is_valid:
        raise SystemExit("polygon became invalid after rounding")
    return rounded


def geojson_text(collection: dict) -> str:
    """Compact JSON with one feature per line: small, yet a changed buurt shows as a one-line diff."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def street_graph_from_shared(shared: Path) -> dict[str, np.ndarray]:
    """Node coordinates and unique undirected edges (i < j) with lengths in metres."""
    folder = shared / "osm_street_graph"
    nodes = np.loadtxt(folder / "graph_large_nodes.txt", dtype=np.float64, ndmin=2)
    if not np.array_equal(nodes[:, 0], np.arange(len(nodes))):
        raise SystemExit("node indices are not 0..n-1 in order")
    edges = np.loadtxt(folder / "graph_large_edges.txt", dtype=np.int64, skiprows=1, ndmin=2)
    i, j, length = undirected_edges(edges[:, 0], edges[:, 1], edges[:, 2])
    return {
        "lat_e7": np.round(nodes[:, 1] * NODE_SCALE).astype(np.int32),
        "lon_e7": np.round(nodes[:, 2] * NODE_SCALE).astype(np.int32),
        "edge_i": i.astype(np.int32),
        "edge_j": j.astype(np.int32),
        "edge_m": length.astype(np.uint16),
    }


def undirected_edges(src: np.ndarray, dst: np.ndarray, length: np.ndarray):
    """Collapse directed edges to one edge per node pair, keeping the shortest length.

    Most streets are listed in both directions (and a few twice in the same direction). Adding
    both to a sparse matrix would sum them and double the street's length, so each unordered
    pair {a, b} is kept once, with the minimum of the lengths seen for it.
    """
    keep = src != dst  # a self-loop never shortens a walk
    lo = np.minimum(src, dst)[keep]
    hi = np.maximum(src, dst)[keep]
    length = length[keep]
    order = np.lexsort((length, hi, lo))  # per pair, the shortest length comes first
    lo, hi, length = lo[order], hi[order], length[order]
    first = np.ones(len(lo), dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    if length.max() > np.iinfo(np.uint16).max:
        raise SystemExit("edge longer than 65535 m does not fit uint16")
    return lo[first], hi[first], length[first]


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like numpy.savez_compressed, but with fixed zip timestamps so the output is reproducible."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else DEFAULT_SHARED
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    buurten = buurten_from_shared(shared)
    (OUT_DIR / "buurten.geojson").write_text(geojson_text(buurten), encoding="utf-8")
    graph = street_graph_from_shared(shared)
    write_npz(OUT_DIR / "straten.npz", graph)
    print(f"buurten.geojson: {len(buurten['features'])} buurten")
    print(f"straten.npz: {len(graph['lat_e7'])} nodes, {len(graph['edge_i'])} undirected edges")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
