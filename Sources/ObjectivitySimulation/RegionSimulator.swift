public import Foundation
public import ObjectivityCore
public import ObjectivityIngest
import ObjectivityReports

/// Simulates a region's uploads with known manipulations: `objectivity simulate`.
///
/// Writes `inbox/` (ВПР «Ф1» files, ГИА results, the school registry, in the formats
/// and with the variety of FORMATS.md) and `truth.csv` (which units were bent, how and
/// how much). Deterministic given the seed: each school, cohort and sitting draws from
/// its own random stream, and sittings run in parallel without changing a byte.
public struct RegionSimulator: Sendable {
    public let configuration: RegionConfiguration
    let models: ReferenceModels
    let layout: RegionLayout
    private let sittingTasks: [[TaskSpecification]]
    private let schoolsByMunicipality: [[Int]]

    /// Journal-mark cut points on the ability scale (logits): below the first a «2», etc.
    /// Journals give fewer «2»s than the ВПР.
    static let journalCuts = [-1.6, -0.3, 0.9]
    /// Share of journal cells that say «нет отметки».
    static let noJournalMarkShare = 0.03
    /// Chance that a pupil of the roster sits a given test.
    static let attendance = 0.95

    public init(configuration: RegionConfiguration, models: ReferenceModels) throws {
        try configuration.validate()
        var tasks: [[TaskSpecification]] = []
        for spec in configuration.sittings {
            guard let subject = models.subjects.canonical(spec.subject) else {
                throw SimulationError("Предмет «\(spec.subject)» не найден в models/subjects.csv")
            }
            let list = models.tasks.tasks(assessment: "ВПР", subject: subject, grade: spec.grade)
            guard !list.isEmpty else {
                throw SimulationError("Нет структуры заданий ВПР \(subject) \(spec.grade) класс в models/tasks.csv")
            }
            for year in configuration.years {
                let key = SittingKey(year: year, subject: subject, grade: spec.grade)
                guard let scale = models.scales.scale(for: key), scale.maxScore == list.reduce(0, { $0 + $1.descriptor.maxScore }) else {
                    throw SimulationError("Нет шкалы \(key) с максимумом, равным сумме максимумов заданий, в models/scales.csv")
                }
            }
            tasks.append(list)
        }
        for subject in configuration.giaSubjects {
            for year in configuration.years {
                let key = SittingKey(assessment: GIAExam.oge.rawValue, year: year, subject: subject, grade: 9)
                guard models.scales.scale(for: key) != nil,
                      !models.tasks.tasks(assessment: "ОГЭ", subject: subject, grade: 9).isEmpty else {
                    throw SimulationError("Нет шкалы или заданий ОГЭ \(year) \(subject) в models/")
                }
            }
        }
        self.configuration = configuration
        self.models = models
        self.sittingTasks = tasks
        let layout = RegionLayout(configuration: configuration)
        self.layout = layout
        var groups = [[Int]](repeating: [], count: layout.municipalities.count)
        for school in layout.schools { groups[school.municipality].append(school.index) }
        schoolsByMunicipality = groups
    }

    /// Writes the region into `directory/inbox/` and the ground truth into `directory/truth.csv`.
    public func run(into directory: URL) throws -> SimulationSummary {
        let inbox = directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let c = configuration
        let jobs = c.years.flatMap { year in c.sittings.indices.map { (year, $0) } }
        let results = OrderedResults<Result<SittingOutput, any Error>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            results.store(Result { try simulateSitting(year: jobs[j].0, sitting: jobs[j].1, inbox: inbox) }, at: j)
        }
        var summary = SimulationSummary(files: 0, works: 0, giaResults: 0, units: 0, manipulatedUnits: 0)
        var truth: [TruthRecord] = []
        for result in results.take() {
            let output = try result.get()
            summary.files += output.files
            summary.works += output.works
            truth += output.truth
        }
        for year in c.years where !c.giaSubjects.isEmpty {
            let written = try writeGIA(year: year, inbox: inbox)
            summary.giaResults += written.results
            summary.files += 1
            truth += written.truth
        }
        try writeRegistry(inbox: inbox)
        summary.files += 1
        summary.units = truth.count
        summary.manipulatedUnits = truth.filter(\.manipulated).count
        truth.sort { ($0.exam, $0.year, $0.subject, $0.grade, $0.school) < ($1.exam, $1.year, $1.subject, $1.grade, $1.school) }
        let truthText = ([TruthRecord.header] + truth.map(\.csvLine)).joined(separator: "\n") + "\n"
        try PlainFileWriter.write(Array(truthText.utf8), to: directory.appendingPathComponent("truth.csv").path)
        return summary
    }

    private struct SittingOutput: Sendable {
        var files: Int
        var works: Int
        var truth: [TruthRecord]
    }

    private func simulateSitting(year: Int, sitting s: Int, inbox: URL) throws -> SittingOutput {
        let c = configuration
        let spec = c.sittings[s]
        let subject = models.subjects.canonical(spec.subject) ?? spec.subject
        let key = SittingKey(year: year, subject: subject, grade: spec.grade)
        let tasks = sittingTasks[s]
        let scale = models.scales.scale(for: key)!
        var yearRandom = SplitMix64(seed: c.seed, stream: 6, UInt64(year), UInt64(s))
        let model = GradedResponseModel(tasks: tasks, yearShift: 0.15 * yearRandom.nextNormal())
        let manipulator = Manipulator(tasks: tasks, scale: scale)
        var units: [SimulatedUnit] = []
        units.reserveCapacity(layout.schools.count)
        var truth: [TruthRecord] = []
        for school in layout.schools {
            var unit = drawUnit(school: school, key: key, sitting: s, model: model, scale: scale)
            var record = TruthRecord(school: school.login, year: year, subject: subject, grade: spec.grade, manipulated: false,
                                     type: nil, intensity: 0, affectedShare: 0, works: unit.count)
            if let episode = school.manipulation[year], episode.sittings.contains(s), unit.count > 0 {
                var rng = SplitMix64(seed: c.seed, stream: 7, UInt64(school.index), UInt64(year), UInt64(s))
                let changed = manipulator.apply(episode.type, intensity: episode.intensity, to: &unit, rng: &rng)
                record.manipulated = true
                record.type = episode.type
                record.intensity = episode.intensity
                record.affectedShare = Double(changed) / Double(unit.count)
            }
            if unit.count > 0 { truth.append(record) }
            units.append(unit)
        }
        let files = try writeVPR(key: key, sitting: s, tasks: tasks, units: units, inbox: inbox)
        return SittingOutput(files: files, works: units.reduce(0) { $0 + $1.count }, truth: truth)
    }

    /// The works of one school in one sitting, before any manipulation.
    func drawUnit(school: SimulatedSchool, key: SittingKey, sitting s: Int, model: GradedResponseModel, scale: MarkScale) -> SimulatedUnit {
        let c = configuration
        let roster = CohortRoster(school: school, cohort: key.year - key.grade, configuration: c)
        var rng = SplitMix64(seed: c.seed, stream: 5, UInt64(school.index), UInt64(key.year), UInt64(s))
        var unit = SimulatedUnit(school: school.index, taskCount: model.tasks.count)
        let growth = school.trend * Double(key.year - (c.years.min() ?? key.year))
        for pupil in roster.codes.indices where rng.nextUnit() < Self.attendance {
            let theta = roster.abilities[pupil] + growth
            unit.codes.append(roster.codes[pupil])
            unit.classIndex.append(roster.classIndex[pupil])
            unit.variant.append(UInt8(1 + unit.codes.count % 2))
            unit.abilities.append(theta)
            for k in 0..<model.tasks.count { unit.scores.append(model.score(task: k, ability: theta, rng: &rng)) }
            unit.totals.append(0)
            unit.marks.append(0)
            let latent = theta + school.journalLeniency + c.journalNoiseSD * rng.nextNormal()
            let journal = rng.nextUnit() < Self.noJournalMarkShare
                ? WorkColumns.noJournalMark : Int8(2 + Self.journalCuts.filter { latent >= $0 }.count)
            unit.journal.append(journal)
            unit.rescore(unit.count - 1, scale: scale)
        }
        return unit
    }

    private func writeVPR(key: SittingKey, sitting s: Int, tasks: [TaskSpecification], units: [SimulatedUnit], inbox: URL) throws -> Int {
        let c = configuration
        let latin = models.subjects.transliteration(of: key.subject) ?? "subject"
        var files = 0
        for (m, members) in schoolsByMunicipality.enumerated() where !members.isEmpty {
            var habit = SplitMix64(seed: c.seed, stream: 4, UInt64(m))
            let perSchool = habit.nextUnit() < c.schoolFileShare
            let groups: [[Int]] = perSchool ? members.map { [$0] } : [members]
            for (g, group) in groups.enumerated() {
                let parts = group.map { (school: layout.schools[$0], unit: units[$0]) }.filter { $0.unit.count > 0 }
                guard !parts.isEmpty else { continue }
                var styleRandom = SplitMix64(seed: c.seed, stream: 3, UInt64(key.year), UInt64(s), UInt64(m), UInt64(g))
                let style = TableStyle.draw(&styleRandom, xlsxShare: c.xlsxShare, titleRowShare: c.titleRowShare)
                let writer = VPRExportWriter(key: key, tasks: tasks, style: style, oneSchool: perSchool, municipality: layout.municipalities[m])
                let place = perSchool ? parts[0].school.login : layout.municipalities[m]
                let url = inbox.appendingPathComponent(writer.fileName(place: place, transliteratedSubject: latin, serial: key.year * 100 + s))
                if style.xlsx {
                    var sink = SpreadsheetRowsBuilder()
                    writer.write(parts, into: &sink)
                    try XLSXWriter.write([sink.sheet(named: "Ф1")], to: url.path, created: Self.fixedTimestamp(year: key.year))
                } else {
                    var sink = DelimitedTextBuilder(delimiter: style.delimiter, crlf: style.crlf,
                                                    reservingBytes: parts.reduce(0) { $0 + $1.unit.count } * 80)
                    writer.write(parts, into: &sink)
                    try PlainFileWriter.write(sink.encoded(style.encoding), to: url.path)
                }
                files += 1
            }
        }
        return files
    }

    /// ОГЭ results of grade 9, marked centrally: the same cohorts, honest unless the school
    /// lifts results to the minimum that year (`gia_minimum_lift`). Returns the rows written
    /// and each school's truth per subject.
    private func writeGIA(year: Int, inbox: URL) throws -> (results: Int, truth: [TruthRecord]) {
        let c = configuration
        var sink = DelimitedTextBuilder(delimiter: UInt8(ascii: ";"), crlf: true)
        sink.line(["Год", "Экзамен", "Предмет", "ОО", "Код участника", "Первичный балл", "Тестовый балл", "Отметка"])
        var count = 0
        var truth: [TruthRecord] = []
        for subject in c.giaSubjects {
            let key = SittingKey(assessment: GIAExam.oge.rawValue, year: year, subject: subject, grade: 9)
            let tasks = models.tasks.tasks(assessment: "ОГЭ", subject: subject, grade: 9)
            let scale = models.scales.scale(for: key)!
            let minimum = scale.cut(for: 3)!
            let model = GradedResponseModel(tasks: tasks, yearShift: 0)
            for school in layout.schools {
                let roster = CohortRoster(school: school, cohort: year - 9, configuration: c)
                var rng = SplitMix64(seed: c.seed, stream: 8, UInt64(school.index), UInt64(year), UInt64(subject.unicodeScalars.first!.value))
                var lift = SplitMix64(seed: c.seed, stream: 10, UInt64(school.index), UInt64(year), UInt64(subject.unicodeScalars.first!.value))
                let episode = school.manipulation[year].flatMap { $0.type.touchesGIA ? $0 : nil }
                let growth = school.trend * Double(year - (c.years.min() ?? year))
                var record = TruthRecord(school: school.login, year: year, subject: subject, grade: 9, manipulated: episode != nil,
                                         type: episode?.type, intensity: episode?.intensity ?? 0, affectedShare: 0, works: 0)
                record.exam = GIAExam.oge.rawValue
                var changed = 0
                for pupil in roster.codes.indices where rng.nextUnit() < Self.attendance {
                    let theta = roster.abilities[pupil] + growth
                    var total = 0
                    for k in tasks.indices { total += max(0, Int(model.score(task: k, ability: theta, rng: &rng))) }
                    if let episode {
                        let lifted = Manipulator.liftToMinimum(total: total, minimum: minimum, intensity: episode.intensity, rng: &lift)
                        if lifted != total { changed += 1 }
                        total = lifted
                    }
                    sink.integer(year); sink.text("ОГЭ"); sink.text(subject); sink.text(school.login)
                    sink.integer(Int(roster.codes[pupil])); sink.integer(total); sink.empty()
                    sink.integer(scale.mark(forScore: total) ?? 2)
                    sink.endLine()
                    count += 1
                    record.works += 1
                }
                record.affectedShare = record.works > 0 ? Double(changed) / Double(record.works) : 0
                if record.works > 0 { truth.append(record) }
            }
        }
        try PlainFileWriter.write(sink.encoded(.utf8WithBOM), to: inbox.appendingPathComponent("ГИА_\(year).csv").path)
        return (count, truth)
    }

    private func writeRegistry(inbox: URL) throws {
        var sink = DelimitedTextBuilder(delimiter: UInt8(ascii: ";"), crlf: true)
        sink.line(["ОО", "Название ОО", "Муниципалитет", "Тип ОО", "Углубленное изучение", "Местность", "Контингент"])
        for school in layout.schools {
            sink.text(school.login); sink.text(school.name); sink.text(layout.municipalities[school.municipality])
            sink.text(school.type); sink.text(school.advancedSubjects.joined(separator: ", "))
            sink.text(school.locality.rawValue); sink.integer(school.cohortSize * 9)
            sink.endLine()
        }
        try PlainFileWriter.write(sink.encoded(.windows1251), to: inbox.appendingPathComponent("Реестр_ОО.csv").path)
    }

    /// Mid-April of the assessment year, 00:00 UTC: the creation time stored in a simulated
    /// workbook, so that the same seed gives the same bytes.
    static func fixedTimestamp(year: Int) -> Int {
        var days = 0
        for y in 1970..<year { days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365 }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        days += 31 + (leap ? 29 : 28) + 31 + 14
        return days * 86_400
    }
}
