/// Relative closeness for reference values: |a − b| ≤ tolerance × max(|a|, |b|).
func isClose(_ a: Double, _ b: Double, relative tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b))
}
