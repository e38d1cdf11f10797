import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Security headers on every kind of response, and templates that a CSP without 'unsafe-inline' cannot break.
@Suite struct SecurityHeadersTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GongkaiWeb")

    static func checkHeaders(_ response: TestResponse, _ label: String) {
        let csp = response.headers[.init("Content-Security-Policy")!] ?? ""
        let directives = Dictionary(csp.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
            (String($0.prefix { $0 != " " }), String($0.drop { $0 != " " }).trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { first, _ in first })
        #expect(directives["default-src"] == "'self'", "\(label): \(csp)")
        #expect(directives["script-src"] == "'self'", "\(label): \(csp)")
        #expect(directives["style-src"] == "'self'", "\(label): \(csp)")
        #expect(directives["frame-ancestors"] == "'none'", "\(label): \(csp)")
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "\(label): \(csp)")
        #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(label)")
        #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(label)")
        #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(label)")
    }

    @Test func everyKindOfResponseCarriesTheSecurityHeaders() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            let editor = try await fixture.session("editor")
            let token = try await fixture.accounts.createAPIToken(userID: fixture.users["editor"]!.id, name: "headers")
            try await app.test(.router) { client in
                var responses: [(String, TestResponse)] = []
                for path in ["/", "/login", "/apply", "/apply/status", "/search?q=%E5%8C%BB", "/static/site.css", "/static/nothing.js",
                             "/openapi.json", "/healthz", "/robots.txt", "/sitemap.xml", "/records/999999", "/files/" + String(repeating: "0", count: 64),
                             "/no/such/page", "/admin", "/display?mode=large", "/metrics"] {
                    responses.append(("GET \(path)", try await client.get(path, cookie: nil)))
                }
                for path in ["/admin", "/admin/requests", "/admin/tokens", "/admin/compliance", "/admin/users"] {
                    responses.append(("GET \(path) as editor", try await client.get(path, cookie: editor.cookie)))
                }
                responses.append(("POST without CSRF", try await client.post("/admin/password", form: [:], cookie: editor.cookie)))
                responses.append(("API", try await client.execute(uri: "/api/v1/catalogs", method: .get, headers: [.authorization: "Bearer \(token)"])))
                responses.append(("API bad token", try await client.execute(uri: "/api/v1/catalogs", method: .get, headers: [.authorization: "Bearer nope"])))
                responses.append(("API 404", try await client.execute(uri: "/api/v1/records/999999", method: .get, headers: [.authorization: "Bearer \(token)"])))
                let statuses = Set(responses.map { $0.1.status.code })
                #expect(statuses.isSuperset(of: [200, 303, 401, 403, 404]), "\(statuses)")
                for (label, response) in responses {
                    Self.checkHeaders(response, label)
                    // No CORS: no other origin may read any response.
                    #expect(response.headers[.init("Access-Control-Allow-Origin")!] == nil, "\(label)")
                    #expect(response.headers[.init("Strict-Transport-Security")!] == nil, "\(label): no HSTS over plain HTTP")
                    if response.body.readableBytes > 0 { #expect(response.headers[.contentType] != nil, "\(label): Content-Type") }
                    if response.headers[.contentType]?.hasPrefix("text/") == true {
                        #expect(response.headers[.contentType]?.contains("charset=utf-8") == true, "\(label): charset")
                    }
                }
                // Staff pages are never kept by a browser or proxy cache.
                for (label, response) in responses where label.hasSuffix("as editor") && response.status == .ok {
                    #expect(response.headers[.cacheControl] == "no-store", "\(label)")
                }
                // API JSON is a download if a browser is sent to it.
                #expect(responses.first { $0.0 == "API" }?.1.headers[.contentDisposition] == #"attachment; filename="api.json""#)
                // Behind the TLS proxy: HSTS.
                let https = try await client.execute(uri: "/", method: .get, headers: [.init("X-Forwarded-Proto")!: "https"])
                #expect(https.headers[.init("Strict-Transport-Security")!] == "max-age=31536000; includeSubDomains")
                // The home page is now served from the page cache, in each of its header sets: HSTS is the request's,
                // never the stored page's, and the gzip variant carries the same headers.
                let plainAgain = try await client.get("/", cookie: nil)
                #expect(plainAgain.headers[.init("Strict-Transport-Security")!] == nil)
                Self.checkHeaders(plainAgain, "cached /")
                let gzipped = try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip", .init("X-Forwarded-Proto")!: "https"])
                #expect(gzipped.headers[.contentEncoding] == "gzip")
                #expect(gzipped.headers[.init("Strict-Transport-Security")!] == "max-age=31536000; includeSubDomains")
                Self.checkHeaders(gzipped, "cached gzip /")
                // Methods the site does not use are not served.
                for method in [HTTPRequest.Method.put, .delete, .patch, .options, .init("TRACE")!] {
                    for path in ["/", "/admin", "/api/v1/catalogs", "/records/1"] {
                        let response = try await client.execute(uri: path, method: method, headers: [.authorization: "Bearer \(token)"])
                        #expect(!(200..<300).contains(Int(response.status.code)), "\(method) \(path): \(response.status.code)")
                    }
                }
            }
        }
    }

    /// After login the user lands on a page of this site only.
    @Test func loginRedirectsOnlyToLocalPaths() async throws {
        try await WebFixture.with { fixture in
            try await Application(router: fixture.router).test(.router) { client in
                for (next, expected) in [("/admin/requests", "/admin/requests"), ("//evil.example/x", "/admin"), ("https://evil.example", "/admin"),
                                         ("/\\evil.example", "/admin"), ("/%0d%0aSet-Cookie:x=1", "/%0d%0aSet-Cookie:x=1"), ("javascript:alert(1)", "/admin")] {
                    let (token, cookie) = try await LoginSecurityTests.loginForm(client)
                    let response = try await client.post("/login", form: ["_csrf": token, "username": "editor", "password": WebFixture.password, "next": next],
                                                         cookie: cookie)
                    #expect(response.status == .seeOther && response.headers[.location] == expected, "\(next)")
                }
                // The display switch returns to the page it came from, never to another site.
                for (referer, expected) in [("http://localhost/items/3", "/items/3"), ("https://evil.example//evil.example/x", "/"), ("https://evil.example", "/")] {
                    let response = try await client.execute(uri: "/display?mode=large", method: .get, headers: [.referer: referer])
                    #expect(response.headers[.location] == expected, "\(referer)")
                }
            }
        }
    }

    /// Inline script, event-handler attributes, `javascript:` URLs and style attributes would all be blocked by the CSP;
    /// none may appear in a template or in HTML/SVG built in Swift.
    @Test func noTemplateOrGeneratedMarkupNeedsInlineScriptOrStyle() throws {
        // Templates: any attribute syntax. Swift: only as written inside string literals (`onclick="` or `onclick=\"`),
        // so that Swift code such as `let one = …` is not taken for a handler.
        let markup = [#"<script(?![^>]*\ssrc=)"#, #"<style[\s>]"#, #"\son[a-z]+\s*="#, #"\sstyle\s*="#, #"javascript:"#]
        let swift = [#"<script(?![^>]*\ssrc=)"#, #"<style[\s>]"#, #"\son[a-z]+=\\?""#, #"\sstyle=\\?""#, #"javascript:"#]
        var scanned = 0
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { ["mustache", "swift", "html", "svg"].contains($0.pathExtension) }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            scanned += 1
            let patterns = file.pathExtension == "swift" ? swift : markup
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                let range = NSRange(text.startIndex..., in: text)
                for match in regex.matches(in: text, range: range) {
                    let line = text[..<Range(match.range, in: text)!.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
                    Issue.record("\(file.lastPathComponent):\(line) matches \(pattern)")
                }
            }
        }
        #expect(scanned > 40)
    }
}
