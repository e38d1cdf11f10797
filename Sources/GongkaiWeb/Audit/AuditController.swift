import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/audit: the audit trail with filters and the chain check.
struct AuditController {
    let audit: AuditLog
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.audit) { request, context in
            let user = try requireUser(context)
            guard user.role == .systemAdmin || user.role == .agencyAdmin else { throw WebError.forbidden("只有管理员可以查看审计日志。") }
            let query = request.uri.queryParameters
            let filter = AuditLog.Filter(agencyID: user.role == .systemAdmin ? nil : user.agencyID,
                                         actor: query["actor"].map(String.init), objectType: query["type"].map(String.init),
                                         objectID: query["object"].map(String.init))
            let view = try await AuditView.load(filter: filter, audit: audit)
            return renderer.render("audit", title: "审计日志", content: view, context: context)
        }
    }
}
