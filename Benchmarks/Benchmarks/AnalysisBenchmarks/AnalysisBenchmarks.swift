import Benchmark
import Dispatch
import Foundation
import ObjectivityCore
import ObjectivityIngest
import ObjectivityTesting

/// The BLAS-backed indicators at national size: answer similarity and peer groups over one
/// sitting of 40,000 schools × 60 works (2.4M works, synthetic export read through the
/// real reader), and the BLAS kernels against plain Swift loops on a sample.
///
/// Thread policy: BLAS on one thread (the core sets it), parallelism across schools and
/// sittings by Dispatch — the benchmarks run units on both cores the way scan does.
let benchmarks: @Sendable () -> Void = {
    guard let directory = ReferenceModels.locateDirectory(explicit: nil),
          let models = try? ReferenceModels.load(directory: directory),
          let scale = models.scales.scale(for: SittingKey(year: 2025, subject: "Математика", grade: 5)) else {
        fatalError("models/scales.csv must hold ВПР 2025 Математика 5")
    }
    let works = 2_400_000
    let report = InputFileReader(models: models).read(bytes: SyntheticExport.csv(works: works, scale: scale), name: SyntheticExport.fileName)
    guard case .vprResults(let file) = report.content else { fatalError("synthetic export did not read") }
    var assembler = SittingAssembler(key: file.key)
    try? assembler.add(file.batch)
    let sitting = assembler.assemble(scale: scale)
    let schools = sitting.schools.count
    print("national sitting: \(sitting.works.count) works, \(schools) schools, \(sitting.tasks.count) tasks")

    // A sample for the kernels: one-hot rows of 60 works × 40 categories, 10 components.
    var rng = SplitMix64(seed: 3, stream: 0)
    let oneHot = Matrix(rows: 60, columns: 40, elements: (0..<2400).map { _ in rng.nextUnit() < 0.3 ? 1 : 0 })
    let points = Matrix(rows: 40_000, columns: 10, elements: (0..<400_000).map { _ in rng.nextNormal() })
    let centroids = Matrix(rows: 8, columns: 10, elements: (0..<80).map { _ in rng.nextNormal() })

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)

    Benchmark("Answer similarity, national sitting (40,000 schools, 2.4M works, both cores)") { benchmark in
        for _ in benchmark.scaledIterations {
            let test = AnswerSimilarityTest(sitting: sitting)
            let flagged = OrderedResults<Bool>(count: schools)
            DispatchQueue.concurrentPerform(iterations: schools) { school in
                let result = test.test(sitting: sitting, rows: sitting.rows(ofSchool: Int32(school)))
                flagged.store(result.nearIdentical.pValue < 0.001, at: school)
            }
            blackHole(flagged.take().filter { $0 }.count)
        }
    }

    Benchmark("Peer groups, national sitting (features, PCA, k-means++ k = 2…8, outliers)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PeerGroups(sitting: sitting, selective: [], seed: 1).groups.count)
        }
    }

    Benchmark("Gram matrix of one unit's one-hot responses (60 × 40), cblas_dsyrk, ×1000",
              configuration: .init(timeUnits: .microseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<1000 { blackHole(oneHot.rowGram().elements[1]) }
        }
    }

    Benchmark("Gram matrix of one unit's one-hot responses (60 × 40), plain Swift loop, ×1000",
              configuration: .init(timeUnits: .microseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<1000 { blackHole(plainGram(oneHot)[1]) }
        }
    }

    Benchmark("Distances of 40,000 units to 8 centroids (10 components), cblas_dgemm") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(points.squaredDistances(to: centroids).elements[7]) }
    }

    Benchmark("Distances of 40,000 units to 8 centroids (10 components), plain Swift loop") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(plainDistances(points, centroids)[7]) }
    }
}

/// A · Aᵀ by three nested loops: what the BLAS path replaces.
func plainGram(_ a: Matrix) -> [Double] {
    var result = [Double](repeating: 0, count: a.rows * a.rows)
    for i in 0..<a.rows {
        for j in i..<a.rows {
            var sum = 0.0
            for c in 0..<a.columns { sum += a.elements[i * a.columns + c] * a.elements[j * a.columns + c] }
            result[i * a.rows + j] = sum
        }
    }
    return result
}

/// Squared distances by nested loops.
func plainDistances(_ a: Matrix, _ b: Matrix) -> [Double] {
    var result = [Double](repeating: 0, count: a.rows * b.rows)
    for i in 0..<a.rows {
        for j in 0..<b.rows {
            var sum = 0.0
            for c in 0..<a.columns {
                let d = a.elements[i * a.columns + c] - b.elements[j * a.columns + c]
                sum += d * d
            }
            result[i * b.rows + j] = sum
        }
    }
    return result
}
