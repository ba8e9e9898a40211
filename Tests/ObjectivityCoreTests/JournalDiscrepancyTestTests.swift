import ObjectivityCore
import Testing

@Suite struct JournalDiscrepancyTestTests {
    /// A region where the journal equals the ВПР mark half the time, else one higher.
    private let region: JournalDiscrepancyTest = {
        var vpr: [Int8] = [], journal: [Int8] = []
        for m in Int8(2)...4 {
            for i in 0..<1000 {
                vpr.append(m)
                journal.append(i % 2 == 0 ? m : m + 1)
            }
        }
        return JournalDiscrepancyTest(vpr: vpr, journal: journal)
    }()

    @Test func signConvention_loweredMeansJournalAboveVPR() {
        // 20 works, ВПР 3 and journal 4 in all: every one is «Понизили» (ВПР below journal).
        let result = region.test(vpr: ArraySlice([Int8](repeating: 3, count: 20)), journal: ArraySlice([Int8](repeating: 4, count: 20)))
        #expect(result.lowered.statistic == 20)
        #expect(result.lowered.pValue < 1e-5)
        #expect(result.confirmed.statistic == 0)
        #expect(result.confirmed.pValue == 1)
    }

    @Test func confirmedEverywhere_isFlaggedAsBentTowardTheJournal() {
        let marks = ArraySlice([Int8](repeating: 4, count: 30))
        let result = region.test(vpr: marks, journal: marks)
        #expect(result.confirmed.statistic == 30)
        #expect(result.confirmed.pValue < 1e-4)
        #expect(result.confirmed.estimate > 0.4)
        #expect(result.lowered.pValue == 1)
    }

    @Test func largeGaps_countOnlyJournalsFarAboveTheVPR() {
        // Region: ВПР 3 everywhere; journal 3 or 4, with one work in 20 at 5 and one at 2.
        var vpr: [Int8] = [], journal: [Int8] = []
        for i in 0..<2000 {
            vpr.append(3)
            journal.append(i % 20 == 0 ? 5 : i % 20 == 1 ? 2 : i % 2 == 0 ? 3 : 4)
        }
        let test = JournalDiscrepancyTest(vpr: vpr, journal: journal)
        let unitVPR = ArraySlice([Int8](repeating: 3, count: 20))
        let inflated = test.test(vpr: unitVPR, journal: ArraySlice([Int8](repeating: 5, count: 8) + [Int8](repeating: 3, count: 12)))
        #expect(inflated.largeGaps.statistic == 8)
        #expect(inflated.largeGaps.pValue < 1e-4)
        // ВПР 5 against journal 3 is «Повысили», not a journal far above the ВПР.
        let above = test.test(vpr: ArraySlice([Int8](repeating: 5, count: 8) + [Int8](repeating: 3, count: 12)),
                              journal: ArraySlice([Int8](repeating: 3, count: 20)))
        #expect(above.largeGaps.statistic == 0)
        #expect(above.largeGaps.pValue == 1)
    }

    @Test func worksWithoutJournalMarks_areLeftOut() {
        let result = region.test(vpr: [3, 3, 4], journal: [0, 0, 0])
        #expect(result.confirmed.parameter == 0)
        #expect(result.confirmed.pValue == 1)
        #expect(result.confirmed.caveats.contains("small unit: 0 works with journal marks"))
    }
}

@Suite struct JournalDiscrepancyByScoreTests {
    @Test func worksHighInTheirMarksBand_areComparedWithTheirOwnScore() {
        // Region: mark 3 for scores 7–10; the journal says 4 for most works at 9–10, rarely at 7–8.
        var vpr: [Int8] = [], journal: [Int8] = [], scores: [Int16] = []
        for score in Int16(7)...10 {
            for i in 0..<400 {
                vpr.append(3)
                scores.append(score)
                journal.append(score >= 9 ? (i % 10 < 8 ? 4 : 3) : (i % 10 < 1 ? 4 : 3))
            }
        }
        let test = JournalDiscrepancyTest(vpr: vpr, journal: journal, scores: scores)
        // A unit whose 30 works all scored 10, 24 of them with journal 4: as expected for its scores.
        let unitVPR = ArraySlice([Int8](repeating: 3, count: 30))
        let unitJournal = ArraySlice([Int8](repeating: 4, count: 24) + [Int8](repeating: 3, count: 6))
        let byScore = test.test(vpr: unitVPR, journal: unitJournal, scores: ArraySlice([Int16](repeating: 10, count: 30)))
        let byMark = test.test(vpr: unitVPR, journal: unitJournal)
        #expect(byScore.lowered.pValue > 0.2, "by score: p = \(byScore.lowered.pValue)")
        #expect(byMark.lowered.pValue < 0.001, "by mark only, the same unit looks inflated: p = \(byMark.lowered.pValue)")
    }
}

@Suite struct JournalDiscrepancyRaisedAndLevelTests {
    @Test func signConvention_raisedMeansVPRAboveJournal() {
        let region = JournalDiscrepancyTest(vpr: [Int8](repeating: 3, count: 500) + [Int8](repeating: 4, count: 500),
                                            journal: [Int8](repeating: 3, count: 1000))
        // Half the region's journal-3 works got a ВПР «4»; a unit where all 20 did is «Повысили» throughout.
        let result = region.test(vpr: ArraySlice([Int8](repeating: 4, count: 20)), journal: ArraySlice([Int8](repeating: 3, count: 20)))
        #expect(result.raised.statistic == 20)
        #expect(result.raised.pValue < 1e-5)
        #expect(result.lowered.statistic == 0)
    }

    @Test func strongHonestSchool_agreesWithItsJournal_withoutBeingFlagged() {
        // Strong units (level +1): journal 5 → ВПР 5 in 8 of 10 works; weak units (−1): 4 of 10.
        var vpr: [Int8] = [], journal: [Int8] = [], levels: [JournalDiscrepancyTest.Level] = []
        for unit in 0..<40 {
            let strong = unit % 2 == 0
            for i in 0..<30 {
                journal.append(5)
                vpr.append(i % 10 < (strong ? 8 : 4) ? 5 : 4)
                levels.append(JournalDiscrepancyTest.Level(vprSide: strong ? 1 : -1, journalSide: strong ? 1 : -1))
            }
        }
        let unitVPR = ArraySlice([Int8](repeating: 5, count: 40) + [Int8](repeating: 4, count: 10))
        let unitJournal = ArraySlice([Int8](repeating: 5, count: 50))
        let plain = JournalDiscrepancyTest(vpr: vpr, journal: journal).test(vpr: unitVPR, journal: unitJournal)
        let adjusted = JournalDiscrepancyTest(vpr: vpr, journal: journal, levels: levels)
            .test(vpr: unitVPR, journal: unitJournal, level: JournalDiscrepancyTest.Level(vprSide: 1, journalSide: 1))
        #expect(plain.confirmed.pValue < 0.01, "without the level: p = \(plain.confirmed.pValue)")
        #expect(adjusted.confirmed.pValue > 0.3, "at its own level: p = \(adjusted.confirmed.pValue)")
    }
}
