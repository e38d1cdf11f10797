/// An agency's published annual reports (Templates/annual-reports.mustache), newest first.
extension AnnualReportController {
    struct ListView: Sendable, PageChrome {
        var agencyID: Int
        var agency: String
        var reports: [Link]
        var hasReports: Bool
        var meta: MetaTags?
        var trail: [Crumb]?
    }

    struct Link: Sendable {
        var agency: String
        var year: Int
        var url: String
        var publishedOn: String
    }
}
