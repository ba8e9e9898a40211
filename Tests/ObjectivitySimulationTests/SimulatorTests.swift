import Foundation
import ObjectivityCore
import ObjectivityIngest
@testable import ObjectivitySimulation
import ObjectivityTesting
import Testing

@Suite struct SimulatorTests {
    private let math5 = SittingKey(year: 2025, subject: "Математика", grade: 5)

    @Test func sameSeed_writesTheSameBytes_otherSeedDoesNot() throws {
        var c = RegionConfiguration()
        c.schools = 24
        c.years = [2024, 2025]
        c.xlsxShare = 0.5
        let first = try Fixtures.temporaryDirectory(), second = try Fixtures.temporaryDirectory(), third = try Fixtures.temporaryDirectory()
        defer { for d in [first, second, third] { try? FileManager.default.removeItem(at: d) } }
        let models = try Fixtures.models()
        _ = try RegionSimulator(configuration: c, models: models).run(into: first)
        _ = try RegionSimulator(configuration: c, models: models).run(into: second)
        c.seed = 2
        _ = try RegionSimulator(configuration: c, models: models).run(into: third)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.appendingPathComponent("inbox").path).sorted()
        #expect(names.contains { $0.hasSuffix(".xlsx") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: second.appendingPathComponent("inbox").path).sorted() == names)
        for name in names + ["../truth.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent("inbox/\(name)"))
            let b = try Data(contentsOf: second.appendingPathComponent("inbox/\(name)"))
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
        #expect(try Data(contentsOf: third.appendingPathComponent("truth.csv")) != Data(contentsOf: first.appendingPathComponent("truth.csv")))
    }

    @Test func everySimulatedFile_readsWithoutRejectionOrSkippedRows() throws {
        var c = RegionConfiguration()
        c.schools = 40
        c.years = [2025]
        c.xlsxShare = 0.3
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        #expect(run.sittings.count == 6)
        #expect(run.sittings.values.reduce(0) { $0 + $1.works.count } == run.summary.works)
        #expect(run.truth.count == run.summary.units)
    }

    @Test func cleanRegion_showsNoExcessAtTheCuts() throws {
        var c = RegionConfiguration.small(schools: 400)
        c.manipulatedSchoolShare = 0
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let counts = run.histogram(math5)
        let scale = run.sittings[math5]!.scale
        for cut in scale.cuts.compactMap({ $0 }) {
            // Counterfactual at the cut: a quadratic through the counts around it, leaving out
            // the cut and the two scores below (where nudged works would come from).
            let xs = [cut - 5, cut - 4, cut - 3, cut + 1, cut + 2, cut + 3].filter { counts.indices.contains($0) }
            let predicted = quadraticPrediction(xs: xs.map(Double.init), ys: xs.map { Double(counts[$0]) }, at: Double(cut))
            let z = (Double(counts[cut]) - predicted) / predicted.squareRoot()
            #expect(abs(z) < 4, "cut \(cut): observed \(counts[cut]), smooth prediction \(predicted)")
        }
    }

    @Test func injectedThresholdNudging_movesTheExpectedMassOntoTheCut() throws {
        let (clean, nudged) = RegionConfiguration.small(schools: 300).cleanAndNudged(intensity: 0.5)
        let a = try SimulatedRegionRun(clean), b = try SimulatedRegionRun(nudged)
        defer { a.remove(); b.remove() }
        let before = a.histogram(math5), after = b.histogram(math5)
        let scale = a.sittings[math5]!.scale
        #expect(b.truth.allSatisfy { $0.contains(",1,threshold_nudging,0.5,") })
        for cut in scale.cuts.compactMap({ $0 }) {
            let eligible = Double(before[cut - 1] + before[cut - 2])
            let expected = Double(before[cut]) + 0.5 * eligible
            let sd = (0.25 * eligible).squareRoot()
            #expect(abs(Double(after[cut]) - expected) < 4 * sd + 2, "cut \(cut): \(after[cut]) on the cut, expected \(expected) ± \(sd)")
            #expect(after[cut - 1] < before[cut - 1])
        }
    }

    @Test func journalAgreement_inACleanRegion_matchesTheConfiguredNoise() throws {
        var c = RegionConfiguration.small(schools: 200)
        c.manipulatedSchoolShare = 0
        let models = try Fixtures.models()
        let simulator = try RegionSimulator(configuration: c, models: models)
        let scale = models.scales.scale(for: math5)!
        let model = GradedResponseModel(tasks: models.tasks.tasks(assessment: "ВПР", subject: "Математика", grade: 5), yearShift: 0)
        let normal = NormalDistribution(mean: 0, standardDeviation: c.journalNoiseSD)
        let cuts = [-Double.infinity] + RegionSimulator.journalCuts + [Double.infinity]
        var observed = 0, expected = 0.0, variance = 0.0
        for school in simulator.layout.schools {
            let unit = simulator.drawUnit(school: school, key: math5, sitting: 0, model: model, scale: scale)
            for w in 0..<unit.count where unit.journal[w] != WorkColumns.noJournalMark {
                let mark = Int(unit.marks[w])
                let center = unit.abilities[w] + school.journalLeniency
                // P(journal = mark | ability): the noisy latent falls in that mark's band.
                let p = normal.cumulative(cuts[mark - 1] - center) - normal.cumulative(cuts[mark - 2] - center)
                expected += p
                variance += p * (1 - p)
                if Int(unit.journal[w]) == mark { observed += 1 }
            }
        }
        #expect(abs(Double(observed) - expected) < 4 * variance.squareRoot(), "agreement \(observed), expected \(expected)")
    }

    private func quadraticPrediction(xs: [Double], ys: [Double], at x0: Double) -> Double {
        // Least squares y = a + b (x − x0) + c (x − x0)², returning a.
        let design = Matrix(rows: xs.count, columns: 3, elements: xs.flatMap { [1, $0 - x0, ($0 - x0) * ($0 - x0)] })
        var transposed = Matrix(rows: 3, columns: xs.count)
        for i in 0..<xs.count { for j in 0..<3 { transposed[j, i] = design[i, j] } }
        let normal = transposed.multiplied(by: design)
        let right = transposed.multiplied(by: Matrix(rows: xs.count, columns: 1, elements: ys))
        let eigen = try! SymmetricEigendecomposition(normal)
        // Solve normal × β = right through the eigen-decomposition (3 × 3, well conditioned).
        var beta = [0.0, 0.0, 0.0]
        for k in 0..<3 {
            let v = (0..<3).map { eigen.eigenvectors[$0, k] }
            let coefficient = (0..<3).reduce(0) { $0 + v[$1] * right[$1, 0] } / eigen.eigenvalues[k]
            for i in 0..<3 { beta[i] += coefficient * v[i] }
        }
        return beta[0]
    }
}

@Suite struct InjectionTests {
    @Test func injectedManipulation_landsInTheNamedSchoolAndSittingOnly() throws {
        var c = RegionConfiguration.small(schools: 30)
        c.years = [2024, 2025]
        c.manipulatedSchoolShare = 0
        c.injections = [ManipulationInjection(school: "sch220005", years: [2025], type: .lenientMarking, intensity: 0.8)]
        let run = try SimulatedRegionRun(c)
        defer { run.remove() }
        let manipulated = run.truth.filter { $0.split(separator: ",")[4] == "1" }
        #expect(manipulated.count == 1)
        #expect(manipulated.first?.hasPrefix("sch220005,2025,Математика,5,1,lenient_marking,0.8,") == true)
    }
}
