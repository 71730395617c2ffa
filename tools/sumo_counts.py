#!/usr/bin/env python3
"""Independent counts over a SUMO .net.xml, for SUMOTests: non-internal edges, non-internal
junctions, two-way pairs and one-way streets (by junctions, not by edge id), OSM ways.

A directed edge u->v is paired with one edge v->u (each edge used once); edges left without a
partner, and loops, are one-way streets. Usage: python3 tools/sumo_counts.py FILE.net.xml
"""
import sys
import xml.etree.ElementTree as ET
from collections import Counter


def main(path):
    root = ET.parse(path).getroot()
    edges = [e for e in root.iter("edge") if e.get("function") != "internal"]
    junctions = [j for j in root.iter("junction") if j.get("type") != "internal"]
    directed = Counter((e.get("from"), e.get("to")) for e in edges)
    pairs = 0
    for (u, v), n in directed.items():
        # A loop edge (u == v) has no reverse: it stays one-way, as in the Swift importer.
        if u < v:
            pairs += min(n, directed.get((v, u), 0))
    one_way = len(edges) - 2 * pairs
    with_reverse = sum(n for (u, v), n in directed.items() if directed.get((v, u), 0) > 0)
    ways = {e.get("id").lstrip("-").split("#")[0] for e in edges}
    types = Counter(e.get("type") for e in edges)
    print(f"edges {len(edges)}")
    print(f"junctions {len(junctions)}")
    print(f"edges_with_reverse_by_junctions {with_reverse}")
    print(f"two_way_pairs {pairs}")
    print(f"one_way_streets {one_way}")
    print(f"features {pairs + one_way}")
    print(f"osm_ways {len(ways)}")
    for t, n in sorted(types.items()):
        print(f"type {t} {n}")


if __name__ == "__main__":
    main(sys.argv[1])
