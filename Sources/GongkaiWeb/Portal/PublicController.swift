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

    func addRoutes(to router: Router<WebContext>) {
        router.get(.home) { _, context in
            let model = try await HomePageModel.load(catalogs: catalogs, directory: directory, portal: PortalQueries(database),
                                                     now: renderer.config.clock.now())
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
            return renderer.render("public-record", title: record.content.title, content: PublicRecordView(withdrawn: record), context: context,
                                   status: .gone)
        }
        guard let view = try await PublicRecordView.load(recordID: id, site: PageSite(renderer.config, request: request),
                                                         records: records, directory: directory, attachments: attachments) else {
            throw WebError.notFound("信息")
        }
        return renderer.render("public-record", title: view.title, content: view, context: context)
    }
}
