import Foundation
import ObjectivityIngest
import ObjectivityTesting
import Testing

/// Every input with which fuzzing once broke a reader (fixtures/fuzz/TARGET/), framed as
/// the fuzzer framed it: each must now be read to a report, and the known ones to the
/// right verdict.
@Suite struct FuzzRegressionTests {
    @Test func everyKeptInput_isReadToAReport() throws {
        let inputs = try FuzzTarget.regressionInputs()
        #expect(!inputs.isEmpty)
        let reader = try FuzzTarget.reader()
        for (target, file) in inputs {
            let report = reader.read(bytes: try target.framing().frame(Data(contentsOf: file)), name: target.fileName)
            #expect(report.file == target.fileName, "\(target.rawValue)/\(file.lastPathComponent)")
        }
    }

    /// A ГИА primary score of 90,019 trapped the Int16 column; now the row is skipped with
    /// a reason naming row and column, and the rest of the file is read.
    @Test func giaPrimaryScoreBeyondAnyScale_skipsTheRow() throws {
        let target = FuzzTarget.giaRows
        let input = try Data(contentsOf: Fixtures.root.appendingPathComponent("fixtures/fuzz/gia_rows/primary_score_90019.csv"))
        let report = try FuzzTarget.reader().read(bytes: target.framing().frame(input), name: target.fileName)
        guard case .giaResults(let file) = try #require(report.content) else {
            Issue.record("expected ГИА results, got \(String(describing: report.error))")
            return
        }
        let issue = try #require(file.issues.samples.first { $0.code == .scoreAboveMaximum })
        #expect(issue.row == 21)  // line 20 of the input, under the header line
        #expect(issue.column?.hasPrefix("F") == true, "column \(String(describing: issue.column))")
        #expect(file.results.count > 0)
    }
}
