// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer harness lives in its own package so that `swift build` and `swift test` at
// the root never build it: it only links with `-sanitize=fuzzer` (scripts/fuzz.sh).
let package = Package(
    name: "objectivity-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "objectivity", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ObjectivityFuzz",
            dependencies: [
                .product(name: "ObjectivityIngest", package: "objectivity"),
                .product(name: "ObjectivityTesting", package: "objectivity"),
            ],
            path: "Sources/ObjectivityFuzz",
            swiftSettings: [.swiftLanguageMode(.v6)],
            // gold aborts (an internal error in its DWARF reader) on this link; lld links it.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]),
    ]
)
