import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// /admin/compliance and its export against the same sweep (`ComplianceSweep`) run directly: the verdict, counts by
/// kind, per department and per month, the findings with their links, and the charts.
@Suite struct ComplianceDashboardTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The `<tr>` of the findings table that links to `href`.
    static func findingRow(_ html: String, linking href: String) -> String? {
        html.components(separatedBy: "<tr class=\"finding ").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
            .first { $0.contains("href=\"\(href)\"") }
    }

    static let openKinds: Set<Finding.Kind> = [.overdue, .dueSoon, .emptyItem, .staleItem, .missingInterpretation, .validityMissing,
                                               .validityExpired, .titleMismatch, .personalData]

    @Test(arguments: StoreBackend.allCases)
    func agencyDashboardShowsTheSweep(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let seeded = try await fixture.seedComplianceRecords()
            let at = fixture.today
            let report = try await fixture.sweep(agencyID: fixture.yiyuan, at: at)
            let verdict = try #require(report.verdict(for: fixture.yiyuan))
            let departments = try await fixture.departmentNamesByItem()
            let (cookie, _) = try await fixture.session("agencyadmin")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let response = try await client.get("/admin/compliance?at=\(at)", cookie: cookie)
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>合规检查</h1>"))
                #expect(html.contains("href=\"/admin/compliance\">合规检查</a>"))

                // The verdict: its headline and every condition with its count and threshold.
                #expect(html.contains(String(verdict.summary.split(separator: "\n")[0])))
                for condition in verdict.conditions {
                    #expect(html.contains(condition.explanation))
                    #expect(html.contains("<span class=\"badge\">\(condition.met ? "已触发" : "未触发")</span> \(condition.explanation)"))
                }
                let blank = try #require(verdict.condition(.blankColumns))
                #expect(blank.count > 0)
                #expect(html.contains("涉及栏目（\(blank.count)个）"))
                for id in blank.itemIDs { #expect(html.contains("<a href=\"/admin/items/\(id)\">")) }

                // Counts by kind.
                #expect(html.contains("共发现问题\(report.findings.count)项"))
                for kind in Finding.Kind.allCases {
                    let count = report.findings(kind).count
                    #expect(html.contains("kind=\(kind.rawValue)#findings\">\(kind.label)</a></th><td>\(count)</td>") == (count > 0), "\(kind)")
                }

                // The 12-month trend of deadline obligations, as a table next to its chart.
                for offset in 0..<12 {
                    let (year, month, _) = at.adding(months: offset - 11).components
                    let due = report.obligations.filter { ob in
                        ob.kind != .continuous && ob.due.map { $0.year == year && $0.components.month == month } == true
                    }
                    let onTime = due.filter { $0.state == .metOnTime }.count, late = due.filter { $0.state == .metLate }.count
                    let missing = due.filter { $0.state == .overdue }.count
                    let label = "\(year)-\(month < 10 ? "0" : "")\(month)"
                    #expect(html.contains("<th scope=\"row\">\(label)</th><td>\(onTime)</td><td>\(late)</td><td>\(missing)</td><td>\(onTime + late + missing)</td>"), "\(label)")
                }
                #expect(report.obligations.contains { $0.state == .metLate })

                // Per department: every finding counts for each responsible department of its item.
                for name in Set(departments.values.flatMap { $0 }) {
                    let mine = report.findings.filter { $0.itemID.map { departments[$0]?.contains(name) == true } == true }
                    guard !mine.isEmpty else { continue }
                    let open = mine.filter { Self.openKinds.contains($0.kind) }.count
                    let row = try #require(html.components(separatedBy: "<tr><th scope=\"row\">\(name)</th>").dropFirst().first, "\(name)")
                    #expect(row.components(separatedBy: "</tr>")[0].hasSuffix("<td>\(mine.count)</td><td>\(open)</td>"), "\(name)")
                }

                // Findings with links to their item and record.
                let late = try #require(report.findings.first { $0.kind == .late && $0.recordID == seeded.latePeriodic })
                let lateRow = try #require(Self.findingRow(html, linking: "/admin/records/\(seeded.latePeriodic)"))
                #expect(lateRow.hasPrefix("finding-late\">"))
                #expect(lateRow.contains("<a class=\"item-link\" href=\"/admin/items/\(late.itemID!)\">"))
                #expect(lateRow.contains(late.due!.description))
                let lateEvent = try #require(report.findings.first { $0.kind == .late && $0.recordID == seeded.lateEvent })
                let lateEventRow = try #require(Self.findingRow(html, linking: "/admin/records/\(seeded.lateEvent)"))
                #expect(lateEventRow.contains("行政处罚决定书（沂医保罚〔演示〕1号）"))
                #expect(lateEventRow.contains("href=\"/admin/items/\(lateEvent.itemID!)\""))
                #expect(lateEventRow.contains("<td>基金监管科</td>"))
                // A period with nothing published: the row links to the item only.
                let overdue = try #require(report.findings.first { $0.kind == .overdue && $0.recordID == nil })
                let overdueRow = try #require(html.components(separatedBy: "<tr class=\"finding finding-overdue\">").dropFirst()
                    .map { $0.components(separatedBy: "</tr>")[0] }.first { $0.contains(overdue.explanation) })
                #expect(overdueRow.contains("href=\"/admin/items/\(overdue.itemID!)\""))
                #expect(!overdueRow.contains("/admin/records/"))
                #expect(Self.count("<tr class=\"finding ", in: html) == min(100, report.findings.count))

                // Two charts, each an image named by its title and description.
                #expect(Self.count("<svg ", in: html) == 2)
                #expect(Self.count("role=\"img\"", in: html) == 2)
                #expect(html.contains("aria-labelledby=\"trend-chart-title trend-chart-desc\""))
                #expect(html.contains("<title id=\"department-chart-title\">各科室待处理问题</title>"))
                #expect(html.contains("href=\"/admin/compliance.xlsx?agency=\(fixture.yiyuan)&amp;at=\(at)\""))
            }
        }
    }

    @Test func kindFilterAndPages() async throws {
        try await WebFixture.with { fixture in
            _ = try await fixture.seedComplianceRecords()
            let at = fixture.today
            let report = try await fixture.sweep(agencyID: fixture.yiyuan, at: at)
            let (cookie, _) = try await fixture.session("editor")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let late = try await client.get("/admin/compliance?kind=late&at=\(at)", cookie: cookie).text
                #expect(Self.count("<tr class=\"finding ", in: late) == report.findings(.late).count)
                #expect(Self.count("<tr class=\"finding finding-late\">", in: late) == report.findings(.late).count)
                #expect(late.contains("<h2 id=\"findings-heading\">问题清单：逾期发布</h2>"))
                #expect(late.contains("<option value=\"late\" selected>逾期发布</option>"))

                let empty = report.findings(.emptyItem)
                #expect(empty.count > 0)
                let pages = (empty.count + 99) / 100
                var seen = 0
                for page in 1...pages {
                    let html = try await client.get("/admin/compliance?kind=emptyItem&at=\(at)&page=\(page)", cookie: cookie).text
                    seen += Self.count("<tr class=\"finding finding-emptyItem\">", in: html)
                    #expect(html.contains("rel=\"next\"") == (page < pages))
                    #expect(html.contains("rel=\"prev\"") == (page > 1))
                }
                #expect(seen == empty.count)
                #expect(try await client.get("/admin/compliance?kind=nonsense", cookie: cookie).status == .badRequest)
                #expect(try await client.get("/admin/compliance?at=2026-02-30", cookie: cookie).status == .badRequest)
            }
        }
    }

    @Test func systemAdministratorSeesEveryAgency() async throws {
        try await WebFixture.with { fixture in
            let at = fixture.today
            let report = try await fixture.sweep(agencyID: nil, at: at)
            #expect(report.verdicts.count == 2)
            let (cookie, _) = try await fixture.session("sysadmin")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let html = try await client.get("/admin/compliance?at=\(at)", cookie: cookie).text
                #expect(html.contains("全部机关 · 检查日期 \(at)"))
                #expect(html.contains("共发现问题\(report.findings.count)项"))
                for verdict in report.verdicts {
                    #expect(html.contains("id=\"verdict-\(verdict.agencyID)\""))
                    #expect(html.contains("href=\"/admin/compliance?agency=\(verdict.agencyID)&amp;at=\(at)\""))
                }
                #expect(html.contains("<select id=\"agency\" name=\"agency\">"))
                let one = try await client.get("/admin/compliance?agency=\(fixture.guannan)&at=\(at)", cookie: cookie).text
                let guannan = try await fixture.sweep(agencyID: fixture.guannan, at: at)
                #expect(one.contains("共发现问题\(guannan.findings.count)项"))
                #expect(!one.contains("id=\"verdict-\(fixture.yiyuan)\""))
                #expect(try await client.get("/admin/compliance?agency=999999", cookie: cookie).status == .notFound)
                #expect(try await client.get("/admin/compliance?agency=abc", cookie: cookie).status == .badRequest)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func exportIsARealWorkbookWithTheFindingsAndTheVerdict(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let seeded = try await fixture.seedComplianceRecords()
            let at = fixture.today
            let report = try await fixture.sweep(agencyID: fixture.yiyuan, at: at)
            let (cookie, _) = try await fixture.session("reviewer")
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let response = try await client.get("/admin/compliance.xlsx?at=\(at)", cookie: cookie)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                let sheets = try XLSXWorkbook.read(Data(buffer: response.body))
                #expect(sheets.map(\.name) == ["问题清单", "检查结论"])
                let findings = sheets[0].rows
                #expect(findings[0].prefix(4) == ["序号", "问题类型", "机关", "公开事项"])
                #expect(findings.count == report.findings.count + 1)
                #expect(findings.dropFirst().map { $0[1] } == report.findings.map(\.kind.label))
                let late = try #require(findings.first { $0[7] == String(seeded.lateEvent) })
                #expect(late[1] == "逾期发布")
                #expect(late[3] == "执法结果")
                #expect(late[5] == "基金监管科")
                #expect(late[6] == "行政处罚决定书（沂医保罚〔演示〕1号）")
                #expect(late[2].contains("沂源"))

                let verdict = try #require(report.verdict(for: fixture.yiyuan))
                let summary = sheets[1].rows
                for condition in verdict.conditions {
                    let row = try #require(summary.first { $0.count > 2 && $0[2] == condition.explanation })
                    #expect(row[3] == String(condition.count))
                    #expect(row[4] == String(condition.threshold))
                    #expect(row[5] == (condition.met ? "是" : "否"))
                }
                let header = try #require(summary.firstIndex { $0.first == "科室" })
                #expect(summary[header].suffix(2) == ["合计", "待处理"] || summary[header].contains("合计"))
                let enforcement = try #require(summary[header...].first { $0.first == "基金监管科" })
                let departments = try await fixture.departmentNamesByItem()
                let expected = report.findings.filter { $0.itemID.map { departments[$0]?.contains("基金监管科") == true } == true }.count
                let totalColumn = try #require(summary[header].firstIndex(of: "合计"))
                #expect(enforcement[totalColumn] == String(expected))

                let onlyLate = try await client.get("/admin/compliance.xlsx?at=\(at)&kind=late", cookie: cookie)
                #expect(try XLSXWorkbook.read(Data(buffer: onlyLate.body))[0].rows.count == report.findings(.late).count + 1)
            }
        }
    }
}
