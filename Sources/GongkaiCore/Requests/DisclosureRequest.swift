/// 政府信息公开申请 (依申请公开, 条例 第二十七–四十五条): who asked, for what, and everything that happened since,
/// as an ordered event log. State and clock are derived from the log on demand.
public struct DisclosureRequest: Codable, Sendable, Equatable {
    /// Assigned by storage.
    public var id: Int
    /// The agency the application was made to (第二十七–二十八条).
    public var agencyID: Int
    /// 申请人 and the table-三 column.
    public var applicant: ApplicantIdentity
    /// 申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述 (第二十九条第二款第（二）项).
    public var requestedInformation: String
    /// 形式要求: how the applicant wants to obtain the information (第二十九条第二款第（三）项).
    public var formRequirement: String
    /// In the order they happened; append through `recording(_:calendar:)` so every event is checked.
    public private(set) var events: [RequestEvent]

    /// A request as entered; the log starts empty, the first event is `received`.
    public init(id: Int, agencyID: Int, applicant: ApplicantIdentity, requestedInformation: String, formRequirement: String = "",
                events: [RequestEvent] = []) {
        self.id = id
        self.agencyID = agencyID
        self.applicant = applicant
        self.requestedInformation = requestedInformation
        self.formRequirement = formRequirement
        self.events = events
    }

    /// Chinese messages for missing application content (第二十九条); empty when the application can be registered.
    public func problems() -> [String] {
        var found = applicant.problems()
        if requestedInformation.trimmed.isEmpty { found.append("请填写申请公开的政府信息的名称、文号或者其他特征性描述（条例第二十九条）") }
        return found
    }

    /// The request with `event` appended, or why the event is not allowed now.
    public func recording(_ event: RequestEvent, calendar: WorkingCalendar) throws -> DisclosureRequest {
        _ = try RequestWorkflow.apply(event, to: state(calendar: calendar), calendar: calendar)
        var next = self
        next.events.append(event)
        return next
    }

    /// The workflow state of the log (throws when a stored log does not replay).
    public func state(calendar: WorkingCalendar) throws -> RequestState {
        try RequestWorkflow.replay(events, calendar: calendar)
    }

    /// The answer clock at `today`.
    public func clock(calendar: WorkingCalendar, today: CivilDate, options: ClockOptions = .standard) -> ClockState {
        RequestClock.compute(events: events, calendar: calendar, today: today, options: options)
    }
}
