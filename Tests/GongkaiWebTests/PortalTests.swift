import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PortalTests {
    static func publish(_ fixture: WebFixture, _ title: String, item: String = "执法结果") async throws -> Int {
        let records = RecordRepository(fixture.database)
        let admin = fixture.users["agencyadmin"]!
        let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item(item)], content: RecordContent(title: title, body: "正文"))
        _ = try await records.submit(by: admin, id: draft.id)
        _ = try await records.approve(by: admin, id: draft.id)
        return draft.id
    }

    /// Parses XML and returns the element names, or nil when it is not well-formed.
    static func elements(_ xml: String) -> [String]? {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                names.append(name)
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.names : nil
    }

    @Test(arguments: StoreBackend.allCases)
    func agencyColumnItemPagesFeedsAndSitemap(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let id = try await Self.publish(fixture, "关于<某>药店的处罚决定")
            let item = try await fixture.item("执法结果"), empty = try await fixture.item("政策库")
            try await PortalQueries(fixture.database).setEmptyReason(itemNodeID: empty, reason: "本单位暂未编制政策汇编", by: fixture.users["agencyadmin"]!, agencyID: fixture.yiyuan)
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let home = try await client.get("/", cookie: nil).text
                #expect(home.contains("/agencies/\(fixture.yiyuan)"))
                let agency = try await client.get("/agencies/\(fixture.yiyuan)", cookie: nil).text
                #expect(agency.contains(#"<link rel="alternate" type="application/atom+xml""#))
                #expect(agency.contains("/items/\(item)"))
                #expect(agency.contains("法定主动公开内容") && agency.contains("依申请公开"))
                let itemPage = try await client.get("/items/\(item)", cookie: nil).text
                #expect(itemPage.contains("/records/\(id)"))
                #expect(itemPage.contains(#"<meta name="ColumnName" content="执法结果">"#))
                let emptyPage = try await client.get("/items/\(empty)", cookie: nil).text
                #expect(emptyPage.contains("本栏目暂无信息") && emptyPage.contains("本单位暂未编制政策汇编"))
                let record = try await client.get("/records/\(id)", cookie: nil).text
                for name in ["SiteName", "SiteDomain", "ColumnName", "ArticleTitle", "PubDate", "ContentSource", "Keywords", "Description", "Url"] {
                    #expect(record.contains("<meta name=\"\(name)\""), "\(name)")
                }
                #expect(record.contains("关于&lt;某&gt;药店的处罚决定"))
                for feedPath in ["/agencies/\(fixture.yiyuan)/feed.atom", "/items/\(item)/feed.atom"] {
                    let feed = try await client.get(feedPath, cookie: nil)
                    #expect(feed.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
                    let names = try #require(Self.elements(feed.text), "feed not well-formed")
                    for required in ["feed", "id", "title", "updated", "link", "entry"] { #expect(names.contains(required), "\(required)") }
                }
                let sitemap = try await client.get("/sitemap.xml", cookie: nil).text
                #expect(Self.elements(sitemap) != nil)
                let publicIDs = try await PortalQueries(fixture.database).records(agencyID: nil, limit: nil).map(\.id)
                #expect(!publicIDs.isEmpty)
                for publicID in publicIDs { #expect(sitemap.contains("/records/\(publicID)</loc>")) }
                #expect(try await client.get("/robots.txt", cookie: nil).text.contains("Sitemap:"))
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func publicPagesCarryETagsAndAnswer304(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let id = try await Self.publish(fixture, "缓存测试")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let first = try await client.get("/records/\(id)", cookie: nil)
                let etag = try #require(first.headers[.eTag])
                #expect(first.headers[.cacheControl] == "public, max-age=60")
                let again = try await client.execute(uri: "/records/\(id)", method: .get, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified)
                // A change to the record (withdrawal) changes the page and its tag.
                _ = try await RecordRepository(fixture.database).withdraw(by: fixture.users["agencyadmin"]!, id: id, reason: "测试")
                let after = try await client.execute(uri: "/records/\(id)", method: .get, headers: [.ifNoneMatch: etag])
                #expect(after.status == .gone)
            }
        }
    }

    /// Over a real socket: a wrong Content-Length (the uncompressed size) would leave the client waiting.
    @Test(arguments: StoreBackend.allCases)
    func cachedPagesAreGzippedForClientsThatAcceptIt(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let plain = try await client.get("/agencies/\(fixture.yiyuan)", cookie: nil)
                let gzipped = try await client.execute(uri: "/agencies/\(fixture.yiyuan)", method: .get, headers: [.acceptEncoding: "gzip, deflate"])
                #expect(gzipped.headers[.contentEncoding] == "gzip")
                #expect(gzipped.headers[.vary] == "Accept-Encoding")
                #expect(Array(gzipped.body.readableBytesView.prefix(2)) == [0x1F, 0x8B])
                #expect(gzipped.body.readableBytes * 2 < plain.body.readableBytes)
                #expect(gzipped.headers[.eTag] != plain.headers[.eTag])
                #expect(gzipped.headers[.contentLength] == String(gzipped.body.readableBytes))
                #expect(plain.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func largeTextModeIsAChoiceWithoutJavaScript(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let choose = try await client.get("/display?mode=large", cookie: nil)
                #expect(choose.status == .seeOther)
                #expect(choose.headers[values: .setCookie].contains { $0.hasPrefix("gk_display=large") })
                let page = try await client.get("/", cookie: "gk_display=large").text
                #expect(page.contains(#"<body class="mode-large">"#))
            }
        }
    }
}
