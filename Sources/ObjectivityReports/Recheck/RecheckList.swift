public import ObjectivityCore

/// One subject commission's recheck list: the works of one municipality, year, subject and
/// grade to recheck, with the reason for each, in the columns of the outcome format
/// (FORMATS.md §4) so that the filled-in file goes straight back into the inbox.
public struct RecheckList: Sendable, Equatable {
    public var year: Int
    public var subject: String
    public var grade: Int
    public var municipality: String
    public var taskLabels: [String]
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var school: String
        public var classLabel: String
        public var participantCode: String
        public var taskScores: [Int8]
        public var primaryScore: Int
        public var mark: Int
        public var reason: String
        /// False for the control sample.
        public var evidence: Bool
    }

    /// The header: the outcome format's columns, the tasks, and the reason; the rechecked
    /// score's column is left for the commission.
    public var header: [String] {
        ["Год", "Предмет", "Класс", "ОО", "Код участника"] + taskLabels
            + ["Первичный балл", "Отметка", "Основание", "Первичный балл после перепроверки"]
    }

    /// Cells of each row as text, in header order (the last cell empty).
    public var cells: [[String]] {
        rows.map { r in
            [String(year), subject, r.classLabel.isEmpty ? String(grade) : r.classLabel, r.school, r.participantCode]
                + r.taskScores.map { $0 < 0 ? "X" : String($0) } + [String(r.primaryScore), String(r.mark), r.reason, ""]
        }
    }

    /// The lists of one analysed ВПР sitting (none for a ГИА one): one per municipality with flagged units, rows by
    /// school, evidence first, then the control sample.
    public static func lists(for analysis: SittingAnalysis, seed: UInt64) -> [RecheckList] {
        let sitting = analysis.sitting
        // ГИА works are marked by the regional commissions, not rechecked by the municipal ones.
        guard sitting.key.isVPR else { return [] }
        var byMunicipality: [String: [Row]] = [:]
        for unit in analysis.units.filter({ $0.riskLevel >= .medium }).sorted(by: { $0.school < $1.school }) {
            guard let school = sitting.schools.id(of: unit.school) else { continue }
            let municipality = sitting.municipalities.count > 0 ? sitting.municipalities[sitting.schoolMunicipality[Int(school)]] : ""
            for work in RecheckSelection.select(unit: unit, sitting: sitting, seed: seed) {
                let w = work.row
                byMunicipality[municipality, default: []].append(Row(
                    school: unit.school, classLabel: sitting.classes.count > 0 ? sitting.classes[sitting.works.classID[w]] : "",
                    participantCode: sitting.works.participantCode[w], taskScores: Array(sitting.works.taskScores(ofWork: w)),
                    primaryScore: Int(sitting.works.primaryScore[w]), mark: Int(sitting.works.mark[w]), reason: reason(work.reason),
                    evidence: work.reason != .control))
            }
        }
        return byMunicipality.keys.sorted().map { municipality in
            RecheckList(year: sitting.key.year, subject: sitting.key.subject, grade: sitting.key.grade, municipality: municipality,
                        taskLabels: sitting.tasks.map(\.label), rows: byMunicipality[municipality]!)
        }
    }

    private static func reason(_ reason: RecheckSelection.Reason) -> String {
        switch reason {
        case .nearIdentical: "почти одинаковые ответы с другими работами ОО (группа в оповещении)"
        case .onCut(let mark): "балл на границе отметки «\(mark)» или на 1 выше"
        case .agreesWithJournal: "отметка ВПР совпадает с журнальной чаще ожидаемого в ОО"
        case .aboveJournal: "отметка ВПР выше журнальной"
        case .highMark: "отметка «4» или «5» в ОО с признаками завышения"
        case .control: "контрольная выборка (случайная)"
        }
    }
}
