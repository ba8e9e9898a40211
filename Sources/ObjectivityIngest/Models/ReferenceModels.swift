public import Foundation
public import ObjectivityCore

/// The data the readers consult: the subject catalogue and the known scales, loaded
/// from the `models/` directory.
public struct ReferenceModels: Sendable, Equatable {
    public var subjects: SubjectCatalogue
    public var scales: ScaleCatalogue
    /// Task structures (the simulator draws responses from them; optional for readers).
    public var tasks: TaskCatalogue
    /// The ГИА minimums (optional: without them ОГЭ and ГВЭ use their «3» cut, ЕГЭ is not
    /// analysed at the minimum).
    public var giaMinimums: GIAMinimumCatalogue

    public init(subjects: SubjectCatalogue = SubjectCatalogue(), scales: ScaleCatalogue = ScaleCatalogue(),
                tasks: TaskCatalogue = TaskCatalogue(), giaMinimums: GIAMinimumCatalogue = GIAMinimumCatalogue()) {
        self.subjects = subjects
        self.scales = scales
        self.tasks = tasks
        self.giaMinimums = giaMinimums
    }

    /// A line of a model file that does not have the documented shape.
    public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let expected: String
        public var description: String { "\(file):\(line): ожидалось: \(expected)" }
    }

    /// Loads `subjects.csv`, `scales.csv` and, if present, `tasks.csv` and
    /// `gia_minimums.csv` from `directory` (formats in their headers).
    public static func load(directory: URL) throws -> ReferenceModels {
        var models = ReferenceModels()
        let subjectsURL = directory.appendingPathComponent("subjects.csv")
        for (line, fields) in try records(of: subjectsURL) {
            guard fields.count >= 1, !fields[0].isEmpty else {
                throw LoadError(file: subjectsURL.path, line: line, expected: "предмет;синонимы")
            }
            let aliases = fields.count > 1 ? fields[1].split(separator: "|").map(String.init) : []
            models.subjects.add(subject: fields[0], aliases: aliases)
        }
        let scalesURL = directory.appendingPathComponent("scales.csv")
        for (line, fields) in try records(of: scalesURL) {
            let numbers = fields.count >= 8 ? [1, 3, 4, 5, 6, 7].map { Int(fields[$0]) } : []
            guard numbers.count == 6, numbers.allSatisfy({ $0 != nil }), let subject = models.subjects.canonical(fields[2]) else {
                throw LoadError(file: scalesURL.path, line: line,
                                expected: "assessment;year;subject;grade;max_score;cut3;cut4;cut5;source с известным предметом")
            }
            let n = numbers.map { $0! }
            guard n[3] < n[4], n[4] < n[5], n[5] <= n[2] else {
                throw LoadError(file: scalesURL.path, line: line, expected: "cut3 < cut4 < cut5 ≤ max_score")
            }
            models.scales.add(MarkScale(cut3: n[3], cut4: n[4], cut5: n[5], maxScore: n[2]),
                              for: SittingKey(assessment: fields[0], year: n[0], subject: subject, grade: n[1]))
        }
        let tasksURL = directory.appendingPathComponent("tasks.csv")
        if FileManager.default.fileExists(atPath: tasksURL.path) {
            for (line, f) in try records(of: tasksURL) {
                guard f.count >= 8, let subject = models.subjects.canonical(f[1]), let grade = Int(f[2]),
                      let max = Int(f[4]), (1...100).contains(max), let difficulty = Double(f[6]),
                      let discrimination = Double(f[7]), discrimination > 0 else {
                    throw LoadError(file: tasksURL.path, line: line,
                                    expected: "assessment;subject;grade;task;max;level;difficulty;discrimination")
                }
                let task = TaskSpecification(descriptor: TaskDescriptor(label: f[3], maxScore: max, level: TaskLevel(rawValue: f[5])),
                                             difficulty: difficulty, discrimination: discrimination)
                models.tasks.append(task, assessment: f[0], subject: subject, grade: grade)
            }
        }
        let minimumsURL = directory.appendingPathComponent("gia_minimums.csv")
        if FileManager.default.fileExists(atPath: minimumsURL.path) {
            for (line, f) in try records(of: minimumsURL) {
                guard f.count >= 8, let exam = GIAExam(rawValue: f[0]), let year = Int(f[1]),
                      let subject = models.subjects.canonical(f[2]), let measure = GIAMinimum.Measure(rawValue: f[3]),
                      let minimum = Int(f[4]), minimum > 0, f[5].isEmpty == f[6].isEmpty,
                      f[6].isEmpty || Int(f[6]).map({ $0 > 0 && $0 <= minimum }) == true,
                      (measure == .test) == (exam == .ege) else {
                    throw LoadError(file: minimumsURL.path, line: line,
                                    expected: "exam;from_year;subject;measure;minimum;part;part_minimum;source (ЕГЭ — measure test, ОГЭ и ГВЭ — primary; part и part_minimum вместе)")
                }
                models.giaMinimums.add(GIAMinimum(exam: exam, fromYear: year, subject: subject, measure: measure, minimum: minimum,
                                                  part: f[5].isEmpty ? nil : f[5], partMinimum: Int(f[6]), source: f[7]))
            }
        }
        return models
    }

    /// The directory holding the models: `explicit` if given, else `$OBJECTIVITY_MODELS`,
    /// else `models/` in the working directory or above the executable's build folder,
    /// else `/usr/share/objectivity/models`.
    public static func locateDirectory(explicit: String?) -> URL? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["OBJECTIVITY_MODELS"] { candidates.append(env) }
        candidates.append(fm.currentDirectoryPath + "/models")
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        for _ in 0..<5 {
            executable.deleteLastPathComponent()
            candidates.append(executable.path + "/models")
        }
        candidates.append("/usr/share/objectivity/models")
        return candidates.first { fm.fileExists(atPath: $0 + "/scales.csv") }.map { URL(fileURLWithPath: $0) }
    }

    private static func records(of url: URL) throws -> [(Int, [String])] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            return (index + 1, line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }
}
