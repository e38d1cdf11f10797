import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin: the dashboard, catalog trees and item pages.
struct AdminController {
    let catalogs: CatalogRepository
    let records: RecordRepository
    let directory: AgencyDirectory
    let deadlines: DueDateCalculator
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.admin) { _, context in try await dashboard(context) }
        router.get(.adminCatalog(.key)) { _, context in try await tree(context) }
        router.get(.adminItem(.key)) { _, context in try await item(context) }
        router.post(.adminItemEmptyReason(.key)) { request, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("公开事项") }
            guard Permissions.canAdminister(agencyID: item.agencyID, user) || Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user) else {
                throw WebError.forbidden("只有本事项的责任科室或管理员可以填写说明。")
            }
            let form = try await FormData.read(request, context: context)
            try await PortalQueries(records.database).setEmptyReason(itemNodeID: id, reason: form.text("reason"), by: user, agencyID: item.agencyID)
            return Renderer.redirect(SiteURL.adminItem(id).path)
        }
        router.post(.adminItemTitlePattern(.key)) { request, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("公开事项") }
            guard Permissions.canAdminister(agencyID: item.agencyID, user) else { throw WebError.forbidden("只有本机关管理员可以设置标题格式。") }
            let form = try await FormData.read(request, context: context)
            try await ComplianceRepository(records.database).setTitlePattern(nodeID: id, agencyID: item.agencyID, pattern: form.text("pattern"),
                                                                            actor: user.username)
            return Renderer.redirect(SiteURL.adminItem(id).path)
        }
    }

    private func dashboard(_ context: WebContext) async throws -> Response {
        let view = try await DashboardView.load(user: try requireUser(context), records: records, catalogs: catalogs)
        return renderer.render("dashboard", title: "工作台", content: view, context: context)
    }

    private func tree(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let id = try context.parameters.require("id", as: Int.self)
        guard let agencyID = try await catalogs.agencyID(catalogID: id) else { throw WebError.notFound("目录") }
        guard Permissions.canView(agencyID: agencyID, user) else { throw WebError.forbidden("不能查看其他机关的目录。") }
        let view = try await TreeView.load(catalogID: id, agencyID: agencyID, user: user, catalogs: catalogs)
        return renderer.render("catalog", title: view.title, content: view, context: context)
    }

    private func item(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let id = try context.parameters.require("id", as: Int.self)
        guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("公开事项") }
        guard Permissions.canView(agencyID: item.agencyID, user) else { throw WebError.forbidden("不能查看其他机关的事项。") }
        let view = try await ItemView.load(nodeID: id, item: item, user: user, records: records, deadlines: deadlines)
        return renderer.render("item", title: item.path.last ?? "公开事项", content: view, context: context)
    }
}
