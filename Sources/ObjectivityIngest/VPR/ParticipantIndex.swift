import ObjectivityCore

/// Finds a repeated participant code within a school while a file is read.
///
/// Exports list a school's works together, so the index normally holds only the current
/// run of one school: a small open-addressing table that stays in cache and is emptied
/// in O(1) (by generation) when the school changes. If a school comes back after another
/// one, the file is not grouped and the index switches, once, to a table over every
/// row so far. Keys are not copied: a probe compares against the codes already stored in
/// the columns.
struct ParticipantIndex {
    private var rows: [Int32]
    private var fingerprints: [UInt32]
    private var generations: [UInt32]
    private var generation: UInt32 = 1
    private var mask: Int
    private var count = 0
    /// Whether the table covers every row (file not grouped by school) or the current run.
    private var global = false
    private var currentSchool: Int32 = -1
    private var schoolsSeen: [Bool] = []

    init() {
        rows = [Int32](repeating: -1, count: 1024)
        fingerprints = [UInt32](repeating: 0, count: 1024)
        generations = [UInt32](repeating: 0, count: 1024)
        mask = 1023
    }

    /// The hash of (school, code).
    @inline(__always)
    static func hash(school: Int32, code: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteHash.mix(ByteHash.fnv1a(code, seed: 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: school))))
    }

    /// The row already holding (school, code), if any. Call before ``insert(row:school:hash:works:)``.
    mutating func existingRow(school: Int32, code: UnsafeBufferPointer<UInt8>, hash: UInt64, in works: WorkColumnsBuilder) -> Int? {
        if !global, school != currentSchool { enterRun(of: school, works: works) }
        let fingerprint = UInt32(truncatingIfNeeded: hash >> 32)
        var i = Int(truncatingIfNeeded: hash) & mask
        while generations[i] == generation {
            let row = Int(rows[i])
            if fingerprints[i] == fingerprint, works.school(of: row) == school,
               ByteEquality.equal(works.participantCode(of: row), code) {
                return row
            }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Records that `row` of `works` holds the key hashed to `hash`.
    mutating func insert(row: Int, hash: UInt64, works: WorkColumnsBuilder) {
        if (count + 1) * 2 > rows.count { rebuild(capacity: rows.count * 2, rows: storedRows(), works: works) }
        place(row: Int32(row), hash: hash)
        count += 1
    }

    private mutating func enterRun(of school: Int32, works: WorkColumnsBuilder) {
        let id = Int(school)
        if id >= schoolsSeen.count { schoolsSeen.append(contentsOf: repeatElement(false, count: id + 1 - schoolsSeen.count)) }
        if schoolsSeen[id] {
            // The school came back: index every row read so far, and keep doing so.
            global = true
            var capacity = rows.count
            while capacity < works.count * 2 + 2 { capacity <<= 1 }
            rebuild(capacity: capacity, rows: 0..<works.count, works: works)
            return
        }
        schoolsSeen[id] = true
        currentSchool = school
        generation &+= 1
        if generation == 0 {  // wrapped: clear for real
            generations = [UInt32](repeating: 0, count: generations.count)
            generation = 1
        }
        count = 0
    }

    private func storedRows() -> [Int] {
        rows.indices.filter { generations[$0] == generation }.map { Int(rows[$0]) }
    }

    private mutating func place(row: Int32, hash: UInt64) {
        var i = Int(truncatingIfNeeded: hash) & mask
        while generations[i] == generation { i = (i + 1) & mask }
        rows[i] = row
        fingerprints[i] = UInt32(truncatingIfNeeded: hash >> 32)
        generations[i] = generation
    }

    /// A table of `capacity` slots holding `rows`, re-hashed from the columns.
    private mutating func rebuild(capacity: Int, rows stored: some Sequence<Int>, works: WorkColumnsBuilder) {
        rows = [Int32](repeating: -1, count: capacity)
        fingerprints = [UInt32](repeating: 0, count: capacity)
        generations = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        count = 0
        for r in stored {
            place(row: Int32(r), hash: Self.hash(school: works.school(of: r), code: works.participantCode(of: r)))
            count += 1
        }
    }
}
