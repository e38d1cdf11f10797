import Foundation
import Hummingbird

/// Every path of the site, and the only place one is written. Routes are registered from it
/// (`router.get(.record(.key))`) and every link, redirect, feed entry and sitemap entry is built from it
/// (`SiteURL.record(5).path`), so a link cannot point to a route that does not exist.
///
/// A `Parameter` is either the route's placeholder (`.key`, which gives `:id` in the pattern) or a value.
public enum SiteURL: Sendable, Hashable {
    // The public site
    case home
    case agency(Parameter<Int>)
    case agencyFeed(Parameter<Int>)
    case agencyReports(Parameter<Int>)
    /// `2025`, `2025.docx` or `2025.pdf`.
    case agencyReport(Parameter<Int>, file: Parameter<String>)
    case agencyCatalogVersions(Parameter<Int>)
    case catalogVersion(Parameter<Int>)
    case catalogChanges(Parameter<Int>)
    case catalogDownload(Parameter<Int>, CatalogFormat)
    case item(Parameter<Int>)
    case itemFeed(Parameter<Int>)
    case record(Parameter<Int>)
    case publicFile(Parameter<String>)
    case search
    case sitemap
    case robots
    case display
    case openAPI
    case health
    case metrics
    case staticFile(Parameter<String>)
    case apply
    case applyStatus
    case applyCorrect
    case applyLetter
    /// `{id}.ics`: the department's calendar feed.
    case departmentCalendar(Parameter<Int>)
    case login
    case logout

    // The staff pages
    case admin
    case adminCatalog(Parameter<Int>)
    case adminCatalogImport
    case adminCatalogEdit(Parameter<Int>)
    case adminCatalogNodes(Parameter<Int>)
    case adminCatalogNode(Parameter<Int>)
    case adminCatalogNodeStep(Parameter<Int>, NodeStep)
    case adminCatalogRevision(Parameter<Int>)
    case adminCatalogRevisionStep(Parameter<Int>, RevisionStep)
    case adminItem(Parameter<Int>)
    case adminItemEmptyReason(Parameter<Int>)
    case adminItemTitlePattern(Parameter<Int>)
    case newRecord(item: Parameter<Int>)
    case itemRecords(Parameter<Int>)
    case adminRecord(Parameter<Int>)
    case adminRecordReview(Parameter<Int>)
    case adminRecordAttachments(Parameter<Int>)
    case adminRecordFile(Parameter<Int>, sha: Parameter<String>)
    case adminRecordAction(Parameter<Int>, RecordAction)
    case reviewQueue
    case adminRequests
    case adminRequest(Parameter<Int>)
    case adminRequestEvents(Parameter<Int>)
    case adminRequestAttachment(Parameter<Int>, sha: Parameter<String>)
    case adminRequestLetter(Parameter<Int>, format: LetterFormat)
    case compliance
    case complianceExport
    case adminReports
    case adminReport(agency: Parameter<Int>, year: Parameter<Int>)
    case adminReportDraft(agency: Parameter<Int>, year: Parameter<Int>, format: LetterFormat)
    case adminReportStep(agency: Parameter<Int>, year: Parameter<Int>, ReportStep)
    case users
    case userStatus(Parameter<Int>)
    case departments
    case department(Parameter<Int>)
    case departmentCalendarFeed(Parameter<Int>)
    case agencies
    case audit
    case tokens
    case tokenRevoke(Parameter<String>)
    case password

    // The API (`/api/v1`)
    case apiCatalogs
    case apiAgencyCatalogVersions(Parameter<Int>)
    case apiCatalogChanges(Parameter<Int>)
    case apiItem(Parameter<Int>)
    case apiItemRecords(Parameter<Int>)
    case apiRecord(Parameter<Int>)
    case apiRecordAction(Parameter<Int>, RecordAction)
    case apiRequests
    case apiRequest(Parameter<Int>)
    case apiRequestEvents(Parameter<Int>)

    public enum RecordAction: String, Sendable, Hashable, CaseIterable {
        case submit, approve, reject, revise, withdraw, link
    }

    public enum ReportStep: String, Sendable, Hashable, CaseIterable {
        case submit, approve, reject, revise
    }

    public enum LetterFormat: String, Sendable, Hashable, CaseIterable {
        case docx, pdf
    }

    /// A catalog version's download in the standard column layout.
    public enum CatalogFormat: String, Sendable, Hashable, CaseIterable {
        case xlsx, csv
    }

    /// What staff do to a node of a draft: save an item's fields, rename, move, retire, or add a child under it.
    public enum NodeStep: String, Sendable, Hashable, CaseIterable {
        case save, rename, move, retire, add
    }

    /// What staff do with a draft revision: correct one match, approve it from a date, or set it aside.
    public enum RevisionStep: String, Sendable, Hashable, CaseIterable {
        case match, approve, discard
    }

    public static let apiPrefix = "/api/v1"

    /// The path: with values, a link; with `.key`s, the route pattern Hummingbird registers.
    public var path: String {
        switch self {
        case .home: "/"
        case .agency(let id): "/agencies/\(id.segment("id"))"
        case .agencyFeed(let id): "/agencies/\(id.segment("id"))/feed.atom"
        case .agencyReports(let id): "/agencies/\(id.segment("id"))/reports"
        case .agencyReport(let id, let file): "/agencies/\(id.segment("id"))/reports/\(file.segment("file"))"
        case .agencyCatalogVersions(let id): "/agencies/\(id.segment("id"))/catalog/versions"
        case .catalogVersion(let id): "/catalogs/\(id.segment("id"))"
        case .catalogChanges(let id): "/catalogs/\(id.segment("id"))/changes"
        case .catalogDownload(let id, let format): "/catalogs/\(id.segment("id"))/catalog.\(format.rawValue)"
        case .item(let id): "/items/\(id.segment("id"))"
        case .itemFeed(let id): "/items/\(id.segment("id"))/feed.atom"
        case .record(let id): "/records/\(id.segment("id"))"
        case .publicFile(let sha): "/files/\(sha.segment("sha"))"
        case .search: "/search"
        case .sitemap: "/sitemap.xml"
        case .robots: "/robots.txt"
        case .display: "/display"
        case .openAPI: "/openapi.json"
        case .health: "/healthz"
        case .metrics: "/metrics"
        case .staticFile(let file): "/static/\(file.segment("file"))"
        case .apply: "/apply"
        case .applyStatus: "/apply/status"
        case .applyCorrect: "/apply/correct"
        case .applyLetter: "/apply/letter"
        case .departmentCalendar(let id): "/ical/departments/\(id.segment("{id}", braced: true)).ics"
        case .login: "/login"
        case .logout: "/logout"
        case .admin: "/admin"
        case .adminCatalog(let id): "/admin/catalogs/\(id.segment("id"))"
        case .adminCatalogImport: "/admin/catalogs/import"
        case .adminCatalogEdit(let id): "/admin/catalogs/\(id.segment("id"))/edit"
        case .adminCatalogNodes(let id): "/admin/catalogs/\(id.segment("id"))/nodes"
        case .adminCatalogNode(let id): "/admin/catalog-nodes/\(id.segment("id"))"
        case .adminCatalogNodeStep(let id, let step): "/admin/catalog-nodes/\(id.segment("id"))/\(step.rawValue)"
        case .adminCatalogRevision(let id): "/admin/catalogs/\(id.segment("id"))/revision"
        case .adminCatalogRevisionStep(let id, let step): "/admin/catalogs/\(id.segment("id"))/revision/\(step.rawValue)"
        case .adminItem(let id): "/admin/items/\(id.segment("id"))"
        case .adminItemEmptyReason(let id): "/admin/items/\(id.segment("id"))/empty-reason"
        case .adminItemTitlePattern(let id): "/admin/items/\(id.segment("id"))/title-pattern"
        case .newRecord(let item): "/admin/items/\(item.segment("id"))/records/new"
        case .itemRecords(let item): "/admin/items/\(item.segment("id"))/records"
        case .adminRecord(let id): "/admin/records/\(id.segment("id"))"
        case .adminRecordReview(let id): "/admin/records/\(id.segment("id"))/review"
        case .adminRecordAttachments(let id): "/admin/records/\(id.segment("id"))/attachments"
        case .adminRecordFile(let id, let sha): "/admin/records/\(id.segment("id"))/files/\(sha.segment("sha"))"
        case .adminRecordAction(let id, let action): "/admin/records/\(id.segment("id"))/\(action.rawValue)"
        case .reviewQueue: "/admin/review"
        case .adminRequests: "/admin/requests"
        case .adminRequest(let id): "/admin/requests/\(id.segment("id"))"
        case .adminRequestEvents(let id): "/admin/requests/\(id.segment("id"))/events"
        case .adminRequestAttachment(let id, let sha): "/admin/requests/\(id.segment("id"))/attachments/\(sha.segment("sha"))"
        case .adminRequestLetter(let id, let format): "/admin/requests/\(id.segment("id"))/letter.\(format.rawValue)"
        case .compliance: "/admin/compliance"
        case .complianceExport: "/admin/compliance.xlsx"
        case .adminReports: "/admin/reports"
        case .adminReport(let agency, let year): "/admin/reports/\(agency.segment("agency"))/\(year.segment("year"))"
        case .adminReportDraft(let agency, let year, let format):
            "/admin/reports/\(agency.segment("agency"))/\(year.segment("year"))/draft.\(format.rawValue)"
        case .adminReportStep(let agency, let year, let step): "/admin/reports/\(agency.segment("agency"))/\(year.segment("year"))/\(step.rawValue)"
        case .users: "/admin/users"
        case .userStatus(let id): "/admin/users/\(id.segment("id"))/status"
        case .departments: "/admin/departments"
        case .department(let id): "/admin/departments/\(id.segment("id"))"
        case .departmentCalendarFeed(let id): "/admin/departments/\(id.segment("id"))/calendar-feed"
        case .agencies: "/admin/agencies"
        case .audit: "/admin/audit"
        case .tokens: "/admin/tokens"
        case .tokenRevoke(let fingerprint): "/admin/tokens/\(fingerprint.segment("fingerprint"))/revoke"
        case .password: "/admin/password"
        case .apiCatalogs: Self.apiPrefix + "/catalogs"
        case .apiAgencyCatalogVersions(let id): Self.apiPrefix + "/agencies/\(id.segment("id"))/catalog-versions"
        case .apiCatalogChanges(let id): Self.apiPrefix + "/catalogs/\(id.segment("id"))/changes"
        case .apiItem(let id): Self.apiPrefix + "/items/\(id.segment("id"))"
        case .apiItemRecords(let id): Self.apiPrefix + "/items/\(id.segment("id"))/records"
        case .apiRecord(let id): Self.apiPrefix + "/records/\(id.segment("id"))"
        case .apiRecordAction(let id, let action): Self.apiPrefix + "/records/\(id.segment("id"))/\(action.rawValue)"
        case .apiRequests: Self.apiPrefix + "/requests"
        case .apiRequest(let id): Self.apiPrefix + "/requests/\(id.segment("id"))"
        case .apiRequestEvents(let id): Self.apiPrefix + "/requests/\(id.segment("id"))/events"
        }
    }

    /// The path with a query; items whose value is nil are left out.
    public func with(query items: [(String, String?)], fragment: String? = nil) -> String {
        var components = URLComponents()
        components.path = path
        let present = items.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        components.queryItems = present.isEmpty ? nil : present
        components.fragment = fragment
        return components.string ?? path
    }

    /// The path with a `#fragment`.
    public func anchored(_ fragment: String) -> String { path + "#" + fragment }

    /// An absolute URL for feeds, sitemaps and `<link rel="canonical">`.
    public func absolute(origin: String) -> String { origin + path }

    /// The part of a pattern before its first parameter (`/agencies/` of `/agencies/:id`).
    var staticPrefix: String { String(path.prefix { $0 != ":" && $0 != "{" }) }

    /// The pattern registered with the router.
    var route: RouterPath { RouterPath(path) }

    /// Whether `path` is this page, for the middlewares that treat some paths apart (login's own CSRF cookie,
    /// the public form's token).
    func matches(_ requestPath: String) -> Bool { requestPath == path }
}

/// A route parameter: the placeholder (`key`) in the registered pattern, or the value in a link.
public enum Parameter<Value: Sendable & Hashable & CustomStringConvertible>: Sendable, Hashable {
    case key
    case value(Value)

    func segment(_ name: String, braced: Bool = false) -> String {
        switch self {
        case .key: braced ? name : ":\(name)"
        case .value(let value): value.description.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value.description
        }
    }
}

/// Links are written `SiteURL.record(.value(id))`; these shorten the common ones to `.record(id)`.
extension SiteURL {
    public static func agency(_ id: Int) -> SiteURL { .agency(.value(id)) }
    public static func item(_ id: Int) -> SiteURL { .item(.value(id)) }
    public static func record(_ id: Int) -> SiteURL { .record(.value(id)) }
    public static func adminItem(_ id: Int) -> SiteURL { .adminItem(.value(id)) }
    public static func adminRecord(_ id: Int) -> SiteURL { .adminRecord(.value(id)) }
    public static func adminRequest(_ id: Int) -> SiteURL { .adminRequest(.value(id)) }
    public static func adminReport(agency: Int, year: Int) -> SiteURL { .adminReport(agency: .value(agency), year: .value(year)) }
}

extension Router {
    @discardableResult
    func get(_ url: SiteURL, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(url.route, method: .get, use: handler)
    }

    @discardableResult
    func post(_ url: SiteURL, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(url.route, method: .post, use: handler)
    }
}
