/// Periodic items: one obligation per reporting period whose due date falls in the window.
///
/// Everything about the rule comes from `DueDateCalculator.due(_:period:)`, never from the periodic term's
/// fields, so the deadline parser can change how a term computes its date without a change here: the period
/// length is the one the calculator accepts, and a rule reports on the previous period when its due date
/// falls after the period ends.
extension Sweep {
    mutating func checkPeriodic(_ item: ComplianceItem, _ rule: DeadlineRule, _ indices: [Int]) {
        guard let (length, reportsPrevious) = periodShape(rule) else { return }
        let summary = rule.summary
        // The records of each period: their stated period, or the one inferred from the publication date.
        var byPeriod: [ReportingPeriod: [Entry]] = [:]
        for index in indices {
            if records[index].status == .withdrawn { continue }
            let published = publicationDate(index), id = records[index].id
            if let period = records[index].reportingPeriod, period.length == length {
                byPeriod[period, default: []].append(Entry(published: published, id: id, inferred: false))
            } else if let published {
                let current = ReportingPeriod.containing(published, length: length)
                // The latest complete period before publication, for rules that report the previous period.
                let period = reportsPrevious ? current.previous : current
                byPeriod[period, default: []].append(Entry(published: published, id: id, inferred: true))
            }
        }
        var period = ReportingPeriod.containing(options.windowStart.adding(months: -24), length: length)
        while period.firstDay <= options.windowEnd {
            defer { period = period.next }
            guard let due = (try? calculator.due(rule, period: period))?.due, options.inWindow(due) else { continue }
            // Published first, earliest first; then the pending ones.
            let matched = (byPeriod[period] ?? []).sorted {
                ($0.published?.dayNumber ?? Int.max, $0.id) < ($1.published?.dayNumber ?? Int.max, $1.id)
            }
            let first = matched.first?.published
            let state = state(due: due, published: first)
            let inferred = matched.contains { $0.inferred }
            let ids = matched.map(\.id)
            obligations.append(Obligation(itemID: item.id, kind: .periodic, rule: summary, period: period,
                                          periodInferred: inferred, due: due, recordIDs: ids, published: first, state: state))
            guard state != .metOnTime, state != .open else { continue }
            findings.append(FindingText.periodic(state, item: item, period: period, inferred: inferred, rule: summary,
                                                 due: due, published: first,
                                                 recordID: state == .metLate ? ids.first : nil,
                                                 pending: matched.count, calendar: calendar, at: at))
        }
    }

    /// A record counted for a period.
    struct Entry {
        var published: CivilDate?
        var id: Int
        var inferred: Bool
    }

    /// The period length the calculator accepts for `rule`, and whether the rule reports on the period before
    /// the one its due date falls in. Nil when no length fits.
    func periodShape(_ rule: DeadlineRule) -> (ReportingPeriod.Length, Bool)? {
        for length in [ReportingPeriod.Length.quarter, .month, .year, .halfYear] {
            let probe = ReportingPeriod.containing(at, length: length)
            guard let result = try? calculator.due(rule, period: probe) else { continue }
            // Listed dates (2021年4月、7月…) may not cover the probe; such texts report the previous period.
            return (length, result.due.map { $0 > probe.lastDay } ?? true)
        }
        return nil
    }
}

/// The period of `length` that contains `date`. (Free functions rather than ReportingPeriod members, so that
/// they cannot clash with members the Deadlines code may add.)
