// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "patrol",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "OSM", targets: ["OSM"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
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
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Geo",
            dependencies: ["CProj", "CGEOS"]
        ),
        .target(
            name: "OSM",
            dependencies: ["Geo", "CZlib"]
        ),
        .target(
            name: "Planner",
            dependencies: ["Geo"]
        ),
        .executableTarget(
            name: "patrol",
            dependencies: [
                "Geo",
                "OSM",
                "Planner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GeoTests",
            dependencies: ["Geo"]
        ),
        .testTarget(
            name: "OSMTests",
            dependencies: ["OSM", "Geo"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["Planner", "Geo"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
