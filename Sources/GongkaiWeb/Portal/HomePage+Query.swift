import Foundation
import GongkaiStore

extension HomePageModel {
    static let latestCount = 10
    static let noticeCount = 6

    static func load(catalogs: CatalogRepository, directory: AgencyDirectory, portal: PortalQueries, now: Date) async throws -> HomePageModel {
        let agencies = try await directory.agencies()
        let names = Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var doors: [Agency] = []
        for agency in agencies {
            guard let catalog = try await catalogs.current(agencyID: agency.id) else { continue }
            let links = AgencyColumnLinks(outline: try await catalogs.outline(catalogID: catalog.id))
            let reports = try await portal.hasAnnualReports(agencyID: agency.id) ? SiteURL.agencyReports(.value(agency.id)).path : links.report
            doors.append(Agency(name: agency.name, url: SiteURL.agency(agency.id).path, catalogTitle: catalog.title,
                                catalogURL: SiteURL.agency(agency.id).anchored("catalog"), itemCount: catalog.itemCount,
                                guideURL: links.guide, reportURL: reports, applyURL: SiteURL.apply.with(query: [("agency", String(agency.id))])))
        }
        func link(_ row: PortalQueries.PublicRecordRow) -> RecordLink {
            RecordLink(title: row.title, url: SiteURL.record(row.id).path, date: row.publishedDate, agency: names[row.agencyID] ?? "")
        }
        let latest = try await portal.records(agencyID: nil, limit: latestCount, now: now).map(link)
        let notices = try await portal.notices(limit: noticeCount, now: now).map(link)
        return HomePageModel(agencies: doors, latest: latest, hasLatest: !latest.isEmpty, notices: notices, hasNotices: !notices.isEmpty)
    }
}
