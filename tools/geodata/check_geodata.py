#!/usr/bin/env python3
"""Check the curated geodata files of one or more areas (standard library only).

    python3 tools/geodata/check_geodata.py geodata/southampton geodata/isle-of-wight

Checks: valid JSON; FeatureCollections with an attribution; at most 7 decimals; lon/lat ranges; schema
properties of schools, hotspots and patches; RFC 7946 winding (exterior rings counter-clockwise, closed);
patches convex (the makers build them convex) and pairwise non-overlapping (separating-axis test, unless
`overlap_allowed`); every hotspot inside or within 300 m of its patch; pairs' bases inside the area's box
(`BOXES` below: the SUMO network box for Southampton's routable patches, the patrol core box for the
northern ones, the island's highway box for the Isle of Wight). Exits 1 and lists every problem.
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402

PHASES = {"Primary", "Secondary", "All-through", "Nursery", "16 plus", "Not applicable"}
KINDS = {"supermarket", "convenience", "fast_food", "shopping_centre", "shopping_parade", "district_centre",
         "high_street", "park", "playground", "leisure_centre"}
SUMO_BOX = (-1.4428, 50.9029, -1.3976, 50.9243)
CORE_BOX = (-1.50, 50.915, -1.41, 50.955)
IOW_BOX = (-1.5842, 50.5752, -1.0704, 50.7673)
# patch id -> the box its pair bases must lie in
BOXES = {"shirley": SUMO_BOX, "polygon": SUMO_BOX, "lordshill": CORE_BOX, "coxford": CORE_BOX,
         "millbrook": CORE_BOX, "newport": IOW_BOX, "ryde": IOW_BOX, "cowes": IOW_BOX}
NUMBER = re.compile(r"-?\d+\.(\d+)")


class Checker:
    def __init__(self):
        self.problems = []
        self.notes = []

    def fail(self, where, msg):
        self.problems.append(f"{where}: {msg}")

    def load(self, path):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            self.fail(path, f"invalid JSON at line {e.lineno}: {e.msg}")
            return None
        for m in NUMBER.finditer(text):
            if len(m.group(1)) > 7:
                self.fail(path, f"number {m.group(0)} has more than 7 decimals")
                break
        return obj

    def collection(self, path, geometry_types):
        obj = self.load(path)
        if obj is None:
            return []
        if obj.get("type") != "FeatureCollection":
            self.fail(path, "not a FeatureCollection")
            return []
        if not obj.get("attribution"):
            self.fail(path, "no attribution member")
        if "crs" in obj:
            self.fail(path, "has a crs member (RFC 7946 forbids it)")
        for i, f in enumerate(obj["features"]):
            g = f.get("geometry") or {}
            if g.get("type") not in geometry_types:
                self.fail(f"{path} feature {i}", f"geometry {g.get('type')}, expected {geometry_types}")
            for lon, lat in walk_positions(g.get("coordinates", [])):
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    self.fail(f"{path} feature {i}", f"position {lon},{lat} out of range")
        return obj["features"]


def walk_positions(c):
    if c and isinstance(c[0], (int, float)):
        yield c
    else:
        for x in c:
            yield from walk_positions(x)


def check_area(ck, area):
    name = os.path.basename(os.path.normpath(area))
    lat0 = 50.70 if "wight" in name else 50.92
    metric = C.LocalMetric(-1.30 if "wight" in name else -1.43, lat0)

    schools = ck.collection(os.path.join(area, "schools.geojson"), {"Point"})
    for i, f in enumerate(schools):
        p = f["properties"]
        where = f"{name}/schools.geojson feature {i}"
        if not p.get("name"):
            ck.fail(where, "no name")
        if p.get("phase") not in PHASES:
            ck.fail(where, f"phase {p.get('phase')!r}")
        if not (p.get("capacity") is None or isinstance(p.get("capacity"), int)):
            ck.fail(where, "capacity is neither integer nor null")
        if p.get("source") not in ("GIAS 2018", "OSM") or not p.get("type_group"):
            ck.fail(where, "source or type_group")

    patches = ck.collection(os.path.join(area, "patches.geojson"), {"Polygon"})
    rings = {}
    for i, f in enumerate(patches):
        p = f["properties"]
        where = f"{name}/patches.geojson {p.get('id')}"
        if not p.get("id") or not p.get("name") or not isinstance(p.get("schools"), list):
            ck.fail(where, "id, name or schools missing")
        ring = f["geometry"]["coordinates"][0]
        if ring[0] != ring[-1] or len(ring) < 4:
            ck.fail(where, "exterior ring not closed")
        xy = [metric.to_xy(*q) for q in ring[:-1]]
        if C.signed_area(xy) <= 0:
            ck.fail(where, "exterior ring is not counter-clockwise (RFC 7946)")
        n = len(xy)
        if any(C.cross(xy[k], xy[(k + 1) % n], xy[(k + 2) % n]) < -1e-6 for k in range(n)):
            ck.fail(where, "ring is not convex (this checker's overlap test needs convex rings)")
        school_names = {s["properties"]["name"] for s in schools}
        for s in p.get("schools", []):
            if s not in school_names:
                ck.fail(where, f"school {s!r} not in schools.geojson")
        rings[p["id"]] = (xy, set(p.get("overlap_allowed", [])))
        ck.notes.append(f"{name}/{p['id']}: {abs(C.signed_area(xy)) / 1e6:.2f} km², {len(p['schools'])} schools")
    ids = sorted(rings)
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            ra, allow_a = rings[ids[a]]
            rb, allow_b = rings[ids[b]]
            if ids[b] in allow_a or ids[a] in allow_b:
                continue
            if C.convex_interiors_overlap(ra, rb):
                ck.fail(f"{name}/patches.geojson", f"{ids[a]} overlaps {ids[b]}")

    hotspots = ck.collection(os.path.join(area, "hotspots.geojson"), {"Point"})
    seen = set()
    for i, f in enumerate(hotspots):
        p = f["properties"]
        where = f"{name}/hotspots.geojson {p.get('id')}"
        if p.get("kind") not in KINDS:
            ck.fail(where, f"kind {p.get('kind')!r}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.get("id", "")) or p["id"] in seen:
            ck.fail(where, "id is not a unique slug")
        seen.add(p.get("id"))
        if not isinstance(p.get("dwell_min"), int) or not 10 <= p["dwell_min"] <= 15:
            ck.fail(where, f"dwell_min {p.get('dwell_min')!r} not 10–15")
        if not p.get("name") or not p.get("source"):
            ck.fail(where, "name or source missing")
        if p.get("patch") not in rings:
            ck.fail(where, f"patch {p.get('patch')!r} unknown")
            continue
        d = C.distance_to_ring(rings[p["patch"]][0], metric.to_xy(*f["geometry"]["coordinates"]))
        if d > 300:
            ck.fail(where, f"{d:.0f} m from its patch (limit 300 m)")

    pairs_path = os.path.join(area, "pairs.json")
    pairs = ck.load(pairs_path) or {"pairs": []}
    for p in pairs["pairs"]:
        where = f"{name}/pairs.json {p.get('id')}"
        base = p["base"]
        if set(p) - {"id", "role", "base", "window", "speed_factor", "preferred_patches"}:
            ck.fail(where, f"unexpected members {set(p)}")
        if not re.fullmatch(r"\d\d:\d\d", p["window"]["start"]) or p["window"]["start"] >= p["window"]["end"]:
            ck.fail(where, "window")
        for patch in p["preferred_patches"]:
            if patch not in rings:
                ck.fail(where, f"preferred patch {patch!r} unknown")
            box = BOXES.get(patch)
            if box and not (box[0] <= base["lon"] <= box[2] and box[1] <= base["lat"] <= box[3]):
                ck.fail(where, f"base {base['lon']},{base['lat']} outside the box {box} of {patch}")
        for v in (base["lon"], base["lat"]):
            if round(v, 7) != v:
                ck.fail(where, "base has more than 7 decimals")


def main():
    areas = sys.argv[1:] or ["geodata/southampton", "geodata/isle-of-wight"]
    ck = Checker()
    for area in areas:
        check_area(ck, area)
    for n in ck.notes:
        print(n)
    if ck.problems:
        print(f"{len(ck.problems)} problem(s):")
        for p in ck.problems:
            print("  " + p)
        sys.exit(1)
    print("all checks passed for " + ", ".join(areas))


if __name__ == "__main__":
    main()
