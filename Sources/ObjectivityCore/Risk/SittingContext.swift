/// What the analysis of a sitting may know besides its works: the registry's selective
/// schools and the schools' centrally marked ГИА level in the same subject and year.
public struct SittingContext: Sendable {
    /// Logins of lyceums, gymnasiums and schools with advanced study of the subject.
    public var selectiveSchools: Set<String>
    /// Predictive z of each school's ГИА (ОГЭ) results in the subject and year.
    public var giaLevels: [String: Double]

    /// Each school's centrally marked ОГЭ in the subject, for `vpr_vs_gia`: of the same
    /// pupils when the inputs hold the year they sit it, else of the same year.
    public var giaComparison: [String: GIASummary]

    public init(selectiveSchools: Set<String> = [], giaLevels: [String: Double] = [:], giaComparison: [String: GIASummary] = [:]) {
        self.selectiveSchools = selectiveSchools
        self.giaLevels = giaLevels
        self.giaComparison = giaComparison
    }

    /// The context of sitting `key` from the uploaded registry and ГИА tables: selective
    /// are the lyceums and gymnasiums and the schools with advanced study of the sitting's
    /// subject; the ГИА level is the same subject's ОГЭ in the same year.
    public init(for key: SittingKey, registry: [SchoolRecord], gia: [GIAResults]) {
        let cohortYear = key.year + max(0, 9 - key.grade)
        // Years held, read in runs: a table holds millions of results and few years.
        var heldYears = Set<Int>()
        for table in gia {
            var previous: Int16?
            for year in table.year where year != previous {
                heldYears.insert(Int(year))
                previous = year
            }
        }
        self.init(selectiveSchools: Set(registry.filter { $0.isSelective || $0.advancedSubjects.contains(key.subject) }.map(\.login)),
                  giaLevels: Self.giaLevels(from: gia, exam: .oge, subject: key.subject, year: key.year),
                  giaComparison: GIASummary.bySchool(from: gia, exam: .oge, subject: key.subject,
                                                     year: heldYears.contains(cohortYear) ? cohortYear : key.year))
    }

    /// The ГИА level of every school for one exam, subject and year, from any number of
    /// ГИА result tables.
    public static func giaLevels(from tables: [GIAResults], exam: GIAExam, subject: String, year: Int) -> [String: Double] {
        var groups: [String: SchoolLevelModel.Group] = [:]
        for table in tables {
            guard let subjectID = table.subjects.id(of: subject) else { continue }
            // By the table's school numbers first: a login is hashed once per table, not
            // once per result (a national run holds 8 million results).
            var bySchool = [SchoolLevelModel.Group](repeating: SchoolLevelModel.Group(), count: table.schools.count)
            for i in 0..<table.count where table.exam[i] == exam && table.subject[i] == subjectID && Int(table.year[i]) == year {
                bySchool[Int(table.school[i])].add(Double(table.primaryScore[i]))
            }
            for (school, group) in bySchool.enumerated() where group.count > 0 {
                groups[table.schools[Int32(school)], default: SchoolLevelModel.Group()].merge(group)
            }
        }
        // Sorted by school, so that the sums do not depend on hash order.
        let model = SchoolLevelModel(groups: groups.keys.sorted().map { groups[$0]! })
        return groups.mapValues { model.z(average: $0.average, count: $0.count) }
    }
}
