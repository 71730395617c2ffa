#!/usr/bin/env bash
# Regenerates the PBF fixtures of Tests/OSMTests from their hand-written XML, and the Leeds XML
# fixture from the real Leeds PBF, with Debian's osmium-tool (apt-get install -y osmium-tool).
# The tests then check that our PBF and XML readers give identical output on the same data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fx="$root/Tests/OSMTests/Fixtures"
command -v osmium >/dev/null || { echo "needs osmium: apt-get install -y osmium-tool" >&2; exit 1; }
osmium cat "$fx/town.osm" -o "$fx/town.osm.pbf" -O
osmium cat "$fx/town.osm" -f pbf,pbf_dense_nodes=false -o "$fx/town-sparse.osm.pbf" -O
osmium cat "$fx/town.osm" -f pbf,pbf_compression=none -o "$fx/town-raw.osm.pbf" -O
osmium cat "$fx/split.osm" -o "$fx/split.osm.pbf" -O
# Real data (© OpenStreetMap contributors, ODbL 1.0), from geodata/sources (see its PROVENANCE.md).
osmium cat "$root/geodata/sources/its-example_leeds.osm.pbf" -f osm,add_metadata=false -o "$fx/leeds.osm" -O
ls -l "$fx"
