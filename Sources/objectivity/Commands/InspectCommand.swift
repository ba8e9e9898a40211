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
        var rejected = 0
        var sittings: [SittingKey: SittingAssembler] = [:]
        var sittingFiles: [SittingKey: Int] = [:]
        for url in files {
            let report = reader.read(url: url)
            if !summary || report.error != nil {
                print(InspectFormatter.describe(report, path: url.path, showRows: showRows))
            }
            switch report.outcome {
            case .failure:
                rejected += 1
            case .success(.vprResults(let file)):
                var assembler = sittings[file.key] ?? SittingAssembler(key: file.key)
                do {
                    try assembler.add(file.batch)
                    sittings[file.key] = assembler
                    sittingFiles[file.key, default: 0] += 1
                } catch {
                    print("  ! файл не добавлен к работе \(file.key): столбцы заданий отличаются от других файлов этой работы")
                }
            case .success:
                break
            }
        }
        if !sittings.isEmpty {
            print("Работы (все файлы вместе):")
            for key in sittings.keys.sorted() {
                let sitting = sittings[key]!.assemble(scale: MarkScale(cut3: nil, cut4: nil, cut5: nil))
                print("  \(key): файлов \(sittingFiles[key] ?? 0), ОО \(sitting.schools.count), работ \(sitting.works.count), "
                      + "муниципалитетов \(sitting.municipalities.count), в памяти \(sitting.works.byteSize) байт")
            }
        }
        print("Файлов: \(files.count), принято: \(files.count - rejected), отклонено: \(rejected)")
        if rejected > 0 { throw ExitCode(1) }
    }
}
