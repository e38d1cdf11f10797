import GongkaiStore

extension AnnualReportController.ListView {
    /// nil when there is no such agency.
    static func load(agencyID id: Int, site: PageSite, directory: AgencyDirectory, repository: AnnualReportRepository) async throws -> Self? {
        guard let agency = try await directory.agency(id: id) else { return nil }
        let links = try await repository.publicationDates(agencyID: id).map {
            AnnualReportController.Link(agency: agency.name, year: $0.year, url: SiteURL.agencyReport(.value(id), file: .value(String($0.year))).path,
                                        publishedOn: $0.publishedOn.description)
        }
        let meta = MetaTags(siteName: site.name, siteDomain: site.domain, columnName: "政府信息公开年报",
                            articleTitle: nil, pubDate: nil, source: agency.name, keywords: "政府信息公开工作年度报告,\(agency.name)",
                            description: "\(agency.name)历年政府信息公开工作年度报告。",
                            url: site.origin + SiteURL.agencyReports(.value(id)).path)
        return Self(agencyID: id, agency: agency.name, reports: links, hasReports: !links.isEmpty, meta: meta,
                    trail: [.home, Crumb(name: agency.name, url: SiteURL.agency(id).path)])
    }
}
