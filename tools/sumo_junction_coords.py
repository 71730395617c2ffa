#!/usr/bin/env python3
"""Independent positions of a few SUMO junctions, for SUMOTests: pyproj (not our Swift PROJ wrapper)
turns network coordinates into WGS84 lon/lat and British National Grid metres.

SUMO stores x_net = x_projected + netOffset.x, so x_projected = x_net - netOffset.x.
Not run in CI (needs `pip install pyproj`).
Usage: python3 tools/sumo_junction_coords.py FILE.net.xml [JUNCTION_ID ...]
"""
import sys
import xml.etree.ElementTree as ET

import pyproj
from pyproj import Transformer


def main(path, wanted):
    location = None
    junctions = {}
    for _, element in ET.iterparse(path):
        if element.tag == "location":
            location = dict(element.attrib)
        elif element.tag == "junction" and element.get("type") != "internal":
            junctions[element.get("id")] = (float(element.get("x")), float(element.get("y")))
    dx, dy = (float(v) for v in location["netOffset"].split(","))
    crs = location["projParameter"]
    to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    to_bng = Transformer.from_crs(crs, "EPSG:27700", always_xy=True)
    ids = wanted or sorted(junctions)[:: max(1, len(junctions) // 6)]
    if not wanted:
        # The network's corners too, where an offset or scale error would be largest.
        ids += [min(junctions, key=lambda j: junctions[j][0]), max(junctions, key=lambda j: junctions[j][0])]
    to_bng.transform(junctions[ids[0]][0] - dx, junctions[ids[0]][1] - dy)
    print(f"# pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}; BNG operation: {to_bng.get_last_used_operation().description}")
    print(f"# origBoundary {location.get('origBoundary')}")
    for junction_id in ids:
        x, y = junctions[junction_id]
        px, py = x - dx, y - dy
        lon, lat = to_lonlat.transform(px, py)
        e, n = to_bng.transform(px, py)
        print(f'("{junction_id}", x: {x}, y: {y}, lon: {lon:.7f}, lat: {lat:.7f}, easting: {e:.3f}, northing: {n:.3f}),')


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
