public import Foundation
public import ObjectivityCore
internal import ObjectivityReports

/// Keeps `out/recheck/` in step with the analysis: one list per municipality, year,
/// subject and grade with flagged units, rewritten only when its content changed, and
/// lists with nothing left to recheck removed.
public struct RecheckPublisher: Sendable {
    public let directory: URL
    public let seed: UInt64
    /// CSV bytes of every list written, by base name.
    private var written: [String: [UInt8]] = [:]

    public init(directories: ServiceDirectories, seed: UInt64) {
        directory = directories.out.appendingPathComponent("recheck")
        self.seed = seed
    }

    /// Writes the lists of `analyses`; returns how many files changed.
    @discardableResult
    public mutating func publish(_ analyses: [SittingAnalysis]) throws -> Int {
        var current: [String: [UInt8]] = [:], changed = 0
        for analysis in analyses {
            for list in RecheckList.lists(for: analysis, seed: seed) {
                let base = RecheckListWriter.baseName(list)
                let bytes = RecheckListWriter.csv(list)
                current[base] = bytes
                guard written[base] != bytes else { continue }
                try RecheckListWriter.write(list, into: directory)
                changed += 1
            }
        }
        for base in written.keys where current[base] == nil {
            for ext in ["csv", "xlsx"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(base).\(ext)")) }
            changed += 1
        }
        written = current
        return changed
    }
}
