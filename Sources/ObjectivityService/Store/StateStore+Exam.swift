import ObjectivityCore
internal import GRDB

extension StateStore {
    /// v3: units of ГИА exams beside the ВПР ones. Alerts and unit results gain the
    /// assessment (`ВПР`, `ОГЭ`, `ЕГЭ`, `ГВЭ`; earlier rows are ВПР), and a unit result is
    /// keyed by it, so that ЕГЭ in grade 11 and a ВПР in grade 11 are different units.
    static func migrateExamColumn(_ db: Database) throws {
        try db.alter(table: "alerts") { t in t.add(column: "exam", .text).notNull().defaults(to: SittingKey.vpr) }
        try db.create(table: "unit_results_v3") { t in
            t.column("exam", .text).notNull()
            t.column("year", .integer).notNull()
            t.column("subject", .text).notNull()
            t.column("grade", .integer).notNull()
            t.column("school", .text).notNull()
            t.column("works", .integer).notNull()
            t.column("risk_score", .double).notNull()
            t.column("risk_level", .text).notNull()
            t.column("fired", .text).notNull()
            t.primaryKey(["exam", "year", "subject", "grade", "school"])
        }
        try db.execute(sql: """
            INSERT INTO unit_results_v3 (exam, year, subject, grade, school, works, risk_score, risk_level, fired)
            SELECT ?, year, subject, grade, school, works, risk_score, risk_level, fired FROM unit_results
            """, arguments: [SittingKey.vpr])
        try db.drop(table: "unit_results")
        try db.rename(table: "unit_results_v3", to: "unit_results")
    }
}
