import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityReports
import ObjectivitySimulation
import ObjectivityTesting
import Testing

/// Recheck lists of a region with one school nudging works onto the cuts: the evidence
/// works and a control sample, only codes, and a filled-in list reads back as outcomes.
@Suite struct RecheckListTests {
    @Test func nudgingSchool_listsItsWorksOnTheCuts_plusControls_andTheFilledListReadsBack() throws {
        var c = RegionConfiguration.small(schools: 150, seed: 17)
        c.villageShare = 0
        c.manipulatedSchoolShare = 0
        c.injections = [ManipulationInjection(school: "sch220021", years: [2025], type: .thresholdNudging, intensity: 0.9)]
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let analysis = try #require(run.analyses().first)
        let flagged = try #require(analysis.units.first { $0.school == "sch220021" })
        #expect(flagged.riskLevel >= .medium)
        let lists = RecheckList.lists(for: analysis, seed: 1)
        let rows = lists.flatMap(\.rows).filter { $0.school == "sch220021" }
        let cuts = (3...5).compactMap { analysis.sitting.scale.cut(for: $0) }
        let evidence = rows.filter { $0.reason.contains("границе") }
        let controls = rows.filter { $0.reason.contains("контрольная") }
        #expect(!evidence.isEmpty && evidence.allSatisfy { r in cuts.contains { r.primaryScore == $0 || r.primaryScore == $0 + 1 } })
        #expect(controls.count == max(RecheckSelection.minimumControl, Int((0.2 * Double(evidence.count)).rounded(.up))))
        #expect(Set(rows.map(\.participantCode)).count == rows.count, "no work twice")
        #expect(RecheckList.lists(for: analysis, seed: 1) == lists, "reproducible")

        // The commission fills in the last column; the file goes back through the reader.
        let list = try #require(lists.first { $0.rows.contains { $0.school == "sch220021" } })
        #expect(!list.header.contains { $0.lowercased().contains("фамил") || $0.lowercased().contains("имя") })
        var text = String(decoding: RecheckListWriter.csv(list), as: UTF8.self)
        text = text.split(separator: "\r\n", omittingEmptySubsequences: false).enumerated().map { i, line in
            i == 0 || line.isEmpty ? String(line) : String(line) + "7"   // «после перепроверки» = 7
        }.joined(separator: "\r\n")
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let filled = directory.appendingPathComponent(RecheckListWriter.baseName(list) + ".csv")
        try text.write(to: filled, atomically: true, encoding: .utf8)
        let report = try Fixtures.reader().read(url: filled)
        guard case .recheckOutcomes(let file) = report.content else {
            Issue.record("not read as outcomes: \(String(describing: report.error))")
            return
        }
        #expect(file.outcomes.count == list.rows.count)
        #expect(file.outcomes.allSatisfy { $0.recheckedScore == 7 && $0.sitting == analysis.sitting.key }, "\(file.outcomes.first.map { "\($0)" } ?? "")")
        try RecheckListWriter.write(list, into: directory)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(RecheckListWriter.baseName(list) + ".xlsx").path))
    }

    @Test func helpedClass_isListedAsNearIdenticalWorks_byParticipantCode() throws {
        var c = RegionConfiguration.small(schools: 150, seed: 19)
        c.villageShare = 0
        c.manipulatedSchoolShare = 0
        c.injections = [ManipulationInjection(school: "sch220031", years: [2025], type: .helpDuringTest, intensity: 0.9)]
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let analysis = try #require(run.analyses().first)
        let helped = try #require(analysis.units.first { $0.school == "sch220031" })
        let similarity = try #require(helped.indicators.first { $0.family == "answer_similarity/near_identical" })
        #expect(similarity.fired && !similarity.groups.isEmpty, "p \(similarity.test.pValue), works \(helped.works), groups \(similarity.groups)")
        let others = analysis.units.filter { $0.school != "sch220031" }
        let honestGroups = others.filter { unit in unit.indicators.contains { $0.code == "answer_similarity" && !$0.groups.isEmpty } }
        #expect(honestGroups.count <= 2, "honest units with near-identical groups: \(honestGroups.map(\.school))")
        #expect(helped.riskLevel >= .medium)
        let rows = RecheckList.lists(for: analysis, seed: 1).flatMap(\.rows).filter { $0.school == "sch220031" }
        let listed = Set(rows.filter { $0.reason.contains("почти одинаковые") }.map(\.participantCode))
        #expect(listed == Set(similarity.groups.flatMap { $0 }))
        let explanation = UnitExplanation.text(for: helped, sitting: analysis.sitting)
        #expect(explanation.contains("Группы почти одинаковых работ: коды "))
    }
}
