SWIFT ?= swift
RELEASE_BIN = .build/release/patrol

.PHONY: deps build release test test-postgres bench-store demo demo-iow bench bench-streets check-memory clean simulate-stops validate-police-uk fuzz fuzz-short privacy-scan

deps:
	@bash tools/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product patrol

# The PostgreSQL store tests run when PATROL_TEST_PG names a server; otherwise they report that they were skipped.
test: deps
	$(SWIFT) test

# make test with a throwaway PostgreSQL cluster (needs postgresql and postgresql-15-postgis-3), stopped afterwards.
test-postgres: deps
	@trap 'bash tools/pg-test-cluster.sh stop' EXIT; \
	PATROL_TEST_PG="$$(bash tools/pg-test-cluster.sh start)" $(SWIFT) test

# 100,000 generated stops: import and hotspots, SQLite beside PostgreSQL (a benchmark, not a test).
bench-store: deps
	bash tools/bench-store.sh

# Tomorrow's sweep of Southampton's routable patches (the 2018 car network of the centre and Shirley).
demo: release
	@echo "Southampton: a car-only network from 2018 (SUMO, from OpenStreetMap), so no alleyways or footpaths;"
	@echo "Lordshill, Coxford and Millbrook wait for a Hampshire OpenStreetMap extract."
	$(RELEASE_BIN) validate --data geodata/southampton
	$(RELEASE_BIN) plan --data geodata/southampton --out out
	@echo "Open out/plan.geojson in geojson.io or QGIS; print out/runsheet.html (or read out/runsheet.md); load out/<pair>.gpx in the car; open out/<pair>-phone.html on a phone in the car."

# The same on the Isle of Wight, with full OpenStreetMap detail (footpaths, names).
demo-iow: release
	$(RELEASE_BIN) validate --data geodata/isle-of-wight
	$(RELEASE_BIN) plan --data geodata/isle-of-wight --out out/isle-of-wight

# AddressSanitizer with leak detection over the Geo and OSM tests. XCTest leaks a few bytes at start-up,
# so its library is suppressed; everything of ours is still checked.
check-memory: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp ASAN_OPTIONS=detect_leaks=1 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan --filter 'BaseTests|GeoTests|OSMTests'

clean:
	rm -rf .build .build-asan out

# Streets benchmark (JSON lines): load a streets.geojson (default geodata/isle-of-wight/streets.geojson, or a
# synthetic city of the same size), 1,000 random shortest paths, and a grid city of a million edges.
bench-streets: deps
	$(SWIFT) build -c release --product streets-bench
	.build/release/streets-bench $(STREETS)

# An illustrative, generated stop history for the area (needs geodata/$(AREA)/hotspots.geojson).
AREA ?= southampton
simulate-stops:
	python3 tools/simulate-stops --area $(AREA)

# PAI of the KDE, Gi* and count maps on real police.uk points (Feb-May map, Jun-Jul events).
validate-police-uk: release
	python3 tools/validate-police-uk

# Solvers on the published instances in bench/ (see its README); one JSON line each. Then the budgeted
# sweep against its exhaustive optimum on generated Southampton instances (about 35 s).
bench: deps
	$(SWIFT) build -c release --product patrol-bench
	.build/release/patrol-bench urpp bench/urpp/UR* --check
	.build/release/patrol-bench tsp bench/tsp/*.tsp --check
	.build/release/patrol-bench op bench/op/*.txt --check
	.build/release/patrol-bench budgeted --instances 50 --seed 1 --max-groups 12

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
