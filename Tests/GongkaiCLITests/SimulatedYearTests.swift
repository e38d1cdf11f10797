import Foundation
import GongkaiCore
import GongkaiStore
import Testing

extension CLITests {
    /// `gongkai demo --year 2026` plants problems and writes what it planted; `gongkai check` at the same date must
    /// report exactly those: nothing missed, nothing invented.
    @Suite struct SimulatedYearTests {
        @Test func checkFindsExactlyWhatTheSimulatedYearPlanted() async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let db = directory.appendingPathComponent("year.sqlite").path
            let manifestPath = directory.appendingPathComponent("manifest.json").path
            let demo = try await CommandRunner.run(["demo", "--db", db, "--year", "2026", "--at", "2026-11-30", "--manifest", manifestPath])
            #expect(demo.exitCode == 0, "\(demo.stdout)")
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: manifestPath))) as! [String: Any]
            let expected = try #require(manifest["expected"] as? [[String: Any]])
            // Every kind of problem the monitor knows is planted at least once.
            #expect(Set(expected.compactMap { $0["kind"] as? String }) == Set(Finding.Kind.allCases.map(\.rawValue)))
            #expect((manifest["records"] as? Int ?? 0) >= 5 * 150)

            let report = directory.appendingPathComponent("check.json")
            let check = try await CommandRunner.run(["check", "--db", db, "--at", "2026-11-30", "--json", "--out", report.path])
            #expect(check.exitCode == 0)
            let output = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
            let findings = try #require(output["findings"] as? [[String: Any]])
            func key(_ entry: [String: Any]) -> String {
                ["kind", "item", "record", "period"].map { entry[$0].map { "\($0)" } ?? "-" }.joined(separator: "|")
            }
            #expect(findings.map(key).sorted() == expected.map(key).sorted())
            #expect(findings.allSatisfy { ($0["explanation"] as? String)?.isEmpty == false })
            let verdict = try #require(output["verdict"] as? [String: Any])
            #expect((verdict["agencies"] as? [[String: Any]])?.count == 5)

            // The year reads like real disclosure: searching common words finds records of every agency.
            let database = try await GongkaiDatabase.open(path: db)
            let search = database.recordSearch()
            for word in ["医保", "救助", "医疗救助"] {
                let results = try await search.search(SearchQuery(text: word), now: Date())
                #expect(results.total > 20, "\(word)")
            }
            let perAgency = try await database.sql.raw("SELECT agency_id, COUNT(*) AS n FROM records WHERE status = 'published' GROUP BY agency_id").all()
                .map { try $0.decode(column: "n", as: Int.self) }
            #expect(perAgency.count == 5 && perAgency.allSatisfy { $0 >= 150 })
            // Each agency also received 依申请公开 requests, handled through the workflow: answered, abandoned or still open.
            let phases = try await database.sql.raw("SELECT phase, COUNT(*) AS n FROM disclosure_requests GROUP BY phase").all()
                .reduce(into: [String: Int]()) { $0[try $1.decode(column: "phase", as: String.self)] = try $1.decode(column: "n", as: Int.self) }
            #expect(phases == ["answered": 35, "closed": 5, "registered": 5])
            await database.close()
        }

        @Test func checkRejectsAnUnknownAgencyAndABadDate() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["demo", "--db", db])
            #expect(try await CommandRunner.run(["check", "--db", db, "--agency", "99"]).exitCode != 0)
            #expect(try await CommandRunner.run(["check", "--db", db, "--at", "2026-13-01"]).exitCode != 0)
            let empty = try await CommandRunner.run(["check", "--db", db, "--agency", "1", "--at", "2026-11-30", "--json"])
            #expect(empty.exitCode == 0)
            let output = try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as! [String: Any]
            // A catalog with no records at all: every item is a blank column, and that vetoes the site.
            let verdict = try #require(output["verdict"] as? [String: Any])
            #expect(verdict["passed"] as? Bool == false)
        }
    }
}
