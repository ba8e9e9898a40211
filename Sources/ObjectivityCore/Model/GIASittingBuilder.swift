/// Turns ГИА results into sittings, one per exam, subject and year, so that the region-level
/// bunching, the unit tests and every output treat them as they treat ВПР sittings.
///
/// A ГИА sitting has no task columns and no journal; its scale's «3» cut is the exam's
/// effective minimum (``GIAMinimum``): the rule's total for ОГЭ and ГВЭ (from
/// `gia_minimums.csv`, else the known or derived «3» cut), and for ЕГЭ the lowest primary
/// score whose test score reaches the minimum test score. ЕГЭ works carry no mark; their
/// mark column holds 3 for a participant who reached the minimum and 2 for one who did not.
/// ОГЭ and ГВЭ «4» and «5» cuts come from `scales.csv` or from the rows' marks.
public struct GIASittingBuilder: Sendable {
    public let minimums: GIAMinimumCatalogue
    public let scales: ScaleCatalogue
    /// Municipality of each school (the registry's); "" where unknown.
    public let municipalityOfSchool: [String: String]

    public init(minimums: GIAMinimumCatalogue, scales: ScaleCatalogue, municipalityOfSchool: [String: String]) {
        self.minimums = minimums
        self.scales = scales
        self.municipalityOfSchool = municipalityOfSchool
    }

    /// The grade an exam is sat in: ОГЭ and ГВЭ at the end of grade 9 (the ГВЭ of grade 11
    /// cannot be told apart in the rows and is rare), ЕГЭ in grade 11.
    public static func grade(of exam: GIAExam) -> Int { exam == .ege ? 11 : 9 }

    private struct Row {
        var table: Int
        var row: Int
        var school: String
    }

    /// Every sitting found in `tables`, in key order; sittings without a known minimum
    /// (ЕГЭ without a line in the catalogue, or no participant reaching it) are left out.
    public func sittings(from tables: [GIAResults]) -> [Sitting] {
        var groups: [SittingKey: [Row]] = [:]
        for (t, table) in tables.enumerated() {
            // Keys per table by integer ids first: a Cyrillic subject is hashed once per id.
            var keys: [Int: SittingKey] = [:]
            for i in 0..<table.count {
                let exam = table.exam[i]
                let code = (Int(table.year[i]) << 24) | (Int(table.subject[i]) << 2) | (exam == .oge ? 0 : exam == .ege ? 1 : 2)
                let key: SittingKey
                if let known = keys[code] {
                    key = known
                } else {
                    key = SittingKey(assessment: exam.rawValue, year: Int(table.year[i]), subject: table.subjects[table.subject[i]],
                                     grade: Self.grade(of: exam))
                    keys[code] = key
                }
                groups[key, default: []].append(Row(table: t, row: i, school: table.schools[table.school[i]]))
            }
        }
        return groups.keys.sorted().compactMap { key in sitting(key, rows: groups[key]!, tables: tables) }
    }

    private func sitting(_ key: SittingKey, rows unsorted: [Row], tables: [GIAResults]) -> Sitting? {
        guard let exam = key.giaExam else { return nil }
        let rows = unsorted.enumerated().sorted { ($0.element.school, $0.offset) < ($1.element.school, $1.offset) }.map(\.element)
        let scores = rows.map { tables[$0.table].primaryScore[$0.row] }
        let minimum = minimums.minimum(exam: exam, subject: key.subject, year: key.year)
        let marks: [Int8]
        let scale: MarkScale
        let top = Int(scores.max() ?? 0)
        if exam == .ege {
            guard let minimum, minimum.measure == .test else { return nil }
            let tests = rows.map { tables[$0.table].testScore[$0.row] }
            guard let cut = zip(scores, tests).filter({ $0.1 >= Int16(minimum.minimum) }).map({ Int($0.0) }).min() else { return nil }
            marks = zip(scores, tests).map { score, test in
                test == GIAResults.absent ? (Int(score) >= cut ? 3 : 2) : (test >= Int16(minimum.minimum) ? 3 : 2)
            }
            scale = MarkScale(cut3: cut, cut4: nil, cut5: nil, maxScore: top)
        } else {
            marks = rows.map { r in
                let mark = tables[r.table].mark[r.row]
                return (2...5).contains(mark) ? Int8(mark) : WorkColumns.noJournalMark
            }
            let known = scales.scale(for: key) ?? ScaleDerivation(scores: scores, marks: marks, maxScore: nil).scale
            let cut3 = minimum.map(\.minimum) ?? known.cut(for: 3)
            guard let cut3, cut3 > 0 else { return nil }
            // Higher cuts are kept only above the minimum (a derived cut can sit below a rule's total).
            let cut4 = known.cut(for: 4).flatMap { $0 > cut3 ? $0 : nil }
            let cut5 = known.cut(for: 5).flatMap { c5 in c5 > (cut4 ?? cut3) ? c5 : nil }
            scale = MarkScale(cut3: cut3, cut4: cut4, cut5: cut5, maxScore: max(known.maxScore ?? 0, top))
        }
        var schools = InternedStrings(), municipalities = InternedStrings(), classes = InternedStrings()
        _ = classes.intern("")
        var schoolMunicipality: [Int32] = []
        var offsets = [0]
        var works = WorkColumns(taskCount: 0, reservingWorks: rows.count)
        for (i, r) in rows.enumerated() {
            let table = tables[r.table]
            let id = schools.intern(r.school)
            if Int(id) == schoolMunicipality.count {
                schoolMunicipality.append(municipalities.intern(municipalityOfSchool[r.school] ?? ""))
                if id > 0 { offsets.append(i) }
            }
            works.school.append(id)
            works.classID.append(0)
            works.participantCode.append(table.participantCode.utf8(at: r.row))
            works.variant.append(WorkColumns.unknownVariant)
            works.primaryScore.append(scores[i])
            works.mark.append(marks[i])
            works.journalMark.append(WorkColumns.noJournalMark)
        }
        offsets.append(rows.count)
        return Sitting(key: key, tasks: [], scale: scale, schools: schools, schoolMunicipality: schoolMunicipality,
                       municipalities: municipalities, classes: classes, schoolOffsets: offsets, works: works)
    }
}
