/// The staff list of annual reports (Templates/admin-reports.mustache): per agency and year, the status and the
/// 1月31日 deadline.
extension AnnualReportController {
    struct AdminListView: Sendable {
        var rows: [AdminRow]
    }

    struct AdminRow: Sendable {
        var agency: String
        var year: Int
        var status: String
        var due: String
        var publishedOn: String
        var url: String
        var late: Bool
    }
}
