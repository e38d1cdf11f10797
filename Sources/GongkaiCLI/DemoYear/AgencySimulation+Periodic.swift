import GongkaiCore
import GongkaiStore

extension AgencySimulation {
    /// One report per period whose due date falls between the start of monitoring and three months after `at`:
    /// published shortly before it is due. Reports due within the due-soon window are published early where the
    /// period allows, else they are expected as due soon. A planted missing report and a late one.
    mutating func simulatePeriodic(_ item: ComplianceItem, missing: Bool, late: Bool) async throws {
        guard let rule = item.rule, let term = rule.periodic else { return }
        let windowEnd = at.adding(months: 3)
        var period = ReportingPeriod.containing(since.adding(months: -24), length: term.frequency.periodLength)
        var plantedMissing = !missing, plantedLate = !late
        var lastPublished: (day: CivilDate, period: ReportingPeriod)?
        while period.firstDay <= windowEnd {
            defer { period = period.next }
            guard let due = (try? calculator.due(rule, period: period))?.due, due >= since, due <= windowEnd else { continue }
            let earliest = term.reported == .previous ? period.lastDay.adding(days: 1) : period.firstDay
            let title = writer.periodicTitle(for: demoItem(item), period: period)
            if due <= at {
                if !plantedMissing {
                    plantedMissing = true
                    expected.append(.init(kind: .overdue, item: item.id, period: period.description, note: "定期报告未发布"))
                    continue
                }
                if !plantedLate, due.adding(days: 5) < at {
                    plantedLate = true
                    let id = try await publish(item, title: title, trigger: nil, on: due.adding(days: 5), period: period)
                    expected.append(.init(kind: .late, item: item.id, record: id, period: period.description, note: "定期报告逾期发布"))
                    lastPublished = (due.adding(days: 5), period)
                    continue
                }
                let day = max(earliest, due.adding(days: -Int(writer.random.next() % 6)))
                guard day <= at.adding(days: -1) else { continue }
                try await publish(item, title: title, trigger: nil, on: day, period: period)
                lastPublished = (day, period)
            } else if due >= at, calendar.workdays(from: at, to: due) <= generator.dueSoonWorkdays {
                if earliest <= at.adding(days: -1) {
                    try await publish(item, title: title, trigger: nil, on: at.adding(days: -1), period: period)
                    lastPublished = (at.adding(days: -1), period)
                } else {
                    expected.append(.init(kind: .dueSoon, item: item.id, period: period.description, note: "定期报告即将到期"))
                }
            }
        }
        // A column whose only report in the window is missing (or whose dates lie outside it) still shows last
        // year's report, published before monitoring began: it is not a blank column.
        if lastPublished == nil {
            let day = since.adding(days: -20)
            let reported = ReportingPeriod.containing(day, length: term.frequency.periodLength).previous
            try await publish(item, title: writer.periodicTitle(for: demoItem(item), period: reported), trigger: nil, on: day, period: reported)
            lastPublished = (day, reported)
        }
        // A periodic column with an inspection class must also stay current.
        if let limit = item.stalenessLimit(defaultLimit: Self.defaultStaleness) {
            let recent = max(limitDays(limit) / 3, 2)
            if lastPublished == nil || lastPublished!.day < at.adding(days: -recent) {
                let day = at.adding(days: -recent + 1)
                let reported = lastPublished?.period ?? ReportingPeriod.containing(day, length: term.frequency.periodLength)
                try await publish(item, title: writer.periodicTitle(for: demoItem(item), period: reported) + "（更新）",
                                  trigger: nil, on: day, period: reported)
            }
        }
    }
}
