import GongkaiStore

extension AuditController.AuditView {
    /// The latest 200 entries under `filter`, and the check of the whole chain.
    static func load(filter: AuditLog.Filter, audit: AuditLog) async throws -> Self {
        let entries = try await audit.entries(limit: 200, filter: filter)
        let verification = try await audit.verify()
        let (text, intact): (String, Bool) = switch verification {
        case .intact(let count): ("哈希链完整（共\(count)条）", true)
        case .broken(let id, let reason): ("哈希链在第\(id)条处断开：\(reason)", false)
        }
        return Self(entries: entries.map {
            AuditController.EntryView(id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, object: "\($0.objectType) #\($0.objectID)",
                                      before: String($0.before.prefix(300)), after: String($0.after.prefix(300)), hash: String($0.hash.prefix(12)))
        }, actor: filter.actor ?? "", objectType: filter.objectType ?? "", objectID: filter.objectID ?? "", verification: text, intact: intact)
    }
}
