import ArgumentParser
import Foundation
import ObjectivityCore
import ObjectivityIngest

/// `objectivity inspect PATH…`: what the reader makes of each file, before any analysis.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Reads input files and prints what each holds: format, sitting, schools, works, tasks, scale, skipped rows.")

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "How many skipped rows to list per file.")
    var showRows = 10

    @Flag(help: "Print only rejected files and the totals per sitting.")
    var summary = false

    func run() throws {
        let reader = InputFileReader(models: try modelOptions.load())
        let files = InputPaths.expand(paths)
        guard !files.isEmpty else { throw ValidationError("Укажите файлы или каталоги с таблицами: входных файлов не найдено.") }
        let batch = InputBatch(paths: files, reader: reader, keepingWorks: true)
        for (path, report) in zip(files, batch.reports) where !summary || report.error != nil {
            print(InspectFormatter.describe(report, path: path, showRows: showRows))
        }
        for name in batch.mismatched {
            print("  ! \(name): файл не добавлен к своей работе: столбцы заданий отличаются от других файлов этой работы")
        }
        let rejected = batch.reports.filter { $0.error != nil }.count
        if !batch.sittings.isEmpty {
            print("Работы (все файлы вместе):")
            for key in batch.sittings.keys.sorted() {
                let sitting = batch.sittings[key]!
                let fileCount = batch.reports.filter { if case .vprResults(let f) = $0.content { f.key == key } else { false } }.count
                print("  \(key): файлов \(fileCount), ОО \(sitting.schools.count), работ \(sitting.works.count), "
                      + "муниципалитетов \(sitting.municipalities.count), в памяти \(sitting.works.byteSize) байт")
            }
        }
        print("Файлов: \(files.count), принято: \(files.count - rejected), отклонено: \(rejected)")
        if rejected > 0 { throw ExitCode(1) }
    }
}
