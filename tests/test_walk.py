"""Walking distances on the street graph, checked against networkx and hand-made cases."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from generator.geo import GeoDataError, laad_buurtkaart
from generator.walk import (FAR_FROM_STREET_M, PACES_KMH, StreetGraph, minutes, project,
                            walking_table)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph():
    return StreetGraph()


@pytest.fixture(scope="module")
def nx_graph(graph):
    """An independent networkx view of the same undirected edges."""
    with np.load(REPO / "content/geo/straten.npz") as archive:
        edges = zip(archive["edge_i"].tolist(), archive["edge_j"].tolist(), archive["edge_m"].tolist())
        g = nx.Graph()
        g.add_weighted_edges_from(edges)
    return g


def _converter():
    spec = importlib.util.spec_from_file_location("geo_from_shared", REPO / "tools/geo_from_shared.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _node_point(graph, node):
    return (float(graph.lat[node]), float(graph.lon[node]))


def test_paces():
    assert PACES_KMH == {"normaal": 4.5, "rustig": 2.7}
    assert minutes(450, "normaal") == pytest.approx(6.0)
    assert minutes(450, "rustig") == pytest.approx(10.0)
    assert minutes(0, "rustig") == 0
    with pytest.raises(ValueError, match="onbekend looptempo 'snel'"):
        minutes(100, "snel")


def test_far_from_street_constant():
    assert FAR_FROM_STREET_M == 250


def test_undirected_edges_are_not_doubled():
    # Both directions, a duplicate of one direction, a differing length and a self-loop.
    src = np.array([1, 2, 2, 3, 4, 5])
    dst = np.array([2, 1, 1, 4, 3, 5])
    length = np.array([19, 19, 19, 30, 25, 7])
    lo, hi, metres = _converter().undirected_edges(src, dst, length)
    assert lo.tolist() == [1, 3] and hi.tolist() == [2, 4]
    assert metres.tolist() == [19, 25]


def test_graph_keeps_source_lengths(graph):
    # The source lists 24438<->36484 (28 m) once each way and 36484<->36485 (19 m) twice each way.
    assert graph.matrix[24438, 36484] == graph.matrix[36484, 24438] == 28
    assert graph.matrix[36484, 36485] == graph.matrix[36485, 36484] == 19
    assert graph.node_count == 93294
    assert graph.matrix.nnz == 2 * 111451
    assert len(graph.main_nodes) == 92602


def test_snap_returns_nearest_main_component_node(graph):
    rng = np.random.default_rng(1)
    main_xy = project(graph.lat[graph.main_nodes], graph.lon[graph.main_nodes])
    for lat, lon in zip(rng.uniform(51.41, 51.49, 20), rng.uniform(5.38, 5.54, 20)):
        node, metres = graph.snap(lat, lon)
        brute = np.linalg.norm(main_xy - project(lat, lon), axis=1)
        assert metres == pytest.approx(brute.min())
        assert node in graph.main_nodes
        assert metres == pytest.approx(np.linalg.norm(project(graph.lat[node], graph.lon[node]) - project(lat, lon)))


def test_snap_of_a_node_is_that_node(graph):
    node = int(graph.main_nodes[1234])
    snapped, metres = graph.snap(*_node_point(graph, node))
    assert metres == pytest.approx(0, abs=0.01)
    assert snapped == node or graph.matrix[node, snapped] == 0  # coincident nodes joined by a 0 m edge


def test_projection_matches_known_distance():
    # 0.01 degree of latitude at 51.44 N is 1,112.6 m on the WGS84 ellipsoid.
    a, b = project(51.435, 5.48), project(51.445, 5.48)
    assert np.linalg.norm(a - b) == pytest.approx(1112.6, abs=0.5)


def test_network_distances_match_networkx(graph, nx_graph):
    rng = np.random.default_rng(7)
    sources = rng.choice(graph.main_nodes, 3, replace=False)
    targets = rng.choice(graph.main_nodes, 4, replace=False)
    ours = graph.distances([_node_point(graph, n) for n in sources], [_node_point(graph, n) for n in targets])
    for row, source in enumerate(sources):
        lengths = nx.single_source_dijkstra_path_length(nx_graph, int(source))
        for col, target in enumerate(targets):
            assert ours[row, col] == pytest.approx(lengths[int(target)], abs=0.5)


def test_distance_adds_straight_pieces_to_the_network(graph):
    origin, target = (51.4400, 5.4700), (51.4450, 5.4800)
    (o_node, o_snap), (t_node, t_snap) = graph.snap(*origin), graph.snap(*target)
    network = graph.node_distances(np.array([o_node]), np.array([t_node]))[0, 0]
    assert graph.distances([origin], [target])[0, 0] == pytest.approx(o_snap + network + t_snap)


def test_same_node_uses_straight_line(graph):
    node = int(graph.main_nodes[500])
    lat, lon = _node_point(graph, node)
    a, b = (lat + 0.00002, lon), (lat - 0.00002, lon)  # ~2.2 m north and south of one node
    assert graph.snap(*a)[0] == graph.snap(*b)[0]
    assert graph.distances([a], [b])[0, 0] == pytest.approx(4.45, abs=0.05)


def test_cutoff_gives_inf(graph):
    near, far = (51.4386, 5.4812), (51.4000, 5.4000)
    result = graph.distances([near], [near, far], cutoff_m=1000)
    assert result[0, 0] == 0
    assert math.isinf(result[0, 1])
    assert math.isfinite(graph.distances([near], [far])[0, 0])


def test_direction_and_chunking_do_not_change_results(graph):
    rng = np.random.default_rng(3)
    many = rng.choice(graph.main_nodes, 150)  # more than one chunk of sources, with repeats
    few = rng.choice(graph.main_nodes, 5)
    forward = graph.node_distances(many, few)
    assert forward.shape == (150, 5)
    np.testing.assert_allclose(graph.node_distances(few, many), forward.T)


def test_walking_table(graph):
    kaart = laad_buurtkaart()
    places = {"centrum": (51.4386, 5.4812), "veldhoven-rand": (51.4000, 5.4000)}
    buurten = {b.slug: b.punt for b in kaart.buurten}
    table = walking_table(graph, places, buurten)
    assert set(table) == {"centrum", "veldhoven-rand"}
    assert "binnenstad" in table["centrum"]
    assert all(metres <= 2250 for row in table.values() for metres in row.values())
    rustig = walking_table(graph, places, buurten, pace="rustig")
    assert set(rustig["centrum"]) < set(table["centrum"])
    assert all(metres <= 1350 for metres in rustig["centrum"].values())


def test_empty_inputs(graph):
    assert graph.distances([], [(51.44, 5.48)]).shape == (0, 1)
    assert walking_table(graph, {}, {"a": (51.44, 5.48)}) == {}


def test_missing_graph_gives_error_naming_the_file(tmp_path):
    with pytest.raises(GeoDataError, match=r"^Geodata ontbreekt of is beschadigd: .*straten\.npz \(bestand niet gevonden\)$"):
        StreetGraph(tmp_path / "straten.npz")


def test_corrupt_graph_gives_error_naming_the_file(tmp_path):
    corrupt = tmp_path / "straten.npz"
    corrupt.write_bytes(b"PK\x03\x04 this is not a zip archive")
    with pytest.raises(GeoDataError, match=r"^Geodata ontbreekt of is beschadigd: .*straten\.npz \("):
        StreetGraph(corrupt)


def test_graph_with_doubled_edge_is_refused(tmp_path):
    path = tmp_path / "dubbel.npz"
    np.savez(path, lat_e7=np.zeros(3, np.int32), lon_e7=np.zeros(3, np.int32),
             edge_i=np.array([0, 0], np.int32), edge_j=np.array([1, 1], np.int32), edge_m=np.array([5, 5], np.uint16))
    with pytest.raises(GeoDataError, match=r"dubbel\.npz \(edges zijn niet uniek"):
        StreetGraph(path)


def test_graph_missing_an_array_is_refused(tmp_path):
    path = tmp_path / "half.npz"
    np.savez(path, lat_e7=np.zeros(3, np.int32), lon_e7=np.zeros(3, np.int32))
    with pytest.raises(GeoDataError, match=r"half\.npz \(array ontbreekt"):
        StreetGraph(path)
