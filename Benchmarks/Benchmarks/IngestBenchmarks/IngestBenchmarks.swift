import Benchmark
import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityTesting

/// CSV ingest of a region-sized Ф1 export: bytes in memory → validated columns.
///
/// Throughput is reported per run of one million works; MB/s = file size ÷ wall time
/// (the file size is printed once at start-up).
let benchmarks: @Sendable () -> Void = {
    let works = 1_000_000
    guard let directory = ReferenceModels.locateDirectory(explicit: nil),
          let models = try? ReferenceModels.load(directory: directory),
          let scale = models.scales.scale(for: SittingKey(year: 2025, subject: "Математика", grade: 5)) else {
        fatalError("models/scales.csv (found beside the build folder or via OBJECTIVITY_MODELS) must hold ВПР 2025 Математика 5")
    }
    let bytes = SyntheticExport.csv(works: works, scale: scale)
    let reader = InputFileReader(models: models)
    print("ingest input: \(works) works, \(bytes.count) bytes (\(String(format: "%.1f", Double(bytes.count) / 1e6)) MB)")
    // Resident memory before the first read: the input and the runtime. Peak RSS minus this
    // is what the reader itself needs; compare it with the columnar size printed below.
    print("resident before reading: \(residentMegabytes()) MB")
    let sample = reader.read(bytes: bytes, name: SyntheticExport.fileName)
    if case .vprResults(let file) = sample.content {
        print("columnar size: \(file.batch.works.byteSize / 1_000_000) MB")
    }

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

/// Resident set size of this process in megabytes, from /proc/self/statm.
func residentMegabytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
}
