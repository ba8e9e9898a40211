/// Rows of a delimited text table (CSV/TSV) held as UTF-8 bytes.
///
/// A hand-rolled state machine over bytes: quoted fields may hold delimiters,
/// doubled quotes and line breaks; records end at LF, CRLF or a lone CR. A record
/// without quotes is delivered as ranges into the text itself, with no copy; a record
/// with a quoted field is unescaped into a scratch buffer.
struct DelimitedTextSource {
    let text: [UInt8]
    let delimiter: UInt8

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Calls `body` with each record in order; `body` returns `false` to stop early.
    func forEachRow(_ body: (RawRow) throws -> Bool) rethrows {
        var row = RawRow()
        var scratch: [UInt8] = []
        let quote = Self.quote, lf = Self.lf, cr = Self.cr, delimiter = self.delimiter
        // Bytes that end an unquoted cell, as a bit set over 0..<64 (`;`, `,`, tab, CR, LF
        // are all below 64): one shift and mask per byte instead of three compares.
        let stops: UInt64 = (1 << UInt64(delimiter)) | (1 << UInt64(lf)) | (1 << UInt64(cr))
        try text.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            var line = 1
            row.base = p
            while i < n {
                let recordStart = i
                let recordLine = line
                row.reset(number: line)
                var quoted = false
                // Fast path: ranges into the text, until a quote shows up.
                fast: while true {
                    if i < n, p[i] == quote {
                        quoted = true
                        break fast
                    }
                    let start = i
                    while i < n {
                        let c = p[i]
                        if c < 64, stops & (1 << UInt64(c)) != 0 { break }
                        i += 1
                    }
                    row.appendCell(start: start, end: i)
                    if i >= n { break fast }
                    let c = p[i]
                    i += 1
                    if c == delimiter { continue fast }
                    if c == cr, i < n, p[i] == lf { i += 1 }
                    line += 1
                    break fast
                }
                if quoted {
                    // Slow path: the whole record again, unescaped into the scratch buffer.
                    i = recordStart
                    line = recordLine
                    scratch.removeAll(keepingCapacity: true)
                    row.reset(number: recordLine)
                    record: while true {
                        let cellStart = scratch.count
                        if i < n, p[i] == quote {
                            i += 1
                            while i < n {
                                let c = p[i]
                                if c == quote {
                                    if i + 1 < n, p[i + 1] == quote {
                                        scratch.append(quote)
                                        i += 2
                                        continue
                                    }
                                    i += 1
                                    break
                                }
                                if c == lf { line += 1 }
                                scratch.append(c)
                                i += 1
                            }
                        }
                        // Unquoted run (or text after a closing quote, kept as written).
                        let start = i
                        while i < n {
                            let c = p[i]
                            if c == delimiter || c == lf || c == cr { break }
                            i += 1
                        }
                        if i > start { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i])) }
                        row.appendCell(start: cellStart, end: scratch.count)
                        if i >= n { break record }
                        let c = p[i]
                        i += 1
                        if c == delimiter { continue record }
                        if c == cr, i < n, p[i] == lf { i += 1 }
                        line += 1
                        break record
                    }
                    let go = try scratch.withUnsafeBufferPointer { unescaped in
                        row.base = unescaped
                        return try body(row)
                    }
                    row.base = p
                    guard go else { return }
                    continue
                }
                guard try body(row) else { return }
            }
        }
    }

    /// Picks the delimiter from the first lines: the candidate (`;`, tab, `,`) that
    /// splits the most lines into the same number of cells. `;` wins ties, being
    /// what Russian Excel writes; a decimal comma cannot outvote it.
    ///
    /// Runs once per file over up to 200 lines — at national size as much text as the
    /// rows themselves — so the text is read eight bytes at a time: a word without a quote
    /// or a line feed adds its candidates' counts at once, a word inside quotes is skipped
    /// to its quote, and only quotes and line feeds are taken byte by byte. Each
    /// candidate's most frequent count is found by sorting its counts, not by a dictionary
    /// per file.
    static func detectDelimiter(in text: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")]
        let semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ",")
        let maximumLines = 200
        var counts = [[Int]](repeating: [], count: candidates.count)
        for k in counts.indices { counts[k].reserveCapacity(maximumLines + 1) }
        var current = (0, 0, 0)
        var inQuotes = false
        text.withUnsafeBufferPointer { p in
            let n = Swift.min(p.count, 64 * 1024)
            var i = 0
            while i < n {
                if i &+ 8 <= n {
                    let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let quotes = bytes(of: w, equalTo: quote)
                    if inQuotes {
                        if quotes == 0 { i &+= 8; continue }
                        i &+= quotes.trailingZeroBitCount >> 3  // at the closing quote
                    } else {
                        let stops = quotes | bytes(of: w, equalTo: lf)
                        // The bytes before the first quote or line feed (all eight if none).
                        let before: UInt64 = stops == 0 ? ~0 : (1 << UInt64(stops.trailingZeroBitCount &- 7)) &- 1
                        current.0 &+= (bytes(of: w, equalTo: semicolon) & before).nonzeroBitCount
                        current.1 &+= (bytes(of: w, equalTo: tab) & before).nonzeroBitCount
                        current.2 &+= (bytes(of: w, equalTo: comma) & before).nonzeroBitCount
                        if stops == 0 { i &+= 8; continue }
                        i &+= stops.trailingZeroBitCount >> 3  // at the quote or line feed
                    }
                }
                let b = p[i]
                i &+= 1
                if b == quote { inQuotes.toggle(); continue }
                if inQuotes { continue }
                switch b {
                case lf:
                    counts[0].append(current.0); counts[1].append(current.1); counts[2].append(current.2)
                    current = (0, 0, 0)
                    if counts[0].count >= maximumLines { return }
                case semicolon: current.0 &+= 1
                case tab: current.1 &+= 1
                case comma: current.2 &+= 1
                default: break
                }
            }
        }
        if current.0 > 0 { counts[0].append(current.0) }
        if current.1 > 0 { counts[1].append(current.1) }
        if current.2 > 0 { counts[2].append(current.2) }
        var best = (delimiter: candidates[0], score: 0)
        for (k, perLine) in counts.enumerated() {
            // Lines split into the same positive number of cells: the longest run of equals.
            let sorted = perLine.filter { $0 > 0 }.sorted()
            var score = 0, run = 0
            for (i, c) in sorted.enumerated() {
                run = i > 0 && sorted[i - 1] == c ? run + 1 : 1
                score = Swift.max(score, run)
            }
            if score > best.score { best = (candidates[k], score) }
        }
        return best.delimiter
    }

    /// The high bit of each byte of `word` that equals `byte`, the other bits clear (exact:
    /// no carry crosses a byte).
    @inline(__always)
    private static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }
}
