// swift-tools-version:6.0
import PackageDescription

// The solvers and the street graph run real optimisation in the tests too: without the optimiser the
// debug test run takes minutes, so these targets are optimised in debug builds as well.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "patrol",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "Hotspots", targets: ["Hotspots"]),
        .library(name: "Streets", targets: ["Streets"]),
        .library(name: "Solvers", targets: ["Solvers"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "SUMO", targets: ["SUMO"]),
        .library(name: "OSM", targets: ["OSM"]),
        .library(name: "MapRender", targets: ["MapRender"]),
        .executable(name: "streets-bench", targets: ["streets-bench"]),
        .executable(name: "patrol-bench", targets: ["patrol-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from Debian, each behind a module map and a shim header.
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // Geo core: PROJ and GEOS owners, GeoJSON.
        .target(name: "Geo", dependencies: ["CProj", "CGEOS"]),

        // Pure optimisation on plain arrays: matching, postman, TSP, orienteering.
        .target(
            name: "Solvers",
            dependencies: [
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: optimisedInDebug
        ),

        // The road graph, snapping, shortest paths, turns.
        .target(
            name: "Streets",
            dependencies: ["Geo", .product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: optimisedInDebug
        ),

        // Importers: SUMO road networks (the OSM importer sits beside it).
        .target(name: "SUMO", dependencies: ["Geo"]),
        .target(name: "OSM", dependencies: ["Geo", "CZlib"]),

        // Maps of a plan and its hotspots: SVG drawn by our own code, PNG through rsvg-convert, HTML.
        .target(name: "MapRender", dependencies: ["Geo"]),

        // Stops, their store (SQLite through GRDB, PostgreSQL through libpq), weights, heat maps, review.
        .target(name: "Hotspots", dependencies: ["Geo", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]),

        // Patches, pairs, assignment, the day plan and its exports.
        .target(name: "Planner", dependencies: ["Geo", "Streets", "Solvers", "Hotspots"], swiftSettings: optimisedInDebug),

        .executableTarget(
            name: "patrol",
            dependencies: [
                "Geo", "Hotspots", "Planner", "Streets", "SUMO", "OSM", "MapRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks and tools (not the product).
        .executableTarget(name: "streets-bench", dependencies: ["Streets", "Geo"], path: "tools/streets-bench"),
        .executableTarget(
            name: "patrol-bench",
            dependencies: ["Solvers", "Planner", "Streets", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "tools/bench"
        ),

        .testTarget(name: "GeoTests", dependencies: ["Geo"]),
        .testTarget(name: "SolversTests", dependencies: ["Solvers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StreetsTests", dependencies: ["Streets", "Geo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HotspotsTests", dependencies: ["Hotspots", "Geo", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MapRenderTests", dependencies: ["MapRender", "Geo", "CZlib"]),
        .testTarget(name: "OSMTests", dependencies: ["OSM", "Geo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SUMOTests", dependencies: ["SUMO", "Geo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Geo"]),
        // Writes a large file through AtomicFile, for the interrupted-write test to kill mid-write.
        .executableTarget(name: "atomic-write-probe", dependencies: ["Geo"], path: "Tests/AtomicWriteProbe"),
        .testTarget(name: "PatrolCLITests", dependencies: ["Geo"]),
    ],
    swiftLanguageModes: [.v6]
)
