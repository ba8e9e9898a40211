/// The caveat "small unit: n works" that a test result carries when its unit has fewer
/// than ``ThresholdPeakTest/smallUnit`` works, as one shared array per size and wording.
///
/// About a third of a country's units are that small, each with a dozen results: built
/// anew, the one-line arrays and their strings held some 0.5 GB at national size. Arrays
/// are copied on write, so a result that adds a caveat of its own copies only its own.
public enum SmallUnitCaveat {
    /// What is counted.
    public enum Counted: Sendable {
        case works
        case participants
        case worksWithJournalMarks

        var noun: String {
            switch self {
            case .works: "works"
            case .participants: "participants"
            case .worksWithJournalMarks: "works with journal marks"
            }
        }
    }

    private static let tables: [[[String]]] = [Counted.works, .participants, .worksWithJournalMarks].map { counted in
        (0..<ThresholdPeakTest.smallUnit).map { ["small unit: \($0) \(counted.noun)"] }
    }

    /// `["small unit: n …"]` when `n` is below ``ThresholdPeakTest/smallUnit``, else `[]`.
    public static func caveats(_ n: Int, _ counted: Counted = .works) -> [String] {
        guard (0..<ThresholdPeakTest.smallUnit).contains(n) else { return [] }
        let table = switch counted {
        case .works: tables[0]
        case .participants: tables[1]
        case .worksWithJournalMarks: tables[2]
        }
        return table[n]
    }
}
