import Foundation
import Testing

extension CLITests {
    /// Catalogs as they arrive from other bureaus' web pages and old office files, through the real command.
    @Suite struct WebCatalogImportCommandTests {
        static func fixture(_ name: String) -> String { CommandRunner.fixtures.appendingPathComponent(name).path }

        @Test func webPageBrowserCopyMarkdownAndOldWordImportTogether() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            let files = ["web-catalog.html", "web-catalog-copied.txt", "hospital-catalog.md", "web-catalog.doc"].map(Self.fixture)
            let imported = try await CommandRunner.run(["import", "--db", db, "--json"] + files)
            #expect(imported.exitCode == 0, "\(imported.stdout)")
            let reports = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as! [[String: Any]]
            #expect(reports.map { $0["agency"] as? String } == ["青禾市卫生健康委员会", "澄水区教育局", "清河县人民医院", "青禾市卫生健康委员会"])
            #expect(reports.map { $0["itemCount"] as? Int } == [10, 8, 8, 10])
            #expect(reports.map { $0["publishedDate"] as? String } == ["2023-05-10", "2024-03-15", "2024-03-01", "2023-05-10"])
            // --json lists the inferences themselves, not only their number.
            let page = try #require(reports[0]["diagnostics"] as? [[String: Any]])
            #expect(page.contains { ($0["severity"] as? String) == "inference" && ($0["message"] as? String)?.contains("被识别为目录") == true })
            let copied = try #require(reports[1]["diagnostics"] as? [[String: Any]])
            #expect(copied.contains { ($0["message"] as? String)?.contains("已合并") == true })
            #expect((reports[3]["format"] as? String)?.contains("LibreOffice") == true)

            // Deadlines of the imported items are parsed into rules.
            let shown = try await CommandRunner.run(["show", "1", "--db", db, "--json"])
            let document = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [String: Any]
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.count == 10)
            #expect(items.allSatisfy { ($0["deadlineText"] as? String)?.isEmpty == false })
        }

        @Test func aBadFileAmongGoodOnesLeavesTheDatabaseUnchanged() async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let db = directory.appendingPathComponent("g.sqlite").path
            let good = try await CommandRunner.run(["import", "--db", db, Self.fixture("hospital-catalog.md")])
            #expect(good.exitCode == 0)
            // The page is GB2312-encoded: cut its bytes, inside the catalog table.
            let page = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("web-catalog.html")))
            let truncated = directory.appendingPathComponent("cut.html")
            try page.prefix(page.count * 2 / 3).write(to: truncated)
            let noTable = directory.appendingPathComponent("news.html")
            try Data("<html><body><h1>通知</h1><p>没有表格的页面</p></body></html>".utf8).write(to: noTable)
            let emptyDoc = directory.appendingPathComponent("empty.doc")
            try Data().write(to: emptyDoc)
            for bad in [truncated, noTable, emptyDoc] {
                let outcome = try await CommandRunner.run(["import", "--db", db, "--json", Self.fixture("web-catalog.html"), bad.path])
                #expect(outcome.exitCode != 0)
                let reports = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as! [[String: Any]]
                let error = try #require(reports.last?["error"] as? String)
                #expect(error.contains(bad.lastPathComponent), "\(error)")
                let listed = try await CommandRunner.run(["catalogs", "--db", db, "--json"])
                let catalogs = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
                #expect(catalogs.count == 1, "\(bad.lastPathComponent)")
            }
        }
    }
}
