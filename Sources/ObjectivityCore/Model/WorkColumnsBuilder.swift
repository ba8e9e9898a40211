/// Accumulates works into raw column buffers, then hands them over as ``WorkColumns``.
///
/// A reader appends millions of works one at a time. Appending to eight `Array`s costs a
/// uniqueness and a capacity check each, per work; this builder writes through pointers
/// and checks capacity once. Owned by one reader on one thread; not shared — so its
/// properties go without the runtime's exclusivity checks: a class's stored property is
/// otherwise checked on every access (`swift_beginAccess`), nine per appended work, some
/// 5 % of reading a national batch.
public final class WorkColumnsBuilder {
    public let taskCount: Int
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var school: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var classID: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var variant: UnsafeMutablePointer<Int16>
    @exclusivity(unchecked) private var taskScores: UnsafeMutablePointer<Int8>
    @exclusivity(unchecked) private var primaryScore: UnsafeMutablePointer<Int16>
    @exclusivity(unchecked) private var mark: UnsafeMutablePointer<Int8>
    @exclusivity(unchecked) private var journalMark: UnsafeMutablePointer<Int8>
    @exclusivity(unchecked) private var codeOffsets: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var codeBytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var codeByteCount = 0
    @exclusivity(unchecked) private var codeByteCapacity: Int

    /// - Parameter expectedWorks: an estimate of the works to come; the buffers grow past it.
    public init(taskCount: Int, expectedWorks: Int) {
        self.taskCount = taskCount
        capacity = max(16, expectedWorks)
        codeByteCapacity = capacity * 8
        school = .allocate(capacity: capacity)
        classID = .allocate(capacity: capacity)
        variant = .allocate(capacity: capacity)
        taskScores = .allocate(capacity: capacity * max(1, taskCount))
        primaryScore = .allocate(capacity: capacity)
        mark = .allocate(capacity: capacity)
        journalMark = .allocate(capacity: capacity)
        codeOffsets = .allocate(capacity: capacity + 1)
        codeOffsets[0] = 0
        codeBytes = .allocate(capacity: codeByteCapacity)
    }

    deinit {
        school.deallocate(); classID.deallocate(); variant.deallocate(); taskScores.deallocate()
        primaryScore.deallocate(); mark.deallocate(); journalMark.deallocate(); codeOffsets.deallocate()
        codeBytes.deallocate()
    }

    /// Appends one work; `scores` holds ``taskCount`` values.
    public func append(school s: Int32, classID c: Int32, participantCode: UnsafeBufferPointer<UInt8>, variant v: Int16,
                       scores: UnsafeBufferPointer<Int8>, primaryScore p: Int16, mark m: Int8, journalMark j: Int8) {
        precondition(scores.count == taskCount, "one score per task")
        if count == capacity { grow() }
        while codeByteCount + participantCode.count > codeByteCapacity { growCodes() }
        school[count] = s
        classID[count] = c
        variant[count] = v
        primaryScore[count] = p
        mark[count] = m
        journalMark[count] = j
        if taskCount > 0 { (taskScores + count * taskCount).update(from: scores.baseAddress!, count: taskCount) }
        if !participantCode.isEmpty { (codeBytes + codeByteCount).update(from: participantCode.baseAddress!, count: participantCode.count) }
        codeByteCount += participantCode.count
        count += 1
        codeOffsets[count] = UInt32(codeByteCount)
    }

    /// The participant code of work `work`, as appended.
    public func participantCode(of work: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: codeBytes + Int(codeOffsets[work]), count: Int(codeOffsets[work + 1] - codeOffsets[work]))
    }

    /// School id of work `work`, as appended.
    public func school(of work: Int) -> Int32 { school[work] }

    /// Moves the works appended so far into arrays and empties the builder. Each buffer is
    /// released as soon as its column is copied, so the peak is the columns plus the
    /// largest single buffer, not twice the columns.
    public func takeColumns() -> WorkColumns {
        func take<T>(_ buffer: inout UnsafeMutablePointer<T>, _ used: Int) -> [T] {
            let array = Array(UnsafeBufferPointer(start: buffer, count: used))
            buffer.deallocate()
            buffer = .allocate(capacity: 1)
            return array
        }
        var columns = WorkColumns(taskCount: taskCount)
        columns.taskScores = take(&taskScores, count * taskCount)
        columns.school = take(&school, count)
        columns.classID = take(&classID, count)
        columns.variant = take(&variant, count)
        columns.primaryScore = take(&primaryScore, count)
        columns.mark = take(&mark, count)
        columns.journalMark = take(&journalMark, count)
        let bytes = take(&codeBytes, codeByteCount)
        columns.participantCode = ByteStringColumn(bytes: bytes, offsets: take(&codeOffsets, count + 1))
        codeOffsets[0] = 0
        count = 0
        capacity = 1
        codeByteCount = 0
        codeByteCapacity = 1
        return columns
    }

    private func grow() {
        let bigger = capacity * 2
        func moved<T>(_ old: UnsafeMutablePointer<T>, _ used: Int, _ size: Int) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: size)
            new.moveInitialize(from: old, count: used)
            old.deallocate()
            return new
        }
        school = moved(school, count, bigger)
        classID = moved(classID, count, bigger)
        variant = moved(variant, count, bigger)
        taskScores = moved(taskScores, count * taskCount, bigger * max(1, taskCount))
        primaryScore = moved(primaryScore, count, bigger)
        mark = moved(mark, count, bigger)
        journalMark = moved(journalMark, count, bigger)
        codeOffsets = moved(codeOffsets, count + 1, bigger + 1)
        capacity = bigger
    }

    private func growCodes() {
        let bigger = codeByteCapacity * 2
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        new.moveInitialize(from: codeBytes, count: codeByteCount)
        codeBytes.deallocate()
        codeBytes = new
        codeByteCapacity = bigger
    }
}
