/// The Chinese working of the clock: one line per event, one per segment, then the state at the reference day.
extension RequestClock {
    static func counted(after: CivilDate, through: CivilDate, _ workdays: Int, _ calendar: WorkingCalendar) -> ClockSegment {
        let skipped = Working.describe(calendar, after: after, through: through)
        return ClockSegment(kind: .counted, after: after, through: through, workdays: workdays,
                            text: "计时：\(after)次日起至\(through)，计\(workdays)个工作日。\(skipped)")
    }

    static func paused(_ consultation: RequestState.Consultation, _ calendar: WorkingCalendar) -> ClockSegment {
        let (start, end) = (consultation.startedOn, consultation.pauseEnd)
        let workdays = calendar.workdays(from: start, to: end)
        let open = consultation.endedOn == nil ? "（尚未结束，按最迟至\(end)计算）" : ""
        let skipped = Working.describe(calendar, after: start, through: end)
        return ClockSegment(kind: .paused, after: start, through: end, workdays: workdays,
                            text: "暂停：\(start)次日起至\(end)\(open)，征求\(consultation.party.label)意见期间不计入答复期限，"
                                + "共\(workdays)个工作日（第三十三条第三款）。\(skipped)")
    }

    static func receiptLines(_ state: RequestState, received: CivilDate) -> [String] {
        let channel = state.channel.map { "，\($0.label)，\($0.receiptRule)" } ?? ""
        return ["收到申请：\(received)\(channel)。",
                "答复期限：自收到申请之日起\(answerWorkdays)个工作日（第三十三条第二款）；收到当日不计入，自次日起算（民法典第二百零一条）。"]
    }

    static func clarificationSegments(_ c: RequestState.Clarification, received: CivilDate,
                                      calendar: WorkingCalendar) -> [ClockSegment] {
        let before = calendar.workdays(from: received, to: c.requestedOn)
        let end = c.receivedOn ?? c.expiredOn
        let waiting = c.receivedOn != nil ? "至\(end!)收到补正" : c.expiredOn != nil ? "至\(end!)逾期未补正" : "起等待补正，补正期限至\(c.replyDeadline)"
        return [ClockSegment(kind: .superseded, after: received, through: c.requestedOn, workdays: before,
                             text: "补正前已计：\(received)次日起至\(c.requestedOn)，\(before)个工作日；收到补正后重新计算，不再计入（第三十条）。"),
                ClockSegment(kind: .stopped, after: c.requestedOn, through: end, workdays: 0,
                             text: "停止计时：\(c.requestedOn)次日\(waiting)。")]
    }

    static func clarificationLines(_ c: RequestState.Clarification, received: CivilDate, today: CivilDate,
                                   calendar: WorkingCalendar) -> [String] {
        let timing = c.isLate ? "晚于收到申请后\(clarificationNoticeWorkdays)个工作日（最迟应于\(c.noticeDeadline)告知）"
            : "在收到申请后\(clarificationNoticeWorkdays)个工作日内（最迟\(c.noticeDeadline)）"
        var lines = ["补正：\(c.requestedOn)一次性告知补正（第三十条），\(timing)；需补正：\(c.items.joined(separator: "；"))。",
                     "补正期限：告知之日起\(c.replyWorkdays)个工作日，至\(c.replyDeadline)（条例要求“合理的补正期限”，未规定天数）。"
                        + Working.describe(calendar, after: c.requestedOn, through: c.replyDeadline)]
        if let corrected = c.receivedOn {
            lines.append("收到补正：\(corrected)。答复期限自收到补正的申请之日起重新计算（第三十条），当日不计入，自次日起算\(answerWorkdays)个工作日。")
        } else if let expired = c.expiredOn {
            lines.append("逾期未补正：\(expired)登记，视为放弃申请（第三十条），计入“其他处理”第1项。")
        } else if today > c.replyDeadline {
            lines.append("截至\(today)：补正期限已于\(c.replyDeadline)届满仍未补正，可登记逾期未补正（视为放弃申请）。")
        } else {
            lines.append("截至\(today)：停止计时，等待申请人补正（还有\(calendar.workdays(from: today, to: c.replyDeadline))个工作日）。")
        }
        return lines
    }

    static func planLines(_ state: RequestState, plan: Plan, calendar: WorkingCalendar) -> [String] {
        var lines: [String] = []
        var consultations = state.consultations.filter { !plan.lateConsultations.contains($0) && $0.startedOn >= state.clockStart! }
        for segment in plan.segments {
            if segment.kind == .paused, !consultations.isEmpty {
                let c = consultations.removeFirst()
                let ended = c.endedOn.map { "；\($0)收到意见" } ?? "；尚未收到意见"
                lines.append("征求意见：\(c.startedOn)向\(c.party.label)送达征求意见书（\(c.party.article)），最迟于\(c.replyDeadline)提出意见"
                             + "（自收到之日起\(consultationWorkdays)个工作日）\(ended)。送达当日计入答复期限，次日起暂停，收到意见当日仍暂停，再次日恢复计时。")
            }
            lines.append(segment.text)
        }
        for c in plan.lateConsultations {
            lines.append("征求意见：\(c.startedOn)向\(c.party.label)送达征求意见书时答复期限已用尽（到期日\(plan.due)），不暂停计时。")
        }
        if let grant = state.extensionGrant {
            var unextended = state
            unextended.extensionGrant = nil
            let before = dueDate(of: unextended, calendar: calendar).map(String.init(describing:)) ?? "—"
            lines.append("延期：\(grant.on)经\(grant.approver)同意延长\(grant.workdays)个工作日（第三十三条第二款），答复期限由\(before)延至\(plan.due)。")
        }
        if let open = state.openConsultation, !plan.lateConsultations.contains(open) {
            lines.append("最迟到期日：\(plan.due)（星期\(plan.due.weekdayChinese)），按征求意见持续至\(open.replyDeadline)计算；提前收到意见的，到期日相应提前。")
        } else {
            lines.append("到期日：\(plan.due)（星期\(plan.due.weekdayChinese)），共\(state.allowedWorkdays)个工作日。")
        }
        if let fee = state.fee {
            lines.append("收费通知：\(fee.on)\(fee.method.label)\(fee.amount)元（国办函〔2020〕109号）；收费通知对答复期限的影响尚未确认，本系统不因收费暂停计时。")
            if let paid = fee.paidOn { lines.append("缴费：\(paid)。") }
            if let expired = fee.expiredOn { lines.append("逾期未缴费：\(expired)登记，不再处理，计入“其他处理”第2项。") }
        }
        return lines
    }

    static func planFlags(_ state: RequestState, plan: Plan, today: CivilDate) -> [String] {
        var flags: [String] = []
        if let open = state.openConsultation, today > open.replyDeadline, !plan.lateConsultations.contains(open) {
            flags.append("\(open.party.label)在\(open.replyDeadline)（含）之前未答复，此后恢复计时；\(open.party.silenceRule)。")
        }
        flags += plan.lateConsultations.map { "\($0.startedOn)开始的征求意见晚于答复期限，不暂停计时。" }
        if let answer = state.answer, answer.on > plan.due { flags.append("答复日\(answer.on)晚于到期日\(plan.due)。") }
        return flags
    }

    static func statusLines(_ state: RequestState, clock: ClockState) -> [String] {
        var lines: [String] = []
        switch clock.status {
        case .answered, .answeredLate:
            let answer = state.answer!
            let timing = clock.status == .answered ? "用时\(clock.usedWorkdays)个工作日，按期答复"
                : "逾期\(-clock.remainingWorkdays)个工作日答复"
            let basis = answer.legalBasis.isEmpty ? "未填写" : answer.legalBasis
            lines.append("答复：\(answer.on)，\(answer.outcome.label)（依据：\(basis)），\(timing)。")
        case .abandoned: lines.append("已终止：逾期未缴费，不再处理。")
        case .paused:
            lines.append("截至\(clock.today)：暂停计时中，已用\(clock.usedWorkdays)个工作日，剩余\(clock.remainingWorkdays)个工作日。")
        case .overdue:
            lines.append("截至\(clock.today)：已逾期\(-clock.remainingWorkdays)个工作日（到期日\(clock.dueDate!)）。")
        default:
            let soon = clock.isDueSoon ? "，即将到期" : ""
            lines.append("截至\(clock.today)：已用\(clock.usedWorkdays)个工作日，剩余\(clock.remainingWorkdays)个工作日\(soon)。")
        }
        return lines + caseLines(state)
    }

    /// 归档, 行政复议 and 行政诉讼.
    static func caseLines(_ state: RequestState) -> [String] {
        var lines: [String] = []
        if let archived = state.archivedOn { lines.append("归档：\(archived)。") }
        if let review = state.review { lines.append("行政复议：\(review.filedOn)提出，\(review.result.label)。") }
        if let suit = state.litigation {
            lines.append("行政诉讼（\(suit.afterReview ? "复议后起诉" : "未经复议直接起诉")）：\(suit.filedOn)起诉，\(suit.result.label)。")
        }
        return lines
    }

    static func finish(_ lines: [String], _ clock: ClockState) -> String {
        var all = lines + clock.flags.map { "注意：\($0)" }
        if clock.provisional {
            all.append("注意：计算涉及尚无节假日安排的年份，只按周末推算，结果为临时结果，国务院发布安排后会重新计算。")
        }
        return all.joined(separator: "\n")
    }
}
