import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Runs Tests/Browser/catalog.py in headless Chromium against `gongkai serve` (the real binary) on the web fixture's
/// database: import with a corrected column, a rename in a draft, approval; then checks the database.
@Suite struct CatalogBrowserTests {
    @Test func importCorrectRenameApproveInChromiumWithAxe() async throws {
        let root = CrashSafetyTests.root
        let axe = root.appendingPathComponent(".build/test-tools/axe.min.js")
        try #require(FileManager.default.fileExists(atPath: axe.path), "run scripts/test, which fetches axe-core")
        let (server, _) = try await CrashHarness.start(.sqlite) { _ in () }
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-catalog-revision.png")
        let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [
            root.appendingPathComponent("Tests/Browser/catalog.py").path, server.base, "sysadmin", WebFixture.password, axe.path,
            root.appendingPathComponent("Tests/Fixtures/deadline-column-misheaded.txt").path, screenshot.path,
        ])
        server.kill()
        print(output)
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))

        let database = try await server.reopen()
        let catalogs = CatalogRepository(database)
        let agency = try #require(try await AgencyDirectory(database).agencies().first { $0.name == "某县民政局" })
        let history = try await catalogs.history(agencyID: agency.id)
        #expect(history.count == 2 && history[1].version.versionNumber == 2)
        let items = try await catalogs.load(id: try #require(history.last).version.id).items
        #expect(items.map { $0.path.last! }.contains("机构职能及内设机构"))
        #expect(items.allSatisfy { !$0.item.deadlineText.isEmpty && $0.item.deadlineRule != nil })
        let actions = try await AuditLog(database).entries(limit: nil).map(\.action)
        #expect(actions.contains("catalog.imported") && actions.contains("catalog.node.renamed") && actions.contains("catalog.approved"))
        await database.close()
        await server.dispose()
    }
}
