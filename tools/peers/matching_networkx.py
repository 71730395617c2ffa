#!/usr/bin/env python3
"""Writes Tests/SolversTests/Fixtures/matching_networkx.json: seeded random graphs of 200-500 vertices
with their minimum-cost perfect matching cost computed by networkx's min_weight_matching.

Graphs are sparse (random geometric-ish neighbourhoods plus a Hamiltonian cycle so a perfect
matching exists), with integer costs, so the Swift exact matcher can be compared exactly.
Run: python3 tools/peers/matching_networkx.py
"""
import json
import os
import random

import networkx as nx

SPECS = [("rand200", 200, 1), ("rand350", 350, 2), ("rand500", 500, 3)]


def instance(n, seed):
    rng = random.Random(seed)
    pts = [(rng.random(), rng.random()) for _ in range(n)]
    edges = {}
    order = list(range(n))
    rng.shuffle(order)
    for i in range(n):
        a, b = order[i], order[(i + 1) % n]
        edges[(min(a, b), max(a, b))] = None
    for u in range(n):
        near = sorted(range(n), key=lambda v: (pts[u][0] - pts[v][0]) ** 2 + (pts[u][1] - pts[v][1]) ** 2)
        for v in near[1:9]:
            edges[(min(u, v), max(u, v))] = None
    out = []
    for (u, v) in sorted(edges):
        d = ((pts[u][0] - pts[v][0]) ** 2 + (pts[u][1] - pts[v][1]) ** 2) ** 0.5
        cost = int(d * 10000) + rng.randint(0, 3)
        out.append((u, v, cost))
    return out


def main():
    fixtures = []
    for name, n, seed in SPECS:
        edges = instance(n, seed)
        g = nx.Graph()
        g.add_nodes_from(range(n))
        for u, v, c in edges:
            g.add_edge(u, v, weight=c)
        m = nx.min_weight_matching(g)
        assert len(m) * 2 == n, "no perfect matching"
        cost = sum(g[u][v]["weight"] for u, v in m)
        flat = [x for e in edges for x in e]
        fixtures.append({"name": name, "n": n, "edges": flat, "networkxCost": cost})
        print(name, n, len(edges), cost)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, "Tests", "SolversTests", "Fixtures", "matching_networkx.json")
    with open(path, "w") as f:
        json.dump(fixtures, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
