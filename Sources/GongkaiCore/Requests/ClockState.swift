/// Settings of the answer clock that are the agency's choice, not the law's.
public struct ClockOptions: Sendable, Equatable {
    /// A running request is "due soon" when at most this many workdays remain after today (on the due date: 0).
    public var dueSoonWorkdays: Int

    /// `dueSoonWorkdays`: 5 unless the agency chooses otherwise.
    public init(dueSoonWorkdays: Int = 5) { self.dueSoonWorkdays = dueSoonWorkdays }

    /// Due soon at 5 workdays or fewer.
    public static let standard = ClockOptions()
}

/// One stretch of the answer clock, between two events.
public struct ClockSegment: Sendable, Equatable {
    /// What happens to the answer period in the segment.
    public enum Kind: String, Sendable, Codable {
        /// Workdays that count toward the answer period.
        case counted
        /// Workdays counted before a 补正 notice; the period restarts on the correction (第三十条), so they no longer count.
        case superseded
        /// Awaiting the applicant's correction: no period runs (第三十条).
        case stopped
        /// Consultation of a third party or another agency: not counted (第三十三条第三款).
        case paused
    }

    /// Counted, superseded, stopped or paused.
    public var kind: Kind
    /// The boundary day before the segment's first day (receipt, notice, correction, start or end of consultation).
    public var after: CivilDate
    /// The segment's last day; nil while it is open with no known end.
    public var through: CivilDate?
    /// Workdays in (after, through]: counted, superseded or paused; 0 for stopped.
    public var workdays: Int
    /// The segment in Chinese, with dates, workdays and the days off it skipped.
    public var text: String
}

/// The answer clock of one request at `today`, always computed from the events and the working calendar.
public struct ClockState: Sendable, Equatable {
    /// Where the request stands at `today`; `label` is the Chinese for lists and the dashboard.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case notReceived, running, awaitingClarification, clarificationLapsed, paused, overdue, answered, answeredLate, abandoned

        /// Chinese, for lists and the dashboard.
        public var label: String {
            switch self {
            case .notReceived: "未登记"
            case .running: "计时中"
            case .awaitingClarification: "待补正（停止计时）"
            case .clarificationLapsed: "补正期限已过（可视为放弃申请）"
            case .paused: "征求意见中（暂停计时）"
            case .overdue: "已逾期"
            case .answered: "已按期答复"
            case .answeredLate: "逾期答复"
            case .abandoned: "已终止（视为放弃或不再处理）"
            }
        }
    }

    /// See `Status`.
    public var status: Status
    /// The day the clock was computed for.
    public var today: CivilDate
    /// Where the answer period counts from: the receipt (第三十一条、第三十三条) or the corrected application (第三十条).
    public var clockStart: CivilDate?
    /// Nil while there is no period (not received, awaiting 补正, abandoned for lack of 补正). While a consultation is
    /// open: the latest possible due date, as if it lasted its full 15 workdays.
    public var dueDate: CivilDate?
    /// 20 plus the extension.
    public var allowedWorkdays: Int
    /// Counted workdays up to today (or up to the answer); past the due date it exceeds `allowedWorkdays`.
    public var usedWorkdays: Int
    /// `allowedWorkdays − usedWorkdays`; negative when overdue. While awaiting 补正: the full period to come.
    public var remainingWorkdays: Int
    /// A consultation is open and within its 15 workdays.
    public var isPaused: Bool
    /// Running with at most `ClockOptions.dueSoonWorkdays` workdays left.
    public var isDueSoon: Bool
    /// Past the due date without an answer.
    public var isOverdue: Bool
    /// While awaiting 补正: the last day the applicant may correct.
    public var clarificationDeadline: CivilDate?
    /// While consulting: the last of the party's 15 workdays.
    public var consultationDeadline: CivilDate?
    /// Every stretch of the clock in order: superseded and stopped (补正), then counted and paused up to the due date.
    public var segments: [ClockSegment]
    /// Irregularities, in Chinese (late 补正 notice, late reply, events that could not be applied …).
    public var flags: [String]
    /// The computation touched a year without holiday data (weekends only were assumed off).
    public var provisional: Bool
    /// Every step in Chinese: receipt, each stop, pause and restart with dates and workdays, due date, today.
    public var explanation: String
}
