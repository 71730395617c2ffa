SWIFT ?= swift
RELEASE_BIN = .build/release/patrol

.PHONY: deps build release test demo check-memory clean

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
