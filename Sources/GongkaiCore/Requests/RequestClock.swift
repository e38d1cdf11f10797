/// The statutory answer clock of a disclosure request, computed from its events on the working calendar — never
/// stored, so a corrected holiday calendar changes every open request's due date at once.
///
/// Conventions (see docs/requests.md):
/// - The period is 20 workdays from the date of receipt (第三十一条、第三十三条第二款); the receipt day is not counted
///   (民法典 第二百零一条), so the due date is the 20th workday after it.
/// - 补正 (第三十条) stops the clock; the corrected application starts the full 20 workdays again from the day it is
///   received (“答复期限自行政机关收到补正的申请之日起计算”), the days before the notice no longer count.
/// - Consultation (第三十二条、第三十四条) pauses the clock (第三十三条第三款): the day the 征求意见书 is served still
///   counts; the pause runs from the next day through the day the reply arrives; counting resumes the day after. The pause
///   never runs past the party's own 15 workdays (**Uncertain**: the 条例 does not say how long the excluded time may be).
/// - An extension adds its workdays to the count (第三十三条第二款).
/// - A fee notice does not pause the clock: no source confirms that it does (REGULATIONS §1.5, UNCONFIRMED).
public enum RequestClock {
    /// 第三十三条第二款.
    public static let answerWorkdays = 20
    /// 第三十条: the 补正 notice is due within 7 workdays of receipt.
    public static let clarificationNoticeWorkdays = 7
    /// 第三十二条 (third party), 第三十四条 (other agencies).
    public static let consultationWorkdays = 15
    /// 第三十三条第二款.
    public static let maxExtensionWorkdays = 20
    /// The 条例 asks for a 合理的补正期限 without a number; this is our default (**Uncertain**).
    public static let defaultClarificationReplyWorkdays = 15

    /// The clock at `today` for a stored event log. Events that break the workflow are skipped and listed in `flags`.
    public static func compute(events: [RequestEvent], calendar: WorkingCalendar, today: CivilDate,
                               options: ClockOptions = .standard) -> ClockState {
        let (state, rejected) = RequestWorkflow.replayLeniently(events, calendar: calendar)
        var clock = compute(state: state, calendar: calendar, today: today, options: options)
        clock.flags += rejected.map { "已忽略不合规的事件：\($0)" }
        if !rejected.isEmpty { clock.explanation += "\n" + rejected.map { "注意：已忽略不合规的事件：\($0)" }.joined(separator: "\n") }
        return clock
    }

    /// The due date now, or nil when no period runs (not received, awaiting 补正, abandoned for lack of 补正).
    /// While a consultation is open this is the latest due date (the pause lasting the party's full 15 workdays).
    public static func dueDate(of state: RequestState, calendar: WorkingCalendar) -> CivilDate? {
        plan(state, calendar: calendar)?.due
    }

    struct Plan {
        var due: CivilDate
        /// Counted and paused stretches from the clock start to the due date.
        var segments: [ClockSegment]
        /// Consultations that began when the period had already run out.
        var lateConsultations: [RequestState.Consultation]
    }

    static func plan(_ state: RequestState, calendar: WorkingCalendar) -> Plan? {
        guard let start = state.clockStart else { return nil }
        if let clarification = state.clarification, clarification.receivedOn == nil { return nil }
        var cursor = start, left = state.allowedWorkdays
        var segments: [ClockSegment] = []
        var late: [RequestState.Consultation] = []
        for consultation in state.consultations where consultation.startedOn >= start {
            let available = calendar.workdays(from: cursor, to: consultation.startedOn)
            if available >= left || !late.isEmpty {
                late.append(consultation)
                continue
            }
            if consultation.startedOn > cursor {
                segments.append(counted(after: cursor, through: consultation.startedOn, available, calendar))
            }
            left -= available
            segments.append(paused(consultation, calendar))
            cursor = consultation.pauseEnd
        }
        let due = calendar.adding(workdays: left, to: cursor)
        segments.append(counted(after: cursor, through: due, left, calendar))
        return Plan(due: due, segments: segments, lateConsultations: late)
    }

    /// Counted workdays at `date`: within the plan's counted segments, then every workday past the due date.
    static func used(_ plan: Plan, allowed: Int, at date: CivilDate, calendar: WorkingCalendar) -> Int {
        if date > plan.due { return allowed + calendar.workdays(from: plan.due, to: date) }
        return plan.segments.filter { $0.kind == .counted && date > $0.after }.reduce(0) { sum, segment in
            sum + calendar.workdays(from: segment.after, to: min(date, segment.through ?? date))
        }
    }

    /// The clock at `today` for a state built by `RequestWorkflow`.
    public static func compute(state: RequestState, calendar: WorkingCalendar, today: CivilDate,
                               options: ClockOptions = .standard) -> ClockState {
        var clock = ClockState(status: .notReceived, today: today, clockStart: nil, dueDate: nil,
                               allowedWorkdays: state.allowedWorkdays, usedWorkdays: 0, remainingWorkdays: state.allowedWorkdays,
                               isPaused: false, isDueSoon: false, isOverdue: false, clarificationDeadline: nil,
                               consultationDeadline: nil, segments: [], flags: state.irregularities, provisional: false,
                               explanation: "尚未登记收到申请，答复期限未开始计算。")
        guard let received = state.receivedOn else { return clock }
        var lines = receiptLines(state, received: received)
        if let clarification = state.clarification {
            clock.segments += clarificationSegments(clarification, received: received, calendar: calendar)
            lines += clarificationLines(clarification, received: received, today: today, calendar: calendar)
            if clarification.receivedOn == nil {
                clock.status = clarification.expiredOn != nil ? .abandoned
                    : today > clarification.replyDeadline ? .clarificationLapsed : .awaitingClarification
                clock.clarificationDeadline = clarification.expiredOn == nil ? clarification.replyDeadline : nil
                clock.remainingWorkdays = RequestClock.answerWorkdays
                clock.provisional = calendar.isProvisional(from: received, to: max(today, clarification.replyDeadline))
                clock.explanation = finish(lines + caseLines(state), clock)
                return clock
            }
        }
        let plan = plan(state, calendar: calendar)!
        clock.clockStart = state.clockStart
        clock.dueDate = plan.due
        clock.segments += plan.segments
        let open = state.openConsultation
        let reference: CivilDate
        if let answer = state.answer {
            (reference, clock.status) = (answer.on, answer.on > plan.due ? .answeredLate : .answered)
        } else if let expired = state.fee?.expiredOn {
            (reference, clock.status) = (expired, .abandoned)
        } else if let open, today <= open.replyDeadline, !plan.lateConsultations.contains(open) {
            (reference, clock.status, clock.isPaused) = (today, .paused, true)
            clock.consultationDeadline = open.replyDeadline
        } else {
            (reference, clock.status) = (today, today > plan.due ? .overdue : .running)
        }
        clock.usedWorkdays = used(plan, allowed: state.allowedWorkdays, at: reference, calendar: calendar)
        clock.remainingWorkdays = state.allowedWorkdays - clock.usedWorkdays
        clock.isOverdue = clock.status == .overdue
        clock.isDueSoon = clock.status == .running && clock.remainingWorkdays <= options.dueSoonWorkdays
        clock.flags += planFlags(state, plan: plan, today: today)
        lines += planLines(state, plan: plan, calendar: calendar)
        lines += statusLines(state, clock: clock)
        clock.provisional = calendar.isProvisional(from: received, to: max(today, plan.due))
        clock.explanation = finish(lines, clock)
        return clock
    }
}
