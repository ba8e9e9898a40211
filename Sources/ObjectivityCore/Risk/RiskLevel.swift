/// How strongly a unit's results show signs of non-objectivity (FORMATS.md §5).
public enum RiskLevel: String, Sendable, Codable, Comparable, CaseIterable {
    case none, low, medium, high

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
