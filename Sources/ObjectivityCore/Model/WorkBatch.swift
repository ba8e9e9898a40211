/// The works of one sitting as read from one source (a file), with its own id tables.
///
/// Several batches of the same sitting (one file per school, or one per municipality)
/// are combined into a ``Sitting`` by ``SittingAssembler``.
public struct WorkBatch: Sendable {
    public var key: SittingKey
    public var tasks: [TaskDescriptor]
    /// School logins referred to by `works.school`.
    public var schools = InternedStrings()
    /// Municipality of each school id of this batch (index into ``municipalities``).
    public var schoolMunicipality: [Int32] = []
    public var municipalities = InternedStrings()
    /// Class labels referred to by `works.classID`.
    public var classes = InternedStrings()
    public var works: WorkColumns

    public init(key: SittingKey, tasks: [TaskDescriptor], reservingWorks: Int = 0) {
        self.key = key
        self.tasks = tasks
        self.works = WorkColumns(taskCount: tasks.count, reservingWorks: reservingWorks)
    }

    /// The id of `school`, registering it with `municipality` the first time it is seen.
    public mutating func schoolID(_ school: String, municipality: String) -> Int32 {
        let id = schools.intern(school)
        if Int(id) == schoolMunicipality.count {
            schoolMunicipality.append(municipalities.intern(municipality))
        }
        return id
    }
}
