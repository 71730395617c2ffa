// swift-tools-version:6.0
// libFuzzer harnesses, in their own package so a plain `swift build` of patrol never links them.
// Build and run: see tools/fuzz-pbf.sh.
import PackageDescription

let package = Package(
    name: "PatrolFuzz",
    dependencies: [
        .package(name: "patrol", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzPBF",
            dependencies: [.product(name: "OSM", package: "patrol")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
