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

    /// Every sitting found in `tables`, in key order; sittings without a known minimum
    /// (ЕГЭ without a line in the catalogue, or no participant reaching it) are left out.
    /// Rows without a primary score are not used.
    public func sittings(from tables: [GIAResults]) -> [Sitting] {
        // Row numbers per sitting and table, found by integer keys (a Cyrillic subject is
        // hashed once per table, not once per row: a country has millions of rows).
        var rows: [SittingKey: [[Int32]]] = [:]
        for (t, table) in tables.enumerated() {
            var keys: [Int: SittingKey] = [:]
            var found: [Int: [Int32]] = [:]
            for i in 0..<table.count where table.primaryScore[i] >= 0 {
                let exam = table.exam[i]
                let code = (Int(table.year[i]) << 24) | (Int(table.subject[i]) << 2) | (exam == .oge ? 0 : exam == .ege ? 1 : 2)
                if keys[code] == nil {
                    keys[code] = SittingKey(assessment: exam.rawValue, year: Int(table.year[i]), subject: table.subjects[table.subject[i]],
                                            grade: Self.grade(of: exam))
                }
                found[code, default: []].append(Int32(i))
            }
            for (code, list) in found {
                rows[keys[code]!, default: [[Int32]](repeating: [], count: tables.count)][t] = list
            }
        }
        return rows.keys.sorted().compactMap { key in sitting(key, rows: rows[key]!, tables: tables) }
    }

    /// One sitting from its rows in each table: schools in login order, each school's rows
    /// contiguous and in reading order.
    private func sitting(_ key: SittingKey, rows: [[Int32]], tables: [GIAResults]) -> Sitting? {
        guard let exam = key.giaExam else { return nil }
        // Global school ids by login order, from each table's own ids.
        var logins = Set<String>()
        for (t, list) in rows.enumerated() {
            var seen = [Bool](repeating: false, count: tables[t].schools.count)
            for r in list where !seen[Int(tables[t].school[Int(r)])] {
                seen[Int(tables[t].school[Int(r)])] = true
                logins.insert(tables[t].schools[tables[t].school[Int(r)]])
            }
        }
        var schools = InternedStrings()
        for login in logins.sorted() { _ = schools.intern(login) }
        let schoolMaps = tables.map { table in table.schools.values.map { schools.id(of: $0) ?? -1 } }
        // Counting sort by school: offsets, then each row's place.
        var offsets = [Int](repeating: 0, count: schools.count + 1)
        for (t, list) in rows.enumerated() { for r in list { offsets[Int(schoolMaps[t][Int(tables[t].school[Int(r)])]) + 1] += 1 } }
        for s in 0..<schools.count { offsets[s + 1] += offsets[s] }
        let count = offsets[schools.count]
        var order = [(table: Int32, row: Int32)](repeating: (0, 0), count: count)
        var next = Array(offsets.dropLast())
        for (t, list) in rows.enumerated() {
            for r in list {
                let s = Int(schoolMaps[t][Int(tables[t].school[Int(r)])])
                order[next[s]] = (Int32(t), r)
                next[s] += 1
            }
        }
        let scores = order.map { tables[Int($0.table)].primaryScore[Int($0.row)] }
        guard let (scale, marks) = scaleAndMarks(key, exam: exam, order: order, scores: scores, tables: tables) else { return nil }
        var municipalities = InternedStrings(), classes = InternedStrings()
        _ = classes.intern("")
        let schoolMunicipality = schools.values.map { municipalities.intern(municipalityOfSchool[$0] ?? "") }
        var works = WorkColumns(taskCount: 0, reservingWorks: count)
        for (s, range) in zip(0..., zip(offsets.dropLast(), offsets.dropFirst())) {
            works.school.append(contentsOf: repeatElement(Int32(s), count: range.1 - range.0))
        }
        works.classID = [Int32](repeating: 0, count: count)
        works.variant = [Int16](repeating: WorkColumns.unknownVariant, count: count)
        works.journalMark = [Int8](repeating: WorkColumns.noJournalMark, count: count)
        for place in order { works.participantCode.append(tables[Int(place.table)].participantCode.utf8(at: Int(place.row))) }
        works.primaryScore = scores
        works.mark = marks
        return Sitting(key: key, tasks: [], scale: scale, schools: schools, schoolMunicipality: schoolMunicipality,
                       municipalities: municipalities, classes: classes, schoolOffsets: offsets, works: works)
    }

    /// The sitting's scale (the minimum as its «3» cut) and each work's mark.
    private func scaleAndMarks(_ key: SittingKey, exam: GIAExam, order: [(table: Int32, row: Int32)], scores: [Int16],
                               tables: [GIAResults]) -> (MarkScale, [Int8])? {
        let minimum = minimums.minimum(exam: exam, subject: key.subject, year: key.year)
        let top = Int(scores.max() ?? 0)
        if exam == .ege {
            guard let minimum, minimum.measure == .test else { return nil }
            let needed = Int16(minimum.minimum)
            let tests = order.map { tables[Int($0.table)].testScore[Int($0.row)] }
            guard let cut = zip(scores, tests).filter({ $0.1 >= needed }).map({ Int($0.0) }).min() else { return nil }
            let marks = zip(scores, tests).map { score, test -> Int8 in
                test == GIAResults.absent ? (Int(score) >= cut ? 3 : 2) : (test >= needed ? 3 : 2)
            }
            return (MarkScale(cut3: cut, cut4: nil, cut5: nil, maxScore: top), marks)
        }
        let marks = order.map { place -> Int8 in
            let mark = tables[Int(place.table)].mark[Int(place.row)]
            return (2...5).contains(mark) ? Int8(mark) : WorkColumns.noJournalMark
        }
        let known = scales.scale(for: key) ?? ScaleDerivation(scores: scores, marks: marks, maxScore: nil).scale
        guard let cut3 = minimum.map(\.minimum) ?? known.cut(for: 3), cut3 > 0 else { return nil }
        // Higher cuts are kept only above the minimum (a derived cut can sit below a rule's total).
        let cut4 = known.cut(for: 4).flatMap { $0 > cut3 ? $0 : nil }
        let cut5 = known.cut(for: 5).flatMap { c5 in c5 > (cut4 ?? cut3) ? c5 : nil }
        return (MarkScale(cut3: cut3, cut4: cut4, cut5: cut5, maxScore: max(known.maxScore ?? 0, top)), marks)
    }
}
