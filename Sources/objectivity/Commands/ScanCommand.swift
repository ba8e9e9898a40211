import ArgumentParser
import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityReports

/// `objectivity scan PATH… --out DIR`: analyses every sitting found in the inputs.
///
/// Writes `DIR/sittings.jsonl` (region-level bunching at every cut, with bootstrap
/// standard errors), `DIR/units.jsonl` (every unit, ranked by risk) and `DIR/alerts.jsonl`
/// (units at `medium` and `high`, with a Russian explanation). Exit status 0 when it ran,
/// whatever it found.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Analyses input files or directories; writes DIR/units.jsonl, DIR/alerts.jsonl, DIR/sittings.jsonl and DIR/clusters.jsonl.")

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @Option(help: "Directory for the outputs (created if missing).")
    var out: String

    @Option(help: "Seed of the bootstrap; the same seed gives the same figures.")
    var seed: UInt64 = 1

    @Option(help: "How many units of the ranking to print.")
    var top = 10

    @Flag(help: "Print the wall time of each stage (read, analyse, write) to standard error.")
    var timings = false

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        ScanMemoryPolicy.apply()
        // Timed from the listing on: a national inbox of 213,229 files takes seconds to walk.
        var timer = StageTimer()
        let files = InputPaths.expand(paths)
        guard !files.isEmpty else { throw ValidationError("Укажите файлы или каталоги с таблицами: входных файлов не найдено.") }
        let progress = ScanProgress(totalFiles: files.count)
        let models = try modelOptions.load()
        timer.lap("list \(files.count) files, load models")
        var inputs = Self.load(files, models: models, progress: progress, timer: &timer)
        timer.lap("ГИА sittings and the ВПР sittings' contexts")
        let rejected = inputs.rejected, contexts = inputs.contexts, vprSittings = inputs.vprSittings
        // Each analysis takes its sitting out of the box, which holds the only other
        // reference: once the outputs no longer need the works, they can be let go.
        let sittings = OrderedResults<Sitting>(count: inputs.sittings.count)
        for (i, sitting) in inputs.sittings.enumerated() { sittings.store(sitting, at: i) }
        // Sittings are independent: both cores work on them (BLAS stays single-threaded),
        // the largest started first so that no core is left alone with one at the end.
        let sizes = inputs.sittings.map(\.works.count)
        inputs.sittings = []
        let results = OrderedResults<SittingAnalysis>(count: contexts.count)
        let seed = self.seed
        LargestFirst.perform(sizes: sizes) { i in
            var analysis = SittingAnalysis(sitting: sittings.take(at: i), context: contexts[i], seed: seed)
            analysis.releaseAnalysedColumns()
            results.store(analysis, at: i)
            progress.sittingAnalysed(of: contexts.count)
        }
        var analyses = results.take()
        timer.lap("analyse \(vprSittings) ВПР and \(contexts.count - vprSittings) ГИА sittings")
        progress.stage("анализ по годам: динамика, когорты, устойчивость")
        let keys = analyses.map(\.sitting.key)
        for a in analyses.indices where !CrossYearAnalysis.readsParticipantCodes(of: keys[a], among: keys) {
            analyses[a].releaseParticipantCodes()
        }
        CrossYearAnalysis.apply(to: &analyses)
        timer.lap("across years")
        progress.stage("запись результатов")
        progress.finish()  // the report on standard output starts on a line of its own
        var sittingRecords: [SittingRecord] = []
        print("Бунчинг на границах отметок (весь регион):")
        for analysis in analyses {
            let cuts = analysis.bunching.map { CutBunchingRecord(mark: $0.mark, estimate: $0.estimate) }
            sittingRecords.append(SittingRecord(sitting: analysis.sitting, cuts: cuts))
            let parts = cuts.map { c in
                String(format: "«%d» с %d: избыток %.0f ± %.0f (z = %.1f)", c.mark, c.cut, c.excessMass, c.standardError, c.z)
            }
            print("  \(analysis.sitting.key), работ \(analysis.sitting.works.count): " + parts.joined(separator: "; "))
        }
        // Nothing below reads a work (explanations need the scales, the lines the results):
        // the works go before the outputs are formatted, which reuse their memory.
        for a in analyses.indices { analyses[a].releaseWorks() }
        // The ranking as positions (sitting, unit): every unit is written from where it lies,
        // one line at a time, so no second copy of the results is ever built.
        var ranking: [(score: Double, school: String, analysis: Int, unit: Int)] = []
        ranking.reserveCapacity(analyses.reduce(0) { $0 + $1.units.count })
        for (a, analysis) in analyses.enumerated() {
            for (u, unit) in analysis.units.enumerated() { ranking.append((unit.riskScore, unit.school, a, u)) }
        }
        ranking.sort { ($0.score, $1.school) > ($1.score, $0.school) }
        let analysed = analyses
        let alerts = ranking.filter { analysed[$0.analysis].units[$0.unit].riskLevel >= .medium }.map { place in
            (place, UnitExplanation.text(for: analysed[place.analysis].units[place.unit], sitting: analysed[place.analysis].sitting))
        }
        timer.lap("rank \(ranking.count) units, explain \(alerts.count) alerts")
        let directory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFileWriter.write(JSONLines.encode(sittingRecords), to: directory.appendingPathComponent("sittings.jsonl"))
        try AtomicFileWriter.write(JSONLines.encode(analyses.flatMap(ClusterRecord.records(for:))),
                                   to: directory.appendingPathComponent("clusters.jsonl"))
        let places = ranking.map { (analysis: $0.analysis, unit: $0.unit) }
        try AtomicFileWriter.write(pieces: ParallelPieces(places) { place, piece in
            UnitLineWriter.append(analysed[place.analysis].units[place.unit], to: piece)
        }, to: directory.appendingPathComponent("units.jsonl"))
        try AtomicFileWriter.write(pieces: alerts.lazy.map { place, explanation in
            UnitLineWriter.line(analysed[place.analysis].units[place.unit], explanation: explanation)
        }, to: directory.appendingPathComponent("alerts.jsonl"))
        var counts: [RiskLevel: Int] = [:]
        for place in ranking { counts[analysed[place.analysis].units[place.unit].riskLevel, default: 0] += 1 }
        print("")
        print("Единиц анализа: \(ranking.count); риск высокий: \(counts[.high] ?? 0), средний: \(counts[.medium] ?? 0), низкий: \(counts[.low] ?? 0)")
        print("Начало рейтинга:")
        for place in ranking.prefix(top) {
            let a = place.analysis, unit = analysed[a].units[place.unit]
            let fired = unit.indicators.filter(\.fired).map(\.family)
            print(String(format: "  %.4f %@ %@ %@, работ %d: %@", unit.riskScore, unit.riskLevel.rawValue, unit.school,
                         analyses[a].sitting.key.description, unit.works, fired.joined(separator: ", ")))
        }
        print("Файлов: \(files.count), отклонено: \(rejected.count); записано: \(out)/units.jsonl, alerts.jsonl, sittings.jsonl, clusters.jsonl")
        timer.lap("write outputs")
        if timings { FileHandle.standardError.write(Data(timer.report.utf8)) }
        // Everything is written. A country's results are millions of objects, and releasing
        // them one by one on the way out kept a core busy for over a second after the last
        // output: the process ends here (exit(3) flushes standard output), and the kernel
        // takes its memory back at once.
        Foundation.exit(EXIT_SUCCESS)
    }

    /// Reads `files` and keeps only what the analysis needs: the sittings (ВПР first, then
    /// ГИА) with their contexts, and the rejected files' reports. The batch's reports of
    /// every file and the raw ГИА tables end here, before the analysis starts (at national
    /// size they held about a gigabyte until the outputs were written).
    private static func load(_ files: [String], models: ReferenceModels, progress: ScanProgress, timer: inout StageTimer) -> ScanInputs {
        let batch = InputBatch(paths: files, reader: InputFileReader(models: models), progress: progress.fileRead)
        timer.lap("read \(files.count) files, \(batch.sittings.values.reduce(0) { $0 + $1.works.count }) works")
        var registry: [SchoolRecord] = []
        var gia: [GIAResults] = []
        for report in batch.reports {
            switch report.content {
            case .schoolRegistry(let file): registry += file.schools
            case .giaResults(let file): gia.append(file.results)
            default: break
            }
        }
        let vpr = batch.sittings.keys.sorted().map { batch.sittings[$0]! }
        // ГИА sittings after the ВПР ones: the same analysis, their own indicators.
        let builder = GIASittingBuilder(minimums: models.giaMinimums, scales: models.scales,
                                        municipalityOfSchool: Dictionary(registry.map { ($0.login, $0.municipality) },
                                                                         uniquingKeysWith: { first, _ in first }))
        // The ВПР contexts read the ГИА tables (each distinct summary once, on all cores),
        // and the ГИА sittings are built from them too: the two side by side (built before
        // the contexts, alone, the sittings held a core idle for half a second at national
        // size).
        let made = OrderedResults<[SittingContext]>(count: 1), built = OrderedResults<[Sitting]>(count: 1)
        let tables = gia, schools = registry, keys = vpr.map(\.key)
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                built.store(builder.sittings(from: tables), at: 0)
            } else {
                made.store(SittingContext.contexts(for: keys, registry: schools, gia: tables), at: 0)
            }
        }
        let giaSittings = built.take(at: 0)
        let contexts = made.take(at: 0) + giaSittings.map { _ in SittingContext() }
        let inputs = ScanInputs(sittings: vpr + giaSittings, contexts: contexts, vprSittings: vpr.count,
                                rejected: batch.reports.filter { $0.error != nil })
        // The reports (their sittings' works are already in `vpr`) go while the analysis starts.
        BackgroundRelease.release(consume batch)
        return inputs
    }
}
