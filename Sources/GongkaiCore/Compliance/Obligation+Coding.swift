/// JSON form of an obligation: dates as YYYY-MM-DD and the period as "2026Q3", as in `Finding`.
extension Obligation {
    enum CodingKeys: String, CodingKey {
        case itemID = "item", kind, rule, period, periodInferred, triggerDate = "trigger", due, staleness,
             recordIDs = "records", published, state, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(itemID: try container.decode(Int.self, forKey: .itemID),
                  kind: try container.decode(Kind.self, forKey: .kind),
                  rule: try container.decode(String.self, forKey: .rule),
                  period: try container.decodeIfPresent(String.self, forKey: .period).flatMap(ReportingPeriod.init),
                  periodInferred: try container.decodeIfPresent(Bool.self, forKey: .periodInferred) ?? false,
                  triggerDate: try container.decodeIfPresent(CivilDate.self, forKey: .triggerDate),
                  due: try container.decodeIfPresent(CivilDate.self, forKey: .due),
                  staleness: try container.decodeIfPresent(StalenessLimit.self, forKey: .staleness),
                  recordIDs: try container.decodeIfPresent([Int].self, forKey: .recordIDs) ?? [],
                  published: try container.decodeIfPresent(CivilDate.self, forKey: .published),
                  state: try container.decode(State.self, forKey: .state),
                  reason: try container.decodeIfPresent(String.self, forKey: .reason))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(itemID, forKey: .itemID)
        try container.encode(kind, forKey: .kind)
        try container.encode(rule, forKey: .rule)
        try container.encodeIfPresent(period?.description, forKey: .period)
        if periodInferred { try container.encode(true, forKey: .periodInferred) }
        try container.encodeIfPresent(triggerDate, forKey: .triggerDate)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(staleness, forKey: .staleness)
        try container.encode(recordIDs, forKey: .recordIDs)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}
