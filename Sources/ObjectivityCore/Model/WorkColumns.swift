/// Per-work results of a ВПР sitting in columnar form: one contiguous buffer per field.
///
/// Row `i` of every column is the same work. Scores are small integers: task
/// scores fit `Int8`, primary scores `Int16`. Schools and classes are ids into the
/// owner's ``InternedStrings`` tables.
public struct WorkColumns: Sendable, Equatable {
    /// Sentinel in ``taskScores`` for a task not attempted or not marked (`X`, `Х`, `-`, empty).
    public static let notAttempted: Int8 = -1
    /// Sentinel in ``journalMark`` for «нет отметки» or an empty cell.
    public static let noJournalMark: Int8 = 0
    /// Sentinel in ``variant`` when the export gives no variant.
    public static let unknownVariant: Int16 = 0

    /// Number of task columns; ``taskScores`` holds `count × taskCount` values.
    public let taskCount: Int
    /// School id of each work.
    public var school: [Int32] = []
    /// Class id of each work (e.g. «5А»).
    public var classID: [Int32] = []
    /// Participant code of each work (never a name).
    public var participantCode = ByteStringColumn()
    /// Variant of the test paper, ``unknownVariant`` if absent.
    public var variant: [Int16] = []
    /// Task scores in points, row-major (work-major), ``notAttempted`` where missing.
    public var taskScores: [Int8] = []
    /// Total primary score in points.
    public var primaryScore: [Int16] = []
    /// ВПР mark, 2…5.
    public var mark: [Int8] = []
    /// Journal mark for the last term, 2…5, or ``noJournalMark``.
    public var journalMark: [Int8] = []

    public init(taskCount: Int, reservingWorks works: Int = 0) {
        self.taskCount = taskCount
        school.reserveCapacity(works)
        classID.reserveCapacity(works)
        participantCode = ByteStringColumn(reservingWorks: works, bytesPerValue: 8)
        variant.reserveCapacity(works)
        taskScores.reserveCapacity(works * taskCount)
        primaryScore.reserveCapacity(works)
        mark.reserveCapacity(works)
        journalMark.reserveCapacity(works)
    }

    /// Number of works.
    public var count: Int { primaryScore.count }

    /// The task scores of work `row`.
    public func taskScores(ofWork row: Int) -> ArraySlice<Int8> {
        taskScores[(row * taskCount)..<((row + 1) * taskCount)]
    }

    /// These columns reordered: work `i` of the result is work `order[i]` of this table,
    /// with school and class ids passed through `schoolMap` and `classMap`.
    public func permuted(by order: [Int], schoolMap: [Int32], classMap: [Int32]) -> WorkColumns {
        var result = WorkColumns(taskCount: taskCount, reservingWorks: order.count)
        result.participantCode = participantCode.permuted(by: order)
        for i in order {
            result.school.append(schoolMap[Int(school[i])])
            result.classID.append(classMap[Int(classID[i])])
            result.variant.append(variant[i])
            result.taskScores.append(contentsOf: taskScores(ofWork: i))
            result.primaryScore.append(primaryScore[i])
            result.mark.append(mark[i])
            result.journalMark.append(journalMark[i])
        }
        return result
    }

    /// Approximate memory held by the columns, in bytes.
    public var byteSize: Int {
        school.count * 4 + classID.count * 4 + participantCode.bytes.count
            + participantCode.offsets.count * 4 + variant.count * 2 + taskScores.count
            + primaryScore.count * 2 + mark.count + journalMark.count
    }
}
