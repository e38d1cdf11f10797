import Hummingbird
import Testing
@testable import GongkaiWeb

/// Cached pages hold absolute links made from the request's scheme and host: a visitor who sends a forged `Host`
/// must get a page of their own, not leave their host in the page everybody else is served.
@Suite struct PublicCacheKeyTests {
    static func request(_ authority: String?, path: String = "/sitemap.xml", https: Bool = false) -> Request {
        var head = HTTPRequest(method: .get, scheme: "http", authority: authority, path: path)
        if https { head.headerFields[HTTPFields.Element.Name("X-Forwarded-Proto")!] = "https" }
        return Request(head: head, body: .init(buffer: ByteBuffer()))
    }

    @Test func theSchemeAndHostArePartOfTheKey() {
        let key = PublicCacheMiddleware.key
        #expect(key(Self.request("gkzw.example.gov.cn")) == key(Self.request("gkzw.example.gov.cn")))
        #expect(key(Self.request("gkzw.example.gov.cn")) != key(Self.request("evil.example")))
        #expect(key(Self.request("gkzw.example.gov.cn")) != key(Self.request("gkzw.example.gov.cn", https: true)))
        #expect(key(Self.request("gkzw.example.gov.cn")) != key(Self.request("gkzw.example.gov.cn", path: "/sitemap.xml?x=1")))
    }
}
