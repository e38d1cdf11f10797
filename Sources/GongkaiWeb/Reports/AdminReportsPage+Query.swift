import GongkaiCore
import GongkaiStore

extension AnnualReportController.AdminListView {
    /// Every agency `user` may view, each with its stored years and last year and this one (begun or not).
    static func load(user: User, today: CivilDate, directory: AgencyDirectory, repository: AnnualReportRepository) async throws -> Self {
        let agencies = try await directory.agencies().filter { Permissions.canView(agencyID: $0.id, user) }
        var rows: [AnnualReportController.AdminRow] = []
        for agency in agencies {
            let stored = try await repository.all(agencyID: agency.id)
            let years = Set(stored.map(\.year) + [today.year - 1, today.year]).sorted(by: >)
            for year in years {
                let report = stored.first { $0.year == year } ?? .new(agencyID: agency.id, year: year)
                let due = AnnualReportDeadline.due(reportYear: year)
                let published = report.firstPublishedOn
                rows.append(AnnualReportController.AdminRow(
                    agency: agency.name, year: year, status: AnnualReportController.statusLabel(report), due: due.description,
                    publishedOn: report.publishedOn?.description ?? "", url: SiteURL.adminReport(agency: agency.id, year: year).path,
                    late: published.map { $0 > due } ?? (today > due)))
            }
        }
        return Self(rows: rows)
    }
}
