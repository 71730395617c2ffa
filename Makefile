SWIFT ?= swift
RELEASE_BIN = .build/release/patrol

.PHONY: deps build release test demo check-memory clean simulate-stops validate-police-uk

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

# AddressSanitizer with leak detection over the Geo and OSM tests. XCTest leaks a few bytes at start-up,
# so its library is suppressed; everything of ours is still checked.
check-memory: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp ASAN_OPTIONS=detect_leaks=1 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan --filter 'GeoTests|OSMTests'

clean:
	rm -rf .build .build-asan out

# An illustrative, generated stop history for the area (needs geodata/$(AREA)/hotspots.geojson).
AREA ?= southampton
simulate-stops:
	python3 tools/simulate-stops --area $(AREA)

# PAI of the KDE, Gi* and count maps on real police.uk points (Feb-May map, Jun-Jul events).
validate-police-uk: release
	python3 tools/validate-police-uk
