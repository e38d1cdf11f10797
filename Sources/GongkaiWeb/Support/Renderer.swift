import Foundation
import GongkaiCore
import Hummingbird
import Mustache

/// Renders Sendable view structs with the Mustache templates loaded once at start.
struct Renderer: Sendable {
    let library: MustacheLibrary
    let config: WebConfig

    static func load(config: WebConfig) async throws -> Renderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw HTTPError(.internalServerError, message: "templates missing")
        }
        ScalarHTMLContentType.register()
        return Renderer(library: try await MustacheLibrary(directory: directory.path), config: config)
    }

    /// What every page's layout needs.
    struct Page<Content: Sendable>: Sendable {
        var siteName: String
        var title: String
        var user: UserView?
        var csrf: String
        var flash: String?
        var displayClass: String
        var content: Content
    }

    struct UserView: Sendable {
        var displayName: String
        var username: String
        var roleLabel: String
        var isSystemAdmin: Bool
        var isAdmin: Bool
        var canReview: Bool

        init(_ user: User) {
            displayName = user.displayName
            username = user.username
            roleLabel = user.role.label
            isSystemAdmin = user.role == .systemAdmin
            isAdmin = user.role == .systemAdmin || user.role == .agencyAdmin
            canReview = user.role != .editor
        }
    }

    func render<Content: Sendable>(_ template: String, title: String, content: Content, context: WebContext,
                                   status: HTTPResponse.Status = .ok, flash: String? = nil) -> Response {
        let page = Page(siteName: config.siteName, title: title, user: context.user.map(UserView.init), csrf: context.csrfToken ?? "",
                        flash: flash, displayClass: context.displayMode.isEmpty ? "" : "mode-\(context.displayMode)", content: content)
        let html = library.render(page, withTemplate: template) ?? "模板“\(template)”缺失"
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
