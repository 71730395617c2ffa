#!/usr/bin/env python3
"""Writes Tests/StreetsTests/Fixtures/newport-sample.streets.geojson: a small hand-made street network near
Newport, Isle of Wight, following docs/data-formats.md (streets.geojson) exactly.

It stands in for a real extract until `patrol import-osm` can convert one (then run
shortest_paths_networkx.py on the Leeds or Isle of Wight streets.geojson instead). The streets are made
up: a jittered 9 x 9 street grid with some bent segments, one-ways both ways round, a roundabout-like
one-way loop, a few classes (one unknown to the profile), tagged maxspeeds, scan-only footpaths, and a
detached one-way spur so the largest strongly connected component drops something.

Usage: python3 tools/peers/make_streets_fixture.py [OUT]
"""
import json
import math
import random
import sys

from pyproj import Transformer

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/StreetsTests/Fixtures/newport-sample.streets.geojson"
rng = random.Random(20261124)
to_lonlat = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)

SIDE = 9
SPACING = 120.0
E0, N0 = 449500.0, 89000.0
CLASSES = ["residential"] * 5 + ["tertiary", "secondary", "service", "unclassified", "living_street", "busway"]
NAMES = ["High Street", "Pyle Street", "Lugley Street", "Crocker Street", "Orchard Street", "Trafalgar Road",
         "Carisbrooke Road", "Church Litten", "Node Hill", "Medina Avenue", "Furrlongs", "Hunnyhill",
         "Quay Street", "Sea Street", "Holyrood Street", "Town Lane", ""]

points = {}
for row in range(SIDE):
    for col in range(SIDE):
        points[1000 + row * SIDE + col] = (E0 + col * SPACING + rng.uniform(-25, 25),
                                           N0 + row * SPACING + rng.uniform(-25, 25))

features = []
way_id = 5000


def length(coords):
    return sum(math.dist(coords[i], coords[i + 1]) for i in range(len(coords) - 1))


def add(a, b, coords, name, highway, oneway="no", maxspeed=None, scan_only=False):
    global way_id
    way_id += 1
    props = {"osm_way_id": way_id, "from_node": a, "to_node": b, "name": name, "highway": highway,
             "oneway": oneway, "length_m": round(length(coords), 2), "scan_only": scan_only}
    if maxspeed is not None:
        props["maxspeed"] = maxspeed
    lonlat = [[round(c, 7) for c in to_lonlat.transform(x, y)] for x, y in coords]
    features.append({"type": "Feature", "geometry": {"type": "LineString", "coordinates": lonlat},
                     "properties": props})


def street_coords(a, b):
    pa, pb = points[a], points[b]
    coords = [pa]
    if rng.random() < 0.3:  # a bend: one or two extra vertices off the straight line
        for t in sorted(rng.uniform(0.2, 0.8) for _ in range(rng.choice([1, 2]))):
            coords.append((pa[0] + t * (pb[0] - pa[0]) + rng.uniform(-15, 15),
                           pa[1] + t * (pb[1] - pa[1]) + rng.uniform(-15, 15)))
    coords.append(pb)
    return coords


for row in range(SIDE):
    for col in range(SIDE):
        v = 1000 + row * SIDE + col
        for w in ([v + 1] if col + 1 < SIDE else []) + ([v + SIDE] if row + 1 < SIDE else []):
            if rng.random() < 0.08:
                continue  # missing street: irregular blocks
            roll = rng.random()
            oneway = "yes" if roll < 0.15 else "-1" if roll < 0.25 else "no"
            maxspeed = rng.choice([None] * 6 + [16.1, 32.2, 48.3, 20])
            name = NAMES[(row if w == v + 1 else SIDE + col) % len(NAMES)]
            add(v, w, street_coords(v, w), name, rng.choice(CLASSES), oneway, maxspeed)

# Scan-only footpaths and an alley across some blocks (diagonals), and one dangling path.
for _ in range(10):
    row, col = rng.randrange(SIDE - 1), rng.randrange(SIDE - 1)
    v = 1000 + row * SIDE + col
    add(v, v + SIDE + 1, [points[v], points[v + SIDE + 1]], rng.choice(["", "Church Path", "Nodehill Alley"]),
        rng.choice(["footway", "path", "steps"]),
        scan_only=True)
points[9001] = (E0 - 80, N0 - 60)
add(1000, 9001, [points[1000], points[9001]], "River Path", "footway", scan_only=True)

# A one-way spur with no way back (dropped by the strongly connected component) and a detached lane.
points[9100] = (E0 + SIDE * SPACING + 60, N0 + 40)
add(1000 + SIDE - 1, 9100, [points[1000 + SIDE - 1], points[9100]], "Dead Loss Lane", "service", "yes")
points[9200] = (E0 - 300, N0 + 500)
points[9201] = (E0 - 300, N0 + 650)
add(9200, 9201, [points[9200], points[9201]], "Island Farm Road", "unclassified")

fc = {"type": "FeatureCollection", "attribution": "hand-made test fixture (not OpenStreetMap data)",
      "features": features}
with open(OUT, "w") as f:
    json.dump(fc, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(features)} features to {OUT}")
