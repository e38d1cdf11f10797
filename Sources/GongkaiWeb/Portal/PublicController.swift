import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// Public pages of this stage: the site home, record pages, health check and the API description.
/// (The full portal — columns, search, feeds — is a separate capability.)
struct PublicController {
    let database: GongkaiDatabase
    let catalogs: CatalogRepository
    let records: RecordRepository
    let directory: AgencyDirectory
    let attachments: AttachmentStore
    let renderer: Renderer

    struct PublicRecordView: Sendable, PageChrome {
        var title: String
        var indexNumber: String
        var issuer: String
        var writtenDate: String
        var documentNumber: String
        var publishedDate: String
        var topic: String
        var validity: String
        var bodyHTML: String
        var withdrawn: Bool
        var withdrawalReason: String
        var policies: [LinkView]
        var interpretations: [LinkView]
        var attachments: [AttachmentLink]
        var meta: MetaTags?
        var trail: [Crumb]?
    }

    struct LinkView: Sendable {
        var title: String
        var url: String
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get(.home) { _, context in
            let model = try await HomePageModel.load(catalogs: catalogs, directory: directory, portal: PortalQueries(database))
            return renderer.render("home", title: "政府信息公开", content: model, context: context)
        }
        router.get(.record(.key)) { request, context in try await record(request, context) }
        router.get(.publicFile(.key)) { _, context in
            guard let (attachment, data) = try await attachments.publicFile(sha256: try context.parameters.require("sha")) else {
                throw WebError.notFound("附件")
            }
            return RecordController.download(attachment, data)
        }
        router.get(.openAPI) { _, _ -> Response in
            guard let url = Bundle.module.url(forResource: "Static/openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
                throw WebError.notFound()
            }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get(.staticFile(.key)) { _, context -> Response in
            let file = try context.parameters.require("file")
            guard file == "site.css", let url = Bundle.module.url(forResource: "Static/site", withExtension: "css"),
                  let data = try? Data(contentsOf: url) else { throw WebError.notFound() }
            return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    private func record(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int.self)
        guard let record = try await records.record(id: id) else { throw WebError.notFound("信息") }
        if record.status == .withdrawn {
            let view = PublicRecordView(title: record.content.title, indexNumber: record.indexNumber ?? "", issuer: record.content.issuer,
                                        writtenDate: "", documentNumber: record.content.documentNumber, publishedDate: record.publishedDate?.description ?? "",
                                        topic: "", validity: "", bodyHTML: "", withdrawn: true, withdrawalReason: record.statusReason ?? "",
                                        policies: [], interpretations: [], attachments: [], meta: nil, trail: nil)
            return renderer.render("public-record", title: record.content.title, content: view, context: context, status: .gone)
        }
        guard let published = try await records.publicVersion(id: id) else { throw WebError.notFound("信息") }
        let content = published.content
        let links = try await records.links(id: id)
        func linked(_ ids: [Int]) async throws -> [LinkView] {
            var result: [LinkView] = []
            for other in ids { if let version = try await records.publicVersion(id: other) { result.append(LinkView(title: version.content.title, url: SiteURL.record(other).path)) } }
            return result
        }
        let view = PublicRecordView(title: content.title, indexNumber: published.record.indexNumber ?? "", issuer: content.issuer,
                                    writtenDate: content.writtenDate?.description ?? "", documentNumber: content.documentNumber,
                                    publishedDate: published.record.publishedDate?.description ?? "", topic: content.topic,
                                    validity: content.validity?.label ?? "", bodyHTML: HTML.renderBody(content.body), withdrawn: false,
                                    withdrawalReason: "", policies: try await linked(links.policies), interpretations: try await linked(links.interpretations),
                                    attachments: try await attachments.attachments(recordID: id).map { AttachmentLink($0, url: SiteURL.publicFile(.value($0.sha256)).path) },
                                    meta: MetaTags(siteName: renderer.config.siteName, siteDomain: request.head.authority ?? "",
                                                   columnName: try await records.itemContext(nodeID: published.record.itemNodeIDs[0])?.path.last ?? "",
                                                   articleTitle: content.title, pubDate: published.record.publishedDate?.description,
                                                   source: content.issuer, keywords: [content.topic, content.documentNumber].filter { !$0.isEmpty }.joined(separator: ","),
                                                   description: String(content.body.replacingOccurrences(of: "\n", with: " ").prefix(120)),
                                                   url: request.origin + SiteURL.record(id).path),
                                    trail: try await trail(agencyID: published.record.agencyID, itemNodeID: published.record.itemNodeIDs[0]))
        return renderer.render("public-record", title: content.title, content: view, context: context)
    }

    /// 首页 › agency › the record's (first) item.
    private func trail(agencyID: Int, itemNodeID: Int) async throws -> [Crumb] {
        var trail = [Crumb.home]
        if let agency = try await directory.agency(id: agencyID) { trail.append(Crumb(name: agency.name, url: SiteURL.agency(agencyID).path)) }
        if let item = try await records.itemContext(nodeID: itemNodeID), let name = item.path.last {
            trail.append(Crumb(name: name, url: SiteURL.item(itemNodeID).path))
        }
        return trail
    }
}
