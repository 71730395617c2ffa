"""Shared helpers for the geodata scripts (Python 3 standard library only).

Geometry here is planar, in a local equirectangular approximation around the area's centre:
x = N(lat0) * cos(lat0) * (lon - lon0), y = M(lat0) * (lat - lat0), with M and N the WGS84 meridian and
prime-vertical radii of curvature at lat0. Within 5 km of the centre it is within about 0.1 % of true
distances, which is plenty for drawing patch polygons. It is NOT British National Grid; the product does its
distances in BNG through PROJ. Because the map is affine, straight lines in lon/lat stay straight, so a box in
lon/lat is clipped exactly, and convexity and winding are preserved.
"""

import csv
import json
import math
import re

OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0"
OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"

WGS84_A = 6378137.0
WGS84_F = 1.0 / 298.257223563
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)


class LocalMetric:
    """Equirectangular metres around (lon0, lat0); see the module docstring for its accuracy."""

    def __init__(self, lon0, lat0):
        self.lon0 = lon0
        self.lat0 = lat0
        phi = math.radians(lat0)
        w = 1.0 - WGS84_E2 * math.sin(phi) ** 2
        meridian_radius = WGS84_A * (1.0 - WGS84_E2) / w ** 1.5
        normal_radius = WGS84_A / math.sqrt(w)
        self.metres_per_degree_lat = math.radians(1.0) * meridian_radius
        self.metres_per_degree_lon = math.radians(1.0) * normal_radius * math.cos(phi)

    def to_xy(self, lon, lat):
        return ((lon - self.lon0) * self.metres_per_degree_lon, (lat - self.lat0) * self.metres_per_degree_lat)

    def to_lonlat(self, x, y):
        return (self.lon0 + x / self.metres_per_degree_lon, self.lat0 + y / self.metres_per_degree_lat)


def utm_to_lonlat(easting, northing, zone, north=True):
    """Inverse transverse Mercator on WGS84 with Krüger's series to n^4 (sub-millimetre within a zone).

    Used to read the SUMO network's UTM junction coordinates without pyproj."""
    k0 = 0.9996
    n = WGS84_F / (2.0 - WGS84_F)
    big_a = WGS84_A / (1.0 + n) * (1.0 + n ** 2 / 4.0 + n ** 4 / 64.0)
    beta = [
        n / 2.0 - 2.0 * n ** 2 / 3.0 + 37.0 * n ** 3 / 96.0 - n ** 4 / 360.0,
        n ** 2 / 48.0 + n ** 3 / 15.0 - 437.0 * n ** 4 / 1440.0,
        17.0 * n ** 3 / 480.0 - 37.0 * n ** 4 / 840.0,
        4397.0 * n ** 4 / 161280.0,
    ]
    delta = [
        2.0 * n - 2.0 * n ** 2 / 3.0 - 2.0 * n ** 3 + 116.0 * n ** 4 / 45.0,
        7.0 * n ** 2 / 3.0 - 8.0 * n ** 3 / 5.0 - 227.0 * n ** 4 / 45.0,
        56.0 * n ** 3 / 15.0 - 136.0 * n ** 4 / 35.0,
        4279.0 * n ** 4 / 630.0,
    ]
    xi = (northing - (0.0 if north else 10000000.0)) / (k0 * big_a)
    eta = (easting - 500000.0) / (k0 * big_a)
    xi_p = xi
    eta_p = eta
    for j, b in enumerate(beta, start=1):
        xi_p -= b * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
        eta_p -= b * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
    chi = math.asin(math.sin(xi_p) / math.cosh(eta_p))
    phi = chi
    for j, d in enumerate(delta, start=1):
        phi += d * math.sin(2 * j * chi)
    lon0 = math.radians(zone * 6 - 183)
    lam = lon0 + math.atan2(math.sinh(eta_p), math.cos(xi_p))
    return (math.degrees(lam), math.degrees(phi))


def haversine_m(lon1, lat1, lon2, lat2):
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


# ---------------------------------------------------------------- planar geometry (x, y tuples)

def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points):
    """Andrew's monotone chain; counter-clockwise, no repeated closing point."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    lower = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def buffered_hull(points, radius_m, segments=32):
    """Convex hull of the points buffered by radius_m: the hull of a regular 32-gon around every point.

    For a convex set this equals its buffer drawn with a 32-gon for the round corners (inscribed: at most
    0.5 % short of the radius between polygon vertices)."""
    ring = []
    for (x, y) in points:
        for k in range(segments):
            a = 2.0 * math.pi * k / segments
            ring.append((x + radius_m * math.cos(a), y + radius_m * math.sin(a)))
    return convex_hull(ring)


def signed_area(ring):
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def clip_halfplane(ring, a, b, c):
    """Sutherland–Hodgman: keep the part of a convex ring where a*x + b*y <= c."""
    out = []
    n = len(ring)
    for i in range(n):
        p = ring[i]
        q = ring[(i + 1) % n]
        fp = a * p[0] + b * p[1] - c
        fq = a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def point_segment_closest(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
    return (a[0] + t * dx, a[1] + t * dy)


def closest_points(ring_a, ring_b):
    """Closest pair of points of two disjoint convex polygons (vertex-to-edge search both ways)."""
    best = None
    for src, dst, swap in ((ring_a, ring_b, False), (ring_b, ring_a, True)):
        if len(dst) == 1:
            edges = [(dst[0], dst[0])]
        else:
            edges = [(dst[i], dst[(i + 1) % len(dst)]) for i in range(len(dst))]
        for p in src:
            for (u, v) in edges:
                q = point_segment_closest(p, u, v)
                d = math.hypot(p[0] - q[0], p[1] - q[1])
                if best is None or d < best[0]:
                    best = (d, (q, p) if swap else (p, q))
    return best[1]


def point_in_convex(ring, p):
    """True when p is inside or on a counter-clockwise convex ring."""
    n = len(ring)
    return all(cross(ring[i], ring[(i + 1) % n], p) >= -1e-9 for i in range(n))


def distance_to_ring(ring, p):
    """0 inside a convex ring, else the distance to its boundary."""
    if point_in_convex(ring, p):
        return 0.0
    n = len(ring)
    return min(math.dist(p, point_segment_closest(p, ring[i], ring[(i + 1) % n])) for i in range(n))


def clip_segment_convex(ring, p, q):
    """Cyrus–Beck: the length of segment pq inside a counter-clockwise convex ring."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = len(ring)
    for i in range(n):
        a = ring[i]
        b = ring[(i + 1) % n]
        # inside means cross(a, b, x) >= 0; cross is linear in x along the segment
        f0 = cross(a, b, p)
        df = (b[0] - a[0]) * dy - (b[1] - a[1]) * dx
        if df == 0:
            if f0 < 0:
                return 0.0
            continue
        t = -f0 / df
        if df > 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return 0.0
    return (t1 - t0) * math.hypot(dx, dy)


def convex_interiors_overlap(ring_a, ring_b, tolerance_m=0.0):
    """Separating-axis test for two convex rings: True when they overlap by more than tolerance."""
    for ring in (ring_a, ring_b):
        n = len(ring)
        for i in range(n):
            ex, ey = ring[(i + 1) % n][0] - ring[i][0], ring[(i + 1) % n][1] - ring[i][1]
            L = math.hypot(ex, ey)
            if L == 0:
                continue
            nx, ny = ey / L, -ex / L
            pa = [nx * x + ny * y for (x, y) in ring_a]
            pb = [nx * x + ny * y for (x, y) in ring_b]
            if max(pa) <= min(pb) + tolerance_m or max(pb) <= min(pa) + tolerance_m:
                return False
    return True


def separate_convex_patches(rings, gap_m):
    """Clip each convex ring so no two overlap.

    Rule: for every pair of patches, take the closest points of the two *site* hulls (schools and hotspots,
    unbuffered); the perpendicular bisector of those two points separates the hulls. Each patch keeps its own
    side, less gap_m / 2, so that rounding coordinates to 7 decimals (about 1 cm) can never make neighbours
    overlap. Returns the clipped rings."""
    clipped = [list(r["buffered"]) for r in rings]
    for i in range(len(rings)):
        for j in range(i + 1, len(rings)):
            p, q = closest_points(rings[i]["sites"], rings[j]["sites"])
            nx, ny = q[0] - p[0], q[1] - p[1]
            L = math.hypot(nx, ny)
            if L <= gap_m:
                raise ValueError(f"patch sites of {rings[i]['id']} and {rings[j]['id']} are only {L:.0f} m apart")
            nx, ny = nx / L, ny / L
            mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
            c = nx * mx + ny * my
            # patch i keeps n·x <= c - gap/2; patch j keeps n·x >= c + gap/2
            clipped[i] = clip_halfplane(clipped[i], nx, ny, c - gap_m / 2)
            clipped[j] = clip_halfplane(clipped[j], -nx, -ny, -(c + gap_m / 2))
    return clipped


def clip_to_box(ring, metric, min_lon, min_lat, max_lon, max_lat, inset_m):
    x0, y0 = metric.to_xy(min_lon, min_lat)
    x1, y1 = metric.to_xy(max_lon, max_lat)
    ring = clip_halfplane(ring, -1, 0, -(x0 + inset_m))
    ring = clip_halfplane(ring, 1, 0, x1 - inset_m)
    ring = clip_halfplane(ring, 0, -1, -(y0 + inset_m))
    ring = clip_halfplane(ring, 0, 1, y1 - inset_m)
    return ring


# ---------------------------------------------------------------- output

def r7(v):
    return round(v, 7)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def ring_to_lonlat(ring, metric):
    """A closed, counter-clockwise lon/lat ring rounded to 7 decimals (drops points that round together)."""
    if signed_area(ring) < 0:
        ring = list(reversed(ring))
    out = []
    for (x, y) in ring:
        lon, lat = metric.to_lonlat(x, y)
        pt = [r7(lon), r7(lat)]
        if not out or out[-1] != pt:
            out.append(pt)
    if out[0] == out[-1]:
        out.pop()
    out.append(list(out[0]))
    return out


def point_feature(lon, lat, props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r7(lon), r7(lat)]},
            "properties": props}


def polygon_feature(ring_lonlat, props):
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring_lonlat]},
            "properties": props}


def write_feature_collection(path, features, attribution, generator):
    """One feature per line, keys in a fixed order, so diffs of regenerated files stay readable."""
    head = {"type": "FeatureCollection", "attribution": attribution, "generator": generator}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "features": [']
    for i, f in enumerate(features):
        lines.append(json.dumps(f, ensure_ascii=False) + ("," if i + 1 < len(features) else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def gias_school(row, lon, lat):
    cap = row["SchoolCapacity"].strip()
    return point_feature(lon, lat, {
        "name": row["EstablishmentName"],
        "phase": row["PhaseOfEducation (name)"],
        "capacity": int(cap) if cap else None,
        "type_group": row["EstablishmentTypeGroup (name)"],
        "source": "GIAS 2018",
    })
