// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "patrol",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "Solvers", targets: ["Solvers"]),
        .executable(name: "patrol-bench", targets: ["patrol-bench"]),
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
        .executableTarget(
            name: "patrol",
            dependencies: [
                "Geo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GeoTests",
            dependencies: ["Geo"]
        ),
        .target(
            name: "Solvers",
            dependencies: [
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "patrol-bench",
            dependencies: [
                "Solvers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/bench"
        ),
        .testTarget(
            name: "SolversTests",
            dependencies: ["Solvers"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
