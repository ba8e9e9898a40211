/// Combines the batches of one sitting into a single columnar ``Sitting`` sorted by school.
public struct SittingAssembler: Sendable {
    /// Why a batch cannot join the sitting.
    public enum Mismatch: Error, Equatable, Sendable {
        /// The batch's task columns (labels or maxima) differ from the sitting's.
        case tasksDiffer(expected: [TaskDescriptor], found: [TaskDescriptor])
        /// The batch belongs to another sitting.
        case otherSitting(expected: SittingKey, found: SittingKey)
    }

    public let key: SittingKey
    public private(set) var tasks: [TaskDescriptor]?
    private var batches: [WorkBatch] = []

    public init(key: SittingKey) { self.key = key }

    /// Adds a batch; the first one fixes the task columns. Levels missing from one
    /// batch are taken from another that has them.
    public mutating func add(_ batch: WorkBatch) throws(Mismatch) {
        guard batch.key == key else { throw .otherSitting(expected: key, found: batch.key) }
        if let known = tasks {
            let same = known.count == batch.tasks.count
                && zip(known, batch.tasks).allSatisfy { $0.label == $1.label && $0.maxScore == $1.maxScore }
            guard same else { throw .tasksDiffer(expected: known, found: batch.tasks) }
            tasks = zip(known, batch.tasks).map { k, b in
                var merged = k
                if merged.level == nil { merged.level = b.level }
                return merged
            }
        } else {
            tasks = batch.tasks
        }
        batches.append(batch)
    }

    /// The assembled sitting, rows sorted by school (stable within a school).
    /// - Parameter scale: the scale in force for the sitting.
    public func assemble(scale: MarkScale) -> Sitting {
        let taskList = tasks ?? []
        var schools = InternedStrings()
        var municipalities = InternedStrings()
        var classes = InternedStrings()
        var schoolMunicipality: [Int32] = []
        var total = 0
        var merged = WorkColumns(taskCount: taskList.count, reservingWorks: batches.reduce(0) { $0 + $1.works.count })
        for batch in batches {
            let schoolMap = batch.schools.values.enumerated().map { local, name in
                let id = schools.intern(name)
                if Int(id) == schoolMunicipality.count {
                    let municipality = batch.municipalities[batch.schoolMunicipality[local]]
                    schoolMunicipality.append(municipalities.intern(municipality))
                }
                return id
            }
            let classMap = batch.classes.values.map { classes.intern($0) }
            merged.append(contentsOf: batch.works, schoolMap: schoolMap, classMap: classMap)
            total += batch.works.count
        }
        // Counting sort by school id keeps rows of a school in reading order.
        var offsets = [Int](repeating: 0, count: schools.count + 1)
        for s in merged.school { offsets[Int(s) + 1] += 1 }
        for i in 0..<schools.count { offsets[i + 1] += offsets[i] }
        // Ids are given in order of first appearance, so when every school's works came
        // together (one file per school or per municipality, as exported) the rows are
        // already sorted and need no second copy.
        if !zip(merged.school, merged.school.dropFirst()).allSatisfy({ $0 <= $1 }) {
            var cursor = offsets
            var order = [Int](repeating: 0, count: total)
            for (row, s) in merged.school.enumerated() {
                order[cursor[Int(s)]] = row
                cursor[Int(s)] += 1
            }
            let identitySchools = (0..<Int32(schools.count)).map { $0 }
            let identityClasses = (0..<Int32(classes.count)).map { $0 }
            merged = merged.permuted(by: order, schoolMap: identitySchools, classMap: identityClasses)
        }
        return Sitting(
            key: key, tasks: taskList, scale: scale, schools: schools,
            schoolMunicipality: schoolMunicipality, municipalities: municipalities,
            classes: classes, schoolOffsets: offsets, works: merged)
    }
}
