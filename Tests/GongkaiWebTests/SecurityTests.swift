import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SecurityTests {
    @Test(arguments: StoreBackend.allCases)
    func formsWithoutAValidCSRFTokenAreRejected(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let item = try await fixture.item("执法结果")
            let editor = try await fixture.session("editor")
            try await app.test(.router) { client in
                for token in [nil, "", "forged-token"] {
                    var form = ["title": "无令牌"]
                    form["_csrf"] = token
                    let response = try await client.post("/admin/items/\(item)/records", form: form, cookie: editor.cookie)
                    #expect(response.status == .forbidden)
                    #expect(response.text.contains("CSRF"))
                }
                // A token from another session is no good either.
                let other = try await fixture.session("editor")
                #expect(try await client.post("/admin/items/\(item)/records", form: ["_csrf": other.csrf, "title": "x"], cookie: editor.cookie).status == .forbidden)
                #expect(try await client.post("/logout", form: [:], cookie: editor.cookie).status == .forbidden)
                // Login needs its double-submit cookie.
                #expect(try await client.post("/login", form: ["_csrf": "abc", "username": "editor", "password": WebFixture.password], cookie: nil).status == .forbidden)
            }
            #expect(try await RecordRepository(fixture.database).records(agencyID: nil).isEmpty)
        }
    }

    static let xss = #"<script>alert("x")</script><img src=x onerror=alert(1)>'"&"#

    @Test(arguments: StoreBackend.allCases)
    func anXSSPayloadInEveryTextFieldIsRenderedEscaped(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let item = try await fixture.item("执法结果")
            let editor = try await fixture.session("editor"), reviewer = try await fixture.session("reviewer")
            try await app.test(.router) { client in
                let fields = ["title", "documentNumber", "issuer", "reportingPeriod", "topic", "body"]
                var form = ["_csrf": editor.csrf]
                for field in fields where field != "reportingPeriod" { form[field] = Self.xss }
                let created = try await client.post("/admin/items/\(item)/records", form: form, cookie: editor.cookie)
                #expect(created.status == .seeOther)
                let id = Int(created.headers[.location]!.split(separator: "/").last!)!
                // An invalid period is echoed back in the error page, escaped.
                let invalid = try await client.post("/admin/records/\(id)", form: form.merging(["reportingPeriod": Self.xss]) { $1 }, cookie: editor.cookie)
                #expect(invalid.status == .badRequest)
                #expect(!invalid.text.contains("<script>alert"))
                _ = try await client.post("/admin/records/\(id)/submit", form: ["_csrf": editor.csrf], cookie: editor.cookie)
                _ = try await client.post("/admin/records/\(id)/approve", form: ["_csrf": reviewer.csrf], cookie: reviewer.cookie)
                let pages = [
                    try await client.get("/admin/records/\(id)", cookie: editor.cookie),
                    try await client.get("/admin/records/\(id)/review", cookie: reviewer.cookie),
                    try await client.get("/admin/items/\(item)", cookie: editor.cookie),
                    try await client.get("/admin", cookie: reviewer.cookie),
                    try await client.get("/records/\(id)", cookie: nil),
                    invalid,
                ]
                for page in pages {
                    #expect(!page.text.contains("<script>alert"), "unescaped script")
                    #expect(!page.text.contains("<img src=x"), "unescaped img")
                }
                #expect(pages[0].text.contains("&lt;script&gt;alert"))
                #expect(pages[4].text.contains("&lt;script&gt;alert"))
            }
        }
    }

    static let sql = #"O'Brien"; DROP TABLE records; -- 100% _x_ \ 〔2026〕"#

    @Test(arguments: StoreBackend.allCases)
    func sqlMetacharactersAreStoredAndShownVerbatim(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let item = try await fixture.item("执法结果")
            let editor = try await fixture.session("editor")
            try await app.test(.router) { client in
                var form = ["_csrf": editor.csrf]
                for field in ["title", "documentNumber", "issuer", "topic", "body"] { form[field] = Self.sql }
                let created = try await client.post("/admin/items/\(item)/records", form: form, cookie: editor.cookie)
                let id = Int(created.headers[.location]!.split(separator: "/").last!)!
                let stored = try await RecordRepository(fixture.database).record(id: id)!.content
                #expect([stored.title, stored.documentNumber, stored.issuer, stored.topic, stored.body].allSatisfy { $0 == Self.sql })
                let page = try await client.get("/admin/records/\(id)", cookie: editor.cookie)
                #expect(page.text.contains("O&#39;Brien&quot;; DROP TABLE records; -- 100% _x_ \\ 〔2026〕") || page.text.contains("O&#39;Brien"))
            }
            #expect(try await fixture.database.sql.raw("SELECT COUNT(*) AS n FROM records").first()!.decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func loginSetsAnHttpOnlySameSiteCookieAndIsThrottled(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let form = try await client.get("/login", cookie: nil)
                let cookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("gk_login_csrf=") })
                let token = String(cookie.dropFirst("gk_login_csrf=".count).prefix { $0 != ";" })
                let login = try await client.post("/login", form: ["_csrf": token, "username": "editor", "password": WebFixture.password],
                                                  cookie: "gk_login_csrf=\(token)")
                #expect(login.status == .seeOther)
                let session = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("gk_session=") })
                #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax"))
                for _ in 0..<AccountRepository.maxFailures {
                    let failed = try await client.post("/login", form: ["_csrf": token, "username": "reviewer", "password": "wrong password"],
                                                       cookie: "gk_login_csrf=\(token)")
                    #expect(failed.status == .unauthorized)
                }
                let throttled = try await client.post("/login", form: ["_csrf": token, "username": "reviewer", "password": WebFixture.password],
                                                      cookie: "gk_login_csrf=\(token)")
                #expect(throttled.status == .tooManyRequests)
                #expect(throttled.text.contains("登录失败次数过多"))
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func apiTokensWorkWithoutCSRFAndOpenAPIIsServed(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let token = try await fixture.accounts.createAPIToken(userID: fixture.users["editor"]!.id, name: "script")
            let item = try await fixture.item("执法结果")
            try await app.test(.router) { client in
                let body = #"{"content":{"title":"脚本提交的信息","documentNumber":"","issuer":"","reportingPeriod":"","topic":"","body":""}}"#
                let created = try await client.execute(uri: "/api/v1/items/\(item)/records", method: .post,
                                                       headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                       body: ByteBuffer(string: body))
                #expect(created.status == .created)
                #expect(created.text.contains("脚本提交的信息"))
                let bad = try await client.execute(uri: "/api/v1/catalogs", method: .get, headers: [.authorization: "Bearer nope"])
                #expect(bad.status == .unauthorized)
                let spec = try await client.get("/openapi.json", cookie: nil)
                #expect(spec.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(spec.text.utf8)) as! [String: Any]
                #expect((json["paths"] as? [String: Any])?["/api/v1/items/{id}/records"] != nil)
                #expect(try await client.get("/healthz", cookie: nil).status == .ok)
            }
        }
    }
}

extension SecurityTests {
    @Test(arguments: StoreBackend.allCases)
    func aDisabledAccountLosesItsSessionAndCannotSignIn(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let editor = try await fixture.session("editor"), admin = try await fixture.session("agencyadmin")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let before = try await client.get("/admin", cookie: editor.cookie)
                #expect(before.status == .ok)
                let id = fixture.users["editor"]!.id
                // An editor may not disable anyone; the agency administrator may.
                #expect(try await client.post("/admin/users/\(id)/status", form: ["_csrf": editor.csrf, "disabled": "1"], cookie: editor.cookie).status == .forbidden)
                #expect(try await client.post("/admin/users/\(id)/status", form: ["_csrf": admin.csrf, "disabled": "1"], cookie: admin.cookie).status == .seeOther)
                #expect(try await client.get("/admin", cookie: editor.cookie).status == .seeOther)
            }
            #expect(try await fixture.accounts.authenticate(username: "editor", password: WebFixture.password) == nil)
            let departments = try await AgencyDirectory(fixture.database).departments(agencyID: fixture.yiyuan)
            try await AgencyDirectory(fixture.database).renameDepartment(id: departments[0].id, agencyID: fixture.yiyuan, name: "新科室名", actor: "test")
            #expect(try await AgencyDirectory(fixture.database).departments(agencyID: fixture.yiyuan)[0].name == "新科室名")
        }
    }
}
