#!/usr/bin/env bash
# Fuzzes the PBF reader with libFuzzer + AddressSanitizer, seeded with the test fixtures.
# Usage: tools/fuzz-pbf.sh [SECONDS]   (default 60). Crashes land in Fuzz/crashes/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
cd "$root/Fuzz"
flock /tmp/patrol-swift.lock swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address >/dev/null
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
cp "$root"/Tests/OSMTests/Fixtures/*.pbf "$corpus/"
mkdir -p crashes
SWIFT_BACKTRACE=enable=no ./.build/debug/FuzzPBF "$corpus" -max_total_time="$seconds" -max_len=65536 \
  -rss_limit_mb=2048 -artifact_prefix=crashes/ -print_final_stats=1 2>&1 | tail -15
