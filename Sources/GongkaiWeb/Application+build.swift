import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Hummingbird
import Logging

/// Wires repositories, calendar, templates and controllers into one router, with the page cache in front of it.
public func buildSite(database: GongkaiDatabase, calendar: WorkingCalendar, config: WebConfig) async throws -> GongkaiSite {
    let renderer = try await Renderer.load(config: config)
    let accounts = AccountRepository(database, bcryptCost: config.bcryptCost)
    let catalogs = CatalogRepository(database)
    let records = RecordRepository(database)
    let directory = AgencyDirectory(database)
    let deadlines = DueDateCalculator(calendar: calendar)
    let attachments = AttachmentStore(database)

    ProcessMetrics.bootstrap()
    let router = Router(context: WebContext.self)
    let security = SecurityHeadersMiddleware(alwaysHTTPS: config.secureCookies)
    // Visitors' public pages from memory, before anything that only a page being made needs; it adds the
    // security headers to the pages it serves itself.
    let cache = PublicCacheMiddleware(portal: PortalQueries(database), checkInterval: config.contentCheckInterval,
                                      clock: config.clock, security: security)
    router.add(middleware: cache)
    router.add(middleware: security)
    // Requests and latencies by route template (`/records/{id}`), not by path, so the series stay few.
    router.add(middleware: VisitorMetricsMiddleware())
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    // Before the session middleware, which would take the scraper's `Authorization: Bearer` for an API token.
    MetricsController(database: database, token: config.metricsToken).addRoutes(to: router)
    router.add(middleware: SessionMiddleware(accounts: accounts))
    router.add(middleware: CSRFMiddleware())
    HealthController(database: database, leader: config.jobLeader).addRoutes(to: router)
    PublicController(database: database, catalogs: catalogs, records: records, directory: directory, attachments: attachments, renderer: renderer).addRoutes(to: router)
    AuthController(accounts: accounts, renderer: renderer, config: config).addRoutes(to: router)
    AdminController(catalogs: catalogs, records: records, directory: directory, deadlines: deadlines, renderer: renderer).addRoutes(to: router)
    RecordController(records: records, attachments: attachments, renderer: renderer).addRoutes(to: router)
    DirectoryController(accounts: accounts, directory: directory, feeds: CalendarFeedRepository(database), renderer: renderer).addRoutes(to: router)
    AuditController(audit: AuditLog(database), renderer: renderer).addRoutes(to: router)
    ComplianceController(database: database, calendar: calendar, directory: directory, feeds: CalendarFeedRepository(database),
                         renderer: renderer).addRoutes(to: router)
    let requests = RequestRepository(database)
    let letters = RequestLetters(directory: directory, calendar: calendar)
    ApplyController(requests: requests, directory: directory, calendar: calendar, letters: letters, renderer: renderer, config: config)
        .addRoutes(to: router)
    DisclosureRequestController(requests: requests, directory: directory, calendar: calendar, letters: letters, renderer: renderer)
        .addRoutes(to: router)
    APIController(catalogs: catalogs, records: records, requests: requests, calendar: calendar, clock: config.clock).addRoutes(to: router)
    APITokenController(accounts: accounts, renderer: renderer).addRoutes(to: router)
    AnnualReportController(reports: AnnualReports(database: database, calendar: calendar), directory: directory,
                           documents: ReportDocuments(), renderer: renderer).addRoutes(to: router)
    CatalogPublicController(catalogs: catalogs, directory: directory, renderer: renderer).addRoutes(to: router)
    RevisionController(catalogs: catalogs, renderer: renderer).addRoutes(to: router)
    CatalogEditorController(catalogs: catalogs, directory: directory, deadlines: deadlines,
                            compliance: ComplianceRepository(database), renderer: renderer).addRoutes(to: router)
    ImportController(catalogs: catalogs, directory: directory, deadlines: deadlines, renderer: renderer,
                     files: database.filesDirectory).addRoutes(to: router)
    PortalController(catalogs: catalogs, records: records, directory: directory, portal: PortalQueries(database),
                     search: TimedRecordSearch(database.recordSearch(), backend: database.backend), renderer: renderer).addRoutes(to: router)
    return GongkaiSite(router: router, cache: cache, clock: config.clock)
}

public func buildApplication(database: GongkaiDatabase, calendar: WorkingCalendar, config: WebConfig,
                             host: String, port: Int, logger: Logger) async throws -> some ApplicationProtocol {
    buildApplication(site: try await buildSite(database: database, calendar: calendar, config: config), host: host, port: port, logger: logger)
}

public func buildApplication(site: GongkaiSite, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    Application(router: site, configuration: .init(address: .hostname(host, port: port), serverName: "Gongkai"), logger: logger)
}
