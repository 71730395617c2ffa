SWIFT ?= swift
RELEASE_BIN = .build/release/patrol

.PHONY: deps build release test test-postgres bench-store demo check-memory clean simulate-stops validate-police-uk

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
