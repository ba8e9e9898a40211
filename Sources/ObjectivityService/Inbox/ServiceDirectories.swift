public import Foundation

/// The daemon's on-disk layout under its state directory (DESIGN.md), all on one
/// filesystem so that every move is an atomic rename.
public struct ServiceDirectories: Sendable, Equatable {
    public let root: URL
    /// Uploaders write `NAME.part` (or `.NAME`) here, then rename to `NAME`.
    public var inbox: URL { root.appendingPathComponent("inbox") }
    /// Claimed files; what is left here at start-up was claimed before a crash.
    public var processing: URL { root.appendingPathComponent("processing") }
    /// Accepted inputs, by content hash.
    public var archive: URL { root.appendingPathComponent("archive") }
    /// Inputs whose content was already seen.
    public var duplicates: URL { archive.appendingPathComponent("duplicates") }
    /// Inputs that could not be used, each with `NAME.error.txt`.
    public var rejected: URL { root.appendingPathComponent("rejected") }
    /// Alerts, one JSON file per alert id, and the current state of every unit.
    public var alerts: URL { out.appendingPathComponent("alerts") }
    /// Everything written for people and other tools; `root/out` unless given.
    public let out: URL
    public var database: URL { root.appendingPathComponent("state.sqlite") }

    /// - Parameter out: where the outputs go (`objectivity report --out`); `root/out` when nil.
    public init(root: URL, out: URL? = nil) {
        self.root = root
        self.out = out ?? root.appendingPathComponent("out")
    }

    /// Creates every directory that is missing (the inbox setgid where the process may).
    public func create() throws {
        for directory in [inbox, processing, archive, duplicates, rejected, alerts, out.appendingPathComponent("summaries")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    /// Removes the temporary dot-files a crash left behind mid-write (outputs are written
    /// to `.NAME.tmp-PID`, then renamed): nobody ever read them, and the next run rewrites
    /// whatever they were to become.
    public func removeStaleTemporaries() {
        for directory in [out, alerts, out.appendingPathComponent("summaries"), out.appendingPathComponent("lists"),
                          out.appendingPathComponent("recheck"), archive, rejected] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
    }
}
