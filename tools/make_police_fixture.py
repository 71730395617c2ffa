#!/usr/bin/env python3
"""Writes Tests/SUMOTests/Fixtures/police-fixture.csv: police.uk-style street-level rows whose map points
sit on the streets of shirley-fixture.osm, so the right names are known (the OSM name tags).

Placed points (distance from the way's line in brackets), and what name inference must make of them:
- Fixture High Street: two points (0.5 m), one repeated 5 times (counted once), and a "Shopping Area"
  point on it (no vote)                                   -> "Fixture High Street"
- Church Street, south piece: one point (1 m)             -> "Church Street"
- Park Road: one point (0.5 m)                            -> "Park Road"
- Mill Lane: "Mill Lane" and "Mill Road", one each        -> tie, unnamed
- Station Road: two points (2 m)                          -> "Station Road"
- Orchard Close: one lone point 12 m off the line         -> unnamed (a lone point must be within 5 m)
- Back Lane: one point 3 m from its east end (0.5 m off), within 20 m of Dock Street too, but nearest
  to Back Lane                                            -> "Back Lane"
- Dock Street: one point (0.5 m)                          -> "Dock Street" (the Back Lane point must not tie it)
- the roundabout: a "Parking Area" point                  -> unnamed
Usage: python3 tools/make_police_fixture.py FIXTURE.osm OUT.csv
"""
import math
import sys
import xml.etree.ElementTree as ET

LAT0 = 50.9220
M_PER_DEG_LAT = 111_200.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))


def main(osm, out):
    root = ET.parse(osm).getroot()
    nodes = {n.get("id"): (float(n.get("lon")), float(n.get("lat"))) for n in root.iter("node")}
    ways = {w.get("id"): [nodes[nd.get("ref")] for nd in w.iter("nd")] for w in root.iter("way")}

    def at(way, segment, fraction, offset_m):
        """A point `fraction` along segment `segment` of a way, `offset_m` to the left of it."""
        (lon1, lat1), (lon2, lat2) = ways[way][segment], ways[way][segment + 1]
        x = (lon2 - lon1) * M_PER_DEG_LON
        y = (lat2 - lat1) * M_PER_DEG_LAT
        length = math.hypot(x, y)
        lon = lon1 + (lon2 - lon1) * fraction + (-y / length * offset_m) / M_PER_DEG_LON
        lat = lat1 + (lat2 - lat1) * fraction + (x / length * offset_m) / M_PER_DEG_LAT
        return lon, lat

    back_lane_end = ways["225110008"]
    back_len = math.hypot((back_lane_end[2][0] - back_lane_end[1][0]) * M_PER_DEG_LON,
                          (back_lane_end[2][1] - back_lane_end[1][1]) * M_PER_DEG_LAT)
    rows = [
        (at("225110001", 0, 0.5, 0.5), "Fixture High Street", 5),
        (at("225110001", 3, 0.5, -0.5), "Fixture High Street", 1),
        (at("225110001", 1, 0.3, 0.0), "Shopping Area", 2),
        (at("225110002", 3, 0.5, 1.0), "Church Street", 1),
        (at("225110004", 0, 0.5, 0.5), "Park Road", 1),
        (at("225110003", 0, 0.5, 0.0), "Mill Lane", 1),
        (at("225110003", 1, 0.5, 0.0), "Mill Road", 1),
        (at("225110006", 0, 0.5, 2.0), "Station Road", 1),
        (at("225110006", 1, 0.5, -2.0), "Station Road", 1),
        (at("225110007", 1, 0.5, 12.0), "Orchard Close", 1),
        (at("225110008", 1, 1 - 3.0 / back_len, 0.5), "Back Lane", 1),
        (at("225110009", 1, 0.5, 0.5), "Dock Street", 1),
        (at("225110005", 2, 0.5, 0.0), "Parking Area", 1),
    ]
    header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
    lines = [header]
    serial = 0
    for (lon, lat), name, repeats in rows:
        for _ in range(repeats):
            serial += 1
            crime_id = f"{serial:064x}" if serial % 2 else ""
            lines.append(f'{crime_id},2017-03,Hampshire Constabulary,Hampshire Constabulary,{lon:.6f},{lat:.6f},'
                         f'On or near {name},E01032755,"Southampton 020A, fixture",Anti-social behaviour,,')
    # A row without a position, as police.uk writes for "No location" crimes: skipped.
    lines.append(',2017-03,Hampshire Constabulary,Hampshire Constabulary,,,No location,,,Other crime,Under investigation,')
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
