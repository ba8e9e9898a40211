import Benchmark
import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivitySimulation
import ObjectivityTesting

/// Ingest: one region-sized Ф1 export, bytes in memory → validated columns (MB/s = file
/// size ÷ wall time, the size printed at start-up); and a simulated region's uploads as
/// they arrive — one file per school or municipality, CSV and XLSX — read from disk
/// (page cache) by InputBatch on both cores and joined into sittings, where the cost per
/// file (header detection, a workbook's archive) counts as much as the rows.
///
/// Regressions: `swift package benchmark thresholds check --target IngestBenchmarks`
/// (names without spaces, which the plugin's threshold files cannot match).
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
        maxIterations: 10,
        thresholds: ingestTolerances.merging([.throughput: .init(relative: [.p90: 60]), .instructions: .init(relative: [.p90: 10])]) { a, _ in a })

    // parse + validate into columns
    Benchmark("csv.one_file_1M_works") { benchmark in
        for _ in benchmark.scaledIterations {
            let report = reader.read(bytes: bytes, name: SyntheticExport.fileName)
            guard case .vprResults(let file) = report.content, file.batch.works.count == works else {
                fatalError("benchmark input did not read: \(String(describing: report.error))")
            }
            blackHole(file)
        }
    }

    for format in [UploadFormat.csv, .xlsx] {
        let uploads = UploadFolder(format: format, models: models)
        print("\(format) uploads: \(uploads.files.count) files, \(uploads.bytes) bytes")
        // Read and joined into sittings, both cores.
        Benchmark("\(format).uploads_\(uploads.schools)_schools",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
                                       warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 20,
                                       thresholds: ingestTolerances)) { benchmark in
            for _ in benchmark.scaledIterations {
                let batch = InputBatch(files: uploads.files, reader: reader)
                precondition(batch.reports.allSatisfy { $0.error == nil }, "an upload did not read")
                blackHole(batch.sittings.count)
            }
        }
    }
}

enum UploadFormat: CustomStringConvertible {
    case csv, xlsx
    var description: String { self == .csv ? "csv" : "xlsx" }
}

/// A simulated region's uploads, all in one format, in a temporary folder kept for the run.
struct UploadFolder {
    let files: [URL]
    let bytes: Int
    let schools: Int

    init(format: UploadFormat, models: ReferenceModels) {
        var configuration = RegionConfiguration()
        configuration.schools = format == .csv ? 2_000 : 300
        configuration.years = [2025]
        configuration.sittings = [SittingSpecification(subject: "Математика", grade: 5), SittingSpecification(subject: "Русский язык", grade: 5)]
        configuration.giaSubjects = []
        configuration.xlsxShare = format == .csv ? 0 : 1
        schools = configuration.schools
        let root = try! Fixtures.temporaryDirectory()
        _ = try! RegionSimulator(configuration: configuration, models: models).run(into: root)
        files = try! FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("inbox"), includingPropertiesForKeys: [.fileSizeKey])
            .filter { ["csv", "xlsx"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        bytes = files.reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
    }
}

/// Resident set size of this process in megabytes, from /proc/self/statm.
func residentMegabytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
}

/// How much worse than the stored p90 a run may be before `thresholds check` fails (time
/// is loose: this VM's consecutive runs differ by up to half on short benchmarks).
var ingestTolerances: [BenchmarkMetric: BenchmarkThresholds] {
    [.wallClock: .init(relative: [.p90: 60]), .cpuTotal: .init(relative: [.p90: 60]),
     .peakMemoryResident: .init(relative: [.p90: 15]), .mallocCountTotal: .init(relative: [.p90: 10])]
}
