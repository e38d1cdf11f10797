import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Testing

/// Runs Tests/Browser/annual_report.py in headless Chromium against `gongkai serve --demo`: the administrator enters
/// the fee, submits and approves the report of 示例市医疗保障局 for the demo year; the public page's table 三 must
/// show the figures of the published report in the database.
@Suite struct AnnualReportBrowserTests {
    @Test func draftToPublicPageInChromiumWithAxe() async throws {
        let server = try await DemoServer.start("reports")
        defer { server.stop() }
        let year = CivilDate(localDate: Date()).year
        let database = try await GongkaiDatabase.open(path: server.databasePath)
        let agency = try #require(try await AgencyDirectory(database).agencies().first { $0.name == "示例市医疗保障局" }).id
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-annual-report.png")
        let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [
            CrashSafetyTests.root.appendingPathComponent("Tests/Browser/annual_report.py").path, server.base, "gongkai-demo-2026",
            server.axe.path, screenshot.path, String(agency), String(year),
        ])
        print(output)
        print("screenshot: \(screenshot.path)")
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
        let published = try #require(try await AnnualReportRepository(database).published(agencyID: agency, year: year))
        await database.close()
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("{") })
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        for row in ["newlyReceived", "carriedOver", "concludedTotal", "carriedForward"] {
            #expect(seen[row] == String(published.report.value("三.\(row).total")), "\(row)")
        }
        #expect(published.report.value("三.newlyReceived.total") > 0)
    }
}
