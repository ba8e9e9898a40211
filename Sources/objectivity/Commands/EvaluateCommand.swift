import ArgumentParser
import Foundation
import ObjectivityCore
import ObjectivityReports
import ObjectivitySimulation

/// `objectivity evaluate`: how well `scan`'s risk ranks the units a simulation bent.
///
/// Joins `units.jsonl` with the simulator's `truth.csv` and prints the ROC AUC of
/// `risk_score` per manipulation type (positives: units of that type with at least
/// `--min-works` works and `--min-affected` of them changed; negatives: honest units of
/// the same size), by school size band, and the precision of `high`.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Compares scan's units.jsonl with a simulated region's truth.csv: AUC by type and size, precision of high.")

    @Option(help: "units.jsonl written by scan.")
    var units: String

    @Option(help: "truth.csv written by simulate.")
    var truth: String

    @Option(help: "Smallest unit counted (works).")
    var minWorks = 20

    @Option(help: "Smallest share of a unit's works changed for it to count as a positive.")
    var minAffected = 0.1

    private struct Truth {
        var manipulated: Bool
        var type: String
        var affected: Double
    }

    func run() throws {
        var truths: [String: Truth] = [:]
        for line in try String(contentsOfFile: truth, encoding: .utf8).split(separator: "\n").dropFirst() {
            guard let record = TruthRecord(csvLine: line) else { continue }
            truths[record.key] = Truth(manipulated: record.manipulated, type: record.type?.rawValue ?? "", affected: record.affectedShare)
        }
        let decoder = JSONDecoder()
        var records: [(UnitRecord, Truth)] = []
        for line in try String(contentsOfFile: units, encoding: .utf8).split(separator: "\n") {
            let unit = try decoder.decode(UnitRecord.self, from: Data(line.utf8))
            let key = SittingKey(assessment: unit.exam, year: unit.year, subject: unit.subject, grade: unit.grade).unitKey(school: unit.school)
            guard let t = truths[key] else { continue }
            records.append((unit, t))
        }
        let bands: [(String, ClosedRange<Int>)] = [("20–49", 20...49), ("50–99", 50...99), ("100+", 100...Int.max)]
        print("AUC of risk_score (positives: ≥ \(minWorks) works, ≥ \(Int(minAffected * 100)) % changed; negatives: honest units of the same size)")
        print("type | all | " + bands.map(\.0).joined(separator: " | ") + " | positives")
        let types = Set(records.filter { $0.1.manipulated }.map(\.1.type)).sorted()
        for type in types {
            func auc(_ range: ClosedRange<Int>) -> String {
                let inRange = records.filter { range.contains($0.0.n) }
                let positives = inRange.filter { $0.1.manipulated && $0.1.type == type && $0.1.affected >= minAffected }.map(\.0.riskScore)
                let negatives = inRange.filter { !$0.1.manipulated }.map(\.0.riskScore)
                return AreaUnderCurve.of(positives: positives, negatives: negatives).map { String(format: "%.3f", $0) } ?? "—"
            }
            let count = records.filter { $0.0.n >= minWorks && $0.1.manipulated && $0.1.type == type && $0.1.affected >= minAffected }.count
            print("\(type) | \(auc(minWorks...Int.max)) | " + bands.map { auc($0.1) }.joined(separator: " | ") + " | \(count)")
        }
        let high = records.filter { $0.0.riskLevel == .high }
        let medium = records.filter { $0.0.riskLevel >= .medium }
        let precisionHigh = high.isEmpty ? 0 : Double(high.filter { $0.1.manipulated }.count) / Double(high.count)
        let precisionMedium = medium.isEmpty ? 0 : Double(medium.filter { $0.1.manipulated }.count) / Double(medium.count)
        print(String(format: "high: %d units, precision %.3f; medium or high: %d units, precision %.3f", high.count, precisionHigh,
                     medium.count, precisionMedium))
        let clean = records.filter { !$0.1.manipulated }
        print(String(format: "honest units: %d; at high %.2f %%, at medium or high %.2f %%", clean.count,
                     100 * Double(clean.filter { $0.0.riskLevel == .high }.count) / Double(max(1, clean.count)),
                     100 * Double(clean.filter { $0.0.riskLevel >= .medium }.count) / Double(max(1, clean.count))))
    }
}
