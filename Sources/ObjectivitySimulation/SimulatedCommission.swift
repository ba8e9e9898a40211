public import ObjectivityCore

/// A subject commission for the simulated region, so that the outcome loop can be shown
/// and tested end to end: it "rechecks" a recheck list by filling in its last column.
///
/// It knows the simulator's truth per unit, not per work: in a unit that was bent, each
/// listed work is lowered by 1–2 points with probability equal to the unit's share of
/// changed works (the evidence works are where the changes sit, so they are lowered at
/// twice that rate, at most 0.9); any other work keeps its score, except that in
/// ``disagreementShare`` of works the second marker differs by one point either way, as
/// honest markers do. Seeded by the participant code: the same list is filled the same way.
public struct SimulatedCommission: Sendable {
    public static let disagreementShare = 0.04
    private let truth: [String: TruthRecord]
    private let seed: UInt64

    public init(truth: [TruthRecord], seed: UInt64) {
        self.truth = Dictionary(truth.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.seed = seed
    }

    /// The list's CSV text (as `RecheckListWriter` writes it) with the rechecked scores filled in.
    public func fill(csv text: String) -> String {
        let bom = text.hasPrefix("\u{FEFF}")
        var lines = (bom ? String(text.dropFirst()) : text).components(separatedBy: "\r\n")
        guard let header = lines.first?.components(separatedBy: ";"),
              let year = header.firstIndex(of: "Год"), let subject = header.firstIndex(of: "Предмет"),
              let school = header.firstIndex(of: "ОО"), let code = header.firstIndex(of: "Код участника"),
              let score = header.firstIndex(of: "Первичный балл"), let reason = header.firstIndex(of: "Основание"),
              let grade = header.firstIndex(of: "Класс") else { return text }
        for i in lines.indices.dropFirst() where !lines[i].isEmpty {
            var cells = lines[i].components(separatedBy: ";")
            guard cells.count == header.count, let original = Int(cells[score]) else { continue }
            let gradeNumber = String(cells[grade].prefix { $0.isNumber })
            let unit = truth[SittingKey(year: Int(cells[year]) ?? 0, subject: cells[subject], grade: Int(gradeNumber) ?? 0).unitKey(school: cells[school])]
            var rng = SplitMix64(seed: seed, stream: StableHash.of(cells[school] + "|" + cells[code]), UInt64(cells[year]) ?? 0)
            var rechecked = original
            let evidence = !cells[reason].contains("контрольная")
            let share = unit.map { $0.manipulated ? min(0.9, $0.affectedShare * (evidence ? 2 : 1)) : 0 } ?? 0
            if rng.nextUnit() < share {
                rechecked = max(0, original - 1 - (rng.nextUnit() < 0.5 ? 1 : 0))
            } else if rng.nextUnit() < Self.disagreementShare {
                rechecked = max(0, original + (rng.nextUnit() < 0.5 ? -1 : 1))
            }
            cells[cells.count - 1] = String(rechecked)
            lines[i] = cells.joined(separator: ";")
        }
        return (bom ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n")
    }
}
