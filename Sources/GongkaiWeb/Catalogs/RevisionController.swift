import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/catalogs/:id/revision: staff review a draft revision, correct its matches, approve it from a date or set
/// it aside. Each step is one transaction in the store and is audited there.
struct RevisionController {
    let catalogs: CatalogRepository
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.adminCatalogRevision(.key)) { _, context in try await page(context) }
        router.post(.adminCatalogRevisionStep(.key, .match)) { request, context in
            try await decide(request, context) { draft, form, user in
                guard let new = Int(form.text("new")) else { throw WebError.badRequest("缺少要更正的事项。") }
                let old = form.text("old").isEmpty ? nil : Int(form.text("old"))
                try await catalogs.correctMatch(draftID: draft.id, newNodeID: new, oldNodeID: old, actor: user.username)
                return SiteURL.adminCatalogRevision(.value(draft.id)).path
            }
        }
        router.post(.adminCatalogRevisionStep(.key, .approve)) { request, context in
            try await decide(request, context) { draft, form, user in
                guard let effective = CivilDate(form.text("effective")) else { throw WebError.badRequest("请填写施行日期（年-月-日）。") }
                try await catalogs.approve(draftID: draft.id, effective: effective, actor: user.username)
                return SiteURL.adminCatalog(.value(draft.id)).path
            }
        }
        router.post(.adminCatalogRevisionStep(.key, .discard)) { request, context in
            try await decide(request, context) { draft, _, user in
                try await catalogs.discard(draftID: draft.id, actor: user.username)
                return SiteURL.admin.path
            }
        }
    }

    private func draft(_ context: WebContext) async throws -> (CatalogSummary, User) {
        let user = try requireUser(context)
        let id = try context.parameters.require("id", as: Int.self)
        guard let draft = try await catalogs.summary(id: id) else { throw WebError.notFound("目录") }
        guard Permissions.canView(agencyID: draft.agencyId, user) else { throw WebError.forbidden("不能查看其他机关的目录。") }
        return (draft, user)
    }

    private func decide(_ request: Request, _ context: WebContext,
                        _ step: (CatalogSummary, FormData, User) async throws -> String) async throws -> Response {
        let (draft, user) = try await self.draft(context)
        guard Permissions.canDecideCatalogRevision(agencyID: draft.agencyId, user) else {
            throw WebError.forbidden("只有本机关的审核人员或管理员可以审核目录修订稿。")
        }
        let form = try await FormData.read(request, context: context)
        do {
            return Renderer.redirect(try await step(draft, form, user))
        } catch let error as CatalogVersionError {
            throw WebError(status: .conflict, message: error.description)
        }
    }

    private func page(_ context: WebContext) async throws -> Response {
        let (draft, user) = try await self.draft(context)
        guard draft.status == .draft else { return Renderer.redirect(SiteURL.adminCatalog(.value(draft.id)).path) }
        let revision = try await catalogs.revisionDiff(draftID: draft.id)
        let current = try await catalogs.summary(id: revision.revisedID)
        let old = try await catalogs.load(id: revision.revisedID).items
        let oldIDs = revision.entries.compactMap(\.oldNodeID)
        // The items of the version in force, by node id, for the select of each match.
        var oldPaths: [Int: String] = [:]
        for entry in revision.entries { if let id = entry.oldNodeID, let index = entry.entry.oldIndex { oldPaths[id] = old[index].path.joined(separator: " › ") } }
        let choices = oldIDs.sorted().compactMap { id in oldPaths[id].map { (id, $0) } }
        let entries = revision.entries.filter { $0.entry.change != .unchanged }.map { entry in
            RevisionPage.Entry(row: CatalogPages.ChangeRow(entry.entry), newNodeID: entry.newNodeID,
                               fieldID: "match-\(entry.newNodeID ?? entry.oldNodeID ?? 0)",
                               options: [SelectOption(value: "", label: "无（新增事项）", selected: entry.oldNodeID == nil)]
                                   + choices.map { SelectOption(value: String($0.0), label: $0.1, selected: $0.0 == entry.oldNodeID) },
                               confirmedBy: entry.confirmedBy)
        }
        let unchanged = revision.entries.filter { $0.entry.change == .unchanged }.compactMap { $0.entry.newPath?.joined(separator: " › ") }
        let diff = revision.diff
        let view = RevisionPage(
            title: draft.title, agency: draft.agency, draftTreeURL: SiteURL.adminCatalog(.value(draft.id)).path,
            currentName: current.map(CatalogVersionLabel.name) ?? "现行版本", currentTreeURL: SiteURL.adminCatalog(.value(revision.revisedID)).path,
            counts: CatalogPages.ChangeCount.all(diff),
            entries: entries, unchanged: unchanged, hasUnchanged: !unchanged.isEmpty,
            canDecide: Permissions.canDecideCatalogRevision(agencyID: draft.agencyId, user),
            matchURL: SiteURL.adminCatalogRevisionStep(.value(draft.id), .match).path,
            approveURL: SiteURL.adminCatalogRevisionStep(.value(draft.id), .approve).path,
            discardURL: SiteURL.adminCatalogRevisionStep(.value(draft.id), .discard).path,
            today: renderer.config.clock.today.description, trail: [.workbench])
        return renderer.render("catalog-revision", title: "审核目录修订稿", content: view, context: context)
    }
}
