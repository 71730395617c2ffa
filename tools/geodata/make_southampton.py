#!/usr/bin/env python3
"""Make geodata/southampton/{schools,hotspots,patches}.geojson and pairs.json from the source files in geodata/sources.

Run from the repository root (standard library only):
    python3 tools/geodata/make_southampton.py [--src geodata/sources] [--out geodata/southampton]

Inputs (see geodata/sources/PROVENANCE.md):
  schools_gias2018_southampton-bbox.csv                (DfE GIAS about 2018, OGL v3)
  fsa-food-hygiene-ratings_southampton_2018.csv        (FSA FHRS, OGL v3)
  police-uk_hampshire-street_2017-02_to_2017-07_southampton-bbox.csv   (police.uk map points, OGL v3)
  southampton-centre_2018-08_sumo.net.xml              (junctions for the pair bases; ODbL, from OSM via SUMO)

Rules:
  schools   every GIAS school in the patrol core box or the SUMO box, except universities (no pupils of
            school age).
  hotspots  a hand-picked list (HOTSPOTS below); each is positioned from exactly one row of the FSA file
            (matched by business name and first address line) or from one police.uk map point (matched by its
            Location text, nearest to a hint within 60 m). The script fails if a match is missing or ambiguous.
  patches   for each patch: the convex hull of its seed schools and its hotspots, buffered by BUFFER_M in a
            local equirectangular approximation (common.LocalMetric), then separated from every other patch
            by the perpendicular bisector of the closest points of the two unbuffered site hulls, leaving a
            GAP_M strip; `shirley` and `polygon` are then clipped to the SUMO network box inset by BOX_INSET_M.
            A patch's `schools` are all schools of schools.geojson inside its final polygon.
  pairs     bases for `shirley` and `polygon` are SUMO junctions on a primary or secondary road, the nearest
            to a police.uk map point on a named main road; the northern bases are police.uk map points on
            main roads (they will be snapped when a Hampshire extract brings streets).
"""

import argparse
import math
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402

GENERATOR = "tools/geodata/make_southampton.py"
CORE_BOX = (-1.50, 50.915, -1.41, 50.955)
SUMO_BOX = (-1.4428, 50.9029, -1.3976, 50.9243)
BUFFER_M = 400.0
GAP_M = 10.0
BOX_INSET_M = 10.0
METRIC = C.LocalMetric(-1.43, 50.925)

SCHOOLS_CSV = "schools_gias2018_southampton-bbox.csv"
FSA_CSV = "fsa-food-hygiene-ratings_southampton_2018.csv"
POLICE_CSV = "police-uk_hampshire-street_2017-02_to_2017-07_southampton-bbox.csv"
SUMO_NET = "southampton-centre_2018-08_sumo.net.xml"

# (patch id, display name, seed schools (exact GIAS names), clip to SUMO box)
PATCHES = [
    ("shirley", "Shirley", ["Regents Park Community College", "Foundry Lane Primary School",
                            "Wordsworth Primary School"], True),
    ("polygon", "Polygon and Freemantle", ["The Polygon School", "Freemantle Church of England Community Academy",
                                           "Springhill Catholic Primary School", "Banister Primary School"], True),
    ("lordshill", "Lordshill", ["Oasis Academy Lord's Hill", "Compass School", "Fairisle Infant and Nursery School",
                                "Fairisle Junior School", "The Cedar School"], False),
    ("coxford", "Coxford and Lordswood", ["Shirley Warren Primary & Nursery School",
                                          "Sinclair Primary and Nursery School", "Oakwood Primary School",
                                          "Hollybrook Infant School", "Hollybrook Junior School"], False),
    ("millbrook", "Millbrook and Redbridge", ["Holy Family Catholic Primary School", "Mansel Park Primary School",
                                              "Newlands Primary School", "Mason Moor Primary School",
                                              "Redbridge Primary School", "Redbridge Community School",
                                              "Tanners Brook Primary School"], False),
]

# (id, name, kind, patch, dwell_min, lookup)
#   lookup ("fsa", BusinessName, AddressLine1) or ("police", Location, hint lon, hint lat)
HOTSPOTS = [
    ("shirley-high-street", "Shirley High Street", "high_street", "shirley", 15,
     ("police", "On or near Shirley High Street", -1.4333, 50.9222)),
    ("sainsburys-redcar-street", "Sainsbury's, Redcar Street, Shirley", "supermarket", "shirley", 12,
     ("fsa", "Sainsbury's", "1 Redcar Street")),
    ("lidl-tesco-express-shirley-road", "Lidl and Tesco Express, 349–359 Shirley Road", "supermarket", "shirley", 12,
     ("fsa", "Lidl", "355-359 Shirley Road")),
    ("westquay", "WestQuay shopping centre", "shopping_centre", "polygon", 15,
     ("police", "On or near Shopping Area", -1.4072, 50.9036)),
    ("asda-portland-terrace", "Asda, Portland Terrace", "supermarket", "polygon", 12,
     ("fsa", "Asda", "Portland Terrace")),
    ("sainsburys-bedford-place", "Sainsbury's, Bedford Place", "supermarket", "polygon", 10,
     ("fsa", "Sainsbury's", "25 - 28 Bedford Place")),
    ("shirley-road-freemantle", "Shirley Road shops, Freemantle (Co-op, 195–197 Shirley Road)", "shopping_parade",
     "polygon", 12, ("fsa", "Co-Operative", "195 - 197 Shirley Road")),
    ("sainsburys-lordshill", "Sainsbury's, Lordshill District Centre", "supermarket", "lordshill", 12,
     ("fsa", "Sainsbury's", "1 Lordshill District Centre")),
    ("lordshill-district-centre", "Lord's Hill district centre parade", "district_centre", "lordshill", 15,
     ("police", "On or near Lord'S Hill Centre East", -1.4478, 50.9411)),
    ("rownhams-road-supermarket", "Supermarket by Rownhams Road, Maybush", "supermarket", "lordshill", 10,
     ("police", "On or near Supermarket", -1.4481, 50.9314)),
    ("tesco-lordswood-road", "Tesco, Lordswood Road", "supermarket", "coxford", 12,
     ("fsa", "Tesco", "Lordswood Road")),
    ("winchester-road-shops", "Winchester Road shops, Upper Shirley", "shopping_parade", "coxford", 12,
     ("police", "On or near Shopping Area", -1.4275, 50.9302)),
    ("tesco-tebourba-way", "Tesco, Tebourba Way", "supermarket", "millbrook", 12,
     ("fsa", "Tesco", "Tebourba Way")),
    ("coop-millbrook-road-west", "Co-op, Millbrook Road West", "convenience", "millbrook", 10,
     ("fsa", "Co-Operative Millbrook Service Station", "Millbrook Road West")),
    ("tesco-express-wimpson-lane", "Tesco Express, Wimpson Lane", "convenience", "millbrook", 10,
     ("fsa", "Tesco Express", "8 Wimpson Lane")),
    ("millbrook-shopping-area", "Shops by Millbrook Road West and Green Park Road", "shopping_parade", "millbrook", 12,
     ("police", "On or near Shopping Area", -1.4593, 50.9158)),
]

# (id, role, patches, base rule) with base rule ("sumo", police Location, hint lon, hint lat) or
# ("police", Location, hint lon, hint lat)
PAIRS = [
    ("pair-1", "police officer + education welfare officer", ["shirley", "polygon"],
     ("sumo", "On or near Shirley Road", -1.4293, 50.9191, "Shirley Road")),
    ("pair-2", "police officer + education welfare officer", ["polygon", "shirley"],
     ("sumo", "On or near Commercial Road", -1.4097, 50.9089, "Commercial Road")),
    ("pair-3", "police community support officer + education welfare officer", ["lordshill", "coxford"],
     ("police", "On or near Coxford Road", -1.4409, 50.9337, "Coxford Road")),
    ("pair-4", "police community support officer + education welfare officer", ["millbrook"],
     ("police", "On or near Millbrook Road West", -1.4552, 50.9163, "Millbrook Road West")),
]
WINDOW = {"start": "10:00", "end": "12:30"}


def in_box(lon, lat, box):
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def load_schools(src):
    feats = []
    for row in C.read_csv(os.path.join(src, SCHOOLS_CSV)):
        lon, lat = float(row["Lng"]), float(row["Lat"])
        if row["EstablishmentTypeGroup (name)"] == "Universities":
            continue
        if in_box(lon, lat, CORE_BOX) or in_box(lon, lat, SUMO_BOX):
            feats.append(C.gias_school(row, lon, lat))
    feats.sort(key=lambda f: (f["properties"]["name"], f["geometry"]["coordinates"]))
    return feats


def police_points(src):
    """Distinct police.uk map points: (Location, lon, lat) -> number of records."""
    pts = {}
    for row in C.read_csv(os.path.join(src, POLICE_CSV)):
        key = (row["Location"], float(row["Longitude"]), float(row["Latitude"]))
        pts[key] = pts.get(key, 0) + 1
    return pts


def find_police(pts, location, hint_lon, hint_lat):
    cands = sorted((C.haversine_m(lon, lat, hint_lon, hint_lat), lon, lat, n)
                   for (loc, lon, lat), n in pts.items() if loc == location)
    if not cands or cands[0][0] > 60:
        raise SystemExit(f"no police.uk map point '{location}' within 60 m of {hint_lon},{hint_lat}")
    d, lon, lat, n = cands[0]
    return lon, lat, n


def find_fsa(rows, name, address1):
    hits = [r for r in rows if r["BusinessName"] == name and r["AddressLine1"] == address1
            and r["BusinessType"] == "Retailers - supermarkets/hypermarkets"]
    if len(hits) != 1:
        raise SystemExit(f"FSA lookup {name!r} / {address1!r}: {len(hits)} matches, expected 1")
    return float(hits[0]["Geocode/Longitude"]), float(hits[0]["Geocode/Latitude"]), hits[0]["FHRSID"]


def make_hotspots(src):
    fsa = C.read_csv(os.path.join(src, FSA_CSV))
    pts = police_points(src)
    feats = []
    for (hid, name, kind, patch, dwell, lookup) in HOTSPOTS:
        if lookup[0] == "fsa":
            lon, lat, fhrs = find_fsa(fsa, lookup[1], lookup[2])
            source = f"FSA 2018 (FHRSID {fhrs})"
        else:
            lon, lat, n = find_police(pts, lookup[1], lookup[2], lookup[3])
            source = f"police.uk map point '{lookup[1]}' ({n} records Feb–Jul 2017)"
        feats.append(C.point_feature(lon, lat, {"id": hid, "name": name, "kind": kind, "patch": patch,
                                                "dwell_min": dwell, "source": source}))
    return feats


def make_patches(schools, hotspots):
    by_name = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in schools}
    specs = []
    for (pid, name, seeds, _) in PATCHES:
        sites = [METRIC.to_xy(*by_name[s]) for s in seeds]
        sites += [METRIC.to_xy(*h["geometry"]["coordinates"]) for h in hotspots if h["properties"]["patch"] == pid]
        specs.append({"id": pid, "sites": C.convex_hull(sites), "buffered": C.buffered_hull(sites, BUFFER_M)})
    rings = C.separate_convex_patches(specs, GAP_M)
    feats = []
    for (pid, name, seeds, clip), ring in zip(PATCHES, rings):
        if clip:
            ring = C.clip_to_box(ring, METRIC, *SUMO_BOX, BOX_INSET_M)
        inside = sorted(f["properties"]["name"] for f in schools
                        if C.point_in_convex(ring, METRIC.to_xy(*f["geometry"]["coordinates"])))
        missing = [s for s in seeds if s not in inside]
        if missing:
            raise SystemExit(f"patch {pid} lost seed schools {missing}")
        feats.append(C.polygon_feature(C.ring_to_lonlat(ring, METRIC), {"id": pid, "name": name, "schools": inside}))
    return feats, rings


def read_sumo(path):
    """Junction positions (lon, lat) and car edges (from, to, highway class, shape) of the SUMO network."""
    junctions, edges = {}, []
    offset, zone = None, None
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag == "location":
            ox, oy = (float(v) for v in el.get("netOffset").split(","))
            offset = (ox, oy)
            proj = el.get("projParameter")
            zone = int(proj.split("+zone=")[1].split()[0])
            if "+south" in proj:
                raise SystemExit("southern UTM zones are not expected here")
        elif el.tag == "junction" and el.get("type") != "internal":
            x, y = float(el.get("x")), float(el.get("y"))
            junctions[el.get("id")] = C.utm_to_lonlat(x - offset[0], y - offset[1], zone)
        elif el.tag == "edge" and el.get("function") != "internal":
            shape = el.get("shape")
            if shape is None:
                lanes = el.findall("lane")
                shape = lanes[0].get("shape") if lanes else None
            pts = [C.utm_to_lonlat(float(a) - offset[0], float(b) - offset[1], zone)
                   for a, b in (p.split(",") for p in shape.split())] if shape else None
            edges.append((el.get("from"), el.get("to"), el.get("type", ""), pts))
            el.clear()
    return junctions, edges


def sumo_base(junctions, edges, lon, lat):
    main = {"highway.primary", "highway.secondary"}
    ids = {j for (a, b, t, _) in edges if t in main for j in (a, b)}
    best = min(ids, key=lambda j: C.haversine_m(*junctions[j], lon, lat))
    return best, junctions[best]


def sumo_km_inside(edges, junctions, ring):
    """Undirected car street length of the SUMO network inside a ring (each junction pair once)."""
    seen, total = set(), 0.0
    for (a, b, t, pts) in edges:
        key = frozenset((a, b))
        if key in seen or a not in junctions or b not in junctions:
            continue
        seen.add(key)
        line = pts or [junctions[a], junctions[b]]
        xy = [METRIC.to_xy(*p) for p in line]
        total += sum(C.clip_segment_convex(ring, xy[i], xy[i + 1]) for i in range(len(xy) - 1))
    return total / 1000.0


def distance_to_network_m(edges, junctions, lon, lat):
    """Distance from a point to the nearest SUMO car edge (local metric), to report what can be reached."""
    p = METRIC.to_xy(lon, lat)
    best = math.inf
    for (a, b, t, pts) in edges:
        line = pts or [junctions[a], junctions[b]]
        xy = [METRIC.to_xy(*q) for q in line]
        for i in range(len(xy) - 1):
            best = min(best, math.dist(p, C.point_segment_closest(p, xy[i], xy[i + 1])))
    return best


def make_pairs(src, junctions, edges):
    pts = police_points(src)
    pairs = []
    for (pid, role, patches, rule) in PAIRS:
        kind, location, hlon, hlat, road = rule
        plon, plat, _ = find_police(pts, location, hlon, hlat)
        if kind == "sumo":
            jid, (lon, lat) = sumo_base(junctions, edges, plon, plat)
            name = f"{road} (SUMO junction / OSM node {jid})"
        else:
            lon, lat = plon, plat
            name = f"{road} (police.uk map point)"
        pairs.append({"id": pid, "role": role, "base": {"name": name, "lon": C.r7(lon), "lat": C.r7(lat)},
                      "window": dict(WINDOW), "speed_factor": 1.0, "preferred_patches": patches})
    return {"pairs": pairs}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="geodata/sources")
    ap.add_argument("--out", default="geodata/southampton")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    schools = load_schools(args.src)
    hotspots = make_hotspots(args.src)
    patches, rings = make_patches(schools, hotspots)
    junctions, edges = read_sumo(os.path.join(args.src, SUMO_NET))
    pairs = make_pairs(args.src, junctions, edges)

    C.write_feature_collection(os.path.join(args.out, "schools.geojson"), schools, C.OGL_ATTRIBUTION, GENERATOR)
    C.write_feature_collection(os.path.join(args.out, "hotspots.geojson"), hotspots, C.OGL_ATTRIBUTION, GENERATOR)
    C.write_feature_collection(os.path.join(args.out, "patches.geojson"), patches, C.OGL_ATTRIBUTION, GENERATOR)
    C.write_json(os.path.join(args.out, "pairs.json"), pairs)

    print(f"schools {len(schools)}, hotspots {len(hotspots)}, patches {len(patches)}, pairs {len(pairs['pairs'])}")
    for f, ring in zip(patches, rings):
        pid = f["properties"]["id"]
        area_km2 = abs(C.signed_area([METRIC.to_xy(*p) for p in f["geometry"]["coordinates"][0][:-1]])) / 1e6
        extra = ""
        if pid in ("shirley", "polygon"):
            ring_xy = [METRIC.to_xy(*p) for p in f["geometry"]["coordinates"][0][:-1]]
            extra = f", SUMO car streets inside {sumo_km_inside(edges, junctions, ring_xy):.1f} km"
        print(f"  {pid}: {area_km2:.2f} km², {len(f['properties']['schools'])} schools{extra}")
    for p in pairs["pairs"]:
        print(f"  {p['id']}: {p['base']}")
    lons = [q[0] for q in junctions.values()]
    lats = [q[1] for q in junctions.values()]
    print(f"SUMO junctions span lon {min(lons):.4f}..{max(lons):.4f}, lat {min(lats):.4f}..{max(lats):.4f}")
    print("distance to the nearest SUMO car street:")
    seeds = {s for (pid, _, ss, clip) in PATCHES if clip for s in ss}
    for f in hotspots + [s for s in schools if s["properties"]["name"] in seeds]:
        if f["properties"].get("patch", "shirley") in ("shirley", "polygon"):
            d = distance_to_network_m(edges, junctions, *f["geometry"]["coordinates"])
            print(f"  {d:5.0f} m  {f['properties']['name']}")


if __name__ == "__main__":
    main()
