import ObjectivityCore

/// Reads year, subject and grade from a title cell (`ВПР 2025 Математика 5 класс`)
/// or a file name (`ВПР_2025_Русский язык_4_Ленинский.csv`, `vpr-2025-matematika-5.csv`).
struct SittingNameParser {
    let subjects: SubjectCatalogue
    /// Spellings already looked up in `subjects` in this batch: a national batch parses a
    /// hundred thousand file names made of the same few dozen words.
    let memo: HeaderMemo

    struct Parsed: Equatable {
        var year: Int?
        var subject: String?
        /// Whether the subject was found in the catalogue (else it is the raw text).
        var subjectKnown = false
        var grade: Int?
    }

    private static let noise: Set<String> = ["впр", "vpr", "всероссийские", "проверочные", "работы", "работа", "г", "год",
                                             "класс", "кл", "klass", "kl", "результаты", "индивидуальные", "ф1", "f1"]

    func parse(_ text: String) -> Parsed {
        // Separators as spaces, scalar by scalar (they are all single scalars; comparing
        // Characters cost grapheme breaking on every one).
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case ".", ",", ":", ";", "(", ")", "«", "»", "\"", "_", "-", "/", "\\", "|": cleaned.append(" ")
            default: cleaned.append(scalar)
            }
        }
        let tokens = String(cleaned).split(whereSeparator: \.isWhitespace).map(String.init)
        var parsed = Parsed()
        var used = Set<Int>()
        var yearIndex: Int?
        for (i, token) in tokens.enumerated() {
            let digits = TextCase.lowercased(token).hasSuffix("г") ? String(token.dropLast()) : token
            if digits.count == 4, let year = Int(digits), (2000...2099).contains(year) {
                parsed.year = year
                yearIndex = i
                used.insert(i)
                break
            }
        }
        // Grade: «5 класс», «5кл», else the first small integer after the year.
        for (i, token) in tokens.enumerated() where !used.contains(i) {
            let lower = TextCase.lowercased(token)
            let digitPrefix = String(lower.prefix { $0.isNumber })
            guard let n = Int(digitPrefix), (1...11).contains(n) else { continue }
            let suffix = lower.dropFirst(digitPrefix.count)
            let next = i + 1 < tokens.count ? TextCase.lowercased(tokens[i + 1]) : ""
            if suffix.hasPrefix("кл") || suffix.hasPrefix("kl") || (suffix.isEmpty && (next.hasPrefix("кл") || next.hasPrefix("kl"))) {
                parsed.grade = n
                used.insert(i)
                break
            }
        }
        if parsed.grade == nil {
            for (i, token) in tokens.enumerated() where !used.contains(i) && i > (yearIndex ?? -1) {
                if let n = Int(token), (1...11).contains(n) {
                    parsed.grade = n
                    used.insert(i)
                    break
                }
            }
        }
        let candidates = tokens.indices.filter { !used.contains($0) && !Self.noise.contains(TextCase.lowercased(tokens[$0])) && Int(tokens[$0]) == nil }
        // The longest run of consecutive tokens that the catalogue knows.
        var best: (length: Int, subject: String)?
        for start in candidates.indices {
            var run: [String] = []
            var previous = candidates[start] - 1
            for k in start..<candidates.count where candidates[k] == previous + 1 {
                run.append(tokens[candidates[k]])
                previous = candidates[k]
                if let subject = memo.canonical(run.joined(separator: " "), in: subjects), run.count > (best?.length ?? 0) {
                    best = (run.count, subject)
                }
            }
        }
        if let best {
            parsed.subject = best.subject
            parsed.subjectKnown = true
        } else if let yearIndex, let first = candidates.first(where: { $0 > yearIndex }) {
            // An unknown subject in Cyrillic: the run after the year.
            var run = [tokens[first]]
            var k = first + 1
            while candidates.contains(k) { run.append(tokens[k]); k += 1 }
            let text = run.joined(separator: " ")
            if text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                parsed.subject = text.prefix(1).uppercased() + text.dropFirst()
            }
        }
        return parsed
    }
}
