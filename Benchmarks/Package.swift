// swift-tools-version: 6.1
import PackageDescription

/// One benchmark executable over the given libraries of the root package.
func benchmarkTarget(_ name: String, using libraries: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + libraries.map { .product(name: $0, package: "objectivity") },
        path: "Benchmarks/\(name)",
        swiftSettings: [.swiftLanguageMode(.v6)],
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
}

// Benchmarks live in their own package so that `swift test` at the root never builds them.
let package = Package(
    name: "objectivity-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "objectivity", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("AnalysisBenchmarks", using: ["ObjectivityCore", "ObjectivityIngest", "ObjectivityTesting"]),
        benchmarkTarget("IngestBenchmarks", using: ["ObjectivityCore", "ObjectivityIngest", "ObjectivitySimulation", "ObjectivityTesting"]),
        benchmarkTarget("IndicatorBenchmarks",
                        using: ["ObjectivityCore", "ObjectivityIngest", "ObjectivityReports", "ObjectivitySimulation", "ObjectivityTesting"]),
        benchmarkTarget("ServiceBenchmarks",
                        using: ["ObjectivityCore", "ObjectivityService", "ObjectivitySimulation", "ObjectivityTesting"]),
    ]
)
