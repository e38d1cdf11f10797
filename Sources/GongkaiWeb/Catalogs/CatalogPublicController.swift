import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Hummingbird

/// The public side of an agency's catalog versions: the versions with their dates, each version's tree, what
/// changed between two versions, and downloads in the standard column layout. Drafts are never shown.
struct CatalogPublicController {
    let catalogs: CatalogRepository
    let directory: AgencyDirectory
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.agencyCatalogVersions(.key)) { _, context in try await versions(context) }
        router.get(.catalogVersion(.key)) { _, context in try await version(context) }
        router.get(.catalogChanges(.key)) { request, context in try await changes(request, context) }
        for format in SiteURL.CatalogFormat.allCases {
            router.get(.catalogDownload(.key, format)) { _, context in try await download(context, format) }
        }
    }

    /// An adopted version and the day the next one replaced it; drafts and discarded ones are not found.
    private func adopted(_ context: WebContext) async throws -> (CatalogSummary, CivilDate?, [(version: CatalogSummary, supersededOn: CivilDate?)]) {
        let id = try context.parameters.require("id", as: Int.self)
        guard let agencyID = try await catalogs.agencyID(catalogID: id) else { throw WebError.notFound("目录") }
        let history = try await catalogs.history(agencyID: agencyID)
        guard let entry = history.first(where: { $0.version.id == id }) else { throw WebError.notFound("目录") }
        return (entry.version, entry.supersededOn, history)
    }

    private func row(_ version: CatalogSummary, supersededOn: CivilDate?) -> CatalogPages.VersionRow {
        CatalogPages.VersionRow(name: CatalogVersionLabel.name(version), title: version.title,
                                period: CatalogVersionLabel.period(version, supersededOn: supersededOn), itemCount: version.itemCount,
                                url: SiteURL.catalogVersion(.value(version.id)).path,
                                changesURL: version.revisesId == nil ? nil : SiteURL.catalogChanges(.value(version.id)).path,
                                xlsxURL: SiteURL.catalogDownload(.value(version.id), .xlsx).path,
                                csvURL: SiteURL.catalogDownload(.value(version.id), .csv).path, isCurrent: supersededOn == nil)
    }

    private func versions(_ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let agency = try await directory.agency(id: id) else { throw WebError.notFound("机关") }
        let history = try await catalogs.history(agencyID: id)
        guard !history.isEmpty else { throw WebError.notFound("目录") }
        let view = CatalogPages.VersionsView(agency: agency.name, versions: history.reversed().map { row($0.version, supersededOn: $0.supersededOn) },
                                             trail: [.home, Crumb(name: agency.name, url: SiteURL.agency(id).path)])
        return renderer.render("catalog-versions", title: "\(agency.name) 主动公开基本目录的版本", content: view, context: context)
    }

    private func version(_ context: WebContext) async throws -> Response {
        let (version, supersededOn, history) = try await adopted(context)
        let nodes = try await catalogs.outline(catalogID: version.id).map { node in
            CatalogPages.Node(name: node.name, level: node.level, url: node.isItem ? SiteURL.item(node.id).path : nil, count: node.publicRecordCount)
        }
        let current = history.last?.version
        let summary = row(version, supersededOn: supersededOn)
        let view = CatalogPages.VersionView(
            title: version.title, name: summary.name, period: summary.period, isCurrent: supersededOn == nil,
            currentURL: current.map { SiteURL.catalogVersion(.value($0.id)).path }, versionsURL: SiteURL.agencyCatalogVersions(.value(version.agencyId)).path,
            changesURL: summary.changesURL, xlsxURL: summary.xlsxURL, csvURL: summary.csvURL, nodes: nodes,
            trail: [.home, Crumb(name: version.agency, url: SiteURL.agency(version.agencyId).path),
                    Crumb(name: "目录版本", url: SiteURL.agencyCatalogVersions(.value(version.agencyId)).path)])
        return renderer.render("catalog-version", title: "\(version.title) \(summary.name)", content: view, context: context)
    }

    private func changes(_ request: Request, _ context: WebContext) async throws -> Response {
        let (version, _, history) = try await adopted(context)
        let requested = request.uri.queryParameters["from"].flatMap { Int(String($0)) }
        guard let fromID = requested ?? version.revisesId, let from = history.first(where: { $0.version.id == fromID })?.version else {
            throw WebError.notFound("可比较的版本")
        }
        // The stored matches carry the staff's corrections; other pairs are compared afresh.
        let diff = fromID == version.revisesId ? try await catalogs.revisionDiff(draftID: version.id).diff
            : CatalogDiff.compute(from: try await catalogs.load(id: fromID), to: try await catalogs.load(id: version.id))
        let rows = diff.entries.filter { $0.change != .unchanged }.map(CatalogPages.ChangeRow.init)
        let view = CatalogPages.ChangesView(
            from: CatalogVersionLabel.name(from), to: CatalogVersionLabel.name(version),
            fromURL: SiteURL.catalogVersion(.value(from.id)).path, toURL: SiteURL.catalogVersion(.value(version.id)).path,
            counts: CatalogPages.ChangeCount.all(diff),
            rows: rows, hasRows: !rows.isEmpty,
            trail: [.home, Crumb(name: version.agency, url: SiteURL.agency(version.agencyId).path),
                    Crumb(name: "目录版本", url: SiteURL.agencyCatalogVersions(.value(version.agencyId)).path)])
        return renderer.render("catalog-changes", title: "\(CatalogVersionLabel.name(version))与\(CatalogVersionLabel.name(from))相比的变化",
                               content: view, context: context)
    }

    private func download(_ context: WebContext, _ format: SiteURL.CatalogFormat) async throws -> Response {
        let (version, _, _) = try await adopted(context)
        let catalog = try await catalogs.load(id: version.id)
        let data: Data, type: String
        switch format {
        case .xlsx: (data, type) = (try CatalogXLSXWriter.write(catalog), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case .csv: (data, type) = (Data(CatalogCSVWriter.write(catalog).utf8), "text/csv; charset=utf-8")
        }
        let name = "\(version.agency)主动公开基本目录（\(CatalogVersionLabel.name(version))）.\(format.rawValue)"
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"catalog-\(version.id).\(format.rawValue)\"; filename*=UTF-8''"
            + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
