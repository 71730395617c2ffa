#!/usr/bin/env bash
# Benchmark: release import of the Isle of Wight PBF (geodata/sources), timed by GNU time.
# Prints one JSON line: {"bench":"import-osm","input":...,"seconds":...,"peak_rss_mb":...,"segments":...}
# Usage: tools/bench-import.sh [FILE.osm.pbf]   (builds the release binary first, under the shared swift lock)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
input="${1:-$root/geodata/sources/isle-of-wight_2015-01-01.osm.pbf}"
[ -f "$input" ] || { echo "missing $input (the real extracts are committed under geodata/sources)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
cd "$root"
flock /tmp/patrol-swift.lock swift build -c release --product patrol >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -v -o "$out/time.txt" .build/release/patrol import-osm "$input" --out "$out/area" --quiet > "$out/summary.txt"
seconds="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")"
rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")"
segments="$(grep -o '[0-9]* segments written' "$out/summary.txt" | grep -o '^[0-9]*')"
streets_bytes="$(stat -c %s "$out/area/streets.geojson")"
printf '{"bench":"import-osm","input":"%s","input_bytes":%s,"seconds":%s,"peak_rss_mb":%.1f,"segments":%s,"streets_bytes":%s}\n' \
  "$(basename "$input")" "$(stat -c %s "$input")" "$seconds" "$(echo "$rss_kb / 1024" | bc -l)" "$segments" "$streets_bytes"

# The same data as OSM XML (osmium converts it), to time the XML reader on the same streets.
if command -v osmium >/dev/null; then
  osmium cat "$input" -o "$out/input.osm" -O
  /usr/bin/time -v -o "$out/time-xml.txt" .build/release/patrol import-osm "$out/input.osm" --out "$out/area-xml" --quiet > /dev/null
  seconds="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time-xml.txt")"
  rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time-xml.txt")"
  same=false
  cmp -s "$out/area/streets.geojson" "$out/area-xml/streets.geojson" && same=true
  printf '{"bench":"import-osm-xml","input":"%s","input_bytes":%s,"seconds":%s,"peak_rss_mb":%.1f,"streets_identical_to_pbf":%s}\n' \
    "$(basename "$input" .pbf)" "$(stat -c %s "$out/input.osm")" "$seconds" "$(echo "$rss_kb / 1024" | bc -l)" "$same"
fi
