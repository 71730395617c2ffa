// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "patrol",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "Streets", targets: ["Streets"]),
        .executable(name: "streets-bench", targets: ["streets-bench"]),
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
            name: "Streets",
            dependencies: [
                "Geo",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "streets-bench",
            dependencies: ["Streets", "Geo"],
            path: "tools/streets-bench"
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
        .testTarget(
            name: "StreetsTests",
            dependencies: ["Streets", "Geo"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
