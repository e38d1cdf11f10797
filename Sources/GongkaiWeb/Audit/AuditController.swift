import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/audit: the audit trail with filters and the chain check.
struct AuditController {
    let audit: AuditLog
    let renderer: Renderer

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

    func addRoutes(to router: Router<WebContext>) {
        router.get(.audit) { request, context in
            let user = try requireUser(context)
            guard user.role == .systemAdmin || user.role == .agencyAdmin else { throw WebError.forbidden("只有管理员可以查看审计日志。") }
            let query = request.uri.queryParameters
            let filter = AuditLog.Filter(agencyID: user.role == .systemAdmin ? nil : user.agencyID,
                                         actor: query["actor"].map(String.init), objectType: query["type"].map(String.init),
                                         objectID: query["object"].map(String.init))
            let entries = try await audit.entries(limit: 200, filter: filter)
            let verification = try await audit.verify()
            let (text, intact): (String, Bool) = switch verification {
            case .intact(let count): ("哈希链完整（共\(count)条）", true)
            case .broken(let id, let reason): ("哈希链在第\(id)条处断开：\(reason)", false)
            }
            let view = AuditView(entries: entries.map {
                EntryView(id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, object: "\($0.objectType) #\($0.objectID)",
                          before: String($0.before.prefix(300)), after: String($0.after.prefix(300)), hash: String($0.hash.prefix(12)))
            }, actor: filter.actor ?? "", objectType: filter.objectType ?? "", objectID: filter.objectID ?? "", verification: text, intact: intact)
            return renderer.render("audit", title: "审计日志", content: view, context: context)
        }
    }
}
