public import ObjectivityCore

/// How lists people read name a unit's sitting in a few words.
public enum SittingLabel {
    /// «Математика 5» for a ВПР sitting (subject and grade), «ОГЭ Математика» for an exam.
    public static func short(_ key: SittingKey) -> String {
        key.isVPR ? "\(key.subject) \(key.grade)" : "\(key.assessment) \(key.subject)"
    }
}
