public import Foundation
public import ObjectivityCore
internal import GRDB

/// The daemon's memory, in SQLite through GRDB (WAL, migrations): the ledger of files,
/// the works (participant codes, never names), ГИА results, the registry, recheck
/// outcomes, every unit's last result and the alerts issued.
///
/// Re-analysis reads its sittings from here, not from old files. A file's rows and its
/// ledger entry are written in one transaction, so a crash leaves either both or neither.
public final class StateStore: Sendable {
    let pool: DatabasePool

    public init(path: URL) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path.path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "files") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("kind", .text)
                t.column("status", .text).notNull()  // accepted, partial, rejected
                t.column("skipped_rows", .integer).notNull().defaults(to: 0)
                t.column("received_at", .double).notNull()
            }
            try db.create(table: "batches") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("file_id", .integer).notNull().references("files")
                t.column("year", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("tasks", .text).notNull()  // label|max|level per line
            }
            try db.create(index: "batches_by_sitting", on: "batches", columns: ["year", "subject", "grade"])
            try db.create(table: "works") { t in
                t.column("batch_id", .integer).notNull().references("batches")
                t.column("school", .text).notNull()
                t.column("municipality", .text).notNull()
                t.column("class", .text).notNull()
                t.column("code", .text).notNull()
                t.column("variant", .integer).notNull()
                t.column("scores", .blob).notNull()
                t.column("primary_score", .integer).notNull()
                t.column("mark", .integer).notNull()
                t.column("journal", .integer).notNull()
            }
            try db.create(index: "works_by_batch", on: "works", columns: ["batch_id", "school"])
            try db.create(table: "gia_results") { t in
                t.column("file_id", .integer).notNull().references("files")
                t.column("year", .integer).notNull()
                t.column("exam", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("school", .text).notNull()
                t.column("code", .text).notNull()
                t.column("primary_score", .integer).notNull()
                t.column("test_score", .integer).notNull()
                t.column("mark", .integer).notNull()
            }
            try db.create(table: "schools") { t in
                t.primaryKey("login", .text)
                t.column("name", .text).notNull()
                t.column("municipality", .text).notNull()
                t.column("type", .text).notNull()
                t.column("advanced", .text).notNull()
                t.column("locality", .text)
                t.column("pupils", .integer)
            }
            try db.create(table: "recheck_outcomes") { t in
                t.column("file_id", .integer).notNull().references("files")
                t.column("year", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("school", .text).notNull()
                t.column("code", .text).notNull()
                t.column("original_score", .integer).notNull()
                t.column("rechecked_score", .integer)
            }
            try db.create(table: "unit_results") { t in
                t.column("year", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("school", .text).notNull()
                t.column("works", .integer).notNull()
                t.column("risk_score", .double).notNull()
                t.column("risk_level", .text).notNull()
                t.column("fired", .text).notNull()
                t.primaryKey(["year", "subject", "grade", "school"])
            }
            try db.create(table: "alerts") { t in
                t.primaryKey("id", .text)
                t.column("year", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("school", .text).notNull()
                t.column("risk_level", .text).notNull()
                t.column("fired", .text).notNull()
                t.column("issued_at", .double).notNull()
            }
            try db.create(index: "alerts_by_unit", on: "alerts", columns: ["year", "subject", "grade", "school"])
        }
        migrator.registerMigration("v2", migrate: migrateRecheckItems)
        migrator.registerMigration("v3", migrate: migrateExamColumn)
        return migrator
    }

    // MARK: The ledger

    /// The ledger status of a file with this content (`accepted`, `partial`, `rejected`), nil if never seen.
    public func status(sha256: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT status FROM files WHERE sha256 = ?", arguments: [sha256]) }
    }

    /// Records a rejected file.
    public func recordRejected(sha256: String, name: String, at time: Date) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO files (sha256, name, kind, status, received_at) VALUES (?, ?, NULL, 'rejected', ?)",
                           arguments: [sha256, name, time.timeIntervalSince1970])
        }
    }

    /// Takes in one readable file and its rows in one transaction; returns the sittings it
    /// touched (empty for a registry or ГИА file, which touch the context of every sitting).
    public func recordAccepted(sha256: String, name: String, at time: Date, content: StoredContent) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO files (sha256, name, kind, status, skipped_rows, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [sha256, name, content.kind, content.skippedRows > 0 ? "partial" : "accepted",
                                       content.skippedRows, time.timeIntervalSince1970])
            let fileID = db.lastInsertedRowID
            switch content {
            case .works(let batch, _):
                try Self.insert(batch, fileID: fileID, db: db)
            case .gia(let results, _):
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO gia_results (file_id, year, exam, subject, school, code, primary_score, test_score, mark)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for i in 0..<results.count {
                    try statement.execute(arguments: [fileID, Int(results.year[i]), results.exam[i].rawValue,
                                                      results.subjects[results.subject[i]], results.schools[results.school[i]],
                                                      results.participantCode[i], Int(results.primaryScore[i]),
                                                      Int(results.testScore[i]), Int(results.mark[i])])
                }
            case .registry(let schools, _):
                for s in schools {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO schools (login, name, municipality, type, advanced, locality, pupils)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [s.login, s.name, s.municipality, s.type, s.advancedSubjects.joined(separator: "|"),
                                         s.locality?.rawValue, s.pupils])
                }
            case .recheck(let outcomes, _):
                for o in outcomes {
                    try db.execute(sql: """
                        INSERT INTO recheck_outcomes (file_id, year, subject, grade, school, code, original_score, rechecked_score)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [fileID, o.sitting.year, o.sitting.subject, o.sitting.grade, o.school, o.participantCode,
                                         o.originalScore, o.recheckedScore])
                }
            }
        }
    }

    /// A batch's works replace any earlier works of the same schools in the same sitting:
    /// a school's corrected re-upload supersedes its first one.
    private static func insert(_ batch: WorkBatch, fileID: Int64, db: Database) throws {
        let key = batch.key
        let tasks = batch.tasks.map { "\($0.label)|\($0.maxScore)|\($0.level?.rawValue ?? "")" }.joined(separator: "\n")
        for school in 0..<Int32(batch.schools.count) {
            try db.execute(sql: """
                DELETE FROM works WHERE school = ? AND batch_id IN (SELECT id FROM batches WHERE year = ? AND subject = ? AND grade = ?)
                """, arguments: [batch.schools[school], key.year, key.subject, key.grade])
        }
        try db.execute(sql: "INSERT INTO batches (file_id, year, subject, grade, tasks) VALUES (?, ?, ?, ?, ?)",
                       arguments: [fileID, key.year, key.subject, key.grade, tasks])
        let batchID = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: """
            INSERT INTO works (batch_id, school, municipality, class, code, variant, scores, primary_score, mark, journal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let works = batch.works
        for w in 0..<works.count {
            let school = works.school[w]
            let scores = Data(works.taskScores(ofWork: w).map { UInt8(bitPattern: $0) })
            try statement.execute(arguments: [
                batchID, batch.schools[school], batch.municipalities[batch.schoolMunicipality[Int(school)]],
                batch.classes.count > 0 ? batch.classes[works.classID[w]] : "", works.participantCode[w], Int(works.variant[w]),
                scores, Int(works.primaryScore[w]), Int(works.mark[w]), Int(works.journalMark[w]),
            ])
        }
    }

    // MARK: Reading back

    /// Every sitting with works in the store.
    public func sittingKeys() throws -> [SittingKey] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT year, subject, grade FROM batches ORDER BY year, subject, grade")
                .map { SittingKey(year: $0["year"], subject: $0["subject"], grade: $0["grade"]) }
        }
    }

    /// The stored batches of one sitting, each with its current works (superseded rows are gone).
    public func batches(of key: SittingKey) throws -> [WorkBatch] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, tasks FROM batches WHERE year = ? AND subject = ? AND grade = ? ORDER BY id",
                                        arguments: [key.year, key.subject, key.grade])
            var batches: [WorkBatch] = []
            for row in rows {
                let tasks = (row["tasks"] as String).split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                    return TaskDescriptor(label: f[0], maxScore: Int(f[1]) ?? 0, level: TaskLevel(rawValue: f.count > 2 ? f[2] : ""))
                }
                var batch = WorkBatch(key: key, tasks: tasks)
                let works = try Row.fetchCursor(db, sql: """
                    SELECT school, municipality, class, code, variant, scores, primary_score, mark, journal
                    FROM works WHERE batch_id = ? ORDER BY rowid
                    """, arguments: [row["id"] as Int64])
                // Columns by position, in the SELECT's order: name lookups per row cost more than the rest.
                var lastSchool = "", lastMunicipality = "", schoolID: Int32 = 0
                var scores = [Int8](repeating: 0, count: tasks.count)
                while let w = try works.next() {
                    let schoolName: String = w[0], municipality: String = w[1]
                    if schoolName != lastSchool || municipality != lastMunicipality {
                        schoolID = batch.schoolID(schoolName, municipality: municipality)
                        lastSchool = schoolName
                        lastMunicipality = municipality
                    }
                    let classID = batch.classes.intern(w[2] as String)
                    let blob: Data = w[5]
                    guard blob.count == tasks.count else { continue }
                    for (k, byte) in blob.enumerated() { scores[k] = Int8(bitPattern: byte) }
                    var code: String = w[3]
                    code.withUTF8 { pointer in
                        batch.works.append(school: schoolID, classID: classID, participantCode: pointer, variant: Int16(w[4] as Int),
                                           scores: scores, primaryScore: Int16(w[6] as Int), mark: Int8(w[7] as Int),
                                           journalMark: Int8(w[8] as Int))
                    }
                }
                if batch.works.count > 0 { batches.append(batch) }
            }
            return batches
        }
    }

    /// The registry as last uploaded.
    public func registry() throws -> [SchoolRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM schools ORDER BY login").map { row in
                SchoolRecord(login: row["login"], name: row["name"], municipality: row["municipality"], type: row["type"],
                             advancedSubjects: (row["advanced"] as String).split(separator: "|").map(String.init),
                             locality: (row["locality"] as String?).flatMap(SchoolRecord.Locality.init(rawValue:)), pupils: row["pupils"])
            }
        }
    }

    /// Every ГИА result stored, as one table.
    public func giaResults() throws -> GIAResults {
        try pool.read { db in
            var results = GIAResults()
            let rows = try Row.fetchCursor(db, sql: "SELECT year, exam, subject, school, code, primary_score, test_score, mark FROM gia_results ORDER BY rowid")
            while let row = try rows.next() {
                guard let exam = GIAExam(rawValue: row["exam"]) else { continue }
                results.year.append(Int16(row["year"] as Int))
                results.exam.append(exam)
                results.subject.append(results.subjects.intern(row["subject"] as String))
                results.school.append(results.schools.intern(row["school"] as String))
                results.participantCode.append(row["code"] as String)
                results.primaryScore.append(Int16(row["primary_score"] as Int))
                results.testScore.append(Int16(row["test_score"] as Int))
                results.mark.append(Int16(row["mark"] as Int))
            }
            return results
        }
    }

    // MARK: Results and alerts

    /// Every alert issued, by unit key (``SittingKey/unitKey(school:)``), the latest per unit.
    public func latestAlerts() throws -> [String: IssuedAlert] {
        try pool.read { db in
            var latest: [String: IssuedAlert] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, exam, year, subject, grade, school, risk_level, fired FROM alerts ORDER BY issued_at, id") {
                let sitting = SittingKey(assessment: row["exam"], year: row["year"], subject: row["subject"], grade: row["grade"])
                let key = sitting.unitKey(school: row["school"])
                latest[key] = IssuedAlert(id: row["id"], riskLevel: RiskLevel(rawValue: row["risk_level"]) ?? .none, fired: row["fired"])
            }
            return latest
        }
    }

    /// Records alerts as issued and every unit's current result, in one transaction.
    public func record(alerts: [IssuedAlert.New], units: [UnitResult], at time: Date) throws {
        try pool.write { db in
            for alert in alerts {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO alerts (id, exam, year, subject, grade, school, risk_level, fired, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [alert.id, alert.unit.sitting.assessment, alert.unit.sitting.year, alert.unit.sitting.subject, alert.unit.sitting.grade,
                                     alert.unit.school, alert.unit.riskLevel.rawValue, alert.fired, time.timeIntervalSince1970])
            }
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO unit_results (exam, year, subject, grade, school, works, risk_score, risk_level, fired)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for unit in units {
                try statement.execute(arguments: [unit.sitting.assessment, unit.sitting.year, unit.sitting.subject, unit.sitting.grade, unit.school, unit.works,
                                                  unit.riskScore, unit.riskLevel.rawValue, IssuedAlert.firedSignature(unit)])
            }
        }
    }

    /// The ids of every alert issued, sorted.
    public func alertIDs() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM alerts ORDER BY id") }
    }

    /// Files in the ledger by status, for metrics and tests.
    public func fileCounts() throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM files GROUP BY status") { counts[row["status"]] = row["n"] }
            return counts
        }
    }
}
