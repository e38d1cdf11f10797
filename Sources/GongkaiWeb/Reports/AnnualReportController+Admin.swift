import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/reports: the list of reports with their 1月31日 deadlines, and one page per agency and year to enter
/// figures, edit the six sections, see the checks (failing cells marked in the tables) and move the workflow on.
extension AnnualReportController {
    func adminList(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let view = try await AdminListView.load(user: user, today: today(), directory: directory, repository: repository)
        return renderer.render("admin-reports", title: "年度报告", content: view, context: context)
    }

    static func statusLabel(_ report: StoredAnnualReport) -> String {
        if report.version == 0 { return "未开始" }
        if report.status == .draft, report.publishedVersion != nil { return "修订中（已发布版本仍在网站上）" }
        return report.status.label
    }

    func edit(_ context: WebContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try requireUser(context)
        let (agencyID, year) = try Self.target(context)
        guard Permissions.canView(agencyID: agencyID, user) else { throw WebError.forbidden("只能查看本机关的年度报告。") }
        let today = today()
        let live: AnnualReports.Live
        do { live = try await reports.live(agencyID: agencyID, year: year, today: today) } catch let failure as AnnualReportError {
            throw WebError(failure)
        }
        let view = try await EditView.load(agencyID: agencyID, year: year, live: live, user: user, error: error, repository: repository)
        return renderer.render("admin-report", title: "\(year)年度报告", content: view, context: context, status: status)
    }

    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let (agencyID, year) = try Self.target(context)
        guard Permissions.canDraftReport(agencyID: agencyID, user) else { throw WebError.forbidden("只有本机关的管理员和编辑可以编写年度报告。") }
        let form = try await FormData.read(request, context: context)
        var figures: [String: String] = [:], sections: [Int: String] = [:]
        for key in form.keys {
            if key.hasPrefix("figure."), let value = form[key] { figures[String(key.dropFirst(7))] = value }
            if key.hasPrefix("section."), let number = Int(key.dropFirst(8)), let value = form[key] { sections[number] = value }
        }
        do {
            _ = try await reports.save(by: user, agencyID: agencyID, year: year, figures: figures, sections: sections,
                                       expectedVersion: Int(form.text("version")), note: form.text("note"), today: today())
        } catch let failure as AnnualReportError {
            return try await edit(context, error: failure.description, status: .badRequest)
        }
        return Renderer.redirect(SiteURL.adminReport(agency: agencyID, year: year).path)
    }

    func workflow(_ step: String, _ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let (agencyID, year) = try Self.target(context)
        guard Permissions.canView(agencyID: agencyID, user) else { throw WebError.forbidden("只能办理本机关的年度报告。") }
        let form = try await FormData.read(request, context: context)
        do {
            switch step {
            case "submit": _ = try await reports.submit(by: user, agencyID: agencyID, year: year, today: today())
            case "approve": try await reports.approve(by: user, agencyID: agencyID, year: year, today: today())
            case "reject": try await reports.reject(by: user, agencyID: agencyID, year: year, reason: form.text("reason"))
            default: try await reports.revise(by: user, agencyID: agencyID, year: year)
            }
        } catch let failure as AnnualReportError {
            if failure == .notAllowed { throw WebError.forbidden() }
            return try await edit(context, error: failure.description, status: .badRequest)
        }
        return Renderer.redirect(SiteURL.adminReport(agency: agencyID, year: year).path)
    }

    /// `/admin/reports/AGENCY/YEAR/draft.docx` (or .pdf): the current state as a document, for review before publishing.
    func draftDocument(_ context: WebContext, format: String) async throws -> Response {
        let user = try requireUser(context)
        let (agencyID, year) = try Self.target(context)
        guard Permissions.canView(agencyID: agencyID, user) else { throw WebError.forbidden("只能查看本机关的年度报告。") }
        let live: AnnualReports.Live
        do { live = try await reports.live(agencyID: agencyID, year: year, today: today()) } catch let failure as AnnualReportError {
            throw WebError(failure)
        }
        return try await documents.download(live.report, publishedOn: nil, format: format)
    }

    static func target(_ context: WebContext) throws -> (Int, Int) {
        (try context.parameters.require("agency", as: Int.self), try context.parameters.require("year", as: Int.self))
    }
}

extension WebError {
    init(_ failure: AnnualReportError) {
        switch failure {
        case .noSuchAgency: self = .notFound("机关")
        case .notAllowed: self = .forbidden()
        default: self = .badRequest(failure.description)
        }
    }
}
