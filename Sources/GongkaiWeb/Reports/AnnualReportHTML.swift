import GongkaiCore

/// The report page as one standalone HTML document (for `gongkai report --format html`): the portal's template and
/// style sheet link, without a signed-in user.
public enum AnnualReportHTML {
    public static func render(_ report: AnnualReport, agencyID: Int, publishedOn: CivilDate?, siteName: String = "政府信息公开") async throws -> String {
        let renderer = try await Renderer.load(config: WebConfig(siteName: siteName))
        let view = AnnualReportView(report, agencyID: agencyID, publishedOn: publishedOn, documentURL: { SiteURL.agencyReport(.value(agencyID), file: .value("\(report.year).\($0.rawValue)")).path })
        let page = Renderer.Page(siteName: siteName, title: view.title, user: nil, csrf: "", flash: nil, displayClass: "",
                                 meta: view.meta, feedURL: nil,
                                 breadcrumbs: Renderer.breadcrumbs(template: "annual-report", title: view.title, trail: view.trail), content: view)
        return renderer.library.render(page, withTemplate: "annual-report") ?? ""
    }
}
