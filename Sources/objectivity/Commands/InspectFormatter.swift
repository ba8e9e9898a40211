import ObjectivityCore
import ObjectivityIngest

/// The text `inspect` prints for one file, in Russian for the operator.
enum InspectFormatter {
    static func describe(_ report: InputFileReport, path: String, showRows: Int) -> String {
        var lines = [path]
        if let format = report.format { lines.append("  формат: \(format)") }
        switch report.outcome {
        case .failure(let error):
            lines.append("  ОТКЛОНЁН: \(error.code.russianSummary)")
            lines.append("  \(error)")
        case .success(let content):
            lines.append("  вид: \(content.kind.rawValue)")
            switch content {
            case .vprResults(let file):
                let batch = file.batch
                lines.append("  работа: \(file.key)")
                let schoolList = batch.schools.values.prefix(5).joined(separator: ", ") + (batch.schools.count > 5 ? ", …" : "")
                lines.append("  ОО: \(batch.schools.count) (\(schoolList)); работ: \(batch.works.count); классов: \(batch.classes.count)")
                let tasks = batch.tasks.map { "\($0.label) (\($0.maxScore)б\($0.level.map { ", \($0.rawValue)" } ?? ""))" }
                lines.append("  заданий: \(batch.tasks.count), максимум \(batch.tasks.reduce(0) { $0 + $1.maxScore }): \(tasks.joined(separator: "; "))")
                lines.append("  шкала из файла: \(file.derivedScale)")
                lines.append("  известная шкала: \(file.knownScale.map(\.description) ?? "нет в models/scales.csv")")
                if !file.droppedNameColumns.isEmpty {
                    lines.append("  столбцы с ФИО не прочитаны: \(file.droppedNameColumns.joined(separator: ", "))")
                }
                if !file.ignoredColumns.isEmpty {
                    lines.append("  прочие столбцы (не используются): \(file.ignoredColumns.joined(separator: ", "))")
                }
                if file.blankRows > 0 { lines.append("  пустых строк: \(file.blankRows)") }
            case .giaResults(let file):
                let exams = Set(file.results.exam).map(\.rawValue).sorted().joined(separator: ", ")
                let years = Set(file.results.year).sorted().map(String.init).joined(separator: ", ")
                lines.append("  экзамены: \(exams); годы: \(years); предметов: \(file.results.subjects.count); ОО: \(file.results.schools.count); результатов: \(file.results.count)")
            case .schoolRegistry(let file):
                let selective = file.schools.filter(\.isSelective).count
                lines.append("  ОО: \(file.schools.count), из них лицеев и гимназий: \(selective)")
            case .recheckOutcomes(let file):
                lines.append("  работ: \(file.outcomes.count), ещё не перепроверено: \(file.notRechecked)")
            }
            lines.append(contentsOf: issueLines(content.issues, showRows: showRows))
        }
        return lines.joined(separator: "\n")
    }

    private static func issueLines(_ issues: RowIssues, showRows: Int) -> [String] {
        var lines: [String] = []
        if issues.skippedRows > 0 {
            let byCode = issues.skippedByCode.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }
            lines.append("  пропущено строк: \(issues.skippedRows) (\(byCode.joined(separator: ", ")))")
            lines.append(contentsOf: issues.samples.prefix(showRows).map { "    \($0)" })
        } else {
            lines.append("  пропущено строк: 0")
        }
        if issues.cellNoteCount > 0 {
            lines.append("  значений не учтено: \(issues.cellNoteCount)")
            lines.append(contentsOf: issues.cellNotes.prefix(showRows).map { "    \($0)" })
        }
        lines.append(contentsOf: issues.warnings.map { "  предупреждение: \($0)" })
        return lines
    }
}
