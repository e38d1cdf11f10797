/// Periodic items: one obligation per reporting period whose due date falls in the window.
///
/// Of the rule's periodic term only `frequency` (the period length) and `reported` (previous or same period,
/// for inferring a record's period) are read; due dates come from `DueDateCalculator.due(_:period:)`, so
/// changes to how the term computes its date need no change here.
extension Sweep {
    mutating func checkPeriodic(_ item: ComplianceItem, _ rule: DeadlineRule, _ indices: [Int]) {
        guard let term = rule.periodic else { return }
        let length = term.frequency.periodLength
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
                let period = term.reported == .previous ? current.previous : current
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
}

extension ReportingPeriod {
    /// The period of `length` that contains `date`.
    static func containing(_ date: CivilDate, length: Length) -> ReportingPeriod {
        let (year, month, _) = date.components
        return switch length {
        case .year: ReportingPeriod(year: year, length: .year, index: 1)
        case .halfYear: ReportingPeriod(year: year, length: .halfYear, index: (month - 1) / 6 + 1)
        case .quarter: ReportingPeriod(year: year, length: .quarter, index: (month - 1) / 3 + 1)
        case .month: ReportingPeriod(year: year, length: .month, index: month)
        }
    }

    /// The period before this one.
    var previous: ReportingPeriod {
        guard index == 1 else { return ReportingPeriod(year: year, length: length, index: index - 1) }
        let perYear = switch length { case .year: 1; case .halfYear: 2; case .quarter: 4; case .month: 12 }
        return ReportingPeriod(year: year - 1, length: length, index: perYear)
    }
}
