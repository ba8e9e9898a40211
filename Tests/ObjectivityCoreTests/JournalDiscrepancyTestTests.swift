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

    @Test func worksWithoutJournalMarks_areLeftOut() {
        let result = region.test(vpr: [3, 3, 4], journal: [0, 0, 0])
        #expect(result.confirmed.parameter == 0)
        #expect(result.confirmed.pValue == 1)
        #expect(result.confirmed.caveats.contains("small unit: 0 works with journal marks"))
    }
}
