import GongkaiCore
import GongkaiStore

extension DisclosureRequestController.ListView {
    /// The requests `user` may see of `agencyID` (nil: every agency) in `phase` (nil: every phase), their clocks at `today`.
    static func load(user: User, agencyID: Int?, phase: RequestState.Phase?, today: CivilDate, calendar: WorkingCalendar,
                     requests: RequestRepository, directory: AgencyDirectory) async throws -> Self {
        let rows = try await requests.list(by: user, agencyID: agencyID, phase: phase)
        let agencies = try await directory.agencies()
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name) })
        return Self(
            rows: rows.map { row(for: $0, agencyName: names[$0.agencyID] ?? "", today: today, calendar: calendar) },
            phases: RequestState.Phase.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == phase) },
            agencies: user.role == .systemAdmin ? agencies.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == agencyID) } : [],
            showAgency: user.role == .systemAdmin, empty: rows.isEmpty)
    }

    static func row(for stored: StoredRequest, agencyName: String, today: CivilDate, calendar: WorkingCalendar) -> DisclosureRequestController.Row {
        let (state, _) = RequestWorkflow.replayLeniently(stored.request.events, calendar: calendar)
        let clock = stored.request.clock(calendar: calendar, today: today)
        let applicant = stored.request.applicant
        let counting = [.running, .overdue].contains(clock.status)
        return DisclosureRequestController.Row(
            id: stored.id, url: SiteURL.adminRequest(stored.id).path, code: stored.code, agencyName: agencyName, applicant: applicant.name,
            document: "\(applicant.documentType.label) \(applicant.maskedDocumentNumber)", kind: applicant.kind.fullLabel,
            status: state.phase.label, clock: clock.status.label, received: state.receivedOn?.description ?? "—",
            due: clock.dueDate?.description ?? "—",
            daysLeft: counting ? (clock.remainingWorkdays >= 0 ? "剩\(clock.remainingWorkdays)个工作日" : "已逾期\(-clock.remainingWorkdays)个工作日") : "—",
            late: clock.isOverdue || clock.isDueSoon)
    }
}
