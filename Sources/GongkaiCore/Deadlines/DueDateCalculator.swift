/// A computed due date with its working.
public struct DueDate: Codable, Sendable, Equatable {
    public var due: CivilDate?
    /// The computation touched a year without holiday data: only weekends were assumed off.
    public var provisional: Bool
    /// Chinese: the rule, the trigger, the first counted day, what was skipped and counted, the result.
    public var explanation: String

    public init(due: CivilDate?, provisional: Bool, explanation: String) {
        self.due = due
        self.provisional = provisional
        self.explanation = explanation
    }
}

/// Applies a DeadlineRule to a trigger date or reporting period on the working-day calendar.
///
/// Conventions (民法典, which governs how periods are counted when no other law says otherwise):
/// - 第二百零一条: a period counted from a day (自…之日起) starts the next day; the trigger day is not counted.
/// - 第二百零三条: when the last day of a period is a 法定休假日 it moves to the day after; we apply this to
///   weekends as well (休息日), which is how courts and agencies read it. UNCONFIRMED for weekends: no
///   interpretation was found in the sources; see docs/deadlines.md.
/// - A workday period ends on a workday by construction.
/// - A fixed calendar date ("1月31日前") is not moved; publishing is due by that date.
public struct DueDateCalculator: Sendable {
    public let calendar: WorkingCalendar
    public let defaults: DeadlineDefaults

    public init(calendar: WorkingCalendar, defaults: DeadlineDefaults = .standard) {
        self.calendar = calendar
        self.defaults = defaults
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case periodMismatch(rule: String, period: String)
        case unknownKind(String, available: [String])

        public var description: String {
            switch self {
            case .periodMismatch(let rule, let period): "该时限是“\(rule)”规则，所给期间“\(period)”的粒度不符（年：2024，半年：2024H1，季度：2024Q3，月：2024-03）。"
            case .unknownKind(let kind, let available): "该时限没有适用于“\(kind)”的分支；可用：\(available.joined(separator: "、"))。"
            }
        }
    }

    public func due(_ rule: DeadlineRule, trigger: CivilDate? = nil, period: ReportingPeriod? = nil,
                    recordKind: String? = nil) throws -> DueDate {
        var lines = ["时限：" + rule.summary]
        if let interpretation = rule.interpretation { lines.append("解读：\(interpretation)。") }
        var result: (CivilDate?, Bool) = (nil, false)
        switch rule.kind {
        case .relative:
            result = relative(rule.relative!, trigger: trigger, lines: &lines)
        case .statutory:
            result = relative(RelativeTerm(count: 20, unit: .workday, trigger: "信息形成或者变更"), trigger: trigger, lines: &lines)
        case .prompt:
            lines.append("“及时”没有法定天数，按本机关默认：\(defaults.promptWorkdays)个工作日（《政府信息公开条例》第二十六条）。")
            result = relative(RelativeTerm(count: defaults.promptWorkdays, unit: .workday, trigger: "信息形成或者变更"), trigger: trigger, lines: &lines)
        case .synchronous:
            if let trigger {
                lines.append("与\(rule.synchronousWith ?? "关联文件")同一天发布：\(trigger)。")
                result = (trigger, calendar.isProvisional(from: trigger, to: trigger))
            } else {
                lines.append("需要关联文件的发布日期（--from）才能计算。")
            }
        case .periodic:
            result = try periodic(rule.periodic!, period: period, lines: &lines)
        case .composite:
            let branches = rule.branches ?? []
            let chosen: DeadlineRule.Branch?
            if let recordKind {
                chosen = branches.first { $0.recordKinds.contains(recordKind) || $0.label.includes(recordKind) }
                    ?? branches.first { $0.recordKinds.isEmpty && $0.label.hasPrefix("其他") }
                guard chosen != nil else {
                    throw Failure.unknownKind(recordKind, available: branches.map { $0.label.isEmpty ? "其他" : $0.label })
                }
            } else {
                chosen = branches.first { $0.recordKinds.isEmpty && ($0.label.isEmpty || $0.label.hasPrefix("其他")) }
            }
            if let chosen {
                lines.append("适用分支：\(chosen.label.isEmpty ? "其他信息" : chosen.label)。")
                let inner = try due(chosen.rule, trigger: trigger, period: period, recordKind: nil)
                lines += inner.explanation.split(separator: "\n").dropFirst().map(String.init)
                result = (inner.due, inner.provisional)
            } else {
                lines.append("该时限按信息类别区分，请指定类别（--kind）：" + branches.map(\.label).joined(separator: "、") + "。")
            }
        case .continuous:
            lines.append("持续更新的事项没有单一到期日；每次变化都应按时更新。")
        case .unparsed:
            lines.append("无法计算到期日：\(rule.reason ?? "")。")
        }
        if rule.continuous, rule.kind != .continuous { lines.append("此后内容变化时还须动态更新。") }
        lines += rule.notes.map { "注：\($0)。" }
        if result.1 {
            lines.append("注意：计算涉及尚无节假日安排的年份，只按周末推算，结果为临时结果（provisional），国务院发布安排后会重新计算。")
        }
        return DueDate(due: result.0, provisional: result.1, explanation: lines.joined(separator: "\n"))
    }

    /// The hot path for bulk checks (compliance scans, benchmarks): the due date of a trigger-based rule,
    /// without building the explanation. Nil for rules that need a period, a record kind or say no date.
    public func quickDue(_ rule: DeadlineRule, trigger: CivilDate) -> CivilDate? {
        switch rule.kind {
        case .relative: quickDue(rule.relative!, trigger: trigger)
        case .statutory: calendar.adding(workdays: 20, to: trigger)
        case .prompt: calendar.adding(workdays: defaults.promptWorkdays, to: trigger)
        case .synchronous: trigger
        case .periodic, .composite, .continuous, .unparsed: nil
        }
    }

    private func quickDue(_ term: RelativeTerm, trigger: CivilDate) -> CivilDate {
        switch term.unit {
        case .workday: calendar.adding(workdays: term.count, to: trigger)
        case .day: term.count == 0 ? trigger : calendar.workdayOnOrAfter(trigger.adding(days: term.count))
        case .month: calendar.workdayOnOrAfter(trigger.adding(months: term.count))
        }
    }

    private func relative(_ term: RelativeTerm, trigger: CivilDate?, lines: inout [String]) -> (CivilDate?, Bool) {
        guard let trigger else {
            lines.append("需要“\(term.trigger)”的日期（--from）才能计算。")
            return (nil, false)
        }
        if term.count == 0, term.unit == .day {
            // 当日: no period is counted, so there is no last day to move (民法典第二百零三条 does not apply).
            lines.append("触发日：\(trigger)（\(term.trigger)），当日公开，不另计期间，也不顺延。")
            lines.append("到期日：\(trigger)。")
            return (trigger, calendar.isProvisional(from: trigger, to: trigger))
        }
        let first = trigger.adding(days: 1)
        lines.append("触发日：\(trigger)（\(term.trigger)），自次日\(first)起算（民法典第二百零一条）。")
        let due: CivilDate
        switch term.unit {
        case .workday:
            due = calendar.adding(workdays: term.count, to: trigger)
            lines.append(Working.describe(calendar, after: trigger, through: due))
            lines.append("第\(term.count)个工作日：\(due)（星期\(due.weekdayChinese)）。")
        case .day, .month:
            let end = term.unit == .day ? trigger.adding(days: term.count) : trigger.adding(months: term.count)
            lines.append(term.unit == .day ? "第\(term.count)日：\(end)。" : "\(term.count)个月期满（到期月的对应日，民法典第二百零二条）：\(end)。")
            due = movedToWorkday(end, lines: &lines)
        }
        lines.append("到期日：\(due)。")
        return (due, calendar.isProvisional(from: first, to: due))
    }

    /// The last day of a calendar-day or month period, moved past days off (民法典第二百零三条).
    func movedToWorkday(_ end: CivilDate, lines: inout [String]) -> CivilDate {
        let due = calendar.workdayOnOrAfter(end)
        if due != end {
            lines.append("\(end)不是工作日（\(Working.statusText(calendar.status(end)))），顺延至\(due)（民法典第二百零三条）。")
        }
        return due
    }
}
