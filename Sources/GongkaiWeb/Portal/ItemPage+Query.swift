import GongkaiStore

extension ItemPageModel {
    static let pageSize = 20

    /// nil when there is no such item, or it is an item of a draft catalog (not public).
    static func load(nodeID id: Int, page: Int, catalogs: CatalogRepository, records: RecordRepository, directory: AgencyDirectory,
                     portal: PortalQueries, site: PageSite) async throws -> ItemPageModel? {
        guard let item = try await records.itemContext(nodeID: id), let agency = try await directory.agency(id: item.agencyID) else { return nil }
        // Items of drafts are not public; items of earlier versions are, with their records, marked as such.
        let history = try await catalogs.history(agencyID: item.agencyID)
        guard let version = history.first(where: { $0.version.id == item.catalogID }) else { return nil }
        let retired = version.supersededOn.map { day in
            RetiredNote(version: CatalogVersionLabel.name(version.version) + "，" + CatalogVersionLabel.period(version.version, supersededOn: day),
                        versionURL: SiteURL.catalogVersion(.value(version.version.id)).path, currentURL: SiteURL.agency(item.agencyID).path)
        }
        let (total, rows) = try await portal.records(itemNodeID: id, page: page, pageSize: pageSize, now: site.now)
        let pages = PageLink.links(total: total, pageSize: pageSize, current: page) { SiteURL.item(id).with(query: [("page", String($0))]) }
        let name = item.path.last ?? ""
        return ItemPageModel(id: id, agencyID: item.agencyID, agency: agency.name, path: item.path.count > 1 ? item.path.dropLast().joined(separator: " › ") : nil, name: name,
                             records: rows.map { RecordLink(title: $0.title, url: SiteURL.record($0.id).path, date: $0.publishedDate) },
                             hasRecords: !rows.isEmpty, emptyReason: try await portal.emptyReason(itemNodeID: id), retired: retired,
                             pages: pages, hasPages: pages.count > 1,
                             meta: MetaTags(siteName: site.name, siteDomain: site.domain, columnName: name,
                                            articleTitle: nil, pubDate: rows.first?.publishedDate, source: agency.name, keywords: item.path.joined(separator: ","),
                                            description: String(item.item.content.prefix(120)), url: site.origin + SiteURL.item(id).path),
                             feedURL: SiteURL.itemFeed(.value(id)).path, trail: [.home, Crumb(name: agency.name, url: SiteURL.agency(item.agencyID).path)])
    }
}
