import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird
import Logging
import NIOEmbedded

/// The public site's main pages written to a folder for an nginx in front to serve, as government CMSs publish
/// static pages: the home page, each agency's page, each item of the catalogs in force and each public record.
/// nginx serves them at a static file's speed and keeps serving them while the application restarts; everything
/// else, and every visitor with a session or a display mode, goes on to the application (docs/static-pages.md).
///
/// The folder is brought up to date whenever what the public may see can have changed: a new audit entry (every
/// change writes one), a scheduled publication's minute, or a new day (validity is shown by date). Pages are
/// rendered through the site itself as an anonymous visitor at the public origin, so the files hold exactly the
/// bytes the application would serve, and only files whose bytes changed are written. Pages that are no longer
/// public are removed first, so a withdrawn record leaves the folder before anything is rendered.
///
/// Each update renders the home, agency and item pages, and the record pages that can have changed: new or edited
/// records and the records linked to them. Every record page is rendered on the first update, on a new day, and
/// after a change to a catalog, item, agency or department (their names and paths are on record pages).
public struct StaticMirror: Sendable {
    /// The router without the page cache in front (and `rendersStaticPage` past the one inside).
    let router: RouterResponder<WebContext>
    let database: GongkaiDatabase
    let folder: StaticPageFolder
    let origin: URL
    let clock: SiteClock
    let logger: Logger

    /// `origin` is the address the public reaches the site at (`https://xxgk.example.gov.cn`): pages hold absolute
    /// links made from it.
    public init(site: GongkaiSite, database: GongkaiDatabase, root: URL, origin: URL, logger: Logger) {
        router = site.router.buildResponder()
        self.database = database
        folder = StaticPageFolder(root: root)
        self.origin = origin
        // The site's own clock: which records are listed and how their pages render must agree.
        clock = site.clock
        self.logger = logger
    }

    public struct Report: Sendable, Equatable {
        public var pages = 0
        public var written = 0
        public var removed = 0
        /// Every record page was rendered, not only those that can have changed.
        public var full = false
    }

    /// What the public may see can have changed when this did: the newest change, how many records are public
    /// (a scheduled publication's minute writes no change), the day. Three small queries, asked every second.
    struct Marker: Equatable {
        var auditID: Int
        var publicRecords: Int
        var day: CivilDate
    }

    /// What the folder was last brought up to: its marker, and each public record's last change.
    public struct State: Sendable, Equatable {
        var marker: Marker
        var records: [Int: String]
    }

    /// Checks every `interval` and updates the folder when needed, until cancelled.
    public func run(every interval: Duration) async {
        var done: State?
        while !Task.isCancelled {
            do {
                if try await done?.marker != marker() {
                    let started = ContinuousClock.now
                    let report: Report
                    (report, done) = try await update(after: done)
                    logger.info("static pages updated", metadata: ["pages": "\(report.pages)", "written": "\(report.written)",
                                                                   "removed": "\(report.removed)", "full": "\(report.full)",
                                                                   "took": "\(ContinuousClock.now - started)"])
                }
            } catch {
                logger.error("static pages not updated", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    func marker() async throws -> Marker {
        let portal = PortalQueries(database), now = clock.now()
        return Marker(auditID: try await portal.contentVersion(), publicRecords: try await portal.publicRecordCount(now: now),
                      day: CivilDate(localDate: now))
    }

    /// The change seen last is read first: a change made while pages render is seen by the next update.
    func state() async throws -> State {
        let portal = PortalQueries(database), now = clock.now()
        let auditID = try await portal.contentVersion()
        let records = try await portal.records(agencyID: nil, limit: nil, now: now)
        return State(marker: Marker(auditID: auditID, publicRecords: records.count, day: CivilDate(localDate: now)),
                     records: Dictionary(records.map { ($0.id, $0.updatedAt) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Brings the folder up from `previous` (nil: from nothing known, so every page is rendered).
    public func update(after previous: State? = nil) async throws -> (Report, State) {
        try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
        let portal = PortalQueries(database)
        let now = try await state()
        var report = Report()
        let lists = try await listPages()
        // Whatever is no longer public goes before anything is rendered.
        for kind in StaticPage.Kind.allCases {
            let listed = kind == .record ? Set(now.records.keys) : Set(lists.filter { $0.kind == kind }.map(\.id))
            for id in folder.ids(under: kind.folder).subtracting(listed) where folder.remove(path: kind.url(id).path) {
                report.removed += 1
            }
        }
        let records: Set<Int>
        if let previous, previous.marker.day == now.marker.day, try await !portal.changesBeyondRecords(after: previous.marker.auditID) {
            let changed = Set(now.records.filter { previous.records[$0.key] != $0.value }.keys)
            let gone = Set(previous.records.keys).subtracting(now.records.keys)
            records = changed.union(try await portal.linkedRecords(changed.union(gone)).intersection(now.records.keys))
        } else {
            records = Set(now.records.keys)
            report.full = true
        }
        // The lists first: a record they link to that has no file yet is served by the application meanwhile.
        let pages = lists + records.sorted(by: >).map { StaticPage(.record, $0) }
        report.pages = pages.count
        for page in pages {
            let (status, body) = try await render(page.url)
            if status == .ok {
                if try folder.write(body, path: page.url.path) { report.written += 1 }
            } else if folder.remove(path: page.url.path) {
                report.removed += 1
            }
        }
        return (report, now)
    }

    /// The home page, the agencies' pages and the items of their catalogs in force.
    func listPages() async throws -> [StaticPage] {
        let catalogs = CatalogRepository(database)
        let agencies = try await AgencyDirectory(database).agencies()
        var pages = [StaticPage(url: .home)] + agencies.map { StaticPage(.agency, $0.id) }
        for agency in agencies {
            guard let catalog = try await catalogs.current(agencyID: agency.id) else { continue }
            pages += try await catalogs.itemNodeIDs(catalogID: catalog.id).map { StaticPage(.item, $0) }
        }
        return pages
    }

    /// The page as an anonymous visitor at the public origin gets it now, past the page cache.
    func render(_ url: SiteURL) async throws -> (HTTPResponse.Status, Data) {
        var head = HTTPRequest(method: .get, scheme: origin.scheme, authority: origin.host.map { host in origin.port.map { "\(host):\($0)" } ?? host },
                               path: url.path)
        if origin.scheme == "https" { head.headerFields[SecurityHeadersMiddleware.forwardedProto] = "https" }
        var context = WebContext(source: .init(channel: EmbeddedChannel(), logger: logger))
        context.rendersStaticPage = true
        let response = try await router.respond(to: Request(head: head, body: .init(buffer: ByteBuffer())), context: context)
        let box = PublicCacheMiddleware.BufferBox()
        try await response.body.write(PublicCacheMiddleware.CollectingWriter(box: box))
        return (response.status, Data(buffer: box.buffer))
    }
}

/// A page the mirror keeps.
struct StaticPage {
    /// The pages that come and go with the records, catalogs and agencies, each kind in a folder of its own.
    enum Kind: CaseIterable {
        case record, item, agency

        func url(_ id: Int) -> SiteURL {
            switch self {
            case .record: .record(id)
            case .item: .item(id)
            case .agency: .agency(id)
            }
        }

        /// The first part of its pages' paths.
        var folder: String { String(url(0).path.split(separator: "/").first ?? "") }
    }

    var url: SiteURL
    var kind: Kind?
    var id = 0

    init(url: SiteURL) { self.url = url }

    init(_ kind: Kind, _ id: Int) {
        url = kind.url(id)
        self.kind = kind
        self.id = id
    }
}
