/// The closed list of things that happen to a disclosure request (依申请公开), in the order they happen.
/// A request is its ordered event log: its state (`RequestWorkflow`) and its clock (`RequestClock`) are derived
/// from the events and the working calendar, never stored. Each event is one audit entry.
public enum RequestEvent: Sendable, Equatable {
    /// 登记: the application was received; `on` is the date of receipt under 第三十一条 for `channel`.
    case received(on: CivilDate, channel: ReceiptChannel)
    /// 分办 to the department that handles it (第四十五条: 登记、审核、办理、答复、归档).
    case assigned(on: CivilDate, department: String)
    /// 补正告知 (第三十条): once (一次性告知), listing every item, within 7 workdays of receipt. The clock stops.
    /// `replyWorkdays`: the 合理的补正期限 given to the applicant (the 条例 fixes none; our default is 15).
    case clarificationRequested(on: CivilDate, items: [String], replyWorkdays: Int = RequestClock.defaultClarificationReplyWorkdays)
    /// The corrected application arrived; the 20 workdays start again from this day (第三十条).
    case clarificationReceived(on: CivilDate)
    /// The reply period passed without a correction: 视为放弃申请 (第三十条), counted as 其他处理 1.
    case clarificationExpired(on: CivilDate)
    /// 征求意见书 served on the party: the clock pauses (第三十三条第三款); the party has 15 workdays.
    case consultationStarted(on: CivilDate, party: ConsultationParty)
    /// The party's reply arrived (or the agency stopped waiting); the clock resumes the next day.
    case consultationEnded(on: CivilDate)
    /// 延期 (第三十三条第二款): at most 20 workdays, once, approved by the head of the disclosure office, applicant told.
    case extended(on: CivilDate, workdays: Int, approver: String)
    /// 收费通知 (条例 第四十二条, 国办函〔2020〕109号); `amount` in 元.
    case feeNoticed(on: CivilDate, amount: Int, method: FeeMethod)
    case feePaid(on: CivilDate)
    /// The fee was not paid as the notice required: processing stops, counted as 其他处理 2.
    case feeExpired(on: CivilDate)
    /// 答复 (第三十六条) with its table-三 outcome; `legalBasis` nil means the outcome's suggested basis; `text` is the
    /// answer in the agency's own words (where the information is, why part is withheld…), printed in the letter.
    case answered(on: CivilDate, outcome: RequestOutcome, legalBasis: String? = nil, text: String? = nil)
    /// 归档 (第四十五条).
    case archived(on: CivilDate)
    /// 行政复议 (table 四).
    case reviewFiled(on: CivilDate)
    case reviewDecided(on: CivilDate, result: AppealResult)
    /// 行政诉讼: 复议后起诉 when a review was filed before, otherwise 未经复议直接起诉 (table 四).
    case litigationFiled(on: CivilDate)
    case litigationDecided(on: CivilDate, result: AppealResult)

    /// The day the event happened (for `received`, the effective date of receipt).
    public var date: CivilDate {
        switch self {
        case .received(let on, _), .assigned(let on, _), .clarificationRequested(let on, _, _), .clarificationReceived(let on),
             .clarificationExpired(let on), .consultationStarted(let on, _), .consultationEnded(let on),
             .extended(let on, _, _), .feeNoticed(let on, _, _), .feePaid(let on), .feeExpired(let on),
             .answered(let on, _, _, _), .archived(let on), .reviewFiled(let on), .reviewDecided(let on, _),
             .litigationFiled(let on), .litigationDecided(let on, _):
            on
        }
    }

    /// The event's name, without its data.
    public var kind: RequestEventKind {
        switch self {
        case .received: .received
        case .assigned: .assigned
        case .clarificationRequested: .clarificationRequested
        case .clarificationReceived: .clarificationReceived
        case .clarificationExpired: .clarificationExpired
        case .consultationStarted: .consultationStarted
        case .consultationEnded: .consultationEnded
        case .extended: .extended
        case .feeNoticed: .feeNoticed
        case .feePaid: .feePaid
        case .feeExpired: .feeExpired
        case .answered: .answered
        case .archived: .archived
        case .reviewFiled: .reviewFiled
        case .reviewDecided: .reviewDecided
        case .litigationFiled: .litigationFiled
        case .litigationDecided: .litigationDecided
        }
    }
}

/// The name of each event, as stored (`type` in JSON) and shown.
public enum RequestEventKind: String, Codable, Sendable, CaseIterable {
    case received, assigned, clarificationRequested, clarificationReceived, clarificationExpired
    case consultationStarted, consultationEnded, extended, feeNoticed, feePaid, feeExpired
    case answered, archived, reviewFiled, reviewDecided, litigationFiled, litigationDecided

    /// The event in Chinese, for the audit trail and lists.
    public var label: String {
        switch self {
        case .received: "登记收到申请"
        case .assigned: "分办"
        case .clarificationRequested: "告知补正"
        case .clarificationReceived: "收到补正"
        case .clarificationExpired: "逾期未补正（视为放弃申请）"
        case .consultationStarted: "征求意见"
        case .consultationEnded: "征求意见结束"
        case .extended: "延期答复"
        case .feeNoticed: "发出收费通知"
        case .feePaid: "缴纳信息处理费"
        case .feeExpired: "逾期未缴费（不再处理）"
        case .answered: "答复"
        case .archived: "归档"
        case .reviewFiled: "申请行政复议"
        case .reviewDecided: "行政复议决定"
        case .litigationFiled: "提起行政诉讼"
        case .litigationDecided: "行政诉讼裁判"
        }
    }
}
