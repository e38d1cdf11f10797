import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
@testable import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Login throttling at its limits (per account in the database, per address in the server), session rotation
/// and the cookies' attributes.
@Suite struct LoginSecurityTests {
    /// A login form's double-submit token and the cookie that carries it.
    static func loginForm(_ client: some TestClientProtocol) async throws -> (token: String, cookie: String) {
        let form = try await client.get("/login", cookie: nil)
        let cookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("gk_login_csrf=") })
        let token = String(cookie.dropFirst("gk_login_csrf=".count).prefix { $0 != ";" })
        return (token, "gk_login_csrf=\(token)")
    }

    static func login(_ client: some TestClientProtocol, _ username: String, _ password: String, address: String? = nil,
                      extraCookie: String? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let (token, cookie) = try await loginForm(client)
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded",
                                   .cookie: [cookie, extraCookie].compactMap { $0 }.joined(separator: "; ")]
        if let address { headers[.init("X-Forwarded-For")!] = address }
        headers.append(contentsOf: extra)
        let body = ["_csrf": token, "username": username, "password": password]
            .map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
        return try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("gk_session=") && !$0.hasPrefix("gk_session=;") }
    }

    @Test(arguments: StoreBackend.allCases)
    func perAccountThrottleAllowsExactlyMaxFailuresThenRefusesEvenTheRightPassword(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                // N-1 failures, then the right password: signed in, and the count starts again.
                for _ in 1..<AccountRepository.maxFailures {
                    #expect(try await Self.login(client, "reviewer", "wrong password").status == .unauthorized)
                }
                #expect(try await Self.login(client, "reviewer", WebFixture.password).status == .seeOther)
                // Exactly N failures are answered as failures…
                for attempt in 1...AccountRepository.maxFailures {
                    #expect(try await Self.login(client, "reviewer", "wrong password").status == .unauthorized, "attempt \(attempt)")
                }
                // …attempt N+1 is refused without looking at the password.
                let refused = try await Self.login(client, "reviewer", WebFixture.password)
                #expect(refused.status == .tooManyRequests)
                #expect(refused.text.contains("登录失败次数过多"))
                #expect(Self.sessionCookie(refused) == nil)
                // Another account from the same client is not affected.
                #expect(try await Self.login(client, "editor", WebFixture.password).status == .seeOther)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func perAccountThrottleWindowEnds(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let start = Date()
            for _ in 1...AccountRepository.maxFailures {
                let failed = try await fixture.accounts.authenticate(username: "editor", password: "wrong password", now: start)
                #expect(failed == nil)
            }
            let lastRefusal = start.addingTimeInterval(AccountRepository.failureWindow - 1)
            await #expect(throws: AccountRepository.Failure.throttled) {
                try await fixture.accounts.authenticate(username: "editor", password: WebFixture.password, now: lastRefusal)
            }
            // Once the window has passed over the failures, the right password works again.
            let after = start.addingTimeInterval(AccountRepository.failureWindow + 1)
            let signedIn = try await fixture.accounts.authenticate(username: "editor", password: WebFixture.password, now: after)
            #expect(signedIn?.username == "editor")
        }
    }

    @Test func perAddressThrottleAllowsExactlyItsLimitAcrossUsernames() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                // Different usernames (each below the per-account limit), one address behind the local proxy.
                for n in 0..<LoginAddressThrottle.limit {
                    #expect(try await Self.login(client, "guess\(n % 4)-\(n)", "wrong password", address: "198.51.100.7").status == .unauthorized,
                            "attempt \(n + 1)")
                }
                let refused = try await Self.login(client, "editor", WebFixture.password, address: "198.51.100.7")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.text.contains("该网络地址登录失败次数过多"))
                // Another address signs in; the throttled account count was never touched for "editor".
                #expect(try await Self.login(client, "editor", WebFixture.password, address: "198.51.100.8").status == .seeOther)
                // A proxy chain: the address the local proxy appended last is the one counted.
                #expect(try await Self.login(client, "editor", WebFixture.password, address: "203.0.113.1, 198.51.100.7").status == .tooManyRequests)
            }
        }
    }

    @Test func perAddressThrottleWindowEnds() async {
        let throttle = LoginAddressThrottle()
        let start = Date()
        for _ in 0..<LoginAddressThrottle.limit - 1 { await throttle.recordFailure("192.0.2.1", now: start) }
        #expect(await !throttle.isRefused("192.0.2.1", now: start))
        await throttle.recordFailure("192.0.2.1", now: start)
        #expect(await throttle.isRefused("192.0.2.1", now: start))
        #expect(await throttle.isRefused("192.0.2.1", now: start.addingTimeInterval(LoginAddressThrottle.window - 1)))
        #expect(await !throttle.isRefused("192.0.2.1", now: start.addingTimeInterval(LoginAddressThrottle.window + 1)))
        #expect(await !throttle.isRefused("192.0.2.2", now: start))
    }

    @Test(arguments: StoreBackend.allCases)
    func loginIssuesANewSessionAndEndsThePreviousOne(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let previous = try await fixture.session("editor")
            try await app.test(.router) { client in
                #expect(try await client.get("/admin", cookie: previous.cookie).status == .ok)
                // Signing in again while holding a session (or a planted cookie) gives a new id; the old one stops working.
                let login = try await Self.login(client, "editor", WebFixture.password, extraCookie: previous.cookie)
                #expect(login.status == .seeOther)
                let issued = try #require(Self.sessionCookie(login))
                let fresh = String(issued.prefix { $0 != ";" })
                #expect(fresh != previous.cookie)
                #expect(try await client.get("/admin", cookie: previous.cookie).status == .seeOther)
                #expect(try await client.get("/admin", cookie: fresh).status == .ok)
                let planted = "gk_session=" + String(repeating: "a", count: 64)
                let second = try await Self.login(client, "editor", WebFixture.password, extraCookie: planted)
                #expect(try #require(Self.sessionCookie(second)).hasPrefix(planted + ";") == false)
                // Logging out ends the session on the server, not only in the browser.
                let token = try await fixture.accounts.session(token: String(fresh.dropFirst("gk_session=".count)))!.csrfToken
                #expect(try await client.post("/logout", form: ["_csrf": token], cookie: fresh).status == .seeOther)
                #expect(try await client.get("/admin", cookie: fresh).status == .seeOther)
            }
        }
    }

    /// `Secure` only when the site is reached over HTTPS (the TLS proxy says `X-Forwarded-Proto: https`, or the server
    /// runs with --secure-cookies); always HttpOnly and SameSite=Lax.
    @Test func cookiesAreHttpOnlySameSiteAndSecureBehindHTTPS() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let https: HTTPFields = [.init("X-Forwarded-Proto")!: "https"]
                let plain = try await Self.login(client, "editor", WebFixture.password)
                let secure = try await Self.login(client, "editor", WebFixture.password, headers: https)
                let apply = try await client.execute(uri: "/apply", method: .get, headers: https)
                let display = try await client.execute(uri: "/display?mode=large", method: .get, headers: https)
                let plainCookies = plain.headers[values: .setCookie]
                let secureCookies = secure.headers[values: .setCookie] + apply.headers[values: .setCookie] + display.headers[values: .setCookie]
                #expect(plainCookies.count >= 2 && secureCookies.count >= 4)
                for cookie in plainCookies + secureCookies {
                    #expect(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax"), "\(cookie)")
                }
                for cookie in plainCookies { #expect(!cookie.contains("; Secure"), "\(cookie)") }
                for cookie in secureCookies { #expect(cookie.contains("; Secure"), "\(cookie)") }
                #expect(secureCookies.contains { $0.hasPrefix("gk_public_csrf=") } && secureCookies.contains { $0.hasPrefix("gk_display=") })
            }
            let configured = try await buildSite(database: fixture.database, calendar: WorkingCalendar(try HolidayData.bundledYears()),
                                                   config: WebConfig(secureCookies: true, bcryptCost: 4, contentCheckInterval: .zero, strictTemplates: true))
            try await Application(router: configured).test(.router) { client in
                let login = try await Self.login(client, "editor", WebFixture.password)
                #expect(try #require(Self.sessionCookie(login)).contains("; Secure"))
            }
        }
    }
}

extension LoginSecurityTests {
    @Test func passwordsNeedTwelveCharactersOfAnyKind() async throws {
        try await WebFixture.with { fixture in
            let agency = fixture.yiyuan
            await #expect(throws: AccountRepository.Failure.weakPassword) {
                try await fixture.accounts.create(username: "short", displayName: "", password: "elevenchars", role: .reviewer, agencyID: agency, actor: "test")
            }
            // Twelve characters of any kind (Chinese, spaces, emoji) are enough: no composition rules.
            let user = try await fixture.accounts.create(username: "twelve", displayName: "", password: "公开 透明 🙂 政务公开", role: .reviewer,
                                                         agencyID: agency, actor: "test")
            #expect(try await fixture.accounts.authenticate(username: "twelve", password: "公开 透明 🙂 政务公开")?.id == user.id)
            await #expect(throws: AccountRepository.Failure.weakPassword) {
                try await fixture.accounts.changePassword(userID: user.id, current: "公开 透明 🙂 政务公开", new: "elevenchars")
            }
        }
    }
}
