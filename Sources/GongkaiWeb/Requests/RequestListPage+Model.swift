/// The staff list of 依申请公开 requests (Templates/requests.mustache): masked applicants, status and due dates, with
/// the phase and (for system administrators) agency filters.
extension DisclosureRequestController {
    struct ListView: Sendable {
        var rows: [Row]
        var phases: [SelectOption]
        var agencies: [SelectOption]
        var showAgency: Bool
        var empty: Bool
    }

    struct Row: Sendable {
        var id: Int
        var url: String
        var code: String
        var agencyName: String
        var applicant: String
        var document: String
        var kind: String
        var status: String
        var clock: String
        var received: String
        var due: String
        var daysLeft: String
        var late: Bool
    }
}
