public import ObjectivityCore

/// A ВПР Ф1 file as read: its works in columnar form plus everything the reader noticed.
public struct VPRFile: Sendable {
    /// The works, with the file's own school and class tables.
    public var batch: WorkBatch
    /// The scale derived from the works (lowest primary score seen with each mark).
    public var derivedScale: MarkScale
    /// The scale in `models/` for this sitting, if one is known.
    public var knownScale: MarkScale?
    /// Columns of pupils' names that were dropped unread (letters).
    public var droppedNameColumns: [String]
    /// Header texts of columns kept aside and ignored.
    public var ignoredColumns: [String]
    /// Rows skipped and remarks, with reasons.
    public var issues: RowIssues
    /// Blank rows passed over (they hold no data).
    public var blankRows: Int

    public var key: SittingKey { batch.key }

    /// The scale to analyse with: the known one when there is one, else the derived one.
    public var scaleInForce: MarkScale { knownScale ?? derivedScale }
}
