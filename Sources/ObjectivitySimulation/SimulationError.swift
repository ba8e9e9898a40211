/// Why a region cannot be simulated as configured.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
