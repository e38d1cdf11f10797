import GongkaiStore

extension AgencyPageModel {
    /// nil when there is no such agency or it has no catalog in force.
    static func load(agencyID id: Int, catalogs: CatalogRepository, directory: AgencyDirectory, portal: PortalQueries,
                     site: PageSite) async throws -> AgencyPageModel? {
        guard let agency = try await directory.agency(id: id), let catalog = try await catalogs.current(agencyID: id) else { return nil }
        let outline = try await catalogs.outline(catalogID: catalog.id)
        var columns: [Column] = []
        var links = AgencyColumnLinks(outline: outline)
        var ancestors: [String] = []
        for node in outline {
            if node.level == 1 { columns.append(Column(name: node.name, items: [])) }
            ancestors = Array(ancestors.prefix(max(node.level - 1, 0))) + [node.name]
            if node.isItem {
                let parent = node.level >= 3 ? ancestors[node.level - 2] : nil
                let link = ItemLink(name: node.name, url: SiteURL.item(node.id).path, count: node.publicRecordCount,
                                    depthClass: "depth-\(min(max(0, node.level - 2), 3))", parent: parent)
                if node.level == 1 { columns[columns.count - 1].items.append(link) } else if !columns.isEmpty { columns[columns.count - 1].items.append(link) }
            }
        }
        for index in columns.indices {
            let names = columns[index].items.map(\.name)
            for item in columns[index].items.indices where names.filter({ $0 == columns[index].items[item].name }).count < 2 {
                columns[index].items[item].parent = nil
            }
        }
        if try await portal.hasAnnualReports(agencyID: id) {
            links.report = SiteURL.agencyReports(.value(id)).path
        }
        return AgencyPageModel(id: id, name: agency.name, catalogTitle: catalog.title,
                               catalogVersion: CatalogVersionLabel.name(catalog) + "，" + CatalogVersionLabel.period(catalog, supersededOn: nil),
                               versionsURL: SiteURL.agencyCatalogVersions(.value(id)).path, columns: columns, guideURL: links.guide,
                               rulesURL: links.rules, reportURL: links.report,
                               applyURL: SiteURL.apply.with(query: [("agency", String(id))]),
                               meta: MetaTags(siteName: site.name, siteDomain: site.domain, columnName: "政府信息公开",
                                              articleTitle: nil, pubDate: nil, source: agency.name, keywords: "政府信息公开,\(agency.name)",
                                              description: "\(agency.name)政府信息公开：公开指南、公开制度、法定主动公开内容、年度报告和依申请公开。",
                                              url: site.origin + SiteURL.agency(id).path),
                               feedURL: SiteURL.agencyFeed(.value(id)).path)
    }
}
