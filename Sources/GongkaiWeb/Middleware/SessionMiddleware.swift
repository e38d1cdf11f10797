import Foundation
import GongkaiStore
import Hummingbird
import NIOFoundationCompat

/// Signs the request in from the session cookie, or from `Authorization: Bearer <API token>` for scripts.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "gk_session"
    /// 适老化 display mode: "large", "contrast" or "normal".
    static let displayCookieName = "gk_display"
    let accounts: AccountRepository

    /// 适老化 display mode from the visitor's cookie: "", "large" or "contrast".
    static func displayMode(_ request: Request) -> String {
        guard let mode = request.cookies[displayCookieName]?.value, ["large", "contrast"].contains(mode) else { return "" }
        return mode
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.forwardedHTTPS = request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
        context.displayMode = Self.displayMode(request)
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            guard let user = try await accounts.user(apiToken: String(authorization.dropFirst(7))) else {
                throw WebError(status: .unauthorized, message: "API 令牌无效。")
            }
            context.user = user
            context.viaAPIToken = true
        } else if let token = request.cookies[Self.cookieName]?.value, let session = try await accounts.session(token: token) {
            context.user = session.user
            context.csrfToken = session.csrfToken
        }
        return try await next(request, context)
    }
}

/// Rejects every state-changing request that comes with a cookie but without the session's CSRF token
/// (form field `_csrf`). API calls authenticated by token carry no cookie and are exempt.
/// The login form and the public request forms (/apply…), which have no session, use a double-submit cookie instead.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let loginCookie = "gk_login_csrf"
    /// The public request forms' own cookie, so that opening /login in another tab does not void a filled-in form.
    static let publicCookie = "gk_public_csrf"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method), !context.viaAPIToken else {
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let submitted: String?
        if let boundary = Multipart.boundary(request.headers[.contentType]) {
            submitted = Multipart(Data(buffer: body), boundary: boundary).text("_csrf")
        } else {
            submitted = FormData(String(buffer: body))["_csrf"] ?? request.headers[.init("X-CSRF-Token")!]
        }
        // The login form always uses its own cookie, also when a session is already open (signing in as someone else).
        let expected = SiteURL.login.matches(request.uri.path) ? request.cookies[Self.loginCookie]?.value
            : context.csrfToken ?? (request.uri.path.hasPrefix(SiteURL.apply.path) ? request.cookies[Self.publicCookie]?.value : nil)
        guard let expected, let submitted, !expected.isEmpty, constantTimeEqual(expected, submitted) else {
            throw WebError(status: .forbidden, message: "表单已过期或来源不明（CSRF 校验失败），请返回刷新页面后重试。")
        }
        return try await next(request, context)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
