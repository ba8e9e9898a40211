/// Recognises columns that hold pupils' names, which are dropped at read and never stored.
///
/// Recheck lists and every other output use participant codes only; a name that is
/// never read cannot leak into a log, a store or an alert.
enum PersonalDataColumns {
    private static let prefixes = ["фамилия", "имя", "отчество", "фио", "ф.и.о", "ф и о", "ученик", "обучающийся",
                                   "учащийся", "name", "surname", "first name", "last name", "full name"]

    /// Whether a folded header cell names a column of pupils' names.
    static func isNameColumn(_ folded: String) -> Bool {
        if folded.contains("фио") || folded.contains("ф.и.о") { return true }
        return prefixes.contains { folded == $0 || folded.hasPrefix($0 + " ") || folded.hasPrefix($0 + ",") }
    }
}
