import ArgumentParser
import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityReports

/// `objectivity scan PATH… --out DIR`: analyses every sitting found in the inputs.
///
/// Writes `DIR/sittings.jsonl` (region-level bunching at every cut, with bootstrap
/// standard errors). The unit-level indicators and `units.jsonl`/`alerts.jsonl` come with
/// the rest of the detector issue.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Analyses input files or directories and writes DIR/sittings.jsonl (bunching at every mark cut).")

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @Option(help: "Directory for the outputs (created if missing).")
    var out: String

    @Option(help: "Seed of the bootstrap; the same seed gives the same figures.")
    var seed: UInt64 = 1

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let files = InputPaths.expand(paths)
        guard !files.isEmpty else { throw ValidationError("Укажите файлы или каталоги с таблицами: входных файлов не найдено.") }
        let batch = InputBatch(files: files, reader: InputFileReader(models: try modelOptions.load()))
        let rejected = batch.reports.filter { $0.error != nil }
        var records: [SittingRecord] = []
        print("Бунчинг на границах отметок (весь регион):")
        for key in batch.sittings.keys.sorted() {
            let sitting = batch.sittings[key]!
            let cuts = SittingBunching.estimates(for: sitting, seed: seed).map { CutBunchingRecord(mark: $0.mark, estimate: $0.estimate) }
            records.append(SittingRecord(sitting: sitting, cuts: cuts))
            let parts = cuts.map { c in
                String(format: "«%d» с %d: избыток %.0f ± %.0f (z = %.1f)", c.mark, c.cut, c.excessMass, c.standardError, c.z)
            }
            print("  \(key), работ \(sitting.works.count): " + parts.joined(separator: "; "))
        }
        let directory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFileWriter.write(JSONLines.encode(records), to: directory.appendingPathComponent("sittings.jsonl"))
        print("Файлов: \(files.count), отклонено: \(rejected.count); записано: \(out)/sittings.jsonl")
    }
}
