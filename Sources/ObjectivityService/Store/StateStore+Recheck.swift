public import Foundation
public import ObjectivityCore
internal import GRDB

/// The outcome loop in the store: which works each recheck list carried (and why), what
/// the commissions sent back, and each alert's confirmation status.
extension StateStore {
    /// One work put on a recheck list, as issued.
    public struct ListedWork: Sendable, Equatable {
        public var sitting: SittingKey
        public var school: String
        public var code: String
        public var evidence: Bool
        public var reason: String
        public var alertID: String
        /// Fired families of the unit when listed.
        public var families: [String]
        public var riskLevel: RiskLevel
        public var originalScore: Int

        public init(sitting: SittingKey, school: String, code: String, evidence: Bool, reason: String, alertID: String,
                    families: [String], riskLevel: RiskLevel, originalScore: Int) {
            self.sitting = sitting
            self.school = school
            self.code = code
            self.evidence = evidence
            self.reason = reason
            self.alertID = alertID
            self.families = families
            self.riskLevel = riskLevel
            self.originalScore = originalScore
        }
    }

    /// v2: the works listed for recheck (the first listing of a work stands: that is what
    /// the commission was asked) and the alerts' confirmation status.
    static func migrateRecheckItems(_ db: Database) throws {
        try db.create(table: "recheck_items") { t in
            t.column("year", .integer).notNull()
            t.column("subject", .text).notNull()
            t.column("grade", .integer).notNull()
            t.column("school", .text).notNull()
            t.column("code", .text).notNull()
            t.column("evidence", .boolean).notNull()
            t.column("reason", .text).notNull()
            t.column("alert_id", .text).notNull()
            t.column("families", .text).notNull()
            t.column("risk_level", .text).notNull()
            t.column("original_score", .integer).notNull()
            t.column("listed_at", .double).notNull()
            t.primaryKey(["year", "subject", "grade", "school", "code"])
        }
        try db.create(index: "recheck_outcomes_by_work", on: "recheck_outcomes", columns: ["year", "subject", "grade", "school", "code"])
        try db.create(table: "alert_confirmations") { t in
            t.primaryKey("alert_id", .text)
            t.column("status", .text).notNull()
            t.column("evidence_rechecked", .integer).notNull()
            t.column("evidence_lowered", .integer).notNull()
            t.column("control_rechecked", .integer).notNull()
            t.column("control_lowered", .integer).notNull()
            t.column("updated_at", .double).notNull()
        }
    }

    /// Records works as listed; works listed before keep their first entry.
    public func recordListed(_ works: [ListedWork], at time: Date) throws {
        guard !works.isEmpty else { return }
        try pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO recheck_items (year, subject, grade, school, code, evidence, reason, alert_id, families,
                                                     risk_level, original_score, listed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for w in works {
                try statement.execute(arguments: [w.sitting.year, w.sitting.subject, w.sitting.grade, w.school, w.code, w.evidence, w.reason,
                                                  w.alertID, w.families.joined(separator: ","), w.riskLevel.rawValue, w.originalScore,
                                                  time.timeIntervalSince1970])
            }
        }
    }

    /// Every listed work with the commission's latest score for it (nil while not
    /// rechecked), for ``RecheckConfirmation``.
    public func listedWorksWithOutcomes() throws -> [RecheckConfirmation.ListedWork] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.alert_id, i.families, i.risk_level, i.evidence, i.original_score,
                       (SELECT o.rechecked_score FROM recheck_outcomes o
                         WHERE o.year = i.year AND o.subject = i.subject AND o.grade = i.grade AND o.school = i.school AND o.code = i.code
                           AND o.rechecked_score IS NOT NULL
                         ORDER BY o.file_id DESC LIMIT 1) AS rechecked
                FROM recheck_items i ORDER BY i.year, i.subject, i.grade, i.school, i.code
                """).map { row in
                let families: String = row["families"]
                return RecheckConfirmation.ListedWork(
                    alertID: row["alert_id"], families: families.split(separator: ",").map(String.init),
                    riskLevel: RiskLevel(rawValue: row["risk_level"]) ?? .none, evidence: row["evidence"],
                    original: row["original_score"], rechecked: row["rechecked"])
            }
        }
    }

    /// Stores each alert's confirmation status.
    public func recordConfirmations(_ tallies: [String: RecheckConfirmation.Tally], at time: Date) throws {
        try pool.write { db in
            for (id, t) in tallies {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO alert_confirmations (alert_id, status, evidence_rechecked, evidence_lowered, control_rechecked,
                                                                control_lowered, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, t.status.rawValue, t.evidenceRechecked, t.evidenceLowered, t.controlRechecked, t.controlLowered,
                                     time.timeIntervalSince1970])
            }
        }
    }

    /// Each alert's stored confirmation status, by alert id.
    public func alertConfirmations() throws -> [String: RecheckConfirmation.Status] {
        try pool.read { db in
            var statuses: [String: RecheckConfirmation.Status] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT alert_id, status FROM alert_confirmations") {
                statuses[row["alert_id"]] = RecheckConfirmation.Status(rawValue: row["status"])
            }
            return statuses
        }
    }

    /// Outcome rows received, for tests and metrics.
    public func recheckOutcomeCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recheck_outcomes") ?? 0 }
    }
}
