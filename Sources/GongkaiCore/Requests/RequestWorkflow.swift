/// Which events may happen when (条例 第四十五条: 登记、审核、办理、答复、归档), and what they do to the state.
/// Rules: events in date order; 补正 once (一次性告知) and only while the clock runs; extension once, ≤ 20 workdays,
/// approved, before the due date; answers only when nothing is pending; nothing but appeals after 归档.
/// Irregular but real facts (a late 补正 notice, a late correction) are accepted and noted, not refused.
public enum RequestWorkflow {
    /// The state after `event`, or why the event is not allowed now.
    public static func apply(_ event: RequestEvent, to state: RequestState, calendar: WorkingCalendar) throws(Failure) -> RequestState {
        if let last = state.lastEventDate, event.date < last { throw Failure.outOfOrder(event.date, after: last) }
        func require(_ phases: Set<RequestState.Phase>) throws(Failure) {
            if !phases.contains(state.phase) { throw Failure.notAllowed(state.phase, event.kind) }
        }
        var next = state
        next.lastEventDate = event.date
        switch event {
        case .received(let on, let channel):
            try require([.new])
            (next.receivedOn, next.channel, next.phase) = (on, channel, .registered)
        case .assigned(_, let department):
            try require([.registered, .processing, .awaitingClarification, .consulting, .awaitingFee])
            guard !department.trimmed.isEmpty else { throw Failure.departmentMissing }
            next.department = department.trimmed
            if state.phase == .registered { next.phase = .processing }
        case .clarificationRequested(let on, let items, let replyWorkdays):
            try require([.registered, .processing])
            if let earlier = state.clarification { throw Failure.clarificationAlreadyRequested(on: earlier.requestedOn) }
            let listed = items.map(\.trimmed).filter { !$0.isEmpty }
            guard !listed.isEmpty else { throw Failure.clarificationItemsMissing }
            guard replyWorkdays >= 1 else { throw Failure.invalidReplyPeriod(replyWorkdays) }
            let clarification = RequestState.Clarification(
                requestedOn: on, items: listed, replyWorkdays: replyWorkdays,
                noticeDeadline: calendar.adding(workdays: RequestClock.clarificationNoticeWorkdays, to: state.receivedOn!),
                replyDeadline: calendar.adding(workdays: replyWorkdays, to: on))
            if clarification.isLate {
                next.irregularities.append("补正告知日\(on)晚于第三十条规定的收到申请后7个工作日（最迟应于\(clarification.noticeDeadline)告知）。")
            }
            (next.clarification, next.phase) = (clarification, .awaitingClarification)
        case .clarificationReceived(let on):
            try require([.awaitingClarification])
            let deadline = state.clarification!.replyDeadline
            if on > deadline {
                next.irregularities.append("申请人于\(on)补正，晚于补正期限\(deadline)；已按收到补正处理（有无正当理由由经办人判断，第三十条）。")
            }
            (next.clarification!.receivedOn, next.phase) = (on, state.openPhase)
        case .clarificationExpired(let on):
            try require([.awaitingClarification])
            let deadline = state.clarification!.replyDeadline
            guard on > deadline else { throw Failure.clarificationNotLapsed(deadline: deadline) }
            (next.clarification!.expiredOn, next.phase) = (on, .closed)
        case .consultationStarted(let on, let party):
            try require([.registered, .processing])
            next.consultations.append(.init(party: party, startedOn: on,
                                            replyDeadline: calendar.adding(workdays: RequestClock.consultationWorkdays, to: on)))
            next.phase = .consulting
        case .consultationEnded(let on):
            try require([.consulting])
            let open = state.consultations[state.consultations.count - 1]
            if on > open.replyDeadline {
                next.irregularities.append("\(open.party.label)意见于\(on)收到，晚于15个工作日期限\(open.replyDeadline)；超出的时间计入答复期限。")
            }
            (next.consultations[state.consultations.count - 1].endedOn, next.phase) = (on, state.openPhase)
        case .extended(let on, let workdays, let approver):
            try require([.registered, .processing, .awaitingFee])
            if let granted = state.extensionGrant { throw Failure.extensionAlreadyGranted(on: granted.on) }
            guard (1...RequestClock.maxExtensionWorkdays).contains(workdays) else { throw Failure.extensionOutOfRange(workdays) }
            guard !approver.trimmed.isEmpty else { throw Failure.approverMissing }
            if let due = RequestClock.dueDate(of: state, calendar: calendar), on > due { throw Failure.extensionAfterDue(due: due) }
            next.extensionGrant = .init(on: on, workdays: workdays, approver: approver.trimmed)
        case .feeNoticed(let on, let amount, let method):
            try require([.registered, .processing])
            if let notice = state.fee { throw Failure.feeAlreadyNoticed(on: notice.on) }
            guard amount > 0 else { throw Failure.invalidFeeAmount(amount) }
            (next.fee, next.phase) = (.init(on: on, amount: amount, method: method), .awaitingFee)
        case .feePaid(let on):
            try require([.awaitingFee])
            (next.fee!.paidOn, next.phase) = (on, state.openPhase)
        case .feeExpired(let on):
            try require([.awaitingFee])
            (next.fee!.expiredOn, next.phase) = (on, .closed)
        case .answered(let on, let outcome, let legalBasis, let text):
            try require([.registered, .processing])
            if outcome.isTermination {
                throw Failure.outcomeNeedsEvent(outcome, outcome == .otherHandling(.feeUnpaid) ? .feeExpired : .clarificationExpired)
            }
            if outcome == .unavailable(.stillUnclearAfterClarification), state.clarification?.receivedOn == nil {
                throw Failure.outcomeNeedsClarification
            }
            let given = legalBasis?.trimmed ?? ""
            next.answer = .init(on: on, outcome: outcome, legalBasis: given.isEmpty ? outcome.suggestedLegalBasis?.text ?? "" : given,
                                text: text?.trimmed ?? "")
            next.phase = .answered
        case .archived(let on):
            try require([.answered, .closed])
            (next.archivedOn, next.phase) = (on, .archived)
        case .reviewFiled(let on):
            guard state.phase != .new else { throw Failure.notAllowed(state.phase, event.kind) }
            guard state.review == nil else { throw Failure.appealAlreadyFiled(.reviewFiled) }
            next.review = .init(filedOn: on, result: .pending, afterReview: false)
        case .litigationFiled(let on):
            guard state.phase != .new else { throw Failure.notAllowed(state.phase, event.kind) }
            guard state.litigation == nil else { throw Failure.appealAlreadyFiled(.litigationFiled) }
            next.litigation = .init(filedOn: on, result: .pending, afterReview: state.review != nil)
        case .reviewDecided(let on, let result):
            next.review = try decide(state.review, on: on, result: result, event: event.kind)
        case .litigationDecided(let on, let result):
            next.litigation = try decide(state.litigation, on: on, result: result, event: event.kind)
        }
        return next
    }

    static func decide(_ appeal: RequestState.Appeal?, on: CivilDate, result: AppealResult,
                       event: RequestEventKind) throws(Failure) -> RequestState.Appeal {
        guard var appeal else { throw Failure.appealNotFiled(event) }
        guard appeal.decidedOn == nil else { throw Failure.appealAlreadyDecided(event) }
        guard result != .pending else { throw Failure.pendingIsNotADecision }
        (appeal.decidedOn, appeal.result) = (on, result)
        return appeal
    }

    /// Replays a whole log, stopping at the first event that is not allowed.
    public static func replay(_ events: [RequestEvent], calendar: WorkingCalendar) throws(ReplayFailure) -> RequestState {
        var state = RequestState()
        for (index, event) in events.enumerated() {
            do {
                state = try apply(event, to: state, calendar: calendar)
            } catch {
                throw ReplayFailure(index: index, event: event.kind, failure: error)
            }
        }
        return state
    }

    /// Replays a stored log, skipping each event that is not allowed and reporting it (old or imported data).
    public static func replayLeniently(_ events: [RequestEvent], calendar: WorkingCalendar) -> (state: RequestState, rejected: [ReplayFailure]) {
        var state = RequestState()
        var rejected: [ReplayFailure] = []
        for (index, event) in events.enumerated() {
            do {
                state = try apply(event, to: state, calendar: calendar)
            } catch {
                rejected.append(ReplayFailure(index: index, event: event.kind, failure: error))
            }
        }
        return (state, rejected)
    }
}
