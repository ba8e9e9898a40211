// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` at the root never builds them.
let package = Package(
    name: "objectivity-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "objectivity", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AnalysisBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ObjectivityCore", package: "objectivity"),
                .product(name: "ObjectivityIngest", package: "objectivity"),
                .product(name: "ObjectivityTesting", package: "objectivity"),
            ],
            path: "Benchmarks/AnalysisBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "IngestBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ObjectivityCore", package: "objectivity"),
                .product(name: "ObjectivityIngest", package: "objectivity"),
                .product(name: "ObjectivityTesting", package: "objectivity"),
            ],
            path: "Benchmarks/IngestBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "ServiceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ObjectivityCore", package: "objectivity"),
                .product(name: "ObjectivityService", package: "objectivity"),
                .product(name: "ObjectivitySimulation", package: "objectivity"),
                .product(name: "ObjectivityTesting", package: "objectivity"),
            ],
            path: "Benchmarks/ServiceBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
