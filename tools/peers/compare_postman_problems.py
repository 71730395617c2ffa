#!/usr/bin/env python3
"""Side-by-side comparison of `patrol route` with postman_problems' rural postman (PyPI 0.3) on an
Isle of Wight patch.

The required street graph is rebuilt here independently of patrol, by the same rules as
Planner.PatchStreets and SweepRouter.LocalGraph:
  * required = drivable segments (scan_only false) whose by-length midpoint lies inside the patch polygon
    (midpoint and point-in-polygon in a local equirectangular projection);
  * deadhead may use any drivable segment with both ends inside the bounding box of the required
    segments' ends, grown by 500 m.

postman_problems solves the *undirected* rural postman: it cannot honour one-way streets (it may drive
them backwards) nor turn penalties, so its length is a reference, not a feasible patrol route.
The sum of required lengths is a true lower bound for both. patrol minimises time (it honours one-ways,
penalises right turns and U-turns) and its route runs from the pair's base, so its length includes any
transit from the base to the patch.

postman_problems 0.3 pins networkx==2.0, which does not import on Python 3.11 (collections.Mapping).
Run it from a venv with networkx 2.8.8 and pandas<3; networkx>=2.1 returns max_weight_matching as a set of
pairs instead of a dict, so `dedupe_matching` is adapted below (the only shim). postman_problems' rpp also
asserts that the required graph is connected; when it is not, the components are first joined by the
shortest paths of a minimum spanning tree over component-to-component distances (Frederickson's step),
those connecting paths are made required, and that is reported as "postman_problems_connected_by_mst".

With --bench, the same graph (segments, required flags, lengths) is also solved by patrol's own undirected
rural postman through `patrol-bench urpp --check`, for a like-for-like length and time comparison.

Usage (see docs/peers.md):
  python3 -m venv /tmp/pp-venv && /tmp/pp-venv/bin/pip install postman_problems "networkx==2.8.8" "pandas<3"
  /tmp/pp-venv/bin/python tools/peers/compare_postman_problems.py --patrol .build/release/patrol \
      [--bench .build/release/patrol-bench] [--data geodata/isle-of-wight] [--patch ryde --patch newport --patch cowes]
Prints one JSON object per patch.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import networkx as nx

MARGIN_METRES = 500.0
EARTH_RADIUS_METRES = 6371008.8


class Projection:
    """Local equirectangular projection around a reference latitude: metres east/north."""

    def __init__(self, lon0, lat0):
        self.lon0 = lon0
        self.lat0 = lat0
        self.cos0 = math.cos(math.radians(lat0))

    def __call__(self, lon, lat):
        x = math.radians(lon - self.lon0) * self.cos0 * EARTH_RADIUS_METRES
        y = math.radians(lat - self.lat0) * EARTH_RADIUS_METRES
        return x, y


def midpoint(points):
    total = sum(math.dist(a, b) for a, b in zip(points, points[1:]))
    remaining = total / 2
    for a, b in zip(points, points[1:]):
        step = math.dist(a, b)
        if step >= remaining and step > 0:
            t = remaining / step
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        remaining -= step
    return points[0]


def inside_ring(point, ring):
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y):
            xc = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xc > x:
                result = not result
    return result


def inside_polygon(point, rings):
    # First ring is the outline, the rest are holes.
    return inside_ring(point, rings[0]) and not any(inside_ring(point, hole) for hole in rings[1:])


def load_patch_graph(data_dir, patch_id):
    with open(os.path.join(data_dir, "patches.geojson")) as f:
        patches = json.load(f)["features"]
    patch = next((p for p in patches if p["properties"]["id"] == patch_id), None)
    if patch is None:
        sys.exit(f"unknown patch {patch_id!r}; known: {[p['properties']['id'] for p in patches]}")
    geometry = patch["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    outline = polygons[0][0]
    proj = Projection(sum(c[0] for c in outline) / len(outline), sum(c[1] for c in outline) / len(outline))
    rings = [[[proj(*c) for c in ring] for ring in polygon] for polygon in polygons]

    with open(os.path.join(data_dir, "streets.geojson")) as f:
        streets = json.load(f)["features"]
    segments = []
    node_xy = {}
    for index, feature in enumerate(streets):
        props = feature["properties"]
        if props.get("scan_only"):
            continue
        points = [proj(*c) for c in feature["geometry"]["coordinates"]]
        u, v = str(props["from_node"]), str(props["to_node"])
        node_xy[u] = points[0]
        node_xy[v] = points[-1]
        middle = midpoint(points)
        required = any(inside_polygon(middle, polygon) for polygon in rings)
        segments.append({"index": index, "u": u, "v": v, "length": float(props["length_m"]),
                         "oneway": props.get("oneway", "no") in ("yes", "-1"), "required": required})
    required = [s for s in segments if s["required"]]
    xs = [node_xy[n][0] for s in required for n in (s["u"], s["v"])]
    ys = [node_xy[n][1] for s in required for n in (s["u"], s["v"])]
    min_x, max_x = min(xs) - MARGIN_METRES, max(xs) + MARGIN_METRES
    min_y, max_y = min(ys) - MARGIN_METRES, max(ys) + MARGIN_METRES

    def in_box(node):
        x, y = node_xy[node]
        return min_x <= x <= max_x and min_y <= y <= max_y

    local = [s for s in segments if s["required"] or (in_box(s["u"]) and in_box(s["v"]))]
    return local


def multigraph(segments):
    g = nx.MultiGraph()
    for s in segments:
        g.add_edge(s["u"], s["v"], distance=s["length"], required=int(s["required"]), segment=s["index"])
    return g


def connect_required(segments):
    """Keeps the required segments in the largest component of the local graph, then joins the required
    components by an MST over shortest-path distances, returning the extra segments made required."""
    full = nx.Graph()
    for s in segments:
        if not full.has_edge(s["u"], s["v"]) or full[s["u"]][s["v"]]["distance"] > s["length"]:
            full.add_edge(s["u"], s["v"], distance=s["length"], segment=s["index"])
    required = [s for s in segments if s["required"]]
    main = max(nx.connected_components(full), key=lambda c: sum(1 for s in required if s["u"] in c))
    dropped = [s for s in required if s["u"] not in main]
    for s in dropped:
        s["required"] = False
    required = [s for s in required if s["u"] in main]
    req_graph = nx.Graph()
    req_graph.add_edges_from((s["u"], s["v"]) for s in required)
    components = [set(c) for c in nx.connected_components(req_graph)]
    if len(components) <= 1:
        return dropped, 0
    # Distances between components: one multi-source Dijkstra per component.
    owner = {n: i for i, c in enumerate(components) for n in c}
    comp_graph = nx.Graph()
    for i, c in enumerate(components):
        dist, paths = nx.multi_source_dijkstra(full, c, weight="distance")
        best = {}
        for node, d in dist.items():
            j = owner.get(node)
            if j is not None and j != i and (j not in best or d < best[j][0]):
                best[j] = (d, paths[node])
        for j, (d, path) in best.items():
            if not comp_graph.has_edge(i, j) or comp_graph[i][j]["weight"] > d:
                comp_graph.add_edge(i, j, weight=d, path=path)
    by_index = {s["index"]: s for s in segments}
    added = 0
    for i, j, data in nx.minimum_spanning_edges(comp_graph, weight="weight", data=True):
        for a, b in zip(data["path"], data["path"][1:]):
            s = by_index[full[a][b]["segment"]]
            if not s["required"]:
                s["required"] = True
                added += 1
    return dropped, added


def run_postman_problems(segments):
    import postman_problems.graph as ppg
    import postman_problems.solver as pps

    def dedupe_matching(matching):
        pairs = matching.items() if isinstance(matching, dict) else matching
        return list({tuple(sorted(p)) for p in pairs})

    pps.dedupe_matching = dedupe_matching
    ppg.dedupe_matching = dedupe_matching

    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["node1", "node2", "distance", "required", "segment"])
        for s in segments:
            writer.writerow([s["u"], s["v"], s["length"], int(s["required"]), s["index"]])
        path = f.name
    try:
        started = time.perf_counter()
        circuit, _ = pps.rpp(path, edge_weight="distance")
        seconds = time.perf_counter() - started
    finally:
        os.unlink(path)
    # Walk the circuit independently: its length and that it covers every required segment.
    length = sum(edge[3]["distance"] for edge in circuit)
    covered = {int(edge[3]["segment"]) for edge in circuit}
    missing = [s["index"] for s in segments if s["required"] and s["index"] not in covered]
    closed = circuit[0][0] == circuit[-1][1]
    return length, seconds, missing, closed


def run_patrol_undirected(bench, segments, name):
    """patrol's own undirected rural postman (Solvers.UndirectedRuralPostman, through `patrol-bench urpp
    --check`) on exactly the graph given to postman_problems: same segments, same required flags, lengths
    in metres. Returns (length in metres as walked by patrol-bench, wall seconds of the whole process)."""
    nodes = {}
    for s in segments:
        for n in (s["u"], s["v"]):
            nodes.setdefault(n, len(nodes) + 1)
    required = [s for s in segments if s["required"]]
    optional = [s for s in segments if not s["required"]]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(f"NOMBRE : {name}\nVERTICES : {len(nodes)}\n")
            f.write(f"ARISTAS_REQ : {len(required)}\nARISTAS_NOREQ : {len(optional)}\n")
            f.write("LISTA_ARISTAS_REQ :\n")
            for s in required:
                f.write(f"({nodes[s['u']]}, {nodes[s['v']]}) coste {s['length']:.3f} {s['length']:.3f}\n")
            f.write("LISTA_ARISTAS_NOREQ :\n")
            for s in optional:
                f.write(f"({nodes[s['u']]}, {nodes[s['v']]}) coste {s['length']:.3f} {s['length']:.3f}\n")
        started = time.perf_counter()
        proc = subprocess.run([bench, "urpp", "--check", path], capture_output=True, text=True)
        seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"patrol-bench urpp failed ({proc.returncode}): {proc.stderr.strip()}")
    result = json.loads(proc.stdout.splitlines()[0])
    return float(result["value"]), seconds


def run_patrol(patrol, data_dir, patch, effort):
    command = [patrol, "route", "--data", data_dir, "--patch", patch]
    if effort is not None:
        command += ["--effort", str(effort)]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "route.geojson")
        started = time.perf_counter()
        proc = subprocess.run(command + ["--out", out], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            sys.exit(f"patrol route failed ({proc.returncode}): {proc.stderr.strip()}")
        with open(out) as f:
            legs = [l for l in json.load(f)["features"] if "kind" in l["properties"]]
    sweep = sum(l["properties"]["distance_m"] for l in legs if l["properties"]["kind"] == "sweep")
    deadhead = sum(l["properties"]["distance_m"] for l in legs if l["properties"]["kind"] != "sweep")
    duration = sum(l["properties"]["duration_s"] for l in legs)
    return sweep, deadhead, duration, seconds, proc.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--patrol", required=True, help="path to the patrol binary (release build)")
    parser.add_argument("--bench", help="path to patrol-bench (release build): also solve the very graph "
                        "postman_problems gets with patrol's undirected rural postman")
    parser.add_argument("--data", default="geodata/isle-of-wight")
    parser.add_argument("--patch", action="append", help="patch id (repeatable); default ryde")
    parser.add_argument("--effort", type=int, help="passed to patrol route --effort (default: patrol's own)")
    parser.add_argument("--verbose", action="store_true", help="print patrol's summary to stderr")
    args = parser.parse_args()
    for patch in args.patch or ["ryde"]:
        segments = load_patch_graph(args.data, patch)
        required_m = sum(s["length"] for s in segments if s["required"])
        required_count = sum(1 for s in segments if s["required"])
        oneway_required = sum(1 for s in segments if s["required"] and s["oneway"])
        sweep_m, deadhead_m, duration_s, patrol_seconds, summary = run_patrol(args.patrol, args.data, patch, args.effort)
        if args.verbose:
            print(summary, file=sys.stderr)
        original_required = {s["index"] for s in segments if s["required"]}
        dropped, added = connect_required(segments)
        undirected = {}
        if args.bench:
            # On postman_problems' own input (MST paths made required), and on the street set itself.
            same_m, same_seconds = run_patrol_undirected(args.bench, segments, f"{patch}-as-given")
            forced = [s for s in segments if s["required"] and s["index"] not in original_required]
            for s in forced:
                s["required"] = False
            own_m, own_seconds = run_patrol_undirected(args.bench, segments, patch)
            for s in forced:
                s["required"] = True
            undirected = {
                "patrol_undirected_km": round(same_m / 1000, 3),
                "patrol_undirected_seconds": round(same_seconds, 3),
                "patrol_undirected_unforced_km": round(own_m / 1000, 3),
                "patrol_undirected_unforced_seconds": round(own_seconds, 3),
            }
        pp_m, pp_seconds, missing, closed = run_postman_problems(segments)
        print(json.dumps({
            "patch": patch,
            "required_km": round(required_m / 1000, 3),
            "required_segments": required_count,
            "patrol_km": round((sweep_m + deadhead_m) / 1000, 3),
            "patrol_sweep_km": round(sweep_m / 1000, 3),
            "patrol_duration_s": round(duration_s, 1),
            "patrol_seconds": round(patrol_seconds, 3),
            **undirected,
            "postman_problems_km": round(pp_m / 1000, 3),
            "postman_problems_seconds": round(pp_seconds, 3),
            "postman_problems_connected_by_mst": added,
            "postman_problems_unreachable_required": len(dropped),
            "postman_problems_feasible": not missing and closed,
            "oneway_segments": oneway_required,
            "local_segments": len(segments),
        }), flush=True)


if __name__ == "__main__":
    main()
