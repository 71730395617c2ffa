SWIFT ?= swift
RELEASE_BIN = .build/release/patrol

.PHONY: deps build release test demo bench check-memory clean simulate-stops validate-police-uk fuzz fuzz-short privacy-scan

deps:
	@bash tools/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product patrol

test: deps
	$(SWIFT) test

demo: release
	$(RELEASE_BIN) validate --data geodata

# AddressSanitizer with leak detection over the Geo tests. XCTest leaks a few bytes at start-up,
# so its library is suppressed; everything of ours is still checked.
check-memory: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp ASAN_OPTIONS=detect_leaks=1 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan --filter GeoTests

clean:
	rm -rf .build .build-asan out

# An illustrative, generated stop history for the area (needs geodata/$(AREA)/hotspots.geojson).
AREA ?= southampton
simulate-stops:
	python3 tools/simulate-stops --area $(AREA)

# PAI of the KDE, Gi* and count maps on real police.uk points (Feb-May map, Jun-Jul events).
validate-police-uk: release
	python3 tools/validate-police-uk

# Solvers on the published instances in ../shared/bench (see its README); one JSON line each.
bench: deps
	$(SWIFT) build -c release --product patrol-bench
	.build/release/patrol-bench urpp ../shared/bench/urpp/UR* --check
	.build/release/patrol-bench tsp ../shared/bench/tsp/*.tsp --check
	.build/release/patrol-bench op ../shared/bench/op/*.txt --check

# libFuzzer over every parser (Fuzz/), FUZZ_SECONDS each, one core each; crashes land in
# Tests/Fuzz/Crashes/<parser>/. fuzz-short is the CI pass: 20 s each, and it fails on a crash.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) tools/fuzz.sh

fuzz-short: deps
	FUZZ_SECONDS=20 FUZZ_STRICT=1 tools/fuzz.sh

# Runs the demo pipeline on planted names, dates of birth, addresses and free text, and fails if any
# output, log or the stop store holds one (tools/privacy-scan).
privacy-scan: build
	python3 tools/privacy-scan --patrol .build/debug/patrol
