import Foundation
import ObjectivityIngest
import Synchronization

/// What `scan` is doing, on standard error so that standard output stays the report: on a
/// terminal one line rewritten in place (files and works read, sittings analysed, the
/// stage); otherwise plain lines, one per stage and one per tenth of the files, for logs.
final class ScanProgress: Sendable {
    private let interactive: Bool
    private let totalFiles: Int
    private let write: @Sendable (String) -> Void
    // Atomics, not a Mutex: the reading threads only add, and ThreadSanitizer sees through
    // atomics (it reported the futex-based Mutex's guarded counters as a race).
    private let files = Atomic<Int>(0)
    private let works = Atomic<Int>(0)
    private let sittings = Atomic<Int>(0)
    private let tenthsShown = Atomic<Int>(0)

    /// - Parameters:
    ///   - interactive: rewrite one line in place (default: whether standard error is a terminal).
    ///   - write: where the text goes (default: standard error).
    init(totalFiles: Int, interactive: Bool = isatty(STDERR_FILENO) == 1,
         write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.totalFiles = totalFiles
        self.interactive = interactive
        self.write = write
    }

    /// One file read (called from the reading threads).
    func fileRead(_ report: InputFileReport) {
        let read = if case .vprResults(let file) = report.content { file.batch.works.count } else { 0 }
        let worksSoFar = works.add(read, ordering: .relaxed).newValue
        let done = files.add(1, ordering: .relaxed).newValue
        let text = "чтение: \(done) из \(totalFiles) файлов, работ \(Self.grouped(worksSoFar))"
        if interactive { return show(text) }
        let tenths = done * 10 / max(1, totalFiles)
        var shown = tenthsShown.load(ordering: .relaxed)
        while tenths > shown {
            let (exchanged, original) = tenthsShown.compareExchange(expected: shown, desired: tenths, ordering: .relaxed)
            if exchanged { return show(text) }
            shown = original
        }
    }

    /// One sitting analysed (called from the analysing threads).
    func sittingAnalysed(of total: Int) {
        let done = sittings.add(1, ordering: .relaxed).newValue
        if interactive || done == total { show("анализ: \(done) из \(total) сессий") }
    }

    /// A stage begins.
    func stage(_ text: String) {
        show(text)
    }

    /// The last line: ends the line rewritten in place.
    func finish() {
        if interactive { write("\n") }
    }

    private func show(_ text: String) {
        write(interactive ? "\r\u{1B}[K" + text : text + "\n")
    }

    /// 373580 → «373 580».
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append("\u{00A0}") }
            out.append(digit)
        }
        return out
    }
}
