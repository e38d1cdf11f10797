import GongkaiCore

/// One request as `gongkai requests --json` and `GET /api/v1/requests` list it (no applicant data). `status` is the workflow phase's raw value
/// (new, registered, processing, awaitingClarification, consulting, awaitingFee, answered, closed, archived).
public struct RequestListing: Codable, Sendable, Equatable {
    public var id: Int
    public var agencyID: Int
    public var code: String
    public var status: String
    public var statusLabel: String
    public var received: String?
    public var due: String?
    /// ClockState.Status raw value at `--at` (running, paused, overdue …) and its Chinese.
    public var clock: String
    public var clockLabel: String
    public var remainingWorkdays: Int?
    public var outcome: String?

    public init(_ stored: StoredRequest, calendar: WorkingCalendar, today: CivilDate) {
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        let clock = stored.request.clock(calendar: calendar, today: today)
        id = stored.id
        agencyID = stored.agencyID
        code = stored.code
        status = state.phase.rawValue
        statusLabel = state.phase.label
        received = state.receivedOn?.description
        due = clock.dueDate?.description
        self.clock = clock.status.rawValue
        clockLabel = clock.status.label
        remainingWorkdays = [.running, .overdue, .paused].contains(clock.status) ? clock.remainingWorkdays : nil
        outcome = state.outcome?.rawValue
    }
}
