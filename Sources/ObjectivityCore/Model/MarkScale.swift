/// The conversion scale of a sitting: which primary score earns which mark (2…5).
///
/// Stored as the lowest primary score that earns each mark from 3 to 5; everything
/// below the «3» cut earns a «2». The cuts are the grade boundaries at which
/// inflated results pile up, so they must come from data (`models/` or the file
/// itself), never from code.
public struct MarkScale: Hashable, Sendable, CustomStringConvertible {
    /// Lowest primary score for the marks 3, 4 and 5, in points, strictly increasing
    /// where known. `nil` where the source does not determine the cut (e.g. no work
    /// in a file earned that mark).
    public var cuts: [Int?]
    /// Maximum primary score of the work, in points, when known.
    public var maxScore: Int?

    /// - Parameters:
    ///   - cut3: lowest primary score earning a «3».
    ///   - cut4: lowest primary score earning a «4».
    ///   - cut5: lowest primary score earning a «5».
    ///   - maxScore: maximum primary score.
    public init(cut3: Int?, cut4: Int?, cut5: Int?, maxScore: Int? = nil) {
        self.cuts = [cut3, cut4, cut5]
        self.maxScore = maxScore
    }

    /// The lowest primary score earning `mark` (3…5), if known.
    public func cut(for mark: Int) -> Int? {
        guard (3...5).contains(mark) else { return nil }
        return cuts[mark - 3]
    }

    /// The mark a primary score earns, when every cut is known.
    public func mark(forScore score: Int) -> Int? {
        guard let c3 = cuts[0], let c4 = cuts[1], let c5 = cuts[2] else { return nil }
        if score >= c5 { return 5 }
        if score >= c4 { return 4 }
        if score >= c3 { return 3 }
        return 2
    }

    /// Whether a (score, mark) pair is consistent with the known cuts; unknown cuts
    /// never contradict.
    public func admits(score: Int, mark: Int) -> Bool {
        if mark >= 3, let low = cut(for: mark), score < low { return false }
        if mark <= 4, let next = cut(for: mark + 1), score >= next { return false }
        return true
    }

    /// Rendered as score ranges, the way methodologists read scales: `2: 0–7, 3: 8–14, …`.
    public var description: String {
        (2...5).map { mark in
            let low = mark == 2 ? 0 : cut(for: mark)
            let high = mark == 5 ? maxScore : cut(for: mark + 1).map { $0 - 1 }
            return "\(mark): \(low.map(String.init) ?? "?")–\(high.map(String.init) ?? "?")"
        }.joined(separator: ", ")
    }
}
