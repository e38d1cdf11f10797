import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongkaiCore
import GongkaiStore
import Testing

/// Runs Tests/Browser/portal.py in headless Chromium against `gongkai serve --demo` (the real binary), then checks
/// that a two-character search returns exactly the public records a plain substring scan finds.
@Suite struct PortalBrowserTests {
    static let root = CrashSafetyTests.root

    @Test func portalInChromiumWithAxeAndTwoCharacterSearch() async throws {
        let server = try await DemoServer.start("portal")
        defer { server.stop() }
        let base = server.base, axe = server.axe, path = server.databasePath

        let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [
            Self.root.appendingPathComponent("Tests/Browser/portal.py").path, base, "gongkai-demo-2026", axe.path,
        ])
        print(output)
        #expect(status == 0, "\(output)")
        #expect(output.contains("portal: 21 passed, 0 failed"))

        // A two-character query finds exactly what a substring scan over the public records finds.
        let database = try await GongkaiDatabase.open(path: path)
        let rows = try await database.sql.raw("""
            SELECT r.id, v.content FROM records r JOIN record_versions v ON v.record_id = r.id AND v.version = r.published_version
            WHERE r.status <> 'withdrawn'
            """).all()
        await database.close()
        // (query, whether the demo data is known to contain it)
        for (query, present) in [("医保", true), ("救助", true), ("医疗救助", true), ("办法", true), ("医", true)] {
            var expected = Set<Int>()
            for row in rows {
                let content = try JSONDecoder().decode(RecordContent.self, from: Data(try row.decode(column: "content", as: String.self).utf8))
                if (content.title + "\n" + content.body + "\n" + content.documentNumber).contains(query) { expected.insert(try row.decode(column: "id", as: Int.self)) }
            }
            var found = Set<Int>()
            var page = 1
            while true {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let (code, json) = try await CrashSafetyTests.request(base + "/search?q=\(encoded)&format=json&page=\(page)", method: "GET", token: nil, body: nil)
                #expect(code == 200)
                let hits = json["hits"] as? [[String: Any]] ?? []
                found.formUnion(hits.compactMap { $0["id"] as? Int })
                if hits.isEmpty || found.count >= (json["total"] as? Int ?? 0) { break }
                page += 1
            }
            #expect(found == expected, "\(query)")
            #expect(expected.isEmpty != present, "\(query)")
        }
    }
}
