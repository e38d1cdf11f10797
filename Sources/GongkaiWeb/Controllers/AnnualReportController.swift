import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// 政府信息公开工作年度报告: the public pages (`/agencies/ID/reports`, `/agencies/ID/reports/YEAR` and its .docx and
/// PDF) show published versions only; staff draft, check, submit, approve, reject and revise under /admin/reports.
struct AnnualReportController {
    let reports: AnnualReports
    let directory: AgencyDirectory
    let documents: ReportDocuments
    let renderer: Renderer

    var repository: AnnualReportRepository { AnnualReportRepository(reports.database) }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/agencies/:id/reports") { request, context in try await list(request, context) }
        router.get("/agencies/:id/reports/:file") { request, context in try await published(request, context) }
        router.get("/admin/reports") { request, context in try await adminList(request, context) }
        router.get("/admin/reports/:agency/:year") { _, context in try await edit(context) }
        router.get("/admin/reports/:agency/:year/draft.docx") { _, context in try await draftDocument(context, format: "docx") }
        router.get("/admin/reports/:agency/:year/draft.pdf") { _, context in try await draftDocument(context, format: "pdf") }
        router.post("/admin/reports/:agency/:year") { request, context in try await save(request, context) }
        for step in ["submit", "approve", "reject", "revise"] {
            router.post("/admin/reports/:agency/:year/\(step)") { request, context in try await workflow(step, request, context) }
        }
    }

    static func today() -> CivilDate { CivilDate(localDate: Date()) }

    // MARK: Public

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

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let agency = try await directory.agency(id: id) else { throw WebError.notFound("机关") }
        let links = try await repository.publicationDates(agencyID: id).map {
            Link(agency: agency.name, year: $0.year, url: "/agencies/\(id)/reports/\($0.year)", publishedOn: $0.publishedOn.description)
        }
        let meta = MetaTags(siteName: renderer.config.siteName, siteDomain: request.head.authority ?? "", columnName: "政府信息公开年报",
                            articleTitle: nil, pubDate: nil, source: agency.name, keywords: "政府信息公开工作年度报告,\(agency.name)",
                            description: "\(agency.name)历年政府信息公开工作年度报告。",
                            url: PortalController.origin(request) + "/agencies/\(id)/reports")
        return renderer.render("annual-reports", title: "\(agency.name) 政府信息公开工作年度报告",
                               content: ListView(agencyID: id, agency: agency.name, reports: links, hasReports: !links.isEmpty, meta: meta,
                                               trail: [.home, Crumb(name: agency.name, url: "/agencies/\(id)")]),
                               context: context)
    }

    /// `/agencies/ID/reports/2026`, `…/2026.docx`, `…/2026.pdf`.
    private func published(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        let file = try context.parameters.require("file")
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard let year = Int(parts[0]), parts.count == 1 || ["docx", "pdf"].contains(parts[1]) else { throw WebError.notFound("年度报告") }
        guard let published = try await repository.published(agencyID: id, year: year) else { throw WebError.notFound("年度报告") }
        if parts.count == 2 {
            return try await documents.download(published.report, publishedOn: published.publishedOn, format: parts[1],
                                                cacheKey: "\(id)/\(year)/\(published.version)")
        }
        let url = PortalController.origin(request) + "/agencies/\(id)/reports/\(year)"
        let title = "\(published.report.agency)\(year)年政府信息公开工作年度报告"
        let meta = MetaTags(siteName: renderer.config.siteName, siteDomain: request.head.authority ?? "", columnName: "政府信息公开年报",
                            articleTitle: title, pubDate: published.publishedOn.description, source: published.report.agency,
                            keywords: "政府信息公开工作年度报告,\(published.report.agency),\(year)", description: title, url: url)
        let view = AnnualReportView(published.report, agencyID: id, publishedOn: published.publishedOn,
                                    urlBase: "/agencies/\(id)/reports/\(year)", meta: meta,
                                    trail: [.home, Crumb(name: published.report.agency, url: "/agencies/\(id)"),
                                            Crumb(name: "政府信息公开年报", url: "/agencies/\(id)/reports")])
        return renderer.render("annual-report", title: title, content: view, context: context)
    }
}
