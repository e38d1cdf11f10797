import Foundation
import GongkaiCore
import GongkaiInterchange
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
            response.setCookie(Cookie(name: SessionMiddleware.displayCookieName, value: ["large", "contrast"].contains(mode) ? mode : "normal",
                                      maxAge: 365 * 86_400, path: "/", secure: renderer.config.secureCookies || context.forwardedHTTPS,
                                      httpOnly: true, sameSite: .lax))
            return response
        }
        router.get(.robots) { request, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: "User-agent: *\nDisallow: \(SiteURL.admin.path)\nDisallow: \(SiteURL.login.path)\nDisallow: \(SiteURL.apiPrefix)/\nSitemap: \(SiteURL.sitemap.absolute(origin: request.origin))\n")))
        }
    }

    private func agency(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let model = try await AgencyPageModel.load(agencyID: id, catalogs: catalogs, directory: directory, portal: portal,
                                                         site: PageSite(renderer.config, request: request)) else {
            throw WebError.notFound("机关")
        }
        return renderer.render("portal-agency", title: "\(model.name) 政府信息公开", content: model, context: context)
    }

    private func item(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        let page = Int(request.uri.queryParameters["page"].map(String.init) ?? "1") ?? 1
        guard let model = try await ItemPageModel.load(nodeID: id, page: page, catalogs: catalogs, records: records, directory: directory,
                                                       portal: portal, site: PageSite(renderer.config, request: request)) else {
            throw WebError.notFound("栏目")
        }
        return renderer.render("portal-item", title: model.name, content: model, context: context)
    }

    private func searchPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        func value(_ key: String) -> String { parameters[Substring(key)].map(String.init)?.trimmed ?? "" }
        let (query, error) = SearchQuery.parse(value)
        let results = LinkedSearchResults(try await search.search(query, now: renderer.config.clock.now()))
        if value("format") == "json" { return try APIController.json(results) }
        let model = try await SearchPageModel.load(query: query, results: results, from: value("from"), to: value("to"), error: error,
                                                   records: records, directory: directory)
        return renderer.render("portal-search", title: query.text.isEmpty ? "搜索" : "搜索：\(query.text)", content: model, context: context)
    }

    private func agencyFeed(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let agency = try await directory.agency(id: id) else { throw WebError.notFound("机关") }
        let rows = try await portal.records(agencyID: id, limit: 50, now: renderer.config.clock.now())
        return AtomFeed.response(title: "\(agency.name) 政府信息公开", id: request.origin + SiteURL.agency(id).path, origin: request.origin,
                                 selfPath: SiteURL.agencyFeed(.value(id)).path, rows: rows)
    }

    private func itemFeed(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let item = try await records.itemContext(nodeID: id) else { throw WebError.notFound("栏目") }
        let (_, rows) = try await portal.records(itemNodeID: id, page: 1, pageSize: 50, now: renderer.config.clock.now())
        return AtomFeed.response(title: item.path.joined(separator: " › "), id: request.origin + SiteURL.item(id).path, origin: request.origin,
                                 selfPath: SiteURL.itemFeed(.value(id)).path, rows: rows)
    }

    private func sitemap(_ request: Request) async throws -> Response {
        let origin = request.origin
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        func loc(_ url: SiteURL) -> String { "<loc>" + XMLEscaping.escape(url.absolute(origin: origin)) + "</loc>" }
        xml += "<url>\(loc(.home))</url>\n"
        for agency in try await directory.agencies() { xml += "<url>\(loc(.agency(agency.id)))</url>\n" }
        for row in try await portal.records(agencyID: nil, limit: nil, now: renderer.config.clock.now()) {
            xml += "<url>\(loc(.record(row.id)))<lastmod>\(row.publishedDate)</lastmod></url>\n"
        }
        xml += "</urlset>\n"
        return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
