import Foundation
import ObjectivityCore
import Testing

/// `answer_similarity` on a synthetic sitting whose works answer each task independently
/// given their ability (20 tasks), with one school where five works copied each task of
/// one key with probability 0.95 (the key's slips included); and the Gram product
/// against a plain loop.
@Suite struct AnswerSimilarityTestTests {
    private static let maxima = [1, 1, 1, 2, 1, 2, 2, 2, 1, 2, 2, 1, 2, 2, 1, 1, 2, 1, 1, 2]

    private func sitting(copiedIn copying: Int?) -> Sitting {
        let key = SittingKey(year: 2025, subject: "Математика", grade: 5)
        var batch = WorkBatch(key: key, tasks: Self.maxima.enumerated().map { TaskDescriptor(label: "\($0.offset + 1)", maxScore: $0.element) })
        var rng = SplitMix64(seed: 5, stream: 1)
        let keyScores: [Int8] = Self.maxima.enumerated().map { k, m in Int8(k % 3 == 0 ? 0 : m) }  // slips on every third task
        let classID = batch.classes.intern("5А")
        for school in 0..<40 {
            let id = batch.schoolID("sch\(school)", municipality: "")
            for pupil in 0..<30 {
                let ability = 2 * rng.nextNormal()
                var scores: [Int8] = Self.maxima.enumerated().map { k, m in
                    let difficulty = Double(k % 5) - 2
                    return Int8((0..<m).filter { _ in rng.nextUnit() < 1 / (1 + exp(difficulty - ability)) }.count)
                }
                if school == copying, pupil < 5 {
                    scores = zip(scores, keyScores).map { own, copied in rng.nextUnit() < 0.95 ? copied : own }
                }
                let total = scores.reduce(0) { $0 + Int($1) }
                let code = Array("\(school * 100 + pupil)".utf8)
                code.withUnsafeBufferPointer { buffer in
                    batch.works.append(school: id, classID: classID, participantCode: buffer, variant: 0, scores: scores,
                                       primaryScore: Int16(total), mark: Int8(total < 7 ? 2 : total < 12 ? 3 : total < 17 ? 4 : 5), journalMark: 0)
                }
            }
        }
        var assembler = SittingAssembler(key: key)
        try? assembler.add(batch)
        return assembler.assemble(scale: MarkScale(cut3: 7, cut4: 12, cut5: 17, maxScore: 30))
    }

    @Test func worksWrittenFromOneKey_formAGroup_andHonestSchoolsDoNot() {
        let s = sitting(copiedIn: 7)
        let test = AnswerSimilarityTest(sitting: s)
        var honestSmall = 0
        for school in 0..<Int32(s.schools.count) {
            let result = test.test(sitting: s, rows: s.rows(ofSchool: school))
            if school == s.schools.id(of: "sch7") {
                let members = Set(result.groups.flatMap { $0 }.map { s.works.participantCode[$0] })
                #expect(min(result.nearIdentical.pValue, result.sharedSlips.pValue) < 0.001,
                        "\(result.nearIdentical.pValue) \(result.sharedSlips.pValue)")
                #expect(members.isSuperset(of: ["701", "702", "703"]) && members.isSubset(of: ["700", "701", "702", "703", "704"]), "\(members)")
            } else {
                #expect(result.groups.isEmpty, "sch\(school): \(result.groups)")
                if min(result.nearIdentical.pValue, result.sharedSlips.pValue) < 0.025 { honestSmall += 1 }
            }
        }
        #expect(honestSmall <= 2, "honest units below 0.05: \(honestSmall) of 39")
    }

    @Test func gram_byDsyrk_equalsAPlainLoop() {
        var rng = SplitMix64(seed: 3, stream: 0)
        let a = Matrix(rows: 7, columns: 5, elements: (0..<35).map { _ in rng.nextUnit() })
        for block in [0..<5, 1..<3] {
            let gram = a.rowGram(columns: block)
            for i in 0..<7 {
                for j in i..<7 {
                    let plain = block.reduce(0.0) { $0 + a[i, $1] * a[j, $1] }
                    #expect(abs(gram[i, j] - plain) < 1e-12)
                }
            }
        }
    }
}
