import Foundation
import ObjectivityCore

/// Sitting analyses finished on several threads, kept in sitting order.
final class AnalysisResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [SittingAnalysis?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: SittingAnalysis, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var ordered: [SittingAnalysis] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
