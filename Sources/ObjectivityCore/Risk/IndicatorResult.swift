/// One indicator's verdict on one unit.
public struct IndicatorResult: Sendable, Equatable {
    /// Stable code: `threshold_peak`, `journal_discrepancy`, …
    public var code: String
    /// Which side or part of the indicator (`confirmed`, `raised`, `lowered`, `large_gaps`; a cut).
    public var detail: IndicatorDetail
    /// For indicators with directions, which one.
    public var direction: String?
    public var test: HypothesisTestResult
    /// Whether the indicator fired (q below ``RiskModel/firingQ``); in the padding after
    /// ``test``.
    public var fired: Bool
    /// Scale of the sitting's empirical null the p-value was calibrated against (``EmpiricalNull``),
    /// to two decimals, at least 1; 0 for a family that is not calibrated. Kept apart from
    /// ``detail`` (`units.jsonl` shows it there as `null_scale`) and as a `Float` in the
    /// padding after ``fired``: a dictionary per calibrated indicator held about 0.7 GB at
    /// national size.
    public var nullScale: Float = 0
    /// Benjamini–Hochberg q-value within the sitting, for this code and direction.
    public var qValue: Double
    /// Groups of works the indicator points at, by participant code (`answer_similarity`:
    /// near-identical works); empty for the others.
    public var groups: [[String]] = []

    public init(code: String, direction: String? = nil, detail: IndicatorDetail = [:], test: HypothesisTestResult) {
        self.code = code
        self.direction = direction
        self.detail = detail
        self.test = test
        self.qValue = test.pValue
        self.fired = false
    }

    /// The key multiplicity is controlled over: code and direction.
    public var family: String { direction.map { "\(code)/\($0)" } ?? code }

    /// ``family`` as a key that is not built per call: the analysis groups some twenty
    /// indicators of every unit by family, and a family name longer than fifteen bytes is
    /// a heap string each time it is formed.
    public struct FamilyKey: Hashable, Sendable {
        public var code: String
        public var direction: String?
    }

    public var familyKey: FamilyKey { FamilyKey(code: code, direction: direction) }

    /// Whether ``family`` equals `family`, compared in place (codes and directions are ASCII).
    public func isFamily(_ family: String) -> Bool {
        guard let direction else { return code == family }
        let name = family.utf8, codeBytes = code.utf8, directionBytes = direction.utf8
        guard name.count == codeBytes.count + 1 + directionBytes.count, name.starts(with: codeBytes) else { return false }
        let slash = name.index(name.startIndex, offsetBy: codeBytes.count)
        return name[slash] == UInt8(ascii: "/") && name[name.index(after: slash)...].elementsEqual(directionBytes)
    }
}
