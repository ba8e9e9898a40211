import ObjectivityCore

/// Reads the school registry (FORMATS.md §3):
/// `ОО;Название ОО;Муниципалитет;Тип ОО;Углубленное изучение;Местность;Контингент`.
struct SchoolRegistryReader {
    private let fileName: String
    private let header: HeaderMap
    private let subjects: SubjectCatalogue
    private let login: Int
    private let name, municipality, type, advanced, locality, pupils: Int?
    private var schools: [SchoolRecord] = []
    private var seen: [String: Int] = [:]
    private var issues = RowIssues()

    init(fileName: String, header: [String], models: ReferenceModels) throws(IngestError) {
        self.fileName = fileName
        self.header = HeaderMap(header: header)
        self.subjects = models.subjects
        login = try self.header.require("ОО", aliases: "логин оо", "код оо", file: fileName)
        name = self.header.index("название оо", "наименование оо")
        municipality = self.header.index("муниципалитет", "мо", "муниципальный район")
        type = self.header.index("тип оо", "вид оо")
        advanced = self.header.index("углубленное изучение")
        locality = self.header.index("местность")
        pupils = self.header.index("контингент", "число обучающихся")
    }

    mutating func consume(_ row: RawRow) {
        if row.isBlank { return }
        let loginText = row.string(at: login).lowercased()
        guard !loginText.isEmpty else {
            return issues.skip(IngestError(.missingValue, file: fileName, row: row.number, column: header.describe(login), expected: "логин ОО"))
        }
        if let first = seen[loginText] {
            return issues.skip(IngestError(.duplicateParticipant, file: fileName, row: row.number, column: header.describe(login),
                                           expected: "логин ОО, не повторяющийся в реестре", found: "уже в строке \(first)"))
        }
        var place: SchoolRecord.Locality?
        if let locality, !row.isBlank(at: locality) {
            place = SchoolRecord.Locality(rawValue: CellText.folded(row.string(at: locality)))
            if place == nil {
                issues.note(IngestError(.invalidValue, file: fileName, row: row.number, column: header.describe(locality),
                                        expected: "«город» или «село»; значение не учтено", found: row.string(at: locality)))
            }
        }
        var count: Int?
        if let pupils {
            switch row.number(at: pupils) {
            case .value(let v) where v >= 0: count = v
            case .empty: break
            default:
                issues.note(IngestError(.invalidValue, file: fileName, row: row.number, column: header.describe(pupils),
                                        expected: "число обучающихся; значение не учтено", found: row.string(at: pupils)))
            }
        }
        let advancedSubjects = advanced.map { row.string(at: $0) }.map { text in
            text.split { $0 == "," || $0 == ";" }.map { $0.trimmingCharactersInSet() }.filter { !$0.isEmpty }
                .map { subjects.canonical($0) ?? $0 }
        } ?? []
        seen[loginText] = row.number
        schools.append(SchoolRecord(
            login: loginText, name: name.map { row.string(at: $0) } ?? "", municipality: municipality.map { row.string(at: $0) } ?? "",
            type: type.map { row.string(at: $0) } ?? "", advancedSubjects: advancedSubjects, locality: place, pupils: count))
    }

    func finish() throws(IngestError) -> SchoolRegistryFile {
        guard !schools.isEmpty else {
            throw IngestError(.noValidRows, file: fileName, expected: "хотя бы одна ОО", found: "строк нет")
        }
        return SchoolRegistryFile(schools: schools, issues: issues)
    }
}
