/// What a request's events add up to, built by `RequestWorkflow` (one event at a time) and read by `RequestClock`.
public struct RequestState: Sendable, Equatable {
    /// The staff workflow of 第四十五条: 登记 → 审核/办理 → 答复 → 归档, with the waits in between.
    public enum Phase: String, Codable, Sendable, CaseIterable {
        case new, registered, processing, awaitingClarification, consulting, awaitingFee, answered, closed, archived

        /// The phase in Chinese.
        public var label: String {
            switch self {
            case .new: "未登记"
            case .registered: "已登记"
            case .processing: "办理中"
            case .awaitingClarification: "待补正"
            case .consulting: "征求意见中"
            case .awaitingFee: "待缴费"
            case .answered: "已答复"
            case .closed: "已终止"
            case .archived: "已归档"
            }
        }

        /// Open, and the answer clock runs (not stopped for 补正, not paused for consultation).
        public var isRunning: Bool { [.registered, .processing, .awaitingFee].contains(self) }
    }

    /// The one 补正 notice (第三十条) and what became of it.
    public struct Clarification: Sendable, Equatable {
        public var requestedOn: CivilDate
        public var items: [String]
        public var replyWorkdays: Int
        /// The last day the notice was due: 7 workdays after receipt (第三十条).
        public var noticeDeadline: CivilDate
        /// 补正期限: the last day the applicant may correct.
        public var replyDeadline: CivilDate
        public var receivedOn: CivilDate?
        public var expiredOn: CivilDate?
        /// Sent after the 7 workdays of 第三十条.
        public var isLate: Bool { requestedOn > noticeDeadline }
    }

    /// One 征求意见 (第三十二条 third party, 第三十四条 other agency).
    public struct Consultation: Sendable, Equatable {
        public var party: ConsultationParty
        public var startedOn: CivilDate
        /// The last of the party's 15 workdays (第三十二条、第三十四条).
        public var replyDeadline: CivilDate
        public var endedOn: CivilDate?
        /// The last paused day: the end of the consultation, but never after the party's deadline.
        public var pauseEnd: CivilDate { min(endedOn ?? replyDeadline, replyDeadline) }
    }

    /// The one extension (第三十三条第二款): when, how many workdays, approved by whom.
    public struct ExtensionGrant: Sendable, Equatable {
        public var on: CivilDate
        public var workdays: Int
        public var approver: String
    }

    /// The one 收费通知 (国办函〔2020〕109号) and its payment or lapse.
    public struct FeeNotice: Sendable, Equatable {
        public var on: CivilDate
        public var amount: Int
        public var method: FeeMethod
        public var paidOn: CivilDate?
        public var expiredOn: CivilDate?
    }

    /// The 答复 (第三十六条) with its table-三 row.
    public struct Answer: Sendable, Equatable {
        public var on: CivilDate
        public var outcome: RequestOutcome
        /// As given, else the outcome's suggested basis, else empty.
        public var legalBasis: String
        /// The answer in the agency's own words; empty when none was written.
        public var text: String = ""
    }

    /// A 行政复议 or 行政诉讼 case about this request.
    public struct Appeal: Sendable, Equatable {
        public var filedOn: CivilDate
        public var decidedOn: CivilDate?
        /// `.pending` (尚未审结) until decided.
        public var result: AppealResult
        /// For litigation: 复议后起诉 (a review had been filed), otherwise 未经复议直接起诉.
        public var afterReview: Bool
    }

    /// Where the request is in the staff workflow.
    public var phase: Phase = .new
    /// The date of receipt (第三十一条) and how the application came.
    public var receivedOn: CivilDate?
    public var channel: ReceiptChannel?
    /// The department it is assigned to (分办).
    public var department: String?
    /// What the events recorded, one part each; see the nested types.
    public var clarification: Clarification?
    public var consultations: [Consultation] = []
    public var extensionGrant: ExtensionGrant?
    public var fee: FeeNotice?
    public var answer: Answer?
    public var archivedOn: CivilDate?
    public var review: Appeal?
    public var litigation: Appeal?
    /// The date of the latest event; the next one may not be earlier.
    public var lastEventDate: CivilDate?
    /// Irregularities accepted when recorded, in Chinese (a late 补正 notice, a late correction …).
    public var irregularities: [String] = []

    /// The state before any event.
    public init() {}

    /// The consultation in progress, if any.
    public var openConsultation: Consultation? {
        consultations.last.flatMap { $0.endedOn == nil ? $0 : nil }
    }

    /// Where the answer period currently counts from: the corrected application (第三十条) or the receipt (第三十三条).
    public var clockStart: CivilDate? { clarification?.receivedOn ?? receivedOn }

    /// 20 workdays (第三十三条第二款) plus any extension.
    public var allowedWorkdays: Int { RequestClock.answerWorkdays + (extensionGrant?.workdays ?? 0) }

    /// The table-三 row: the answer's outcome, or the termination (其他处理 1 or 2).
    public var outcome: RequestOutcome? {
        if let answer { return answer.outcome }
        if clarification?.expiredOn != nil { return .otherHandling(.clarificationOverdue) }
        if fee?.expiredOn != nil { return .otherHandling(.feeUnpaid) }
        return nil
    }

    /// The day the request was answered or terminated; it then counts in that year's 办理结果.
    public var concludedOn: CivilDate? { answer?.on ?? clarification?.expiredOn ?? fee?.expiredOn }

    /// The phase to return to after a wait: 办理中 once assigned, else 已登记.
    var openPhase: Phase { department == nil ? .registered : .processing }
}
