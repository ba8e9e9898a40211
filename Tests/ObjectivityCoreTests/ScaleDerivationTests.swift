import ObjectivityCore
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

    @Test func scaleDescription_readsAsScoreRanges() {
        #expect(MarkScale(cut3: 8, cut4: 15, cut5: 21, maxScore: 25).description == "2: 0–7, 3: 8–14, 4: 15–20, 5: 21–25")
    }
}
