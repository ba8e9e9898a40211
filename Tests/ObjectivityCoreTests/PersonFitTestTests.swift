import Foundation
import ObjectivityCore
import Testing

/// `person_fit`'s sequential Monte Carlo p-value against its definition written out
/// plainly, on a synthetic sitting small enough that every work of a total is in its pool.
@Suite struct PersonFitTestTests {
    private static let maxima = [1, 2, 1, 2, 2, 1, 1, 2, 1, 2]

    /// 30 schools of 3 to 40 works answering independently given their ability; school 4's
    /// works answer the hard tasks and fail the easy ones (a reversed profile).
    private static func sitting() -> Sitting {
        let key = SittingKey(year: 2025, subject: "Математика", grade: 6)
        var batch = WorkBatch(key: key, tasks: maxima.enumerated().map { TaskDescriptor(label: "\($0.offset + 1)", maxScore: $0.element) })
        var rng = SplitMix64(seed: 11, stream: 3)
        let classID = batch.classes.intern("6А")
        for school in 0..<30 {
            let id = batch.schoolID("sch\(school)", municipality: "")
            for pupil in 0..<(3 + (school * 7) % 38) {
                let ability = rng.nextNormal()
                let scores: [Int8] = maxima.enumerated().map { k, m in
                    let difficulty = (school == 4 ? 9 - Double(k) : Double(k)) / 3 - 1.5
                    return Int8((0..<m).filter { _ in rng.nextUnit() < 1 / (1 + exp(difficulty - ability)) }.count)
                }
                let total = scores.reduce(0) { $0 + Int($1) }
                let code = Array("\(school * 100 + pupil)".utf8)
                code.withUnsafeBufferPointer { buffer in
                    batch.works.append(school: id, classID: classID, participantCode: buffer, variant: 0, scores: scores,
                                       primaryScore: Int16(total), mark: Int8(total < 4 ? 2 : total < 8 ? 3 : total < 12 ? 4 : 5),
                                       journalMark: 0)
                }
            }
        }
        var assembler = SittingAssembler(key: key)
        try? assembler.add(batch)
        return assembler.assemble(scale: MarkScale(cut3: 4, cut4: 8, cut5: 12, maxScore: 15))
    }

    /// Every simulation as defined: each of the unit's works in turn replaced by a work of
    /// the same total drawn uniformly from the sitting (one stream), the mean U3 compared
    /// with the unit's; stopped after `exceedances` hits or `maxSimulations` means. (The
    /// test looks each work's pool up once for all its draws: that may not change one.)
    @Test(arguments: [(10, 999), (3, 999), (10, 50)])
    func monteCarloPValue_followsItsDefinition(exceedances: Int, maxSimulations: Int) {
        let s = Self.sitting()
        let test = PersonFitTest(sitting: s, exceedances: exceedances, maxSimulations: maxSimulations)
        let fit = PolytomousPersonFit(maxima: Self.maxima, scores: s.works.taskScores)
        let tasks = Self.maxima.count
        let u3 = (0..<s.works.count).map { fit.u3(s.works.taskScores[($0 * tasks)..<(($0 + 1) * tasks)]) }
        let totals = s.works.primaryScore.map(Int.init)
        var byTotal = [[Double]](repeating: [], count: Self.maxima.reduce(0, +) + 1)
        for (value, total) in zip(u3, totals) { byTotal[total].append(value) }
        var smallP = 0
        for school in 0..<Int32(s.schools.count) {
            let rows = s.rows(ofSchool: school), seed = UInt64(school) + 17
            let result = test.test(rows: rows, seed: seed)
            let observed = rows.reduce(0.0) { $0 + u3[$1] } / Double(rows.count)
            var rng = SplitMix64(seed: seed, stream: 0)
            var hits = 0, simulations = 0
            while simulations < maxSimulations && hits < exceedances {
                var sum = 0.0
                for row in rows {
                    let pool = byTotal[totals[row]]
                    sum += pool[min(pool.count - 1, Int(rng.nextUnit() * Double(pool.count)))]
                }
                simulations += 1
                if sum / Double(rows.count) >= observed - 1e-12 { hits += 1 }
            }
            let p = hits >= exceedances ? Double(hits) / Double(simulations) : Double(hits + 1) / Double(simulations + 1)
            #expect(result.parameter == Double(simulations), "school \(school)")
            #expect(result.pValue == p, "school \(school)")
            #expect(abs(result.statistic - observed) < 1e-12)
            if p < 0.05 { smallP += 1 }
        }
        // The reversed school is among the small p-values, so both ends of the stopping
        // rule were exercised.
        #expect(smallP >= 1)
    }
}
