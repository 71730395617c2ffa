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
        .library(name: "Base", targets: ["Base"]),
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

        // What several modules share: CSV reading, atomic writes, a seeded generator, strongly connected
        // components, user-facing errors and exit codes. Foundation only. Optimised in debug builds too,
        // since the street graph's components and the solvers' random draws run through it.
        .target(name: "Base", swiftSettings: optimisedInDebug),

        // Geo core: PROJ and GEOS owners, GeoJSON.
        .target(name: "Geo", dependencies: ["Base", "CProj", "CGEOS"]),

        // Pure optimisation on plain arrays: matching, postman, TSP, orienteering.
        .target(
            name: "Solvers",
            dependencies: [
                "Base",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: optimisedInDebug
        ),

        // The road graph, snapping, shortest paths, turns.
        .target(
            name: "Streets",
            dependencies: ["Base", "Geo", .product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: optimisedInDebug
        ),

        // Importers: SUMO road networks (the OSM importer sits beside it).
        .target(name: "SUMO", dependencies: ["Base", "Geo"]),
        .target(name: "OSM", dependencies: ["Base", "Geo", "CZlib"]),

        // Maps of a plan and its hotspots: SVG drawn by our own code, PNG through rsvg-convert, HTML.
        .target(name: "MapRender", dependencies: ["Base", "Geo"]),

        // Stops, their store (SQLite through GRDB, PostgreSQL through libpq), weights, heat maps, review.
        .target(name: "Hotspots", dependencies: ["Base", "Geo", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]),

        // Patches, pairs, assignment, the day plan and its exports.
        .target(name: "Planner", dependencies: ["Base", "Geo", "Streets", "Solvers", "Hotspots"], swiftSettings: optimisedInDebug),

        .executableTarget(
            name: "patrol",
            dependencies: [
                "Base", "Geo", "Hotspots", "Planner", "Streets", "SUMO", "OSM", "MapRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks and tools (not the product).
        .executableTarget(name: "streets-bench", dependencies: ["Base", "Streets", "Geo"], path: "tools/streets-bench"),
        .executableTarget(
            name: "patrol-bench",
            dependencies: ["Solvers", "Planner", "Streets", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "tools/bench"
        ),

        .testTarget(name: "BaseTests", dependencies: ["Base"]),
        .testTarget(name: "GeoTests", dependencies: ["Base", "Geo"]),
        .testTarget(name: "SolversTests", dependencies: ["Base", "Solvers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StreetsTests", dependencies: ["Base", "Streets", "Geo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HotspotsTests", dependencies: ["Base", "Hotspots", "Geo", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MapRenderTests", dependencies: ["Base", "MapRender", "Geo", "CZlib"]),
        .testTarget(name: "OSMTests", dependencies: ["Base", "OSM", "Geo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SUMOTests", dependencies: ["SUMO", "Geo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlannerTests", dependencies: ["Base", "Planner", "Geo"]),
        // Writes a large file through AtomicFile, for the interrupted-write test to kill mid-write.
        .executableTarget(name: "atomic-write-probe", dependencies: ["Base"], path: "Tests/AtomicWriteProbe"),
        .testTarget(name: "PatrolCLITests", dependencies: ["Base"]),
    ],
    swiftLanguageModes: [.v6]
)
