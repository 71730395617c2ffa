#!/usr/bin/env bash
# Converts the hand-made OSM fixture into a SUMO network with the options in the header of
# geodata/sources/southampton-centre_2018-08_sumo.net.xml (proj.utm, keep-edges.by-vclass=private,
# remove-edges.isolated, geometry.remove, edges.join). netconvert's OSM import names edges after OSM
# ways and junctions after OSM nodes by default, so no option is needed to keep the ids.
# Needs Debian's `sumo` package (apt-get install -y sumo). The output is committed as a test fixture.
set -euo pipefail
export SUMO_HOME="${SUMO_HOME:-/usr/share/sumo}"
cd "$(dirname "$0")/.."
fixtures=Tests/SUMOTests/Fixtures
python3 tools/make_osm_fixture.py "$fixtures/shirley-fixture.osm"
netconvert --osm-files "$fixtures/shirley-fixture.osm" \
    --proj.utm true \
    --keep-edges.by-vclass private \
    --remove-edges.isolated true \
    --geometry.remove true \
    --edges.join true \
    --output-file "$fixtures/shirley-fixture.net.xml"
netconvert --version | head -1
