/// A task as the item-response model sees it: its column, and how hard and how sharp it is.
///
/// Used by the simulator to draw responses; the detectors use only the descriptor.
public struct TaskSpecification: Sendable, Hashable {
    public var descriptor: TaskDescriptor
    /// Logit of the first score step for an average pupil of the grade.
    public var difficulty: Double
    /// Slope of the response curve (logits per unit of ability), > 0.
    public var discrimination: Double

    public init(descriptor: TaskDescriptor, difficulty: Double, discrimination: Double) {
        self.descriptor = descriptor
        self.difficulty = difficulty
        self.discrimination = discrimination
    }
}
