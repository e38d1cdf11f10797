import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /login, /logout and password change.
struct AuthController {
    let accounts: AccountRepository
    let renderer: Renderer
    let config: WebConfig

    struct LoginView: Sendable {
        var loginCSRF: String
        var username: String
        var error: String?
        var next: String
    }

    struct PasswordView: Sendable {
        var error: String?
        var done: Bool
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context in try await showLogin(request, context) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try await logout(request, context) }
        router.get("/admin/password") { _, context in
            _ = try requireUser(context)
            return renderer.render("password", title: "修改密码", content: PasswordView(error: nil, done: false), context: context)
        }
        router.post("/admin/password") { request, context in
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
            var response = Renderer.redirect("/login")
            response.setCookie(expired(SessionMiddleware.cookieName))
            return response
        }
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: config.secureCookies, httpOnly: true, sameSite: .lax)
    }

    private func expired(_ name: String) -> Cookie { cookie(name, "", maxAge: 0) }

    private func showLogin(_ request: Request, _ context: WebContext, error: String? = nil, username: String = "",
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let token = AccountRepository.randomToken()
        let next = request.uri.queryParameters["next"].map(String.init) ?? "/admin"
        var response = renderer.render("login", title: "登录", content: LoginView(loginCSRF: token, username: username, error: error,
                                                                                next: safeNext(next)), context: context, status: status)
        response.setCookie(cookie(CSRFMiddleware.loginCookie, token, maxAge: 3600))
        return response
    }

    private func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let username = form.text("username")
        let user: User?
        do {
            user = try await accounts.authenticate(username: username, password: form["password"] ?? "")
        } catch let failure as AccountRepository.Failure {
            return try await showLogin(request, context, error: failure.description, username: username, status: .tooManyRequests)
        }
        guard let user else {
            return try await showLogin(request, context, error: "用户名或密码不正确。", username: username, status: .unauthorized)
        }
        let token = try await accounts.startSession(userID: user.id)
        var response = Renderer.redirect(safeNext(form["next"] ?? "/admin"))
        response.setCookie(cookie(SessionMiddleware.cookieName, token, maxAge: 8 * 3600))
        response.setCookie(expired(CSRFMiddleware.loginCookie))
        return response
    }

    private func logout(_ request: Request, _ context: WebContext) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await accounts.endSession(token: token) }
        var response = Renderer.redirect("/login")
        response.setCookie(expired(SessionMiddleware.cookieName))
        return response
    }

    /// Only local paths: never redirect a signed-in user to another site.
    private func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") ? next : "/admin"
    }
}

func requireUser(_ context: WebContext) throws -> User {
    guard let user = context.user else { throw WebError.signInRequired }
    return user
}
