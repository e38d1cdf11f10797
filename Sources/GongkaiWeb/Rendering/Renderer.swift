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
        var meta: MetaTags?
        var feedURL: String?
        var breadcrumbs: [Crumb]
        var site = SiteLinks.shared
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
                        flash: flash, displayClass: context.displayMode.isEmpty ? "" : "mode-\(context.displayMode)",
                        meta: (content as? PageChrome)?.meta, feedURL: (content as? PageChrome)?.feedURL,
                        breadcrumbs: Self.breadcrumbs(template: template, title: title, trail: (content as? PageChrome)?.trail), content: content)
        let audit = config.strictTemplates ? TemplateKeyAudit() : nil
        let html = library.render(audit.map { $0.audit(page) } ?? page, withTemplate: template) ?? "模板“\(template)”缺失"
        if let unresolved = audit?.unresolved, !unresolved.isEmpty {
            context.logger.error("template keys without a value", metadata: ["template": "\(template)", "keys": "\(unresolved)"])
            return Self.html("模板“\(template)”引用了视图中没有的键：\(unresolved.joined(separator: "、"))", status: .internalServerError)
        }
        return Self.html(html, status: status)
    }

    /// Templates of the public site; every other page is a staff page, whose trail starts at 工作台.
    static let publicTemplates: Set = ["home", "portal-agency", "portal-item", "portal-search", "public-record", "annual-report",
                                       "annual-reports", "apply", "apply-receipt", "apply-status", "login", "error"]

    static func breadcrumbs(template: String, title: String, trail: [Crumb]?) -> [Crumb] {
        if template == "home" { return [Crumb(name: Crumb.home.name, url: Crumb.home.url, isCurrent: true)] }
        let start = trail ?? [publicTemplates.contains(template) ? .home : .workbench]
        return start + [Crumb(name: title, url: "", isCurrent: true)]
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
