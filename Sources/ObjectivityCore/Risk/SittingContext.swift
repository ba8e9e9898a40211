import Dispatch

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
        self = Self.contexts(for: [key], registry: registry, gia: gia)[0]
    }

    /// The contexts of the sittings `keys`, each as ``init(for:registry:gia:)`` makes it, on
    /// all cores, with each distinct ГИА summary computed once and shared: a summary is a
    /// pure function of the subject and year, and a national scan's 15 ВПР sittings ask
    /// for 6 of each (every grade of a subject in a year reads the same ОГЭ), each a pass
    /// over eight million results.
    public static func contexts(for keys: [SittingKey], registry: [SchoolRecord], gia: [GIAResults]) -> [SittingContext] {
        struct Request: Hashable, Sendable { var subject: String, year: Int }
        let held = heldYears(in: gia)
        let levelRequests = keys.map { Request(subject: $0.subject, year: $0.year) }
        let comparisonRequests = keys.map { key in
            let cohortYear = key.year + max(0, 9 - key.grade)
            return Request(subject: key.subject, year: held.contains(cohortYear) ? cohortYear : key.year)
        }
        func distinct(_ requests: [Request]) -> [Request] {
            var seen = Set<Request>()
            return requests.filter { seen.insert($0).inserted }
        }
        let levelJobs = distinct(levelRequests), comparisonJobs = distinct(comparisonRequests)
        let levels = OrderedResults<[String: Double]>(count: levelJobs.count)
        let comparisons = OrderedResults<[String: GIASummary]>(count: comparisonJobs.count)
        DispatchQueue.concurrentPerform(iterations: levelJobs.count + comparisonJobs.count) { job in
            if job < levelJobs.count {
                let request = levelJobs[job]
                levels.store(giaLevels(from: gia, exam: .oge, subject: request.subject, year: request.year), at: job)
            } else {
                let request = comparisonJobs[job - levelJobs.count]
                comparisons.store(GIASummary.bySchool(from: gia, exam: .oge, subject: request.subject, year: request.year),
                                  at: job - levelJobs.count)
            }
        }
        let levelOf = Dictionary(uniqueKeysWithValues: zip(levelJobs, levels.take()))
        let comparisonOf = Dictionary(uniqueKeysWithValues: zip(comparisonJobs, comparisons.take()))
        return keys.indices.map { k in
            SittingContext(selectiveSchools: Set(registry.filter { $0.isSelective || $0.advancedSubjects.contains(keys[k].subject) }.map(\.login)),
                           giaLevels: levelOf[levelRequests[k]]!, giaComparison: comparisonOf[comparisonRequests[k]]!)
        }
    }

    /// The years the ГИА tables hold, read in runs: a table holds millions of results and
    /// few years.
    private static func heldYears(in gia: [GIAResults]) -> Set<Int> {
        var held = Set<Int>()
        for table in gia {
            var previous: Int16?
            for year in table.year where year != previous {
                held.insert(Int(year))
                previous = year
            }
        }
        return held
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
