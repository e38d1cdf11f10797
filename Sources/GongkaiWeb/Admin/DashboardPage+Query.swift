import GongkaiCore
import GongkaiStore

extension AdminController.DashboardView {
    /// The workbench of `user`: editors see no queue, reviewers no drafts; system administrators see every agency.
    static func load(user: User, records: RecordRepository, catalogs: CatalogRepository) async throws -> Self {
        let scope = user.role == .systemAdmin ? nil : user.agencyID
        let drafts = user.role == .reviewer ? [] : try await records.records(agencyID: scope, createdBy: user.id).filter { [.draft, .rejected].contains($0.status) }
        let queue = user.role == .editor ? [] : try await records.records(agencyID: scope, status: .submitted)
        let list = try await catalogs.list(agencyID: scope).filter { $0.status != .discarded }
        return Self(drafts: drafts.map { RecordRowView($0) }, queue: queue.map { RecordRowView($0) },
                    hasDrafts: !drafts.isEmpty, hasQueue: !queue.isEmpty,
                    catalogs: try await rows(list, catalogs: catalogs),
                    importURL: Permissions.canImportCatalog(agencyID: scope, user) ? SiteURL.adminCatalogImport.path : nil)
    }

    /// Per agency: the version in force first, then drafts waiting, then the earlier versions, newest first.
    static func rows(_ list: [CatalogSummary], catalogs: CatalogRepository) async throws -> [AdminController.CatalogSummaryView] {
        var superseded: [Int: CivilDate] = [:]
        for agency in Set(list.map(\.agencyId)) {
            for entry in try await catalogs.history(agencyID: agency) { if let day = entry.supersededOn { superseded[entry.version.id] = day } }
        }
        func rank(_ version: CatalogSummary) -> Int {
            version.status == .draft ? 1 : version.status == .adopted && superseded[version.id] == nil ? 0 : 2
        }
        return list.sorted { ($0.agencyId, rank($0), $1.id) < ($1.agencyId, rank($1), $0.id) }.map { version in
            AdminController.CatalogSummaryView(
                id: version.id, url: SiteURL.adminCatalog(.value(version.id)).path, agency: version.agency, title: version.title,
                itemCount: version.itemCount, state: CatalogVersionLabel.state(version, supersededOn: superseded[version.id]),
                revisionURL: version.status == .draft ? SiteURL.adminCatalogRevision(.value(version.id)).path : nil)
        }
    }
}
