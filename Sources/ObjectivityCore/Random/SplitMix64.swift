#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A small, fast, seedable generator (SplitMix64, Steele, Lea and Flood 2014) so that
/// simulated regions and generated test data are reproducible byte for byte.
///
/// Rmath's own generator is global state; this one is a value, so parallel simulation of
/// different sittings draws from independent, deterministic streams.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

extension SplitMix64 {
    /// A generator for one part of a larger simulation, independent of its siblings:
    /// the parent seed and the part's coordinates are mixed into a new seed.
    public init(seed: UInt64, stream: UInt64...) {
        var state = seed
        for part in stream {
            var mixer = SplitMix64(seed: state ^ (part &* 0x9E37_79B9_7F4A_7C15))
            state = mixer.next()
        }
        self.init(seed: state)
    }

    /// A standard normal draw (Box–Muller; one of the pair is discarded for simplicity).
    public mutating func nextNormal() -> Double {
        let u1 = max(nextUnit(), 0x1.0p-53)
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

extension SplitMix64 {
    /// A Poisson draw with the given mean: Knuth's product of uniforms below 30, a rounded
    /// normal approximation above (where its error is far below the bootstrap's own noise).
    public mutating func nextPoisson(mean: Double) -> Double {
        guard mean > 0 else { return 0 }
        if mean < 30 {
            let limit = exp(-mean)
            var k = 0.0
            var product = nextUnit()
            while product > limit {
                k += 1
                product *= nextUnit()
            }
            return k
        }
        return max(0, (mean + mean.squareRoot() * nextNormal()).rounded())
    }
}
