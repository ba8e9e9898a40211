import ObjectivityCore
import Testing

/// The outcome loop's rule: an alert is confirmed by lowered evidence,
/// not confirmed once enough evidence came back unchanged, and pending before that.
@Suite struct RecheckConfirmationTests {
    private func work(_ alert: String, evidence: Bool, original: Int = 10, rechecked: Int?, families: [String] = ["threshold_peak"],
                      level: RiskLevel = .high) -> RecheckConfirmation.ListedWork {
        RecheckConfirmation.ListedWork(alertID: alert, families: families, riskLevel: level, evidence: evidence, original: original, rechecked: rechecked)
    }

    @Test func statuses_followTheDocumentedRule() {
        let works = [
            // a: 2 of 4 evidence lowered, control untouched → confirmed.
            work("a", evidence: true, rechecked: 8), work("a", evidence: true, rechecked: 9), work("a", evidence: true, rechecked: 10),
            work("a", evidence: true, rechecked: 10), work("a", evidence: false, rechecked: 10),
            // b: 3 evidence back unchanged → not confirmed.
            work("b", evidence: true, rechecked: 10), work("b", evidence: true, rechecked: 11), work("b", evidence: true, rechecked: 10),
            work("b", evidence: true, rechecked: nil),
            // c: a third of the evidence lowered, the control as often: the whole unit was
            // over-marked, which confirms the sign.
            work("c", evidence: true, rechecked: 9), work("c", evidence: true, rechecked: 10), work("c", evidence: true, rechecked: 10),
            work("c", evidence: false, rechecked: 9), work("c", evidence: false, rechecked: 10), work("c", evidence: false, rechecked: 10),
            // d: one evidence work back unchanged out of five listed → pending.
            work("d", evidence: true, rechecked: 10), work("d", evidence: true, rechecked: nil), work("d", evidence: true, rechecked: nil),
            work("d", evidence: true, rechecked: nil), work("d", evidence: true, rechecked: nil),
        ]
        let tallies = RecheckConfirmation.byAlert(works)
        #expect(tallies["a"]?.status == .confirmed)
        #expect(tallies["a"]?.confirmationRate == 0.5 && tallies["a"]?.controlRate == 0 && tallies["a"]?.pointsRemoved == 3)
        #expect(tallies["b"]?.status == .notConfirmed)
        #expect(tallies["c"]?.status == .confirmed && tallies["c"]?.controlRate == tallies["c"]?.confirmationRate)
        #expect(tallies["d"]?.status == .pending)
    }

    @Test func byIndicator_countsAWorkUnderEachFiredFamily_andTheAlertsByStatus() {
        let works = [
            work("a", evidence: true, rechecked: 8, families: ["threshold_peak", "distribution"]),
            work("a", evidence: false, rechecked: 10, families: ["threshold_peak", "distribution"]),
            work("b", evidence: true, rechecked: 10, families: ["distribution"], level: .medium),
        ]
        let groups = RecheckConfirmation.byIndicator(works)
        let peak = groups[RecheckConfirmation.GroupKey(family: "threshold_peak", riskLevel: .high)]
        #expect(peak?.tally.evidenceLowered == 1 && peak?.tally.controlRechecked == 1 && peak?.alerts[.confirmed] == 1)
        let distributionMedium = groups[RecheckConfirmation.GroupKey(family: "distribution", riskLevel: .medium)]
        #expect(distributionMedium?.tally.evidenceRechecked == 1 && distributionMedium?.tally.evidenceLowered == 0)
        #expect(distributionMedium?.alerts[.notConfirmed] == 1, "one evidence work listed, back unchanged")
    }
}
