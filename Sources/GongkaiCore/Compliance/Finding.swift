/// One problem the monitor found, with the rule it breaks, the dates involved and a Chinese explanation.
/// Encoded for `gongkai compliance --json` as `{"kind", "item", "record", "due", …, "explanation"}`.
public struct Finding: Codable, Sendable, Equatable {
    /// Raw values are part of the JSON contract.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Published after its due date.
        case late
        /// Past due and not published.
        case overdue
        /// Not published, due within the configured number of workdays.
        case dueSoon
        /// A column with no published record and no 说明 (空白栏目).
        case emptyItem
        /// A column not updated within its staleness limit (栏目不更新).
        case staleItem
        /// A published policy without a published 解读.
        case missingInterpretation
        /// A 解读 published later than allowed after its policy.
        case unsyncedInterpretation
        /// A published normative document without 有效性.
        case validityMissing
        /// Labelled 有效 but past its 有效期至.
        case validityExpired
        /// The title does not follow the item's title pattern.
        case titleMismatch
        /// A published record containing unmasked personal data.
        case personalData
    }

    public var kind: Kind
    public var itemID: Int?
    public var recordID: Int?
    public var due: CivilDate?
    /// The record's publication date, or the column's last update.
    public var published: CivilDate?
    public var triggerDate: CivilDate?
    public var period: ReportingPeriod?
    /// late / overdue / unsynced: workdays past due; dueSoon: workdays left.
    public var workdays: Int?
    /// The rule broken: a deadline summary or the source (国办秘函〔2019〕19号 …).
    public var rule: String
    public var explanation: String
    /// The agency, for findings about the agency rather than an item (the annual report); nil otherwise.
    public var agencyID: Int?

    public init(kind: Kind, itemID: Int?, recordID: Int? = nil, due: CivilDate? = nil, published: CivilDate? = nil,
                triggerDate: CivilDate? = nil, period: ReportingPeriod? = nil, workdays: Int? = nil, rule: String,
                explanation: String, agencyID: Int? = nil) {
        self.kind = kind
        self.itemID = itemID
        self.recordID = recordID
        self.due = due
        self.published = published
        self.triggerDate = triggerDate
        self.period = period
        self.workdays = workdays
        self.rule = rule
        self.explanation = explanation
        self.agencyID = agencyID
    }

    enum CodingKeys: String, CodingKey {
        case kind, itemID = "item", recordID = "record", due, published, triggerDate = "trigger", period, workdays,
             rule, explanation, agencyID = "agency"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        itemID = try container.decodeIfPresent(Int.self, forKey: .itemID)
        recordID = try container.decodeIfPresent(Int.self, forKey: .recordID)
        due = try container.decodeIfPresent(CivilDate.self, forKey: .due)
        published = try container.decodeIfPresent(CivilDate.self, forKey: .published)
        triggerDate = try container.decodeIfPresent(CivilDate.self, forKey: .triggerDate)
        period = try container.decodeIfPresent(String.self, forKey: .period).flatMap(ReportingPeriod.init)
        workdays = try container.decodeIfPresent(Int.self, forKey: .workdays)
        rule = try container.decode(String.self, forKey: .rule)
        explanation = try container.decode(String.self, forKey: .explanation)
        agencyID = try container.decodeIfPresent(Int.self, forKey: .agencyID)
    }

    /// The period is written as "2026Q3", like `gongkai deadline --period`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(itemID, forKey: .itemID)
        try container.encodeIfPresent(recordID, forKey: .recordID)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(triggerDate, forKey: .triggerDate)
        try container.encodeIfPresent(period?.description, forKey: .period)
        try container.encodeIfPresent(workdays, forKey: .workdays)
        try container.encode(rule, forKey: .rule)
        try container.encode(explanation, forKey: .explanation)
        try container.encodeIfPresent(agencyID, forKey: .agencyID)
    }
}
