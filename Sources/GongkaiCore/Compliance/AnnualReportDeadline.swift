/// The annual report as an obligation: 条例 第五十条 — each agency publishes its 政府信息公开工作年度报告 for the
/// previous year by 1月31日. One obligation per agency and report year; findings reuse late / overdue / due soon,
/// with `itemID` nil and `agencyID` set.
///
/// **Uncertain**: "每年1月31日前" is read as "on 1月31日 at the latest" and is not moved when that day is a holiday
/// (the regulation names a calendar date, not workdays). Only report years the system monitored from 1月1日 count:
/// it cannot judge reports of years it did not record.
public enum AnnualReportDeadline {
    public static let rule = "《中华人民共和国政府信息公开条例》第五十条：每年1月31日前公布本行政机关上一年度政府信息公开工作年度报告"

    /// The day the report on `year` is due.
    public static func due(reportYear year: Int) -> CivilDate { CivilDate(year: year + 1, month: 1, day: 31)! }

    /// Findings for one agency as of `options.at`: report years wholly monitored (from 1月1日 on or after
    /// `monitoringStart`), whose due date lies in the options' window. `published` maps report years to the day
    /// each was first published.
    public static func findings(agencyID: Int, agencyName: String, monitoringStart: CivilDate, published: [Int: CivilDate],
                                options: ComplianceOptions) -> [Finding] {
        let at = options.at
        let (startYear, month, day) = monitoringStart.components
        let firstYear = month == 1 && day == 1 ? startYear : startYear + 1
        guard firstYear <= at.year else { return [] }
        return (firstYear...at.year).compactMap { year in
            let due = due(reportYear: year)
            guard options.inWindow(due) else { return nil }
            let period = ReportingPeriod(year: year, length: .year, index: 1)
            let what = "「\(agencyName)\(year)年政府信息公开工作年度报告」"
            let calendar = options.calendar
            if let day = published[year], day <= at {
                guard day > due else { return nil }
                let late = calendar.workdays(from: due, to: day)
                return Finding(kind: .late, itemID: nil, due: due, published: day, period: period, workdays: late, rule: rule,
                               explanation: "\(what)应于\(due)前公布，实际于\(day)公布，逾期\(late)个工作日。", agencyID: agencyID)
            }
            if at > due {
                let late = calendar.workdays(from: due, to: at)
                return Finding(kind: .overdue, itemID: nil, due: due, period: period, workdays: late, rule: rule,
                               explanation: "\(what)应于\(due)前公布，至\(at)仍未公布，已逾期\(late)个工作日。", agencyID: agencyID)
            }
            guard options.isDueSoon(due) else { return nil }
            let left = calendar.workdays(from: at, to: due)
            return Finding(kind: .dueSoon, itemID: nil, due: due, period: period, workdays: left, rule: rule,
                           explanation: "\(what)须于\(due)前公布，尚未公布，还剩\(left)个工作日。", agencyID: agencyID)
        }
    }
}
