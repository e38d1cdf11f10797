extension ComplianceItem {
    /// The staleness limit of the item, if it has one.
    ///
    /// The item's own 更新频率 comes first; then the inspection class of the column. Upkeep items (持续更新, or
    /// no computable rule) fall back to `defaultLimit`. Periodic items are checked by their periods and get a
    /// staleness limit only when their column has an inspection class; event items only when they state a
    /// frequency or have an inspection class. (Inference: the rules themselves are per column, not per item.)
    public func stalenessLimit(category: ColumnCategory? = nil, defaultLimit: StalenessLimit) -> StalenessLimit? {
        let own = UpdateFrequency.limit(updateFrequency)
        let inspection = (category ?? effectiveCategory).inspectionLimit
        switch rule?.kind {
        case .periodic?: return inspection == nil ? nil : own ?? inspection
        case .relative?, .statutory?, .prompt?, .synchronous?, .composite?: return own ?? inspection
        case .continuous?, .unparsed?, nil: return own ?? inspection ?? defaultLimit
        }
    }
}
