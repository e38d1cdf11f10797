import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/reports: the list of reports with their 1月31日 deadlines, and one page per agency and year to enter
/// figures, edit the six sections, see the checks (failing cells marked in the tables) and move the workflow on.
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

    struct EditView: Sendable, PageChrome {
        var agencyID: Int
        var year: Int
        var links: ReportLinks
        var trail: [Crumb]? = [.workbench, Crumb(name: "年度报告", url: SiteURL.adminReports.path)]
        var report: AnnualReportView
        var status: String
        var version: Int
        var due: String
        var isEditable: Bool
        var canSubmit: Bool
        var canReview: Bool
        var isSubmitted: Bool
        var isPublished: Bool
        var publishedURL: String?
        var figures: [FigureInput]
        var hasFigures: Bool
        var sections: [SectionInput]
        var ambiguous: [NoteLink]
        var hasAmbiguous: Bool
        /// nil when every request replays: an empty string would still open its `{{#unreadable}}` banner.
        var unreadable: String?
        var counted: [CountedRow]
        var hasCounted: Bool
        var versions: [VersionRow]
        var error: String?
        var showsSubmitted: Bool
    }

    struct FigureInput: Sendable {
        var id: String
        var label: String
        var value: String
        var enteredBy: String
    }

    struct SectionInput: Sendable {
        var number: Int
        var heading: String
        var text: String
        var draft: String
        var isEdited: Bool
        var version: Int
    }

    struct ReportLinks: Sendable {
        var save: String
        var submit: String
        var approve: String
        var reject: String
        var revise: String

        init(agencyID: Int, year: Int) {
            func step(_ step: SiteURL.ReportStep) -> String { SiteURL.adminReportStep(agency: .value(agencyID), year: .value(year), step).path }
            save = SiteURL.adminReport(agency: agencyID, year: year).path
            submit = step(.submit)
            approve = step(.approve)
            reject = step(.reject)
            revise = step(.revise)
        }
    }

    struct RecordLink: Sendable {
        var id: Int
        var url: String
    }

    struct NoteLink: Sendable {
        var id: Int
        var url: String
        var title: String
        var kinds: String
    }

    struct CountedRow: Sendable {
        var label: String
        var records: [RecordLink]
        var count: Int
    }

    struct VersionRow: Sendable {
        var version: Int
        var status: String
        var editedBy: String
        var editedAt: String
        var note: String
    }

    func adminList(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try requireUser(context)
        let today = today()
        let agencies = try await directory.agencies().filter { Permissions.canView(agencyID: $0.id, user) }
        var rows: [AdminRow] = []
        for agency in agencies {
            let stored = try await repository.all(agencyID: agency.id)
            let years = Set(stored.map(\.year) + [today.year - 1, today.year]).sorted(by: >)
            for year in years {
                let report = stored.first { $0.year == year } ?? .new(agencyID: agency.id, year: year)
                let due = AnnualReportDeadline.due(reportYear: year)
                let published = report.firstPublishedOn
                rows.append(AdminRow(agency: agency.name, year: year, status: Self.statusLabel(report), due: due.description,
                                     publishedOn: report.publishedOn?.description ?? "", url: SiteURL.adminReport(agency: agency.id, year: year).path,
                                     late: published.map { $0 > due } ?? (today > due)))
            }
        }
        return renderer.render("admin-reports", title: "年度报告", content: AdminListView(rows: rows), context: context)
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
        let stored = live.stored
        // A submitted report is reviewed as it was submitted: that version is what approval publishes.
        var shown = live.report
        if stored.status == .submitted, let snapshot = try await repository.snapshot(agencyID: agencyID, year: year, version: stored.version) {
            shown = snapshot
        }
        let entered = live.report.tables.all.flatMap { table in
            table.sections.flatMap { section in
                section.rows.flatMap { row in
                    zip(section.columns, row.cells).filter { $0.1.source == .entered }.map { column, cell in
                        FigureInput(id: cell.id, label: "\(row.label)：\(column.label)", value: ReportGrid.format(cell.value),
                                    enteredBy: cell.enteredBy.map { "\($0) 于 \(cell.enteredOn?.description ?? "")填报" } ?? "")
                    }
                }
            }
        }
        let labels = Dictionary(live.report.tables.two.sections.flatMap(\.rows).map { ("二.\($0.id)", $0.label) }, uniquingKeysWith: { a, _ in a })
        let view = EditView(
            agencyID: agencyID, year: year, links: ReportLinks(agencyID: agencyID, year: year),
            report: AnnualReportView(shown, agencyID: agencyID, publishedOn: stored.publishedOn,
                                     documentURL: { SiteURL.adminReportDraft(agency: .value(agencyID), year: .value(year), format: $0).path }),
            status: Self.statusLabel(stored), version: stored.version, due: AnnualReportDeadline.due(reportYear: year).description,
            isEditable: stored.isEditable && Permissions.canDraftReport(agencyID: agencyID, user),
            canSubmit: stored.isEditable && Permissions.canDraftReport(agencyID: agencyID, user) && live.report.canPublish,
            canReview: Permissions.canReview(agencyID: agencyID, user), isSubmitted: stored.status == .submitted,
            isPublished: stored.status == .published, publishedURL: stored.publishedVersion.map { _ in SiteURL.agencyReport(.value(agencyID), file: .value(String(year))).path },
            figures: entered, hasFigures: !entered.isEmpty,
            sections: live.report.sections.map {
                SectionInput(number: $0.number, heading: $0.heading, text: $0.text, draft: $0.draft, isEdited: $0.isEdited, version: $0.version)
            },
            ambiguous: live.notes.ambiguousRecords.map { NoteLink(id: $0.id, url: SiteURL.adminRecord($0.id).path, title: $0.title, kinds: $0.kinds.map(\.label).joined(separator: "、")) },
            hasAmbiguous: !live.notes.ambiguousRecords.isEmpty, unreadable: live.notes.unreadableRequests.isEmpty ? nil : live.notes.unreadableRequests.joined(separator: "、"),
            counted: live.notes.countedRecords.sorted { $0.key < $1.key }.map {
                CountedRow(label: labels[$0.key] ?? $0.key, records: $0.value.sorted().map { RecordLink(id: $0, url: SiteURL.adminRecord($0).path) }, count: $0.value.count)
            },
            hasCounted: !live.notes.countedRecords.isEmpty,
            versions: try await repository.versions(agencyID: agencyID, year: year).map {
                VersionRow(version: $0.version, status: $0.status.label, editedBy: $0.editedBy, editedAt: $0.editedAt, note: $0.note)
            },
            error: error, showsSubmitted: stored.status == .submitted)
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
