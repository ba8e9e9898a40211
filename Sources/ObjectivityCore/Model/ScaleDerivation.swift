/// Derives a sitting's conversion scale from the works themselves.
///
/// ФИС ОКО exports carry each work's primary score and mark but not the scale, and
/// the scale changes every year. When the marks are consistent, the derived cut for a
/// mark is the lowest primary score seen with it. When some works contradict every
/// monotone scale (a typo, a hand-edited mark), the cuts are the monotone ones that
/// agree with the most works, and the disagreeing works are returned so the reader
/// can report them row by row.
public struct ScaleDerivation: Sendable {
    /// The derived scale; a cut is `nil` when no work earned that mark.
    public var scale: MarkScale
    /// (primary score, mark) pairs that contradict `scale`, with their number of works.
    public var contradictions: [ScoreMarkCount]
    /// Number of works the scale was derived from.
    public var works: Int

    /// Number of works whose mark contradicts the derived scale.
    public var contradictingWorks: Int { contradictions.reduce(0) { $0 + $1.works } }

    /// A count of works with one primary score and one mark.
    public struct ScoreMarkCount: Hashable, Sendable {
        public var score: Int
        public var mark: Int
        public var works: Int

        public init(score: Int, mark: Int, works: Int) {
            self.score = score
            self.mark = mark
            self.works = works
        }
    }

    /// - Parameters:
    ///   - scores: primary scores in points, one per work (same length as `marks`); the
    ///     column types of ``WorkColumns``, so a sitting is passed without conversion.
    ///   - marks: marks 2…5; other values are ignored.
    ///   - maxScore: the maximum primary score, if known; otherwise the largest score seen.
    public init(scores: [Int16], marks: [Int8], maxScore: Int?) {
        precondition(scores.count == marks.count, "one mark per score")
        let top = max(maxScore ?? 0, Int(scores.max() ?? 0))
        let width = top + 1
        // Flat tables, mark after mark: every file of a national batch is checked here, and
        // a table per mark (grown by appends) was three dozen allocations per file.
        // counts[(mark − 2)·width + score]
        var counts = [Int](repeating: 0, count: 4 * width)
        var works = 0
        for i in scores.indices {
            let score = Int(scores[i]), mark = Int(marks[i])
            guard (2...5).contains(mark), score >= 0 else { continue }
            counts[(mark - 2) * width + score] += 1
            works += 1
        }
        self.works = works
        // prefix[(mark − 2)·(width + 1) + c] = works with that mark and score < c
        var prefix = [Int](repeating: 0, count: 4 * (width + 1))
        for m in 0..<4 {
            for c in 0..<width { prefix[m * (width + 1) + c + 1] = prefix[m * (width + 1) + c] + counts[m * width + c] }
        }
        let (c3, c4, c5) = Self.bestCuts(prefix: prefix, width: width)
        let cutValues = [c3, c4, c5]
        // A cut only for a mark some work earned.
        func cut(_ mark: Int) -> Int? { prefix[(mark - 2) * (width + 1) + width] > 0 ? cutValues[mark - 3] : nil }
        scale = MarkScale(cut3: cut(3), cut4: cut(4), cut5: cut(5), maxScore: maxScore)
        var wrong: [ScoreMarkCount] = []
        for m in 0..<4 {
            let low = m == 0 ? 0 : cutValues[m - 1]
            let high = m == 3 ? width : cutValues[m]
            for score in 0..<width where counts[m * width + score] > 0 && !(low..<high).contains(score) {
                wrong.append(ScoreMarkCount(score: score, mark: m + 2, works: counts[m * width + score]))
            }
        }
        contradictions = wrong
    }

    /// The cuts c3 ≤ c4 ≤ c5 (each in 0…width) that agree with the most works; among equal
    /// ones the lexicographically largest (ties go to the larger cut, the lowest score seen
    /// with the mark above). Agreement splits as G(c3) + M(c4) + H(c5) + constant, so
    /// prefix and suffix maxima find it in O(width): the plain search over every triple was
    /// O(width³), and a single work with a primary score in the tens of thousands (found by
    /// fuzzing) kept the reader busy for hours.
    ///
    /// `prefix` holds, mark after mark (2…5), the works with that mark and a score below c
    /// at (mark − 2)·(width + 1) + c.
    static func bestCuts(prefix: [Int], width: Int) -> (Int, Int, Int) {
        let row = width + 1
        let g = (0...width).map { prefix[$0] - prefix[row + $0] }
        let m = (0...width).map { prefix[row + $0] - prefix[2 * row + $0] }
        let h = (0...width).map { prefix[2 * row + $0] - prefix[3 * row + $0] }
        // bestH[c] = max h[c...]; tail[c] = max over c4 ≥ c of m[c4] + bestH[c4].
        var bestH = h
        for c in stride(from: width - 1, through: 0, by: -1) { bestH[c] = max(h[c], bestH[c + 1]) }
        var tail = (0...width).map { m[$0] + bestH[$0] }
        for c in stride(from: width - 1, through: 0, by: -1) { tail[c] = max(tail[c], tail[c + 1]) }
        let best = (0...width).reduce(Int.min) { max($0, g[$1] + tail[$1]) }
        let c3 = (0...width).last { g[$0] + tail[$0] == best }!
        let c4 = (c3...width).last { m[$0] + bestH[$0] == best - g[c3] }!
        let c5 = (c4...width).last { h[$0] == best - g[c3] - m[c4] }!
        return (c3, c4, c5)
    }
}
