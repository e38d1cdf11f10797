import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /login, /logout and password change.
struct AuthController {
    let accounts: AccountRepository
    let renderer: Renderer
    let config: WebConfig
    let addresses = LoginAddressThrottle()

    func addRoutes(to router: Router<WebContext>) {
        router.get(.login) { request, context in try await showLogin(request, context) }
        router.post(.login) { request, context in try await login(request, context) }
        router.post(.logout) { request, context in try await logout(request, context) }
        router.get(.password) { _, context in
            _ = try requireUser(context)
            return renderer.render("password", title: "修改密码", content: PasswordView(error: nil, done: false), context: context)
        }
        router.post(.password) { request, context in
            let user = try requireUser(context)
            let form = try await FormData.read(request, context: context)
            guard form["new"] == form["confirm"] else {
                return renderer.render("password", title: "修改密码", content: PasswordView(error: "两次输入的新密码不一致。", done: false), context: context, status: .badRequest)
            }
            do {
                guard try await accounts.changePassword(userID: user.id, current: form["current"] ?? "", new: form["new"] ?? "") else {
                    return renderer.render("password", title: "修改密码", content: PasswordView(error: "当前密码不正确。", done: false), context: context, status: .badRequest)
                }
            } catch let failure as AccountRepository.Failure {
                return renderer.render("password", title: "修改密码", content: PasswordView(error: failure.description, done: false), context: context, status: .badRequest)
            }
            var response = Renderer.redirect(SiteURL.login.path)
            response.setCookie(expired(SessionMiddleware.cookieName, context))
            return response
        }
    }

    /// Every cookie is HttpOnly and SameSite=Lax; `Secure` when the site runs behind TLS (`serve --secure-cookies`)
    /// or the proxy in front reports HTTPS (`X-Forwarded-Proto: https`).
    private func cookie(_ name: String, _ value: String, maxAge: Int?, _ context: WebContext) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: config.secureCookies || context.forwardedHTTPS, httpOnly: true, sameSite: .lax)
    }

    private func expired(_ name: String, _ context: WebContext) -> Cookie { cookie(name, "", maxAge: 0, context) }

    private func showLogin(_ request: Request, _ context: WebContext, error: String? = nil, username: String = "",
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let token = AccountRepository.randomToken()
        let next = request.uri.queryParameters["next"].map(String.init) ?? SiteURL.admin.path
        var response = renderer.render("login", title: "登录", content: LoginView(loginCSRF: token, username: username, error: error,
                                                                                next: safeNext(next)), context: context, status: status)
        response.setCookie(cookie(CSRFMiddleware.loginCookie, token, maxAge: 3600, context))
        return response
    }

    private func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let username = form.text("username")
        let address = Self.clientAddress(request, context)
        guard await !addresses.isRefused(address, now: config.clock.now()) else {
            context.logger.notice("login refused: address throttled", metadata: ["username": "\(String(reflecting: username))", "address": "\(String(reflecting: address))"])
            return try await showLogin(request, context, error: "该网络地址登录失败次数过多，请15分钟后再试。", username: username, status: .tooManyRequests)
        }
        let user: User?
        do {
            user = try await accounts.authenticate(username: username, password: form["password"] ?? "")
        } catch let failure as AccountRepository.Failure {
            context.logger.notice("login refused: account throttled", metadata: ["username": "\(String(reflecting: username))", "address": "\(String(reflecting: address))"])
            return try await showLogin(request, context, error: failure.description, username: username, status: .tooManyRequests)
        }
        guard let user else {
            await addresses.recordFailure(address, now: config.clock.now())
            context.logger.notice("login failed", metadata: ["username": "\(String(reflecting: username))", "address": "\(String(reflecting: address))"])
            return try await showLogin(request, context, error: "用户名或密码不正确。", username: username, status: .unauthorized)
        }
        // Session rotation: whatever session cookie came with the login is ended, and a new id is issued.
        if let previous = request.cookies[SessionMiddleware.cookieName]?.value { try await accounts.endSession(token: previous) }
        let token = try await accounts.startSession(userID: user.id)
        context.logger.info("login succeeded", metadata: ["username": "\(user.username)", "address": "\(String(reflecting: address))"])
        var response = Renderer.redirect(safeNext(form["next"] ?? SiteURL.admin.path))
        response.setCookie(cookie(SessionMiddleware.cookieName, token, maxAge: 8 * 3600, context))
        response.setCookie(expired(CSRFMiddleware.loginCookie, context))
        return response
    }

    private func logout(_ request: Request, _ context: WebContext) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await accounts.endSession(token: token) }
        var response = Renderer.redirect(SiteURL.login.path)
        response.setCookie(expired(SessionMiddleware.cookieName, context))
        return response
    }

    /// The address the login throttle counts: the peer, or, when the peer is a proxy on this host (loopback) that
    /// sets `X-Forwarded-For`, the last address it appended. A remote peer's X-Forwarded-For is ignored (forgeable).
    static func clientAddress(_ request: Request, _ context: WebContext) -> String {
        let peer = context.remoteAddress
        // Empty: no socket peer (the in-process test client).
        guard ["", "127.0.0.1", "::1", "::ffff:127.0.0.1"].contains(peer),
              let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
              !forwarded.isEmpty else { return peer }
        return forwarded
    }

    /// Only local paths: never redirect a signed-in user to another site. Browsers read `/\host` like `//host`, so a
    /// backslash is refused as well as control characters.
    private func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return SiteURL.admin.path }
        return next
    }
}

func requireUser(_ context: WebContext) throws -> User {
    guard let user = context.user else { throw WebError.signInRequired }
    return user
}
