// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "patrol",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "Hotspots", targets: ["Hotspots"]),
        .library(name: "Planner", targets: ["Planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .target(
            name: "Geo",
            dependencies: ["CProj", "CGEOS"]
        ),
        .target(
            name: "Hotspots",
            dependencies: ["Geo", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Planner",
            dependencies: ["Geo"]
        ),
        .executableTarget(
            name: "patrol",
            dependencies: [
                "Geo",
                "Hotspots",
                "Planner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GeoTests",
            dependencies: ["Geo"]
        ),
        .testTarget(
            name: "HotspotsTests",
            dependencies: ["Hotspots", "Geo", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Writes a large file through AtomicFile, for the interrupted-write test to kill mid-write.
        .executableTarget(
            name: "atomic-write-probe",
            dependencies: ["Geo"],
            path: "Tests/AtomicWriteProbe"
        ),
        .testTarget(
            name: "PatrolCLITests",
            dependencies: ["Geo"]
        ),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["Planner", "Geo"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
