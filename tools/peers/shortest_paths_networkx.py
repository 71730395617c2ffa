#!/usr/bin/env python3
"""Shortest travel times on a streets.geojson with networkx, as an independent check of Streets' Dijkstra.

Rules (the same as Streets.SpeedProfile and StreetNetwork; keep them in step):
  * scan_only segments are not driven: they give no arcs.
  * oneway "no" gives arcs from_node->to_node and to_node->from_node; "yes" only from->to; "-1" only to->from.
  * speed (km/h) = the class speed from UK_URBAN below (DEFAULT_KMH for a class not listed),
    capped by maxspeed when maxspeed is present and positive.
  * travel time (s) = length_m / (speed / 3.6), using the file's length_m.
  * nodes are the OSM ids from_node/to_node; parallel arcs keep the quicker.
Pairs are drawn with Python's random.Random(SEED) from the sorted drivable node ids.

Usage: python3 tools/peers/shortest_paths_networkx.py STREETS.geojson [OUT.json] [PAIRS] [SEED]
Writes {"file", "seed", "pairs": [{"from", "to", "seconds"}]} with seconds null when unreachable.
"""
import json
import random
import sys

import networkx as nx

UK_URBAN = {
    "motorway": 96, "motorway_link": 64, "trunk": 64, "trunk_link": 48, "primary": 48, "primary_link": 40,
    "secondary": 40, "secondary_link": 35, "tertiary": 35, "tertiary_link": 30, "unclassified": 30,
    "residential": 25, "living_street": 15, "service": 15, "road": 25, "track": 10,
}
DEFAULT_KMH = 20


def speed_kmh(props):
    speed = UK_URBAN.get(props["highway"], DEFAULT_KMH)
    cap = props.get("maxspeed")
    if cap is not None and cap > 0:
        speed = min(speed, cap)
    return speed


def graph(path):
    with open(path) as f:
        collection = json.load(f)
    g = nx.DiGraph()
    for feature in collection["features"]:
        p = feature["properties"]
        if p["scan_only"]:
            continue
        seconds = p["length_m"] / (speed_kmh(p) / 3.6)
        a, b = p["from_node"], p["to_node"]
        arcs = {"no": [(a, b), (b, a)], "yes": [(a, b)], "-1": [(b, a)]}[p["oneway"]]
        for u, v in arcs:
            if not g.has_edge(u, v) or g[u][v]["seconds"] > seconds:
                g.add_edge(u, v, seconds=seconds)
    return g


def main():
    path = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else None
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    g = graph(path)
    nodes = sorted(g.nodes)
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        s, t = rng.choice(nodes), rng.choice(nodes)
        try:
            seconds = nx.dijkstra_path_length(g, s, t, weight="seconds")
        except nx.NetworkXNoPath:
            seconds = None
        pairs.append({"from": s, "to": t, "seconds": seconds})
    result = {"file": path.split("/")[-1], "seed": seed, "networkx": nx.__version__, "pairs": pairs}
    text = json.dumps(result, indent=1)
    if out:
        with open(out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
