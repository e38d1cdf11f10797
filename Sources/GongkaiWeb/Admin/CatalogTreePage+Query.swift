import GongkaiCore
import GongkaiStore

extension AdminController.TreeView {
    /// The tree of catalog `id` of agency `agencyID` (which `user` may view).
    static func load(catalogID id: Int, agencyID: Int, user: User, catalogs: CatalogRepository) async throws -> Self {
        let summary = try await catalogs.find(String(id))
        let supersededOn = try await catalogs.history(agencyID: agencyID).first { $0.version.id == id }?.supersededOn
        let canEdit = Permissions.canEditCatalog(agencyID: agencyID, user)
        let isDraft = summary.status == .draft
        let nodes = try await catalogs.outline(catalogID: id).map { node in
            AdminController.NodeView(name: node.name, code: node.code ?? "", level: node.level, isItem: node.isItem, url: SiteURL.adminItem(node.id).path,
                                     recordCount: node.recordCount, empty: node.isItem && node.recordCount == 0 && !isDraft,
                                     editURL: isDraft && canEdit ? SiteURL.adminCatalogNode(.value(node.id)).path : nil)
        }
        let inForce = try await catalogs.current(agencyID: agencyID)?.id == id
        return Self(title: summary.title, agency: summary.agency, state: CatalogVersionLabel.state(summary, supersededOn: supersededOn),
                    revisionURL: summary.status == .draft ? SiteURL.adminCatalogRevision(.value(id)).path : nil,
                    publicURL: summary.status == .adopted ? SiteURL.catalogVersion(.value(id)).path : nil,
                    reviseURL: inForce && canEdit ? SiteURL.adminCatalogEdit(.value(id)).path : nil,
                    addURL: isDraft && canEdit ? SiteURL.adminCatalogNodes(.value(id)).path : nil,
                    nodes: nodes)
    }
}
