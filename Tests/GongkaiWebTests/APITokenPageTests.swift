import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// /admin/tokens: a person makes a token, sees it once, uses it on the API, and revokes it; both steps audited.
@Suite struct APITokenPageTests {
    @Test(arguments: StoreBackend.allCases)
    func createUseAndRevokeAToken(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            let (cookie, csrf) = try await fixture.session("editor")
            try await app.test(.router) { client in
                let empty = try await client.post("/admin/tokens", form: ["_csrf": csrf, "name": "  "], cookie: cookie)
                #expect(empty.status == .badRequest && empty.text.contains("请填写令牌用途"))
                let forged = try await client.post("/admin/tokens", form: ["_csrf": "wrong", "name": "脚本"], cookie: cookie)
                #expect(forged.status == .forbidden)

                let created = try await client.post("/admin/tokens", form: ["_csrf": csrf, "name": "年报统计脚本"], cookie: cookie)
                #expect(created.status == .ok)
                let token = try #require(created.text.firstMatch(of: /gk_[0-9a-f]{64}/).map { String($0.output) })
                // Shown once: the list afterwards has the fingerprint, never the token.
                let listed = try await client.get("/admin/tokens", cookie: cookie)
                #expect(listed.text.contains("年报统计脚本") && !listed.text.contains(token))
                let fingerprint = try #require(try await fixture.accounts.apiTokens(userID: fixture.users["editor"]!.id).first?.fingerprint)
                #expect(listed.text.contains(fingerprint))

                let headers: HTTPFields = [.authorization: "Bearer \(token)"]
                #expect(try await client.execute(uri: "/api/v1/catalogs", method: .get, headers: headers).status == .ok)

                // Another person cannot revoke it.
                let (otherCookie, otherCSRF) = try await fixture.session("reviewer")
                let foreign = try await client.post("/admin/tokens/\(fingerprint)/revoke", form: ["_csrf": otherCSRF], cookie: otherCookie)
                #expect(foreign.status == .notFound)
                #expect(try await client.execute(uri: "/api/v1/catalogs", method: .get, headers: headers).status == .ok)

                let revoked = try await client.post("/admin/tokens/\(fingerprint)/revoke", form: ["_csrf": csrf], cookie: cookie)
                #expect(revoked.status == .seeOther)
                #expect(try await client.execute(uri: "/api/v1/catalogs", method: .get, headers: headers).status == .unauthorized)
                #expect(try await client.get("/admin/tokens", cookie: nil).status != .ok)
            }
            let actions = try await fixture.database.sql.raw("SELECT action, after, before FROM audit_log WHERE action LIKE 'api_token.%' ORDER BY id").all()
                .map { (try $0.decode(column: "action", as: String.self), try $0.decode(column: "after", as: String.self) + (try $0.decode(column: "before", as: String.self))) }
            #expect(actions.map(\.0) == ["api_token.created", "api_token.revoked"])
            #expect(actions.allSatisfy { !$0.1.contains("gk_") })
        }
    }
}
