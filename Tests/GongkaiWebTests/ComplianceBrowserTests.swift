import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Testing

/// Runs Tests/Browser/compliance.py in headless Chromium against `gongkai serve --demo` (the real binary), then
/// checks what the browser saw against the compliance sweep of the same database. The demo data may grow; every
/// expectation is computed from the database, none is a fixed count.
@Suite struct ComplianceBrowserTests {
    static let root = CrashSafetyTests.root

    @Test func dashboardInChromiumWithAxe() async throws {
        let server = try await DemoServer.start("compliance")
        defer { server.stop() }
        let base = server.base, axe = server.axe, path = server.databasePath
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-compliance-dashboard.png")

        // The department whose feed the browser makes: the one with the most open obligations today.
        let database = try await GongkaiDatabase.open(path: path)
        let calendar = try await CalendarRepository(database).calendar(bundled: try HolidayData.bundledYears())
        let before = try await ComplianceSweep(database: database, calendar: calendar).run(at: CivilDate(localDate: Date()))
        var itemsByDepartment: [Int: Set<Int>] = [:]
        for row in try await database.sql.raw("SELECT node_id, department_id FROM item_departments").all() {
            itemsByDepartment[try row.decode(column: "department_id", as: Int.self), default: []].insert(try row.decode(column: "node_id", as: Int.self))
        }
        func open(_ report: ComplianceReport, _ department: Int) -> Int {
            report.obligations.filter { itemsByDepartment[department]?.contains($0.itemID) == true && [.open, .dueSoon, .overdue].contains($0.state) && $0.due != nil }.count
        }
        let department = try #require(itemsByDepartment.keys.sorted().max { open(before, $0) < open(before, $1) })
        #expect(open(before, department) > 0)

        let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [
            Self.root.appendingPathComponent("Tests/Browser/compliance.py").path, base, "gongkai-demo-2026", axe.path, screenshot.path,
            String(department),
        ])
        print(output)
        print("screenshot: \(screenshot.path)")
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("{") })
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])

        // The same sweep, on the same database and day, as the server ran.
        let report = try await ComplianceSweep(database: database, calendar: calendar).run(at: CivilDate(localDate: Date()))
        await database.close()
        #expect(seen["feedDepartment"] as? Int == department)

        #expect(seen["total"] as? Int == report.findings.count)
        #expect(seen["rows"] as? Int == min(100, report.findings.count))
        let headlines = seen["verdicts"] as? [String: String] ?? [:]
        #expect(headlines.count == report.verdicts.count)
        for verdict in report.verdicts {
            #expect(headlines[String(verdict.agencyID)] == String(verdict.summary.split(separator: "\n")[0]), "agency \(verdict.agencyID)")
        }
        #expect(seen["feedEvents"] as? Int == open(report, department))
    }
}
