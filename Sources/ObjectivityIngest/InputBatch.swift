public import Foundation
public import ObjectivityCore

/// Many input files read together: the report of each, and the ВПР works joined into one
/// columnar sitting per (year, subject, grade).
public struct InputBatch: Sendable {
    /// One report per file, in the order read.
    public var reports: [InputFileReport]
    /// The sittings, each with the scale in force: the known one from `models/`, else the
    /// one derived from all its works together.
    public var sittings: [SittingKey: Sitting]
    /// Files whose task columns differ from the other files of their sitting, and so were
    /// left out of it.
    public var mismatched: [String]

    /// Reads `files` with `reader`, several files at a time on the machine's cores; the
    /// files join their sittings in the order given, so the result does not depend on
    /// which file finished first. `progress`, if given, hears of every file as it is read
    /// (from any thread).
    public init(files: [URL], reader: InputFileReader, progress: (@Sendable (InputFileReport) -> Void)? = nil) {
        let read = OrderedResults<InputFileReport>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let report = reader.read(url: files[i])
            progress?(report)
            read.store(report, at: i)
        }
        let reports = read.ordered
        var assemblers: [SittingKey: SittingAssembler] = [:]
        var mismatched: [String] = []
        for report in reports {
            guard case .vprResults(let file) = report.content else { continue }
            var assembler = assemblers[file.key] ?? SittingAssembler(key: file.key)
            do {
                try assembler.add(file.batch)
                assemblers[file.key] = assembler
            } catch {
                mismatched.append(report.file)
            }
        }
        self.reports = reports
        self.sittings = assemblers.mapValues { Self.sitting(from: $0, models: reader.models) }
        self.mismatched = mismatched
    }

    /// The assembled sitting with the scale in force: the known one from `models/`, else
    /// the one its works show (the lowest score seen with each mark).
    public static func sitting(from assembler: SittingAssembler, models: ReferenceModels) -> Sitting {
        var sitting = assembler.assemble(scale: MarkScale(cut3: nil, cut4: nil, cut5: nil))
        sitting.scale = models.scales.scale(for: assembler.key)
            ?? ScaleDerivation(scores: sitting.works.primaryScore, marks: sitting.works.mark, maxScore: sitting.maxScore).scale
        return sitting
    }
}
