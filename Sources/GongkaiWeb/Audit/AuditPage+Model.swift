/// The audit trail (Templates/audit.mustache): the latest entries under the filter, and whether the hash chain holds.
extension AuditController {
    struct AuditView: Sendable {
        var entries: [EntryView]
        var actor: String
        var objectType: String
        var objectID: String
        var verification: String
        var intact: Bool
    }

    struct EntryView: Sendable {
        var id: Int
        var at: String
        var actor: String
        var action: String
        var object: String
        var before: String
        var after: String
        var hash: String
    }
}
