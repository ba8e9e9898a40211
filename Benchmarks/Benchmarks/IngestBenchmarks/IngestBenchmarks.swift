import Benchmark
import Foundation
import ObjectivityIngest
import ObjectivityTesting

/// CSV ingest of a region-sized Ф1 export: bytes in memory → validated columns.
///
/// Throughput is reported per run of one million works; MB/s = file size ÷ wall time
/// (the file size is printed once at start-up).
let benchmarks: @Sendable () -> Void = {
    let works = 1_000_000
    let bytes = SyntheticExport.csv(works: works)
    let models = ReferenceModels.locateDirectory(explicit: nil).flatMap { try? ReferenceModels.load(directory: $0) }
        ?? ReferenceModels()
    let reader = InputFileReader(models: models)
    print("ingest input: \(works) works, \(bytes.count) bytes (\(String(format: "%.1f", Double(bytes.count) / 1e6)) MB)")

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 10)

    Benchmark("CSV ingest, 1M works (parse + validate into columns)") { benchmark in
        for _ in benchmark.scaledIterations {
            let report = reader.read(bytes: bytes, name: SyntheticExport.fileName)
            guard case .vprResults(let file) = report.content, file.batch.works.count == works else {
                fatalError("benchmark input did not read: \(String(describing: report.error))")
            }
            blackHole(file)
        }
    }
}
