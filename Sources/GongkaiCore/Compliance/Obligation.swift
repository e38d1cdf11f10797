/// One thing an item must have published by a date: a period's report, an event's record, or a current
/// record in a column that must be kept up to date.
public struct Obligation: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// One per reporting period of a periodic rule (每季度…).
        case periodic
        /// One per record of an item whose deadline counts from a trigger date.
        case event
        /// "Must have a current record": the column's latest publication is within its staleness limit.
        case continuous
    }

    public enum State: String, Codable, Sendable {
        /// Published by the due date; continuous: the column is current and not yet due soon.
        case metOnTime
        /// Published after the due date.
        case metLate
        /// Not published, due later than the due-soon horizon.
        case open
        /// Not published, due within `ComplianceOptions.dueSoonWorkdays` workdays (today included).
        case dueSoon
        /// Not published and past due; for continuous obligations: the column is stale.
        case overdue
        /// A continuous obligation of a column with no published record (空白栏目, or explained by 说明).
        case empty
        /// The due date cannot be computed; `reason` says why.
        case notComputable
    }

    public var itemID: Int
    public var kind: Kind
    /// The rule in one Chinese sentence (`DeadlineRule.summary`, or the staleness limit and its source).
    public var rule: String
    /// periodic: the period reported on.
    public var period: ReportingPeriod?
    /// periodic: a meeting record's period was inferred from its publication date (it gave none).
    public var periodInferred: Bool
    /// event: the date the deadline counts from.
    public var triggerDate: CivilDate?
    /// Publication due by this day; continuous: the last day the latest record keeps the column current.
    public var due: CivilDate?
    /// continuous: the limit applied.
    public var staleness: StalenessLimit?
    /// The records that meet the obligation (or would, once published), earliest publication first.
    public var recordIDs: [Int]
    /// When the obligation was met (the first publication), or the column last updated.
    public var published: CivilDate?
    public var state: State
    /// notComputable: why; empty: the item's 说明, if any.
    public var reason: String?

    public init(itemID: Int, kind: Kind, rule: String, period: ReportingPeriod? = nil, periodInferred: Bool = false,
                triggerDate: CivilDate? = nil, due: CivilDate? = nil, staleness: StalenessLimit? = nil,
                recordIDs: [Int] = [], published: CivilDate? = nil, state: State, reason: String? = nil) {
        self.itemID = itemID
        self.kind = kind
        self.rule = rule
        self.period = period
        self.periodInferred = periodInferred
        self.triggerDate = triggerDate
        self.due = due
        self.staleness = staleness
        self.recordIDs = recordIDs
        self.published = published
        self.state = state
        self.reason = reason
    }

    /// Whether the obligation is met (on time or late).
    public var isMet: Bool { state == .metOnTime || state == .metLate }
}
