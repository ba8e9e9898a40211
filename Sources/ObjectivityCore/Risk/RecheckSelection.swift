/// Which works of a flagged unit a subject commission should recheck: the works that carry
/// the evidence, and a random control sample of the unit's other works, so that what the
/// commission finds in the evidence can be set against what it finds elsewhere.
///
/// Evidence: works in a group of near-identical works (`answer_similarity`'s groups,
/// significant pair by pair after the Bonferroni adjustment, whether or not the family
/// fired); then by fired indicator: `threshold_peak` — works on a mark cut or one point above
/// it; `journal_discrepancy/confirmed` — ВПР mark equal to the journal; `journal_discrepancy/
/// raised` — ВПР mark above the journal; the level indicators (`high_results`,
/// `vpr_vs_gia`, `year_jump/level`, `cohort`, `task_inversion`, `person_fit`, `distribution`) — works
/// marked «4» or «5». Journal-side signs (`lowered`, `large_gaps`, `year_jump/journal`)
/// send no works: a recheck of the ВПР cannot correct a journal. Control: ``controlShare``
/// of the evidence count, at least ``minimumControl``, drawn without replacement from the
/// other works with a stream seeded by the school's login, so the list is reproducible.
public enum RecheckSelection {
    public enum Reason: Sendable, Hashable {
        case nearIdentical
        case onCut(mark: Int)
        case agreesWithJournal
        case aboveJournal
        case highMark
        case control
    }

    public struct Work: Sendable, Equatable {
        /// Row of the work in the sitting.
        public var row: Int
        public var reason: Reason
    }

    public static let controlShare = 0.2
    public static let minimumControl = 3

    public static func select(unit: UnitResult, sitting: Sitting, seed: UInt64) -> [Work] {
        guard let school = sitting.schools.id(of: unit.school) else { return [] }
        let rows = sitting.rows(ofSchool: school)
        let fired = Set(unit.indicators.filter(\.fired).map(\.family))
        let levelSigns: Set<String> = ["high_results", "vpr_vs_gia", "year_jump/level", "cohort", "task_inversion", "person_fit", "distribution"]
        let nearIdentical = Set(unit.indicators.filter { $0.code == "answer_similarity" }.flatMap { $0.groups.flatMap { $0 } })
        var chosen: [Work] = []
        for row in rows {
            if !nearIdentical.isEmpty, nearIdentical.contains(sitting.works.participantCode[row]) {
                chosen.append(Work(row: row, reason: .nearIdentical))
                continue
            }
            let score = Int(sitting.works.primaryScore[row]), mark = Int(sitting.works.mark[row]), journal = Int(sitting.works.journalMark[row])
            if fired.contains("threshold_peak"),
               let cutMark = (3...5).first(where: { sitting.scale.cut(for: $0).map { score == $0 || score == $0 + 1 } ?? false }) {
                chosen.append(Work(row: row, reason: .onCut(mark: cutMark)))
            } else if fired.contains("journal_discrepancy/confirmed"), (2...5).contains(journal), mark == journal {
                chosen.append(Work(row: row, reason: .agreesWithJournal))
            } else if fired.contains("journal_discrepancy/raised"), (2...5).contains(journal), mark > journal {
                chosen.append(Work(row: row, reason: .aboveJournal))
            } else if !fired.isDisjoint(with: levelSigns), mark >= 4 {
                chosen.append(Work(row: row, reason: .highMark))
            }
        }
        guard !chosen.isEmpty else { return [] }
        let taken = Set(chosen.map(\.row))
        var others = rows.filter { !taken.contains($0) }
        let wanted = min(others.count, max(minimumControl, Int((controlShare * Double(chosen.count)).rounded(.up))))
        var rng = SplitMix64(seed: seed, stream: StableHash.of(unit.school), UInt64(unit.sitting.year), UInt64(unit.sitting.grade))
        for i in 0..<wanted {
            let j = i + Int(rng.nextUnit() * Double(others.count - i))
            others.swapAt(i, j)
        }
        return chosen + others.prefix(wanted).sorted().map { Work(row: $0, reason: .control) }
    }
}
