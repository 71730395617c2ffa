#!/usr/bin/env python3
"""Make geodata/isle-of-wight/{schools,hotspots,patches}.geojson and pairs.json.

Run from the repository root (Python standard library, plus Debian's `osmium` command, osmium-tool 1.15):
    python3 tools/geodata/make_isle_of_wight.py [--src geodata/sources] [--out geodata/isle-of-wight]

Inputs (see geodata/sources/PROVENANCE.md):
  schools_gias2018_isle-of-wight.csv   (DfE GIAS about 2018, OGL v3)
  isle-of-wight_2015-01-01.osm.pbf     (OpenStreetMap, Geofabrik cut of 2015-01-01, ODbL 1.0)

The script runs exactly these osmium commands in a temporary folder (PBF = the extract above):
  osmium tags-filter -O -o places.osm.pbf PBF nwr/shop=supermarket,convenience,mall nwr/amenity=fast_food
         nwr/leisure=park,playground,sports_centre
  osmium export -O -f geojsonseq -a type,id --geometry-types=point,polygon -o places.geojsonseq places.osm.pbf
  osmium tags-filter -O -o highways.osm.pbf PBF w/highway
  osmium cat -O -f opl -o highways.opl highways.osm.pbf

Rules:
  schools   every GIAS school inside ISLAND (a hand-drawn polygon of the island that leaves out the mainland
            strip of the file's box: New Milton, Lymington, Gosport, Portsmouth). Every highway node of the
            extract lies inside ISLAND (the script checks it).
  hotspots  a hand-picked list of OSM objects (HOTSPOTS), placed at the node, or at the area centroid of a
            way; the high streets at the vertex of the named street nearest the mean of its vertices in a
            small town-centre box.
  patches   convex hull of the patch's seed schools and hotspots, buffered in a local equirectangular
            approximation (common.LocalMetric) by the largest radius in BUFFERS_M for which the length of
            residential, unclassified and tertiary streets inside is at most MAX_STREET_KM, then separated from
            the other patches (common.separate_convex_patches) and, for Cowes, clipped west of the River
            Medina (East Cowes is reached by road only through Newport). A patch's `schools` are all schools
            of schools.geojson inside it.
  pairs     the base is the OSM node of a named primary or secondary road nearest the mean of the patch's
            seed sites, so it lies exactly on a street.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402

GENERATOR = "tools/geodata/make_isle_of_wight.py"
SCHOOLS_CSV = "schools_gias2018_isle-of-wight.csv"
PBF = "isle-of-wight_2015-01-01.osm.pbf"
METRIC = C.LocalMetric(-1.25, 50.70)
BUFFERS_M = [600, 550, 500, 450, 400, 350, 300, 250, 200, 150]
MAX_STREET_KM = 28.0
COUNTED = {"residential", "unclassified", "tertiary"}
DRIVABLE = COUNTED | {"primary", "primary_link", "secondary", "secondary_link", "tertiary_link", "living_street",
                      "service", "trunk", "trunk_link"}
GAP_M = 10.0
MEDINA_LON = -1.2925  # between the Cowes and East Cowes banks of the Medina
WINDOW = {"start": "10:00", "end": "12:30"}

# Counter-clockwise (lon, lat). Drawn by hand around the coast with a margin of a few hundred metres at sea;
# its northern edge runs in mid-Solent, south of Lymington, Lee-on-the-Solent and Southsea.
ISLAND = [(-1.60, 50.655), (-1.40, 50.60), (-1.30, 50.565), (-1.20, 50.575), (-1.14, 50.62), (-1.06, 50.67),
          (-1.05, 50.70), (-1.09, 50.735), (-1.16, 50.745), (-1.22, 50.755), (-1.28, 50.775), (-1.33, 50.772),
          (-1.40, 50.735), (-1.52, 50.715), (-1.60, 50.675)]

PATCHES = [
    ("newport", "Newport and Carisbrooke", ["Christ The King College", "Carisbrooke College",
                                            "Carisbrooke Church of England Controlled Primary School",
                                            "Nine Acres Primary School",
                                            "Newport Church of England Aided Primary School",
                                            "St Thomas of Canterbury Catholic Primary School"]),
    ("ryde", "Ryde", ["Ryde Academy", "Green Mount Primary School", "Haylands Primary School",
                      "Dover Park Primary School"]),
    ("cowes", "Cowes", ["Cowes Enterprise College", "Cowes Primary School", "Lanesend Primary School",
                        "Gurnard Primary School"]),
]

# (id, name, kind, patch, dwell_min, OSM object ("node"|"way", id) or ("street", name, box))
HOTSPOTS = [
    ("newport-high-street", "High Street, Newport", "high_street", "newport", 15,
     ("street", "High Street", (-1.300, 50.697, -1.288, 50.704))),
    ("morrisons-newport", "Morrisons, South Street", "supermarket", "newport", 12, ("way", 8927821)),
    ("coop-pyle-street", "Co-op, Pyle Street", "supermarket", "newport", 10, ("way", 281300737)),
    ("mcdonalds-newport", "McDonald's, Newport", "fast_food", "newport", 12, ("node", 1462164746)),
    ("litten-park", "Litten Park", "park", "newport", 12, ("way", 4570983)),
    ("sainsburys-foxes-road", "Sainsbury's, Foxes Road", "supermarket", "newport", 12, ("way", 208670607)),
    ("coop-carisbrooke", "Co-op, Carisbrooke High Street", "supermarket", "newport", 10, ("way", 161484306)),
    ("ryde-high-street", "High Street, Ryde", "high_street", "ryde", 15,
     ("street", "High Street", (-1.170, 50.724, -1.158, 50.732))),
    ("coop-ryde", "Co-op, Ryde", "supermarket", "ryde", 12, ("way", 61046238)),
    ("iceland-ryde", "Iceland, Ryde", "supermarket", "ryde", 10, ("way", 160289305)),
    ("royal-victoria-arcade", "Royal Victoria Arcade, Union Street", "shopping_centre", "ryde", 12,
     ("node", 3196001971)),
    ("vernon-square-garden", "Vernon Square Garden", "park", "ryde", 10, ("way", 115478780)),
    ("coop-ryde-west", "Co-op, west Ryde", "convenience", "ryde", 10, ("node", 1463810663)),
    ("cowes-high-street", "High Street, Cowes", "high_street", "cowes", 15,
     ("street", "High Street", (-1.302, 50.758, -1.294, 50.767))),
    ("coop-cowes", "Co-operative, Cowes", "supermarket", "cowes", 12, ("way", 25963604)),
    ("sainsburys-local-cowes", "Sainsbury's Local, Cowes", "convenience", "cowes", 10, ("way", 188838301)),
    ("northwood-park", "Northwood Park", "park", "cowes", 12, ("way", 25946876)),
    ("mill-hill-coop", "Mill Hill Co-op", "convenience", "cowes", 10, ("way", 161294968)),
    ("aldi-cowes", "Aldi, Cowes", "supermarket", "cowes", 12, ("way", 249742598)),
]


def run(cmd, cwd):
    print("$ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True)


def osmium_extracts(pbf, work):
    run(["osmium", "tags-filter", "-O", "-o", "places.osm.pbf", pbf, "nwr/shop=supermarket,convenience,mall",
         "nwr/amenity=fast_food", "nwr/leisure=park,playground,sports_centre"], work)
    run(["osmium", "export", "-O", "-f", "geojsonseq", "-a", "type,id", "--geometry-types=point,polygon",
         "-o", "places.geojsonseq", "places.osm.pbf"], work)
    run(["osmium", "tags-filter", "-O", "-o", "highways.osm.pbf", pbf, "w/highway"], work)
    run(["osmium", "cat", "-O", "-f", "opl", "-o", "highways.opl", "highways.osm.pbf"], work)


OPL_ESCAPE = re.compile(r"%([0-9a-fA-F]+)%")


def opl_unescape(s):
    return OPL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)


def read_opl(path):
    """Nodes {id: (lon, lat)} and highway ways [(id, tags, [node ids])] from osmium's OPL text."""
    nodes, ways = {}, []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            fields = line.split()
            if line[0] == "n":
                x = next(f[1:] for f in fields if f[0] == "x")
                y = next(f[1:] for f in fields if f[0] == "y")
                if x and y:
                    nodes[int(fields[0][1:])] = (float(x), float(y))
            elif line[0] == "w":
                tags, refs = {}, []
                for f in fields[1:]:
                    if f[0] == "T" and len(f) > 1:
                        for kv in f[1:].split(","):
                            k, _, v = kv.partition("=")
                            tags[opl_unescape(k)] = opl_unescape(v)
                    elif f[0] == "N" and len(f) > 1:
                        refs = [int(r[1:]) for r in f[1:].split(",")]
                ways.append((int(fields[0][1:]), tags, refs))
    return nodes, ways


def read_places(path):
    """{("node"|"way", id): (lon, lat, properties)}; ways at the area centroid of their outer ring."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip("\x1e\n ")
            if not line:
                continue
            f = json.loads(line)
            p = f["properties"]
            g = f["geometry"]
            if g["type"] == "Point":
                lon, lat = g["coordinates"]
            else:
                ring = g["coordinates"][0] if g["type"] == "Polygon" else g["coordinates"][0][0]
                lon, lat = area_centroid(ring)
            # osmium ids areas made from a way as 2*id, from a relation as 2*id+1
            if p["@type"] == "way" or p["@type"] == "area":
                key = ("way", p["@id"] // 2) if p["@type"] == "area" else ("way", p["@id"])
            else:
                key = (p["@type"], p["@id"])
            out[key] = (lon, lat, p)
    return out


def area_centroid(ring):
    pts = [METRIC.to_xy(*p) for p in ring[:-1]]
    a = C.signed_area(pts)
    cx = cy = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        w = x1 * y2 - x2 * y1
        cx += (x1 + x2) * w
        cy += (y1 + y2) * w
    return METRIC.to_lonlat(cx / (6 * a), cy / (6 * a))


def street_point(nodes, ways, name, box):
    pts = [nodes[r] for (_, tags, refs) in ways if tags.get("name") == name for r in refs
           if r in nodes and box[0] <= nodes[r][0] <= box[2] and box[1] <= nodes[r][1] <= box[3]]
    if not pts:
        raise SystemExit(f"no street named {name!r} in {box}")
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    return min(pts, key=lambda p: C.haversine_m(p[0], p[1], mx, my))


def load_schools(src):
    island = [METRIC.to_xy(*p) for p in ISLAND]
    feats, dropped = [], []
    for row in C.read_csv(os.path.join(src, SCHOOLS_CSV)):
        lon, lat = float(row["Lng"]), float(row["Lat"])
        if row["EstablishmentTypeGroup (name)"] == "Universities":
            dropped.append(row["EstablishmentName"])
            continue
        if point_in_polygon(island, METRIC.to_xy(lon, lat)):
            feats.append(C.gias_school(row, lon, lat))
        else:
            dropped.append(row["EstablishmentName"])
    feats.sort(key=lambda f: (f["properties"]["name"], f["geometry"]["coordinates"]))
    return feats, dropped


def point_in_polygon(ring, p):
    """Even–odd rule; ISLAND is not convex."""
    inside = False
    n = len(ring)
    for i in range(n):
        (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % n]
        if (y1 > p[1]) != (y2 > p[1]):
            if p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def make_hotspots(places, nodes, ways):
    feats = []
    for (hid, name, kind, patch, dwell, ref) in HOTSPOTS:
        if ref[0] == "street":
            lon, lat = street_point(nodes, ways, ref[1], ref[2])
            source = f"OSM 2015-01-01 (vertex of the ways named '{ref[1]}')"
        else:
            if ref not in places:
                raise SystemExit(f"OSM {ref[0]} {ref[1]} not found among the places")
            lon, lat, _ = places[ref]
            source = f"OSM 2015-01-01 ({ref[0]} {ref[1]})"
        feats.append(C.point_feature(lon, lat, {"id": hid, "name": name, "kind": kind, "patch": patch,
                                                "dwell_min": dwell, "source": source}))
    return feats


def street_segments(nodes, ways, classes):
    segs = []
    for (_, tags, refs) in ways:
        if tags.get("highway") in classes:
            pts = [METRIC.to_xy(*nodes[r]) for r in refs if r in nodes]
            segs += [(pts[i], pts[i + 1]) for i in range(len(pts) - 1)]
    return segs


def km_inside(ring, segs):
    return sum(C.clip_segment_convex(ring, p, q) for (p, q) in segs) / 1000.0


def make_patches(schools, hotspots, counted_segs):
    by_name = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in schools}
    specs, chosen = [], []
    medina_x, _ = METRIC.to_xy(MEDINA_LON, 50.76)
    for (pid, name, seeds) in PATCHES:
        sites = [METRIC.to_xy(*by_name[s]) for s in seeds]
        sites += [METRIC.to_xy(*h["geometry"]["coordinates"]) for h in hotspots if h["properties"]["patch"] == pid]
        for r in BUFFERS_M:
            ring = C.buffered_hull(sites, r)
            if pid == "cowes":
                ring = C.clip_halfplane(ring, 1, 0, medina_x)
            if km_inside(ring, counted_segs) <= MAX_STREET_KM:
                break
        chosen.append(r)
        specs.append({"id": pid, "sites": C.convex_hull(sites), "buffered": ring})
    rings = C.separate_convex_patches(specs, GAP_M)
    feats = []
    for (pid, name, seeds), ring in zip(PATCHES, rings):
        inside = sorted(f["properties"]["name"] for f in schools
                        if C.point_in_convex(ring, METRIC.to_xy(*f["geometry"]["coordinates"])))
        if any(s not in inside for s in seeds):
            raise SystemExit(f"patch {pid} lost a seed school")
        feats.append(C.polygon_feature(C.ring_to_lonlat(ring, METRIC), {"id": pid, "name": name, "schools": inside}))
    return feats, chosen


def make_pairs(patches, hotspots, schools, nodes, ways):
    main_nodes = {}
    for (wid, tags, refs) in ways:
        if tags.get("highway") in ("primary", "secondary") and tags.get("name"):
            for r in refs:
                if r in nodes:
                    main_nodes.setdefault(r, tags["name"])
    by_name = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in schools}
    pairs = []
    for i, (pid, name, seeds) in enumerate(PATCHES, start=1):
        pts = [by_name[s] for s in seeds] + [h["geometry"]["coordinates"] for h in hotspots
                                             if h["properties"]["patch"] == pid]
        mx = sum(p[0] for p in pts) / len(pts)
        my = sum(p[1] for p in pts) / len(pts)
        nid = min(main_nodes, key=lambda n: (C.haversine_m(*nodes[n], mx, my), n))
        lon, lat = nodes[nid]
        pairs.append({"id": f"pair-{i}", "role": "police officer + education welfare officer",
                      "base": {"name": f"{main_nodes[nid]}, {name.split(' and ')[0]} (OSM node {nid})",
                               "lon": C.r7(lon), "lat": C.r7(lat)},
                      "window": dict(WINDOW), "speed_factor": 1.0, "preferred_patches": [pid]})
    return {"pairs": pairs}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="geodata/sources")
    ap.add_argument("--out", default="geodata/isle-of-wight")
    args = ap.parse_args()
    if shutil.which("osmium") is None:
        raise SystemExit("needs osmium (Debian package osmium-tool)")
    os.makedirs(args.out, exist_ok=True)
    pbf = os.path.abspath(os.path.join(args.src, PBF))
    with tempfile.TemporaryDirectory() as work:
        osmium_extracts(pbf, work)
        places = read_places(os.path.join(work, "places.geojsonseq"))
        nodes, ways = read_opl(os.path.join(work, "highways.opl"))

    island = [METRIC.to_xy(*p) for p in ISLAND]
    used = {r for (_, _, refs) in ways for r in refs}
    outside = sum(1 for n in used if n in nodes and not point_in_polygon(island, METRIC.to_xy(*nodes[n])))
    if outside:
        raise SystemExit(f"{outside} highway nodes lie outside ISLAND: redraw it")

    schools, dropped = load_schools(args.src)
    hotspots = make_hotspots(places, nodes, ways)
    counted = street_segments(nodes, ways, COUNTED)
    drivable = street_segments(nodes, ways, DRIVABLE)
    patches, buffers = make_patches(schools, hotspots, counted)
    pairs = make_pairs(patches, hotspots, schools, nodes, ways)

    C.write_feature_collection(os.path.join(args.out, "schools.geojson"), schools, C.OGL_ATTRIBUTION, GENERATOR)
    C.write_feature_collection(os.path.join(args.out, "hotspots.geojson"), hotspots, C.OSM_ATTRIBUTION, GENERATOR)
    C.write_feature_collection(os.path.join(args.out, "patches.geojson"), patches,
                               C.OSM_ATTRIBUTION + "; " + C.OGL_ATTRIBUTION, GENERATOR)
    C.write_json(os.path.join(args.out, "pairs.json"), pairs)

    print(f"schools {len(schools)} on the island ({len(dropped)} mainland rows dropped), hotspots {len(hotspots)}, "
          f"patches {len(patches)}, pairs {len(pairs['pairs'])}")
    for f, r in zip(patches, buffers):
        ring = [METRIC.to_xy(*p) for p in f["geometry"]["coordinates"][0][:-1]]
        print(f"  {f['properties']['id']}: buffer {r} m, {abs(C.signed_area(ring)) / 1e6:.2f} km², "
              f"residential+unclassified+tertiary {km_inside(ring, counted):.1f} km, "
              f"all drivable {km_inside(ring, drivable):.1f} km, {len(f['properties']['schools'])} schools")
    for p in pairs["pairs"]:
        print(f"  {p['id']}: {p['base']}")


if __name__ == "__main__":
    main()
