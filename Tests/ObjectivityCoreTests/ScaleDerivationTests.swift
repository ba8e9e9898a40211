@testable import ObjectivityCore
import Testing

@Suite struct ScaleDerivationTests {
    @Test func consistentMarks_giveLowestScoreSeenWithEachMark() {
        // Grade 8 mathematics, max 25: 2 = 0–7, 3 = 8–14, 4 = 15–20, 5 = 21–25.
        let scores = [3, 7, 9, 8, 14, 16, 15, 20, 22, 25]
        let marks = [2, 2, 3, 3, 3, 4, 4, 4, 5, 5]
        let derived = ScaleDerivation(scores: scores.map { Int16($0) }, marks: marks.map { Int8($0) }, maxScore: 25)
        #expect(derived.scale == MarkScale(cut3: 8, cut4: 15, cut5: 22, maxScore: 25))
        #expect(derived.contradictions.isEmpty)
    }

    @Test func oneContradictingWork_isReportedAndDoesNotMoveTheCuts() {
        var scores = [3, 7, 9, 8, 14, 16, 15, 20, 21, 25]
        var marks = [2, 2, 3, 3, 3, 4, 4, 4, 5, 5]
        scores.append(10); marks.append(5)  // a «5» for 10 points
        let derived = ScaleDerivation(scores: scores.map { Int16($0) }, marks: marks.map { Int8($0) }, maxScore: 25)
        #expect(derived.scale == MarkScale(cut3: 8, cut4: 15, cut5: 21, maxScore: 25))
        #expect(derived.contradictions == [.init(score: 10, mark: 5, works: 1)])
        #expect(derived.contradictingWorks == 1)
    }

    @Test func absentMark_leavesItsCutUnknown() {
        let derived = ScaleDerivation(scores: [2, 5, 12, 13], marks: [2, 2, 4, 4], maxScore: 20)
        #expect(derived.scale.cut(for: 3) == nil)
        #expect(derived.scale.cut(for: 4) == 12)
        #expect(derived.scale.cut(for: 5) == nil)
        #expect(derived.scale.admits(score: 19, mark: 4))
        #expect(!derived.scale.admits(score: 11, mark: 4))
    }

    /// The O(width) search finds the same cuts as trying every triple, ties included, on
    /// random and contradictory score–mark tables.
    @Test func linearSearch_agreesWithTheExhaustiveOne() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let width = 1 + Int(rng.nextUnit() * 25)
            var counts = [[Int]](repeating: [Int](repeating: 0, count: width), count: 4)
            for _ in 0..<Int(rng.nextUnit() * 60) { counts[Int(rng.nextUnit() * 4)][Int(rng.nextUnit() * Double(width))] += 1 }
            let prefix = counts.map { row in row.reduce(into: [0]) { acc, n in acc.append(acc.last! + n) } }
            var best = (agree: -1, c3: 0, c4: 0, c5: 0)
            for c3 in 0...width {
                for c4 in c3...width {
                    for c5 in c4...width {
                        let agree = prefix[0][c3] + (prefix[1][c4] - prefix[1][c3]) + (prefix[2][c5] - prefix[2][c4]) + (prefix[3][width] - prefix[3][c5])
                        if agree >= best.agree { best = (agree, c3, c4, c5) }
                    }
                }
            }
            let found = ScaleDerivation.bestCuts(prefix: prefix.flatMap { $0 }, width: width)
            #expect(found == (best.c3, best.c4, best.c5), "\(counts)")
        }
    }

    /// One work at a primary score of 32,000 (a typo or a hostile file) is read at once.
    @Test func hugeStrayScore_isHandledInLinearTime() {
        let derived = ScaleDerivation(scores: [3, 8, 12, 16, 32_000], marks: [2, 3, 4, 5, 3], maxScore: nil)
        #expect(derived.scale.cut(for: 5) == 16)
        #expect(derived.contradictingWorks == 1)
    }

    @Test func scaleDescription_readsAsScoreRanges() {
        #expect(MarkScale(cut3: 8, cut4: 15, cut5: 21, maxScore: 25).description == "2: 0–7, 3: 8–14, 4: 15–20, 5: 21–25")
    }
}
