/// Difficulty level of a ВПР task as published in the task specification.
public enum TaskLevel: String, Sendable, Hashable, CaseIterable {
    /// «Б»: basic level, expected to be solved by most pupils.
    case basic = "Б"
    /// «П»: advanced level.
    case advanced = "П"
    /// «В»: high level.
    case high = "В"
}
