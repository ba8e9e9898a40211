import Foundation
@testable import objectivity
import ObjectivityCore
import ObjectivityIngest
import ObjectivityTesting
import Testing

@Suite struct ScanProgressTests {
    private final class Sink: Sendable {
        let text = LockedValue("")
        func append(_ s: String) { text.withLock { $0 += s } }
    }

    /// On a terminal: one line rewritten in place (carriage return, erase line), ended once.
    @Test func terminal_rewritesOneLine() throws {
        let sink = Sink()
        let progress = ScanProgress(totalFiles: 3, interactive: true, write: sink.append)
        let report = try Fixtures.reader().read(bytes: [], name: "a.csv")
        for _ in 0..<3 { progress.fileRead(report) }
        progress.sittingAnalysed(of: 2)
        progress.stage("запись результатов")
        progress.finish()
        let text = sink.text.withLock { $0 }
        #expect(text.components(separatedBy: "\r\u{1B}[K").count == 6)  // five rewrites
        #expect(text.hasSuffix("запись результатов\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
    }

    @Test func worksAreGroupedByThousands() {
        #expect(ScanProgress.grouped(373_580) == "373\u{00A0}580")
        #expect(ScanProgress.grouped(15_000_000) == "15\u{00A0}000\u{00A0}000")
        #expect(ScanProgress.grouped(999) == "999")
    }
}
