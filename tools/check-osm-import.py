#!/usr/bin/python3
"""Independent peer of `patrol import-osm` for its street segments.

Reads the extract through osmium-tool (its own PBF parser: `osmium cat -f opl`), keeps highway ways
by the rules of docs/data-formats.md and Sources/OSM/StreetRules.swift (restated here), splits them at
nodes used twice, and measures each segment in British National Grid with pyproj (Debian's
python3-pyproj). Prints the counts that Tests/OSMTests record.

    /usr/bin/python3 tools/check-osm-import.py geodata/sources/isle-of-wight_2015-01-01.osm.pbf
"""
import subprocess
import sys

from pyproj import Transformer

DRIVABLE = {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
            "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential", "living_street",
            "service", "road"}
SCAN = {"footway", "path", "pedestrian", "steps", "cycleway", "bridleway", "track"}
DENIED = {"no", "private"}
DENIED_MOTOR = {"no", "private", "agricultural", "forestry"}


def first(tags, *keys, default="yes"):
    for key in keys:
        if key in tags:
            return tags[key]
    return default


def use(tags):
    highway = tags.get("highway")
    if highway is None or tags.get("area") == "yes":
        return None
    foot = first(tags, "foot", "access") not in DENIED
    motor = first(tags, "motorcar", "motor_vehicle", "vehicle", "access") not in DENIED_MOTOR
    if highway in DRIVABLE:
        if highway == "service" and tags.get("service") == "alley":
            return "scan" if foot else None
        if motor:
            return "drive"
        return "scan" if foot and "foot" in tags else None
    if highway in SCAN:
        return "scan" if foot else None
    return None


def opl(path, what):
    out = subprocess.run(["osmium", "cat", "-f", "opl", "-t", what, path], check=True, capture_output=True, text=True)
    return out.stdout.splitlines()


def unescape(text):
    # OPL escapes special characters as %hex%; tag values here only need to be compared.
    parts = text.split("%")
    return "".join(p if i % 2 == 0 else chr(int(p, 16)) for i, p in enumerate(parts))


def fields(line):
    return {f[0]: f[1:] for f in line.split(" ") if f}


def main(path):
    ways = []
    highway_ways = 0
    for line in opl(path, "way"):
        f = fields(line)
        tags = {}
        if f.get("T"):
            for pair in f["T"].split(","):
                k, _, v = pair.partition("=")
                tags[unescape(k)] = unescape(v)
        if "highway" in tags:
            highway_ways += 1
        kind = use(tags)
        if kind is None:
            continue
        refs = []
        for r in f.get("N", "").split(","):
            if r and (not refs or refs[-1] != int(r[1:])):
                refs.append(int(r[1:]))
        if len(refs) >= 2:
            ways.append((int(f["w"]), refs, kind))
    coords = {}
    needed = {r for _, refs, _ in ways for r in refs}
    for line in opl(path, "node"):
        f = fields(line)
        node = int(f["n"])
        if node in needed:
            coords[node] = (float(f["x"]), float(f["y"]))
    usage = {}
    for _, refs, _ in ways:
        for r in refs:
            usage[r] = usage.get(r, 0) + 1
    bng = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    segments = 0
    metres = {"drive": 0.0, "scan": 0.0}
    for _, refs, kind in sorted(ways):
        piece = [refs[0]]
        for i, r in enumerate(refs[1:], start=1):
            piece.append(r)
            if i == len(refs) - 1 or usage[r] >= 2:
                xs, ys = bng.transform([coords[p][0] for p in piece], [coords[p][1] for p in piece])
                length = sum(((xs[j] - xs[j - 1]) ** 2 + (ys[j] - ys[j - 1]) ** 2) ** 0.5 for j in range(1, len(xs)))
                metres[kind] += round(length, 2)
                segments += 1
                piece = [r]
    print(f"highway ways {highway_ways}, street ways {len(ways)}, segments {segments}, "
          f"drivable {metres['drive']:.2f} m, scan-only {metres['scan']:.2f} m")


if __name__ == "__main__":
    main(sys.argv[1])
