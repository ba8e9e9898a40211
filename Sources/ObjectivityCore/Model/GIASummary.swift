/// A school's ГИА result in one exam, subject and year, on a scale comparable with a ВПР
/// unit's level: the mean primary score in standard deviations of all the exam's results
/// from their mean, with its sampling variance.
public struct GIASummary: Sendable, Equatable {
    public var level: Double
    public var variance: Double
    public var results: Int

    public init(level: Double, variance: Double, results: Int) {
        self.level = level
        self.variance = variance
        self.results = results
    }

    /// Every school's summary for one exam, subject and year, from any number of tables.
    public static func bySchool(from tables: [GIAResults], exam: GIAExam, subject: String, year: Int) -> [String: GIASummary] {
        var scores: [String: [Double]] = [:]
        for table in tables {
            guard let subjectID = table.subjects.id(of: subject) else { continue }
            // By the table's school numbers first: a login is hashed once per table.
            var bySchool = [[Double]](repeating: [], count: table.schools.count)
            for i in 0..<table.count where table.exam[i] == exam && table.subject[i] == subjectID && Int(table.year[i]) == year {
                bySchool[Int(table.school[i])].append(Double(table.primaryScore[i]))
            }
            for (school, values) in bySchool.enumerated() where !values.isEmpty {
                scores[table.schools[Int32(school)], default: []].append(contentsOf: values)
            }
        }
        // In school order, so that the sums do not depend on hash order.
        let all = scores.keys.sorted().flatMap { scores[$0]! }
        guard all.count > 1 else { return [:] }
        let mean = all.reduce(0, +) / Double(all.count)
        let spread = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count - 1)).squareRoot()
        guard spread > 0 else { return [:] }
        return scores.mapValues { values in
            let z = values.map { ($0 - mean) / spread }
            let m = z.reduce(0, +) / Double(z.count)
            let within = z.count > 1 ? z.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(z.count - 1) : 1
            return GIASummary(level: m, variance: max(within, 0.05) / Double(z.count), results: z.count)
        }
    }
}
