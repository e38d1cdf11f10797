/// Builds findings with their Chinese explanations: deadline findings (late, overdue, due soon).
enum FindingText {
    static func periodic(_ state: Obligation.State, item: ComplianceItem, period: ReportingPeriod, inferred: Bool,
                         rule: String, due: CivilDate, published: CivilDate?, recordID: Int?, pending: Int,
                         calendar: WorkingCalendar, at: CivilDate) -> Finding {
        let what = "\(period.chinese)「\(item.name)」"
        let note = inferred ? "（所报期间按发布日期推定）" : ""
        let kind: Finding.Kind, workdays: Int, text: String
        switch state {
        case .metLate:
            kind = .late
            workdays = calendar.workdays(from: due, to: published!)
            text = "应于\(due)前公开\(what)，实际于\(published!)发布\(note)，逾期\(workdays)个工作日。"
        case .overdue:
            kind = .overdue
            workdays = calendar.workdays(from: due, to: at)
            let waiting = pending > 0 ? "已有\(pending)条未发布的信息，请尽快审核发布；" : ""
            text = "应于\(due)前公开\(what)，至\(at)仍未发布，\(waiting)已逾期\(workdays)个工作日。"
        default:
            kind = .dueSoon
            workdays = calendar.workdays(from: at, to: due)
            text = "应于\(due)前公开\(what)，尚未发布，还剩\(workdays)个工作日。"
        }
        return Finding(kind: kind, itemID: item.id, recordID: recordID, due: due, published: published, period: period,
                       workdays: workdays, rule: rule, explanation: text + "时限：\(rule)。")
    }

    static func event(_ state: Obligation.State, item: ComplianceItem, record: ComplianceRecord, rule: String,
                      trigger: CivilDate, triggerLabel: String, due: CivilDate, published: CivilDate?,
                      calendar: WorkingCalendar, at: CivilDate) -> Finding {
        let what = "「\(item.name)」信息《\(record.title)》（\(triggerLabel)：\(trigger)）"
        let kind: Finding.Kind, workdays: Int, text: String
        switch state {
        case .metLate:
            kind = .late
            workdays = calendar.workdays(from: due, to: published!)
            text = "\(what)应于\(due)前公开，实际于\(published!)发布，逾期\(workdays)个工作日。"
        case .overdue:
            kind = .overdue
            workdays = calendar.workdays(from: due, to: at)
            text = "\(what)应于\(due)前公开，至\(at)仍未发布（当前状态：\(record.status.label)），已逾期\(workdays)个工作日。"
        default:
            kind = .dueSoon
            workdays = calendar.workdays(from: at, to: due)
            text = "\(what)应于\(due)前公开，当前状态：\(record.status.label)，还剩\(workdays)个工作日。"
        }
        return Finding(kind: kind, itemID: item.id, recordID: record.id, due: due, published: published,
                       triggerDate: trigger, workdays: workdays, rule: rule, explanation: text + "时限：\(rule)。")
    }
}
