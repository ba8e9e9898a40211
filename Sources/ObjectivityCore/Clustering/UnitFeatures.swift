#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What a unit looks like, for grouping it with its peers: the shape of its score
/// distribution, its mark shares, its task-success profile, its registry type and size.
public struct UnitFeatures: Sendable {
    /// Feature names, in column order (English, stable: they key `clusters.jsonl`'s profiles).
    public let names: [String]
    /// One row per unit (in the order of `schools`), raw values.
    public let values: Matrix
    /// School ids of the rows.
    public let schools: [Int32]

    /// - Parameter selective: logins of lyceums, gymnasiums and schools with advanced study.
    public init(sitting: Sitting, selective: Set<String>) {
        let standard = SittingAnalysis.standardScores(sitting)
        let tasks = sitting.tasks
        names = ["mean_score_sd", "spread_score_sd", "share_2", "share_3", "share_4", "share_5"]
            + tasks.map { "task_" + $0.label } + ["selective", "log_works"]
        // Each task's maximum (at least 1) once, and every work's scores read in place: the
        // loop below visits each task score of a country's sitting, and a task's descriptor
        // fetched per score retained its label, and an array element changed per score was
        // checked for bounds and uniqueness.
        let maxima = tasks.map { Double(max(1, $0.maxScore)) }, taskCount = sitting.works.taskCount
        var rows: [Double] = [], schools: [Int32] = []
        for school in 0..<Int32(sitting.schools.count) {
            let range = sitting.rows(ofSchool: school)
            guard !range.isEmpty else { continue }
            let n = Double(range.count)
            let mean = range.reduce(0.0) { $0 + standard[$1] } / n
            let spread = (range.reduce(0.0) { $0 + (standard[$1] - mean) * (standard[$1] - mean) } / max(1, n - 1)).squareRoot()
            var marks = [Double](repeating: 0, count: 4)
            for row in range where (2...5).contains(sitting.works.mark[row]) { marks[Int(sitting.works.mark[row]) - 2] += 1 / n }
            var success = [Double](repeating: 0, count: tasks.count)
            success.withUnsafeMutableBufferPointer { success in
                maxima.withUnsafeBufferPointer { maxima in
                    sitting.works.taskScores.withUnsafeBufferPointer { scores in
                        for row in range {
                            for k in 0..<taskCount where scores[row * taskCount + k] > 0 {
                                success[k] += Double(scores[row * taskCount + k]) / maxima[k] / n
                            }
                        }
                    }
                }
            }
            rows += [mean, spread] + marks + success + [selective.contains(sitting.schools[school]) ? 1 : 0, log(1 + n)]
            schools.append(school)
        }
        self.schools = schools
        values = Matrix(rows: schools.count, columns: names.count, elements: rows)
    }
}
