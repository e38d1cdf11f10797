import GongkaiCore
import GongkaiStore
import Hummingbird

/// The catalog editor: staff open a draft of the next version from the version in force, then add, rename, move and
/// retire items and categories and edit every field of an item. The draft is reviewed on the revision page.
struct CatalogEditorController {
    let catalogs: CatalogRepository
    let directory: AgencyDirectory
    let deadlines: DueDateCalculator
    let compliance: ComplianceRepository
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.post(.adminCatalogEdit(.key)) { _, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let agencyID = try await catalogs.agencyID(catalogID: id) else { throw WebError.notFound("目录") }
            guard Permissions.canEditCatalog(agencyID: agencyID, user) else { throw WebError.forbidden("只有本机关的管理员或编辑可以修订目录。") }
            return Renderer.redirect(SiteURL.adminCatalog(.value(try await catalogs.openDraft(agencyID: agencyID, actor: user.username))).path)
        }
        router.post(.adminCatalogNodes(.key)) { request, context in
            let user = try requireUser(context)
            let draftID = try context.parameters.require("id", as: Int.self)
            guard let agencyID = try await catalogs.agencyID(catalogID: draftID) else { throw WebError.notFound("目录") }
            guard Permissions.canEditCatalog(agencyID: agencyID, user) else { throw WebError.forbidden("只有本机关的管理员或编辑可以修订目录。") }
            let form = try await FormData.read(request, context: context)
            let id = try await edit { try await add(form, draftID: draftID, parentID: nil, user: user) }
            return Renderer.redirect(SiteURL.adminCatalogNode(.value(id)).path)
        }
        router.get(.adminCatalogNode(.key)) { _, context in
            let (node, _) = try await self.node(context)
            return try await page(node, context: context)
        }
        for step in SiteURL.NodeStep.allCases {
            router.post(.adminCatalogNodeStep(.key, step)) { request, context in try await perform(step, request, context) }
        }
    }

    private func node(_ context: WebContext) async throws -> (CatalogNodeDetail, User) {
        let user = try requireUser(context)
        guard let node = try await catalogs.node(id: try context.parameters.require("id", as: Int.self)) else { throw WebError.notFound("目录节点") }
        guard Permissions.canEditCatalog(agencyID: node.agencyID, user) else { throw WebError.forbidden("只有本机关的管理员或编辑可以修订目录。") }
        guard node.status == .draft else { throw WebError(status: .conflict, message: CatalogEditError.notInDraft.description) }
        return (node, user)
    }

    /// Runs an edit; the store's refusals become a 422 with their Chinese reason.
    private func edit<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as CatalogEditError {
            throw WebError(status: .unprocessableContent, message: error.description)
        }
    }

    private func perform(_ step: SiteURL.NodeStep, _ request: Request, _ context: WebContext) async throws -> Response {
        let (node, user) = try await self.node(context)
        let form = try await FormData.read(request, context: context)
        let back = SiteURL.adminCatalogNode(.value(node.id)).path
        switch step {
        case .save:
            let edit = Self.itemEdit(form)
            do {
                try await catalogs.updateItem(nodeID: node.id, edit, titlePattern: form.text("titlePattern"), actor: user.username)
            } catch let error as CatalogEditError {
                return try await page(node, context: context, submitted: edit, submittedPattern: form.text("titlePattern"), error: error.description,
                                      status: .unprocessableContent)
            }
            return Renderer.redirect(back)
        case .rename:
            try await edit { try await catalogs.renameNode(nodeID: node.id, to: form.text("name"), actor: user.username) }
            return Renderer.redirect(back)
        case .move:
            try await edit { try await catalogs.moveNode(nodeID: node.id, under: Int(form.text("parent")), actor: user.username) }
            return Renderer.redirect(back)
        case .retire:
            try await catalogs.retireNode(nodeID: node.id, actor: user.username)
            return Renderer.redirect(SiteURL.adminCatalog(.value(node.catalogID)).path)
        case .add:
            let id = try await edit { try await add(form, draftID: node.catalogID, parentID: node.id, user: user) }
            return Renderer.redirect(SiteURL.adminCatalogNode(.value(id)).path)
        }
    }

    private func add(_ form: FormData, draftID: Int, parentID: Int?, user: User) async throws -> Int {
        let item = form.text("kind") == "category" ? nil : ItemEdit(content: form.text("content"), deadlineText: form.text("deadline"))
        return try await catalogs.addNode(draftID: draftID, under: parentID, name: form.text("name"), item: item, actor: user.username)
    }

    static func itemEdit(_ form: FormData) -> ItemEdit {
        ItemEdit(content: form.text("content"), legalBasisText: form.text("legalBasis"), deadlineText: form.text("deadline"),
                 publisher: form.text("publisher"), responsibleUnits: form.all("department").map(\.trimmed).filter { !$0.isEmpty },
                 channels: form.all("channel").compactMap(Channel.init(rawValue:)), otherChannels: form.text("otherChannels"),
                 audiences: form.all("audience").compactMap(Audience.init(rawValue:)), modes: form.all("mode").compactMap(Mode.init(rawValue:)),
                 tiers: form.all("tier").compactMap(Tier.init(rawValue:)), updateFrequency: form.text("updateFrequency"), remarks: form.text("remarks"))
    }

    private func page(_ node: CatalogNodeDetail, context: WebContext, submitted: ItemEdit? = nil, submittedPattern: String? = nil, error: String? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let outline = try await catalogs.outline(catalogID: node.catalogID)
        // A node can go under any category but itself and what is under it.
        var excluded = Set([node.id]), depth: Int?
        for entry in outline {
            if entry.id == node.id { depth = entry.level; continue }
            if let level = depth { if entry.level > level { excluded.insert(entry.id) } else { depth = nil } }
        }
        let parents = [SelectOption(value: "", label: "顶层", selected: node.parentID == nil)]
            + outline.filter { !$0.isItem && !excluded.contains($0.id) }.map { entry in
                SelectOption(value: String(entry.id), label: String(repeating: "　", count: entry.level - 1) + entry.name,
                                      selected: entry.id == node.parentID)
            }
        var form: NodeEditorPage.ItemForm?
        if let item = node.item {
            form = try await itemForm(submitted ?? ItemEdit(item), doubts: submitted == nil ? item.doubts ?? [] : [], agencyID: node.agencyID)
            let stored = try await compliance.titlePattern(nodeID: node.id) ?? ""
            form?.titlePattern = submittedPattern ?? stored
        }
        let view = NodeEditorPage(
            name: node.path.last ?? "", path: node.path.dropLast().joined(separator: " › "), isItem: node.item != nil, item: form,
            draftTreeURL: SiteURL.adminCatalog(.value(node.catalogID)).path, revisionURL: SiteURL.adminCatalogRevision(.value(node.catalogID)).path,
            saveURL: SiteURL.adminCatalogNodeStep(.value(node.id), .save).path, renameURL: SiteURL.adminCatalogNodeStep(.value(node.id), .rename).path,
            moveURL: SiteURL.adminCatalogNodeStep(.value(node.id), .move).path, retireURL: SiteURL.adminCatalogNodeStep(.value(node.id), .retire).path,
            addURL: SiteURL.adminCatalogNodeStep(.value(node.id), .add).path, parents: parents, error: error,
            trail: [.workbench, Crumb(name: "修订稿", url: SiteURL.adminCatalog(.value(node.catalogID)).path)])
        return renderer.render("catalog-node", title: node.path.last ?? "目录节点", content: view, context: context, status: status)
    }

    private func itemForm(_ edit: ItemEdit, doubts: [ItemDoubt], agencyID: Int) async throws -> NodeEditorPage.ItemForm {
        let rule = DeadlineParser.parse(edit.deadlineText)
        func choices<T>(_ name: String, _ all: [T], value: (T) -> String, label: (T) -> String, checked: (T) -> Bool) -> [NodeEditorPage.Choice] {
            all.enumerated().map { index, option in
                NodeEditorPage.Choice(id: "\(name)-\(index)", name: name, value: value(option), label: label(option), checked: checked(option))
            }
        }
        let known = try await directory.departments(agencyID: agencyID).map(\.name)
        // Units the item names that are not (yet) departments of the agency stay choosable.
        let units = known + edit.responsibleUnits.filter { !known.contains($0) }
        let doubtTexts = doubts.map { "\($0.field)：\($0.reason)" }
        return NodeEditorPage.ItemForm(
            content: edit.content, legalBasis: edit.legalBasisText, deadlineText: edit.deadlineText, rule: rule.summary,
            explanation: (try? deadlines.due(rule))?.explanation ?? "", publisher: edit.publisher,
            departments: choices("department", units, value: { $0 }, label: { $0 }, checked: edit.responsibleUnits.contains),
            channels: choices("channel", Channel.allCases, value: \.rawValue, label: \.label, checked: edit.channels.contains),
            otherChannels: edit.otherChannels,
            audiences: choices("audience", Audience.allCases, value: \.rawValue, label: \.label, checked: edit.audiences.contains),
            modes: choices("mode", Mode.allCases, value: \.rawValue, label: \.label, checked: edit.modes.contains),
            tiers: choices("tier", Tier.allCases, value: \.rawValue, label: \.label, checked: edit.tiers.contains),
            updateFrequency: edit.updateFrequency, remarks: edit.remarks, titlePattern: "", doubts: doubtTexts, hasDoubts: !doubtTexts.isEmpty)
    }
}
