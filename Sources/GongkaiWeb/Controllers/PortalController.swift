import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// The public 政府信息公开 portal: agency columns, catalog items, search, Atom feeds, sitemap and robots.txt.
struct PortalController {
    let catalogs: CatalogRepository
    let records: RecordRepository
    let directory: AgencyDirectory
    let portal: PortalQueries
    let search: any RecordSearch
    let renderer: Renderer

    struct AgencyView: Sendable, PageChrome {
        var id: Int
        var name: String
        var catalogTitle: String
        /// 第2版，自2026-12-01起施行，现行
        var catalogVersion: String
        var versionsURL: String
        var columns: [ColumnView]
        var guideURL: String?
        var rulesURL: String?
        var reportURL: String?
        var applyURL: String
        var meta: MetaTags?
        var feedURL: String?
        var trail: [Crumb]? = [.home]
    }

    struct ColumnView: Sendable {
        var name: String
        var items: [ItemLink]
    }

    struct ItemLink: Sendable {
        var name: String
        var url: String
        var count: Int
        /// Indentation below the column's own level, as a CSS class (depth-0 … depth-3).
        var depthClass: String
        /// The parent's name where another item of the column has the same name (医疗救助 under 救助标准 and under 救助人数).
        var parent: String?
    }

    struct ItemPageView: Sendable, PageChrome {
        var id: Int
        var agencyID: Int
        var agency: String
        /// The item's categories; nil for an item at the top of the catalog.
        var path: String?
        var name: String
        var records: [RecordLink]
        var hasRecords: Bool
        var emptyReason: String?
        /// For an item of an earlier catalog version: that version and a link to the version in force.
        var retired: RetiredNote?
        var pages: [PageLink]
        var hasPages: Bool
        var meta: MetaTags?
        var feedURL: String?
        var trail: [Crumb]?
    }

    struct RetiredNote: Sendable {
        var version: String
        var versionURL: String
        var currentURL: String
    }

    struct RecordLink: Sendable {
        var title: String
        var url: String
        var date: String
    }

    struct PageLink: Sendable {
        var number: Int
        var url: String
        var current: Bool
    }

    struct SearchView: Sendable {
        var q: String
        var total: Int
        var totalIsExact: Bool
        var hits: [LinkedSearchResults.Hit]
        var hasHits: Bool
        var searched: Bool
        var agencies: [AgencyOption]
        var sortDate: Bool
        var from: String
        var to: String
        var validities: [ValidityOption]
        /// The item the search is limited to (from an item page's search box), if any.
        var item: ItemFilter?
        var pages: [PageLink]
        var hasPages: Bool
        var error: String?
    }

    struct ValidityOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ItemFilter: Sendable {
        var id: Int
        var name: String
    }

    struct AgencyOption: Sendable {
        var id: Int
        var name: String
        var selected: Bool
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get(.agency(.key)) { request, context in try await agency(request, context) }
        router.get(.item(.key)) { request, context in try await item(request, context) }
        router.get(.search) { request, context in try await searchPage(request, context) }
        router.get(.agencyFeed(.key)) { request, context in try await agencyFeed(request, context) }
        router.get(.itemFeed(.key)) { request, context in try await itemFeed(request, context) }
        router.get(.sitemap) { request, _ in try await sitemap(request) }
        router.get(.display) { request, context in
            let mode = request.uri.queryParameters["mode"].map(String.init) ?? "normal"
            let back = request.headers[.referer].flatMap { URL(string: $0)?.path } ?? SiteURL.home.path
            // A path of this site only (`//host` would leave it; the Referer comes from the visitor's browser).
            var response = Renderer.redirect(back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : SiteURL.home.path)
            response.setCookie(Cookie(name: "gk_display", value: ["large", "contrast"].contains(mode) ? mode : "normal",
                                      maxAge: 365 * 86_400, path: "/", secure: renderer.config.secureCookies || context.forwardedHTTPS,
                                      httpOnly: true, sameSite: .lax))
            return response
        }
        router.get(.robots) { request, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: "User-agent: *\nDisallow: \(SiteURL.admin.path)\nDisallow: \(SiteURL.login.path)\nDisallow: \(SiteURL.apiPrefix)/\nSitemap: \(SiteURL.sitemap.absolute(origin: Self.origin(request)))\n")))
        }
    }

    static func origin(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        let scheme = request.headers[.init("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }

    private func agency(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let agency = try await directory.agency(id: id), let catalog = try await catalogs.current(agencyID: id) else {
            throw WebError.notFound("机关")
        }
        let outline = try await catalogs.outline(catalogID: catalog.id)
        var columns: [ColumnView] = []
        var links = AgencyColumnLinks(outline: outline)
        var ancestors: [String] = []
        for node in outline {
            if node.level == 1 { columns.append(ColumnView(name: node.name, items: [])) }
            ancestors = Array(ancestors.prefix(max(node.level - 1, 0))) + [node.name]
            if node.isItem {
                let parent = node.level >= 3 ? ancestors[node.level - 2] : nil
                let link = ItemLink(name: node.name, url: SiteURL.item(node.id).path, count: node.publicRecordCount,
                                    depthClass: "depth-\(min(max(0, node.level - 2), 3))", parent: parent)
                if node.level == 1 { columns[columns.count - 1].items.append(link) } else if !columns.isEmpty { columns[columns.count - 1].items.append(link) }
            }
        }
        for index in columns.indices {
            let names = columns[index].items.map(\.name)
            for item in columns[index].items.indices where names.filter({ $0 == columns[index].items[item].name }).count < 2 {
                columns[index].items[item].parent = nil
            }
        }
        if try await portal.hasAnnualReports(agencyID: id) {
            links.report = SiteURL.agencyReports(.value(id)).path
        }
        let url = Self.origin(request) + SiteURL.agency(id).path
        let view = AgencyView(id: id, name: agency.name, catalogTitle: catalog.title,
                              catalogVersion: CatalogVersionLabel.name(catalog) + "，" + CatalogVersionLabel.period(catalog, supersededOn: nil),
                              versionsURL: SiteURL.agencyCatalogVersions(.value(id)).path, columns: columns, guideURL: links.guide,
                              rulesURL: links.rules, reportURL: links.report,
                              applyURL: SiteURL.apply.with(query: [("agency", String(id))]),
                              meta: MetaTags(siteName: renderer.config.siteName, siteDomain: request.head.authority ?? "", columnName: "政府信息公开",
                                             articleTitle: nil, pubDate: nil, source: agency.name, keywords: "政府信息公开,\(agency.name)",
                                             description: "\(agency.name)政府信息公开：公开指南、公开制度、法定主动公开内容、年度报告和依申请公开。", url: url),
                              feedURL: SiteURL.agencyFeed(.value(id)).path)
        return renderer.render("portal-agency", title: "\(agency.name) 政府信息公开", content: view, context: context)
    }

    private func item(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let item = try await records.itemContext(nodeID: id), let agency = try await directory.agency(id: item.agencyID) else {
            throw WebError.notFound("栏目")
        }
        // Items of drafts are not public; items of earlier versions are, with their records, marked as such.
        let history = try await catalogs.history(agencyID: item.agencyID)
        guard let version = history.first(where: { $0.version.id == item.catalogID }) else { throw WebError.notFound("栏目") }
        let retired = version.supersededOn.map { day in
            RetiredNote(version: CatalogVersionLabel.name(version.version) + "，" + CatalogVersionLabel.period(version.version, supersededOn: day),
                        versionURL: SiteURL.catalogVersion(.value(version.version.id)).path, currentURL: SiteURL.agency(item.agencyID).path)
        }
        let page = Int(request.uri.queryParameters["page"].map(String.init) ?? "1") ?? 1
        let pageSize = 20
        let (total, rows) = try await portal.records(itemNodeID: id, page: page, pageSize: pageSize)
        let pages = Self.pageLinks(total: total, pageSize: pageSize, current: page) { SiteURL.item(id).with(query: [("page", String($0))]) }
        let name = item.path.last ?? ""
        let view = ItemPageView(id: id, agencyID: item.agencyID, agency: agency.name, path: item.path.count > 1 ? item.path.dropLast().joined(separator: " › ") : nil, name: name,
                                records: rows.map { RecordLink(title: $0.title, url: SiteURL.record($0.id).path, date: $0.publishedDate) },
                                hasRecords: !rows.isEmpty, emptyReason: try await portal.emptyReason(itemNodeID: id), retired: retired,
                                pages: pages, hasPages: pages.count > 1,
                                meta: MetaTags(siteName: renderer.config.siteName, siteDomain: request.head.authority ?? "", columnName: name,
                                               articleTitle: nil, pubDate: rows.first?.publishedDate, source: agency.name, keywords: item.path.joined(separator: ","),
                                               description: String(item.item.content.prefix(120)), url: Self.origin(request) + SiteURL.item(id).path),
                                feedURL: SiteURL.itemFeed(.value(id)).path, trail: [.home, Crumb(name: agency.name, url: SiteURL.agency(item.agencyID).path)])
        return renderer.render("portal-item", title: name, content: view, context: context)
    }

    static func pageLinks(total: Int, pageSize: Int, current: Int, url: (Int) -> String) -> [PageLink] {
        let count = max(1, (total + pageSize - 1) / pageSize)
        return (1...min(count, 50)).map { PageLink(number: $0, url: url($0), current: $0 == current) }
    }

    private func searchPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        func value(_ key: String) -> String { parameters[Substring(key)].map(String.init)?.trimmed ?? "" }
        let (query, error) = SearchQuery.parse(value)
        let results = LinkedSearchResults(try await search.search(query, now: renderer.config.clock.now()))
        if value("format") == "json" { return try APIController.json(results) }
        // Page links keep every filter of this search.
        let filters: [(String, String?)] = [("q", query.text), ("agency", query.agencyID.map(String.init)), ("item", query.itemNodeID.map(String.init)),
                                            ("from", query.from?.description), ("to", query.to?.description), ("validity", query.validity?.rawValue),
                                            ("sort", query.sort == .date ? "date" : nil)]
        let pages = Self.pageLinks(total: results.total, pageSize: query.pageSize, current: query.page) { page in
            SiteURL.search.with(query: filters + [("page", String(page))])
        }
        let agencies = try await directory.agencies().map { AgencyOption(id: $0.id, name: $0.name, selected: $0.id == query.agencyID) }
        let validities = Validity.allCases.map { ValidityOption(value: $0.rawValue, label: $0.label, selected: $0 == query.validity) }
        var item: ItemFilter?
        if let id = query.itemNodeID, let context = try await records.itemContext(nodeID: id) {
            item = ItemFilter(id: id, name: context.path.joined(separator: " › "))
        }
        let view = SearchView(q: query.text, total: results.total, totalIsExact: results.totalIsExact, hits: results.hits, hasHits: !results.hits.isEmpty,
                              searched: !query.text.isEmpty, agencies: agencies, sortDate: query.sort == .date, from: value("from"), to: value("to"),
                              validities: validities, item: item, pages: pages, hasPages: results.total > query.pageSize, error: error)
        return renderer.render("portal-search", title: query.text.isEmpty ? "搜索" : "搜索：\(query.text)", content: view, context: context)
    }

    private func agencyFeed(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let agency = try await directory.agency(id: id) else { throw WebError.notFound("机关") }
        let rows = try await portal.records(agencyID: id, limit: 50)
        return AtomFeed.response(title: "\(agency.name) 政府信息公开", id: Self.origin(request) + SiteURL.agency(id).path, origin: Self.origin(request),
                                 selfPath: SiteURL.agencyFeed(.value(id)).path, rows: rows)
    }

    private func itemFeed(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("栏目") }
        let (_, rows) = try await portal.records(itemNodeID: id, page: 1, pageSize: 50)
        return AtomFeed.response(title: item.path.joined(separator: " › "), id: Self.origin(request) + SiteURL.item(id).path, origin: Self.origin(request),
                                 selfPath: SiteURL.itemFeed(.value(id)).path, rows: rows)
    }

    private func sitemap(_ request: Request) async throws -> Response {
        let origin = Self.origin(request)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        xml += "<url><loc>\(SiteURL.home.absolute(origin: origin))</loc></url>\n"
        for agency in try await directory.agencies() { xml += "<url><loc>\(SiteURL.agency(agency.id).absolute(origin: origin))</loc></url>\n" }
        for row in try await portal.records(agencyID: nil, limit: nil) {
            xml += "<url><loc>\(SiteURL.record(row.id).absolute(origin: origin))</loc><lastmod>\(row.publishedDate)</lastmod></url>\n"
        }
        xml += "</urlset>\n"
        return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}

/// The page `<meta>` tags governments use (《政府网站发展指引》国办发〔2017〕47号 网页设计规范; the names are as seen
/// on government sites, UNCONFIRMED against the annex text).
struct MetaTags: Sendable {
    var siteName: String
    var siteDomain: String
    var columnName: String
    var articleTitle: String?
    var pubDate: String?
    var source: String
    var keywords: String
    var description: String
    var url: String
}

/// Atom 1.0 feeds (RFC 4287).
enum AtomFeed {
    static func response(title: String, id: String, origin: String, selfPath: String, rows: [PortalQueries.PublicRecordRow]) -> Response {
        func escape(_ text: String) -> String { HTML.escape(text) }
        func stamp(_ row: PortalQueries.PublicRecordRow) -> String {
            row.updatedAt.count >= 19 ? String(row.updatedAt.prefix(19)) + "Z" : "\(row.publishedDate)T00:00:00Z"
        }
        let updated = rows.map(stamp).max() ?? "1970-01-01T00:00:00Z"
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n" + #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "<id>\(escape(id))</id>\n<title>\(escape(title))</title>\n<updated>\(updated)</updated>\n"
        xml += "<link rel=\"self\" href=\"\(escape(origin + selfPath))\"/>\n<link rel=\"alternate\" href=\"\(escape(id))\"/>\n"
        xml += "<author><name>\(escape(title))</name></author>\n"
        for row in rows {
            let page = escape(SiteURL.record(row.id).absolute(origin: origin))
            xml += "<entry><id>\(page)</id><title>\(escape(row.title))</title><updated>\(stamp(row))</updated>"
            xml += "<link rel=\"alternate\" href=\"\(page)\"/><summary>索引号 \(escape(row.indexNumber))，发布日期 \(row.publishedDate)</summary></entry>\n"
        }
        xml += "</feed>\n"
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
