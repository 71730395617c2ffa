// swift-tools-version:6.0
// libFuzzer harnesses, one executable per parser. Kept out of the main package because libFuzzer
// brings its own `main`: a plain `swift build` of patrol must never link these.
//
//   flock /tmp/patrol-swift.lock swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
//
// `make fuzz` and `make fuzz-short` in the repository root build and run them (tools/fuzz.sh).
import PackageDescription

let package = Package(
    name: "patrol-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "patrol", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzGeoJSON",
            dependencies: [.product(name: "Geo", package: "patrol")]
        ),
        .target(
            name: "StopFuzzing",
            dependencies: [.product(name: "Hotspots", package: "patrol"), .product(name: "Geo", package: "patrol")]
        ),
        .executableTarget(name: "FuzzStopCSV", dependencies: ["StopFuzzing"]),
        .executableTarget(name: "FuzzPoliceUKCSV", dependencies: ["StopFuzzing"]),
        .executableTarget(
            name: "FuzzPairs",
            dependencies: [.product(name: "Planner", package: "patrol"), .product(name: "Geo", package: "patrol")]
        ),
        .executableTarget(
            name: "FuzzSUMO",
            dependencies: [
                .product(name: "SUMO", package: "patrol"), .product(name: "Geo", package: "patrol"),
                .product(name: "Base", package: "patrol"),
            ]
        ),
        .executableTarget(
            name: "FuzzPBF",
            dependencies: [.product(name: "OSM", package: "patrol")]
        ),
        .executableTarget(
            name: "FuzzOSMXML",
            dependencies: [.product(name: "OSM", package: "patrol")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
