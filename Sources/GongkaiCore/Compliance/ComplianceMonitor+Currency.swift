/// Columns that must stay current (栏目更新) and must not be blank (空白栏目), and record title formats.
extension Sweep {
    /// The staleness limit of an item, if it has one.
    ///
    /// The item's own 更新频率 comes first; then the inspection class of the column. Upkeep items (持续更新, or
    /// no computable rule) fall back to `defaultStaleness`. Periodic items are checked by their periods and
    /// get a staleness limit only when their column has an inspection class; event items only when they state
    /// a frequency or have an inspection class. (Inference: the rules themselves are per column, not per item.)
    func stalenessLimit(_ item: ComplianceItem, _ category: ColumnCategory) -> StalenessLimit? {
        item.stalenessLimit(category: category, defaultLimit: options.defaultStaleness)
    }

    mutating func checkCurrency(_ item: ComplianceItem, _ indices: [Int]) {
        var last: CivilDate?
        var lastID = 0
        for index in indices {
            guard let published = publicationDate(index) else { continue }
            let id = records[index].id
            if last == nil || published > last! || (published == last! && id > lastID) {
                last = published
                lastID = id
            }
        }
        let category = item.effectiveCategory
        let limit = stalenessLimit(item, category)
        let summary = limit.map { "\($0.sourceText)：每\($0.chinese)至少更新一次" } ?? ""
        guard let last else {
            if let limit {
                obligations.append(Obligation(itemID: item.id, kind: .continuous, rule: summary, staleness: limit,
                                              state: .empty, reason: item.hasEmptyNote ? item.emptyNote : nil))
            }
            if !item.hasEmptyNote {
                tally(item.agencyID) { $0.blank.append(item.id) }
                findings.append(FindingText.empty(item))
            }
            return
        }
        let inspectionStale = category.inspectionLimit.map { at > $0.lastCurrentDay(after: last, calendar: calendar) } ?? false
        if category == .news || category == .notices {
            if inspectionStale { tally(item.agencyID) { $0.staleInspected.append(item.id) } }
        }
        guard let limit else { return }
        let due = limit.lastCurrentDay(after: last, calendar: calendar)
        let state: Obligation.State = at > due ? .overdue : isDueSoon(due) ? .dueSoon : .metOnTime
        obligations.append(Obligation(itemID: item.id, kind: .continuous, rule: summary, due: due, staleness: limit,
                                      recordIDs: [lastID], published: last, state: state))
        if state == .overdue || inspectionStale {
            if category != .news && category != .notices { tally(item.agencyID) { $0.longUnupdated.append(item.id) } }
            // Stale by the inspection interval though not by the item's own, laxer frequency: cite the inspection.
            let applied = state == .overdue ? limit : category.inspectionLimit!
            findings.append(FindingText.stale(item, last: last, limit: applied,
                                              due: applied.lastCurrentDay(after: last, calendar: calendar),
                                              recordID: lastID, at: at))
        } else if state == .dueSoon {
            findings.append(FindingText.currencyDueSoon(item, last: last, limit: limit, due: due, recordID: lastID,
                                                        workdays: calendar.workdays(from: at, to: due)))
        }
    }

    /// Published records in the window whose title does not follow the item's pattern.
    mutating func checkTitles(_ item: ComplianceItem, _ indices: [Int]) {
        guard let pattern = item.titlePattern, !pattern.isEmpty else { return }
        for index in indices {
            guard let published = publicationDate(index), options.inWindow(published),
                  !pattern.matches(records[index].title) else { continue }
            findings.append(FindingText.titleMismatch(item, records[index], pattern: pattern, published: published))
        }
    }
}
