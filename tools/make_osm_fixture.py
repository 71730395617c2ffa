#!/usr/bin/env python3
"""Writes Tests/SUMOTests/Fixtures/shirley-fixture.osm: a small hand-made OSM XML street network near
Shirley, Southampton (made-up ids and streets, laid out in metres around lon -1.4330, lat 50.9220):
a tertiary high street, a crossing residential street, a one-way lane (oneway=yes), a lane one-way
against its drawing direction (oneway=-1), a clockwise roundabout (junction=roundabout), a primary road
with maxspeed=30 mph, a cul-de-sac and a footway (which a car network leaves out).
Run once; the output is committed. Usage: python3 tools/make_osm_fixture.py OUT.osm
"""
import math
import sys

LON0, LAT0 = -1.4330, 50.9220
M_PER_DEG_LAT = 111_200.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))

nodes = {}


def node(node_id, x, y):
    nodes[node_id] = (LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG_LAT)
    return node_id


# Roundabout: centre (-25, 0), radius 15 m, drawn clockwise as UK traffic drives it.
roundabout = [node(2511000100 + i, -25 + 15 * math.cos(math.radians(-45 * i)), 15 * math.sin(math.radians(-45 * i)))
              for i in range(8)]
R_EAST, R_SOUTH, R_WEST = roundabout[0], roundabout[2], roundabout[4]
A3 = node(2511000003, 120, 0)
A5 = node(2511000005, 240, 0)
B1 = node(2511000011, 120, 100)
B2 = node(2511000012, 120, -100)
C1 = node(2511000021, 240, 100)
F1 = node(2511000031, 240, -100)
D1 = node(2511000041, -200, 10)
E1 = node(2511000051, -25, -120)
G1 = node(2511000061, 120, 160)
s = [node(2511000201 + i, x, y) for i, (x, y) in enumerate(
    [(55, 3), (180, -4), (118, 50), (122, -50), (246, 50), (180, 104), (180, -97), (-120, -5), (-30, -70), (243, -50)])]

ways = [
    (225110001, [R_EAST, s[0], A3, s[1], A5], {"highway": "tertiary", "name": "Fixture High Street"}),
    (225110002, [B1, s[2], A3, s[3], B2], {"highway": "residential", "name": "Church Street"}),
    (225110003, [A5, s[4], C1], {"highway": "residential", "name": "Mill Lane", "oneway": "yes"}),
    (225110004, [C1, s[5], B1], {"highway": "residential", "name": "Park Road"}),
    (225110005, roundabout + [roundabout[0]], {"highway": "tertiary", "junction": "roundabout"}),
    (225110006, [R_WEST, s[7], D1], {"highway": "primary", "name": "Station Road", "maxspeed": "30 mph"}),
    (225110007, [R_SOUTH, s[8], E1], {"highway": "residential", "name": "Orchard Close"}),
    (225110008, [B2, s[6], F1], {"highway": "residential", "name": "Back Lane", "oneway": "-1"}),
    (225110009, [F1, s[9], A5], {"highway": "residential", "name": "Dock Street"}),
    (225110010, [B1, G1], {"highway": "footway"}),
]


def main(out):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<osm version="0.6" generator="patrol tools/make_osm_fixture.py">',
             '  <bounds minlat="50.9200" minlon="-1.4370" maxlat="50.9240" maxlon="-1.4290"/>']
    for node_id in sorted(nodes):
        lon, lat = nodes[node_id]
        lines.append(f'  <node id="{node_id}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>')
    for way_id, refs, tags in ways:
        lines.append(f'  <way id="{way_id}" version="1">')
        lines += [f'    <nd ref="{r}"/>' for r in refs]
        lines += [f'    <tag k="{k}" v="{v}"/>' for k, v in tags.items()]
        lines.append('  </way>')
    lines.append('</osm>')
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
