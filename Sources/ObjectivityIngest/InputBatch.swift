public import Foundation
public import ObjectivityCore

/// Many input files read together: the report of each, and the ВПР works joined into one
/// columnar sitting per (year, subject, grade).
public struct InputBatch: Sendable {
    /// One report per file, in the order read. Unless the batch was made `keepingWorks`,
    /// the ВПР reports' works are dropped once they are in their sitting (their schools,
    /// classes and tasks stay): a national run would otherwise hold every work twice.
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
    public init(files: [URL], reader: InputFileReader, keepingWorks: Bool = false,
                progress: (@Sendable (InputFileReport) -> Void)? = nil) {
        self.init(paths: files.map(\.path), reader: reader, keepingWorks: keepingWorks, progress: progress)
    }

    /// ``init(files:reader:keepingWorks:progress:)`` for files given by their paths.
    public init(paths files: [String], reader: InputFileReader, keepingWorks: Bool = false,
                progress: (@Sendable (InputFileReport) -> Void)? = nil) {
        let read = OrderedResults<InputFileReport>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let report = reader.read(path: files[i])
            progress?(report)
            read.store(report, at: i)
        }
        var reports = read.take()
        var assemblers: [SittingKey: SittingAssembler] = [:]
        var mismatched: [String] = []
        for index in reports.indices {
            guard case .vprResults(var file) = reports[index].content else { continue }
            // Added in place: a copy taken out of the dictionary would share the batch
            // list and copy all of it on every file (quadratic in files per sitting).
            do {
                try assemblers[file.key, default: SittingAssembler(key: file.key)].add(file.batch)
            } catch {
                mismatched.append(reports[index].file)
            }
            if !keepingWorks {
                file.batch.works = WorkColumns(taskCount: file.batch.tasks.count)
                reports[index].outcome = .success(.vprResults(file))
            }
        }
        self.reports = reports
        // Sittings assembled on all cores, each one's batches let go as soon as it is built.
        let keys = assemblers.keys.sorted()
        let pending = OrderedResults<SittingAssembler>(count: keys.count)
        for (i, key) in keys.enumerated() { pending.store(assemblers.removeValue(forKey: key)!, at: i) }
        let built = OrderedResults<Sitting>(count: keys.count)
        DispatchQueue.concurrentPerform(iterations: keys.count) { i in
            built.store(Self.sitting(from: pending.take(at: i), models: reader.models), at: i)
        }
        self.sittings = Dictionary(uniqueKeysWithValues: zip(keys, built.take()))
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
