"""Benchmark of generator/walk.py: correctness against networkx, detour ratio, time and memory.

Run from the repository root:  python bench/walk_bench.py [--pairs 1000]
Prints a Markdown report and writes it to bench/results/walk.md.

networkx is built independently from the raw edge file in ../shared/data (directed, every line
as given) when that exists, else from content/geo/straten.npz. The raw graph is directed, but
walking is not: networkx gets it as an undirected Graph, keeping the minimum length per pair.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import networkx as nx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.geo import laad_buurtkaart  # noqa: E402
from generator.walk import StreetGraph, project, walking_table  # noqa: E402

RAW_EDGES = REPO.parent / "shared" / "data" / "osm_street_graph" / "graph_large_edges.txt"
RESULTS = REPO / "bench" / "results" / "walk.md"
SEED = 20250601


def networkx_graph() -> tuple[nx.Graph, str]:
    graph = nx.Graph()
    if RAW_EDGES.exists():
        for line in RAW_EDGES.read_text().splitlines()[1:]:
            a, b, metres = map(int, line.split())
            if a != b and (not graph.has_edge(a, b) or graph[a][b]["weight"] > metres):
                graph.add_edge(a, b, weight=metres)
        return graph, f"raw `{RAW_EDGES.relative_to(REPO.parent)}`"
    with np.load(REPO / "content/geo/straten.npz") as archive:
        graph.add_weighted_edges_from(zip(archive["edge_i"].tolist(), archive["edge_j"].tolist(), archive["edge_m"].tolist()))
    return graph, "`content/geo/straten.npz` (raw file not found)"


def node_points(graph: StreetGraph, nodes) -> list[tuple[float, float]]:
    return list(zip(graph.lat[nodes].tolist(), graph.lon[nodes].tolist()))


def check_against_networkx(graph: StreetGraph, pairs: int, rng) -> list[tuple[str, str]]:
    reference, origin = networkx_graph()
    sources = rng.choice(graph.main_nodes, pairs)
    targets = rng.choice(graph.main_nodes, pairs)
    started = time.perf_counter()
    ours = np.diagonal(graph.distances(node_points(graph, sources), node_points(graph, targets)))
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    theirs = np.array([nx.bidirectional_dijkstra(reference, int(s), int(t))[0] for s, t in zip(sources, targets)])
    theirs_s = time.perf_counter() - started
    difference = np.abs(ours - theirs)
    return [
        ("networkx graph built from", origin),
        ("random node pairs (main component)", f"{pairs:,}"),
        ("equal to the metre (abs. difference < 0.5 m)", f"{int((difference < 0.5).sum()):,} / {pairs:,}"),
        ("largest abs. difference", f"{difference.max():.3f} m"),
        ("median pair distance", f"{np.median(theirs):,.0f} m"),
        (f"time, walk.py (one `distances` call: full {pairs:,} x {pairs:,} table, no cutoff)", f"{ours_s:.2f} s"),
        ("time, networkx bidirectional Dijkstra per pair", f"{theirs_s:.2f} s"),
    ]


def detour_ratio(graph: StreetGraph, rng, wanted: int = 2000) -> list[tuple[str, str]]:
    """Network / straight-line distance for node pairs 500-1000 m apart."""
    xy = project(graph.lat[graph.main_nodes], graph.lon[graph.main_nodes])
    sources, targets = [], []
    while len(sources) < wanted:
        a = int(rng.integers(len(xy)))
        near = graph._tree.query_ball_point(xy[a], 1000)  # candidates within 1 km, then a ring
        b = near[rng.integers(len(near))]
        if 500 <= np.linalg.norm(xy[a] - xy[b]) <= 1000:
            sources.append(a)
            targets.append(b)
    s_nodes, t_nodes = graph.main_nodes[sources], graph.main_nodes[targets]
    straight = np.linalg.norm(xy[sources] - xy[targets], axis=1)
    # limit: a walk of more than 5 km between points at most 1 km apart would be a data error;
    # it keeps the 2,000 Dijkstra runs local. Such pairs come back as inf and are counted below.
    network = np.diagonal(graph.node_distances(s_nodes, t_nodes, limit=5000))
    ratio = network / straight
    return [
        ("node pairs 500-1000 m apart (straight line)", f"{wanted:,}"),
        ("median network / straight-line ratio", f"{np.median(ratio):.3f}"),
        ("quartiles (25 % / 75 %)", f"{np.percentile(ratio, 25):.3f} / {np.percentile(ratio, 75):.3f}"),
        ("pairs with no path within 5 km", f"{int(np.isinf(network).sum())}"),
    ]


def random_places(kaart, count: int, rng) -> dict[str, tuple[float, float]]:
    """Uniform random points inside Eindhoven (rejection sampling on the buurt polygons)."""
    places: dict[str, tuple[float, float]] = {}
    while len(places) < count:
        lat, lon = rng.uniform(51.400, 51.497), rng.uniform(5.357, 5.549)
        if kaart.buurt_op(lat, lon) is not None:
            places[f"plek-{len(places):05d}"] = (lat, lon)
    return places


def measured(action):
    """(result, seconds, tracemalloc peak MiB) of action()."""
    tracemalloc.start()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def timing_rows(kaart, rng) -> tuple[StreetGraph, list[tuple[str, str, str, str]]]:
    graph, load_s, load_mib = measured(StreetGraph)
    rows = [("load `content/geo/straten.npz` + components + KD-tree", "-", f"{load_s:.2f} s", f"{load_mib:.0f} MiB")]
    buurt_points = {b.slug: b.punt for b in kaart.buurten}
    for count in (200, 2000):
        places = random_places(kaart, count, rng)
        targets = {**buurt_points, **places}
        table, seconds, mib = measured(lambda: walking_table(graph, places, targets))
        pairs = sum(len(row) for row in table.values())
        rows.append((f"walking_table {count:,} places x ({len(buurt_points)} buurten + {count:,} places), cutoff 30 min",
                     f"{pairs:,}", f"{seconds:.2f} s", f"{mib:.0f} MiB"))
    return graph, rows


def markdown(correct, detour, timings) -> str:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    lines = ["# Walking-distance benchmark (`bench/walk_bench.py`)", "",
             f"Python {platform.python_version()}, numpy {np.__version__}, networkx {nx.__version__}, "
             f"{platform.machine()}, seed {SEED}.", "",
             "## Correctness against networkx", "", "| check | result |", "|---|---|"]
    lines += [f"| {a} | {b} |" for a, b in correct]
    lines += ["", "## Detour ratio", "", "DESIGN.md expects a median of about 1.31.", "", "| measure | value |", "|---|---|"]
    lines += [f"| {a} | {b} |" for a, b in detour]
    lines += ["", "## Time and memory", "",
              "Peak = tracemalloc peak of Python/numpy allocations during that step. Times exclude importing",
              "numpy/scipy/shapely (about 0.4 s, paid once per process).", "",
              "| step | pairs within cutoff | time | peak memory |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in timings]
    lines += ["", f"Process peak resident memory (ru_maxrss, whole run incl. networkx): {rss:,.0f} MiB", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    kaart = laad_buurtkaart()
    graph, timings = timing_rows(kaart, rng)  # first, so ru_maxrss is not yet inflated by networkx
    detour = detour_ratio(graph, rng)
    correct = check_against_networkx(graph, args.pairs, rng)
    report = markdown(correct, detour, timings)
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
