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
        router.get(.agencyReports(.key)) { request, context in try await list(request, context) }
        router.get(.agencyReport(.key, file: .key)) { request, context in try await published(request, context) }
        router.get(.adminReports) { request, context in try await adminList(request, context) }
        router.get(.adminReport(agency: .key, year: .key)) { _, context in try await edit(context) }
        router.get(.adminReportDraft(agency: .key, year: .key, format: .docx)) { _, context in try await draftDocument(context, format: "docx") }
        router.get(.adminReportDraft(agency: .key, year: .key, format: .pdf)) { _, context in try await draftDocument(context, format: "pdf") }
        router.post(.adminReport(agency: .key, year: .key)) { request, context in try await save(request, context) }
        for step in SiteURL.ReportStep.allCases {
            router.post(.adminReportStep(agency: .key, year: .key, step)) { request, context in try await workflow(step.rawValue, request, context) }
        }
    }

    func today() -> CivilDate { renderer.config.clock.today }

    // MARK: Public

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let view = try await ListView.load(agencyID: id, site: PageSite(renderer.config, request: request),
                                                 directory: directory, repository: repository) else { throw WebError.notFound("机关") }
        return renderer.render("annual-reports", title: "\(view.agency) 政府信息公开工作年度报告", content: view, context: context)
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
        let url = request.origin + SiteURL.agencyReport(.value(id), file: .value(String(year))).path
        let title = "\(published.report.agency)\(year)年政府信息公开工作年度报告"
        let meta = MetaTags(siteName: renderer.config.siteName, siteDomain: request.head.authority ?? "", columnName: "政府信息公开年报",
                            articleTitle: title, pubDate: published.publishedOn.description, source: published.report.agency,
                            keywords: "政府信息公开工作年度报告,\(published.report.agency),\(year)", description: title, url: url)
        let view = AnnualReportView(published.report, agencyID: id, publishedOn: published.publishedOn,
                                    documentURL: { SiteURL.agencyReport(.value(id), file: .value("\(year).\($0.rawValue)")).path }, meta: meta,
                                    trail: [.home, Crumb(name: published.report.agency, url: SiteURL.agency(id).path),
                                            Crumb(name: "政府信息公开年报", url: SiteURL.agencyReports(.value(id)).path)])
        return renderer.render("annual-report", title: title, content: view, context: context)
    }
}
