/// Periodic rules: a fixed day after the reported period (每季度首月15日前), a count after its last day
/// (每季度结束后15日内), listed dates, or the agency default when the text gives no day.
extension DueDateCalculator {
    func periodic(_ term: PeriodicTerm, period: ReportingPeriod?, lines: inout [String]) throws -> (CivilDate?, Bool) {
        guard let period else {
            lines.append("需要所报期间（--period，如 2024、2024H1、2024Q3、2024-03）才能计算。")
            return (nil, false)
        }
        guard period.length == term.frequency.periodLength else {
            throw Failure.periodMismatch(rule: term.frequency.chinese, period: period.description)
        }
        lines.append("所报期间：\(period.chinese)（\(period.firstDay)至\(period.lastDay)）。")
        if let offset = term.afterPeriodEnd { return afterPeriodEnd(offset, period: period, lines: &lines) }
        let publishing = term.reported == .previous ? period.next : period
        if term.reportedInferred {
            lines.append("文本未写明所报期间，推定为\(term.reported == .previous ? "上一期" : "本期")。")
        }
        if let dates = term.explicitDates {
            guard let date = dates.first(where: { $0 > period.lastDay }), date <= publishing.lastDay.adding(months: 1) else {
                lines.append("文本只列出了" + dates.map(\.description).joined(separator: "、") + "这些日期，不含该期间。")
                return (nil, false)
            }
            lines.append("文本列明的日期：\(date)前（固定日期，不顺延）。")
            lines.append("到期日：\(date)。")
            return (date, false)
        }
        guard let day = term.dueDay else {
            let due = calendar.adding(workdays: defaults.periodicWorkdaysAfterPeriod, to: period.lastDay)
            lines.append("文本未给出具体日期，按本机关默认：期末（\(period.lastDay)）后第\(defaults.periodicWorkdaysAfterPeriod)个工作日。")
            lines.append(Working.describe(calendar, after: period.lastDay, through: due))
            lines.append("到期日：\(due)。")
            return (due, calendar.isProvisional(from: period.lastDay, to: due))
        }
        let monthStart: CivilDate = term.frequency == .yearly
            ? CivilDate(year: publishing.year, month: term.dueMonth ?? 1, day: 1)!
            : publishing.firstDay.adding(months: (term.dueMonth ?? 1) - 1)
        let (year, month, _) = monthStart.components
        let lastDay = CivilDate.daysIn(year: year, month: month)
        let due = CivilDate(year: year, month: month, day: day == 0 ? lastDay : min(day, lastDay))!
        lines.append("截止日：\(due)前（固定日期，不顺延）。")
        lines.append("到期日：\(due)。")
        return (due, false)
    }

    /// "结束后N日内": counted from the day after the period's last day (民法典第二百零一条), like a trigger.
    private func afterPeriodEnd(_ offset: PeriodicTerm.PeriodOffset, period: ReportingPeriod, lines: inout [String]) -> (CivilDate?, Bool) {
        let last = period.lastDay
        lines.append("自期末次日\(last.adding(days: 1))起算（民法典第二百零一条）。")
        let due: CivilDate
        switch offset.unit {
        case .workday:
            due = calendar.adding(workdays: offset.count, to: last)
            lines.append(Working.describe(calendar, after: last, through: due))
            lines.append("期末（\(last)）后第\(offset.count)个工作日：\(due)（星期\(due.weekdayChinese)）。")
        case .day:
            let end = last.adding(days: offset.count)
            lines.append("期末（\(last)）后第\(offset.count)日：\(end)。")
            due = movedToWorkday(end, lines: &lines)
        case .month:
            let end = last.adding(months: offset.count)
            lines.append("期末（\(last)）后\(offset.count)个月期满（到期月的对应日，民法典第二百零二条）：\(end)。")
            due = movedToWorkday(end, lines: &lines)
        }
        lines.append("到期日：\(due)。")
        return (due, calendar.isProvisional(from: last, to: due))
    }
}
