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

    struct DashboardView: Sendable {
        var drafts: [RecordRowView]
        var queue: [RecordRowView]
        var hasDrafts: Bool
        var hasQueue: Bool
        var catalogs: [CatalogSummaryView]
        /// The catalog import page, for those who may import (agency and system administrators).
        var importURL: String?
    }

    struct CatalogSummaryView: Sendable {
        var id: Int
        var url: String
        var agency: String
        var title: String
        var itemCount: Int
        /// 第2版，自…起施行 / 待审核的修订稿 / 已放弃
        var state: String
        /// The draft's review page; nil for adopted and discarded versions.
        var revisionURL: String?
    }

    struct TreeView: Sendable {
        var title: String
        var agency: String
        var state: String
        var revisionURL: String?
        var publicURL: String?
        /// The version in force: where staff open a draft of the next version (nil when they may not).
        var reviseURL: String?
        /// A draft: where staff add a top-level category (nil when they may not edit it).
        var addURL: String?
        var nodes: [NodeView]
    }

    struct NodeView: Sendable {
        var name: String
        var code: String
        var level: Int
        var isItem: Bool
        var url: String
        var recordCount: Int
        var empty: Bool
        /// A draft's node: its page in the catalog editor.
        var editURL: String?
    }

    struct ItemView: Sendable {
        var nodeID: Int
        var newRecordURL: String
        var emptyReasonURL: String
        var titlePatternURL: String
        var path: String
        var name: String
        var content: String
        var legalBasis: String
        var deadlineText: String
        var ruleKind: String
        var ruleSummary: String
        var ruleExplanation: String
        var publisher: String
        var responsible: String
        var channels: String
        var records: [RecordRowView]
        var hasRecords: Bool
        var canDraft: Bool
        var emptyReason: String
        var canExplainEmpty: Bool
        var titlePattern: String
        var canSetTitlePattern: Bool
    }

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
        let user = try requireUser(context)
        let scope = user.role == .systemAdmin ? nil : user.agencyID
        let drafts = user.role == .reviewer ? [] : try await records.records(agencyID: scope, createdBy: user.id).filter { [.draft, .rejected].contains($0.status) }
        let queue = user.role == .editor ? [] : try await records.records(agencyID: scope, status: .submitted)
        let list = try await catalogs.list(agencyID: scope).filter { $0.status != .discarded }
        let view = DashboardView(drafts: drafts.map { RecordRowView($0) }, queue: queue.map { RecordRowView($0) },
                                 hasDrafts: !drafts.isEmpty, hasQueue: !queue.isEmpty,
                                 catalogs: try await Self.rows(list, catalogs: catalogs),
                                 importURL: Permissions.canImportCatalog(agencyID: user.role == .systemAdmin ? nil : user.agencyID, user)
                                     ? SiteURL.adminCatalogImport.path : nil)
        return renderer.render("dashboard", title: "工作台", content: view, context: context)
    }

    /// Per agency: the version in force first, then drafts waiting, then the earlier versions, newest first.
    static func rows(_ list: [CatalogSummary], catalogs: CatalogRepository) async throws -> [CatalogSummaryView] {
        var superseded: [Int: CivilDate] = [:]
        for agency in Set(list.map(\.agencyId)) {
            for entry in try await catalogs.history(agencyID: agency) { if let day = entry.supersededOn { superseded[entry.version.id] = day } }
        }
        func rank(_ version: CatalogSummary) -> Int {
            version.status == .draft ? 1 : version.status == .adopted && superseded[version.id] == nil ? 0 : 2
        }
        return list.sorted { ($0.agencyId, rank($0), $1.id) < ($1.agencyId, rank($1), $0.id) }.map { version in
            CatalogSummaryView(id: version.id, url: SiteURL.adminCatalog(.value(version.id)).path, agency: version.agency, title: version.title,
                               itemCount: version.itemCount, state: state(version, supersededOn: superseded[version.id]),
                               revisionURL: version.status == .draft ? SiteURL.adminCatalogRevision(.value(version.id)).path : nil)
        }
    }

    static func state(_ version: CatalogSummary, supersededOn: CivilDate?) -> String {
        version.status == .adopted ? CatalogVersionLabel.name(version) + "，" + CatalogVersionLabel.period(version, supersededOn: supersededOn)
            : version.status.label
    }

    private func tree(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let id = try context.parameters.require("id", as: Int.self)
        guard let agencyID = try await catalogs.agencyID(catalogID: id) else { throw WebError.notFound("目录") }
        guard Permissions.canView(agencyID: agencyID, user) else { throw WebError.forbidden("不能查看其他机关的目录。") }
        let summary = try await catalogs.find(String(id))
        let supersededOn = try await catalogs.history(agencyID: agencyID).first { $0.version.id == id }?.supersededOn
        let canEdit = Permissions.canEditCatalog(agencyID: agencyID, user)
        let isDraft = summary.status == .draft
        let nodes = try await catalogs.outline(catalogID: id).map { node in
            NodeView(name: node.name, code: node.code ?? "", level: node.level, isItem: node.isItem, url: SiteURL.adminItem(node.id).path,
                     recordCount: node.recordCount, empty: node.isItem && node.recordCount == 0 && !isDraft,
                     editURL: isDraft && canEdit ? SiteURL.adminCatalogNode(.value(node.id)).path : nil)
        }
        let inForce = try await catalogs.current(agencyID: agencyID)?.id == id
        return renderer.render("catalog", title: summary.title, content: TreeView(title: summary.title, agency: summary.agency,
                                                                                          state: Self.state(summary, supersededOn: supersededOn),
                                                                                          revisionURL: summary.status == .draft ? SiteURL.adminCatalogRevision(.value(id)).path : nil,
                                                                                          publicURL: summary.status == .adopted ? SiteURL.catalogVersion(.value(id)).path : nil,
                                                                                          reviseURL: inForce && canEdit ? SiteURL.adminCatalogEdit(.value(id)).path : nil,
                                                                                          addURL: isDraft && canEdit ? SiteURL.adminCatalogNodes(.value(id)).path : nil,
                                                                                          nodes: nodes), context: context)
    }

    private func item(_ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let id = try context.parameters.require("id", as: Int.self)
        guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("公开事项") }
        guard Permissions.canView(agencyID: item.agencyID, user) else { throw WebError.forbidden("不能查看其他机关的事项。") }
        let rule = item.item.deadlineRule ?? DeadlineParser.parse(item.item.deadlineText)
        let rows = try await records.records(itemNodeID: id).map { record -> RecordRowView in
            let due = try? deadlines.due(rule, trigger: record.content.triggerDate,
                                        period: ReportingPeriod(record.content.reportingPeriod), recordKind: nil)
            return RecordRowView(record, due: due)
        }
        let explanation = (try? deadlines.due(rule))?.explanation ?? ""
        let view = ItemView(nodeID: id, newRecordURL: SiteURL.newRecord(item: .value(id)).path,
                            emptyReasonURL: SiteURL.adminItemEmptyReason(.value(id)).path,
                            titlePatternURL: SiteURL.adminItemTitlePattern(.value(id)).path, path: item.path.dropLast().joined(separator: " › "), name: item.path.last ?? "",
                            content: item.item.content, legalBasis: item.item.legalBasisText, deadlineText: item.item.deadlineText,
                            ruleKind: rule.kind.rawValue, ruleSummary: rule.summary, ruleExplanation: explanation,
                            publisher: item.item.publisher, responsible: item.item.responsibleUnits.joined(separator: "、"),
                            channels: item.item.checkedChannelNames.joined(separator: "、"), records: rows, hasRecords: !rows.isEmpty,
                            canDraft: Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user),
                            emptyReason: try await PortalQueries(records.database).emptyReason(itemNodeID: id) ?? "",
                            canExplainEmpty: Permissions.canAdminister(agencyID: item.agencyID, user)
                                || Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user),
                            titlePattern: try await ComplianceRepository(records.database).titlePattern(nodeID: id) ?? "",
                            canSetTitlePattern: Permissions.canAdminister(agencyID: item.agencyID, user))
        return renderer.render("item", title: item.path.last ?? "公开事项", content: view, context: context)
    }
}
