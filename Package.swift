// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode with strict concurrency.
let strictSwift: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "objectivity",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "objectivity", targets: ["objectivity"]),
        .library(name: "ObjectivityCore", targets: ["ObjectivityCore"]),
        .library(name: "ObjectivityIngest", targets: ["ObjectivityIngest"]),
        .library(name: "ObjectivityReports", targets: ["ObjectivityReports"]),
        .library(name: "ObjectivitySimulation", targets: ["ObjectivitySimulation"]),
        .library(name: "ObjectivityTesting", targets: ["ObjectivityTesting"]),
        .library(name: "ObjectivityService", targets: ["ObjectivityService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        // System libraries: module maps over one-line shims, nothing else.
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CLAPACKE", pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(
            name: "CRmath", pkgConfig: "libRmath",
            providers: [.apt(["r-mathlib"])]),
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        // glibc's mallopt (malloc.h), for the scan's memory policy; nothing to install.
        .systemLibrary(name: "CMalloc"),

        // The pure statistical core: arrays in, numbers out; no files, no clocks.
        .target(
            name: "ObjectivityCore",
            dependencies: ["COpenBLAS", "CLAPACKE", "CRmath"],
            swiftSettings: strictSwift),
        // Readers for every input of FORMATS.md.
        .target(
            name: "ObjectivityIngest",
            dependencies: [
                "ObjectivityCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSwift),
        // Writers of what people and other tools receive.
        .target(
            name: "ObjectivityReports",
            dependencies: ["ObjectivityCore", "CXLSXWriter"],
            swiftSettings: strictSwift),
        // The synthetic region with known manipulations.
        .target(
            name: "ObjectivitySimulation",
            dependencies: ["ObjectivityCore", "ObjectivityIngest", "ObjectivityReports"],
            swiftSettings: strictSwift),
        // The daemon: inbox, claiming, the store, scheduling, systemd notify.
        .target(
            name: "ObjectivityService",
            dependencies: [
                "ObjectivityCore", "ObjectivityIngest", "ObjectivityReports",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSwift),
        // The command line, thin.
        .executableTarget(
            name: "objectivity",
            dependencies: [
                "ObjectivityCore", "ObjectivityIngest", "ObjectivityReports", "ObjectivitySimulation", "ObjectivityService", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift),

        // Test helpers shared by the test targets: fixture paths, temporary directories.
        .target(
            name: "ObjectivityTesting",
            dependencies: ["ObjectivityIngest", "ObjectivityCore"],
            swiftSettings: strictSwift),

        .testTarget(
            name: "ObjectivityCoreTests",
            dependencies: ["ObjectivityCore", "ObjectivityTesting"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "ObjectivityIngestTests",
            dependencies: ["ObjectivityIngest", "ObjectivityCore", "ObjectivityTesting"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "ObjectivityReportsTests",
            dependencies: ["ObjectivityReports", "ObjectivityIngest", "ObjectivityCore", "ObjectivityTesting"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "ObjectivitySimulationTests",
            dependencies: ["ObjectivitySimulation", "ObjectivityIngest", "ObjectivityCore", "ObjectivityTesting"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "ObjectivityServiceTests",
            dependencies: ["ObjectivityService", "ObjectivitySimulation", "ObjectivityIngest", "ObjectivityCore", "ObjectivityTesting",
                           // FaultTests lock the store from outside, as an operator's session would.
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSwift),
        .testTarget(
            name: "ObjectivityCLITests",
            dependencies: ["objectivity", "ObjectivityTesting"],
            swiftSettings: strictSwift),
    ]
)
