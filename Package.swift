// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "patrol",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "SUMO", targets: ["SUMO"]),
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
        .target(
            name: "Geo",
            dependencies: ["CProj", "CGEOS"]
        ),
        .target(
            name: "SUMO",
            dependencies: ["Geo"]
        ),
        .target(
            name: "Planner",
            dependencies: ["Geo"]
        ),
        .executableTarget(
            name: "patrol",
            dependencies: [
                "Geo",
                "Planner",
                "SUMO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GeoTests",
            dependencies: ["Geo"]
        ),
        .testTarget(
            name: "SUMOTests",
            dependencies: ["SUMO", "Geo"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["Planner", "Geo"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
