import Foundation
import Testing

extension CLITests {
    @Suite struct DeadlineCommandTests {
        @Test func deadlineJSONShape() async throws {
            let out = try await CommandRunner.run(["deadline", "在执法决定作出之日起20个工作日内，行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开",
                                                   "--from", "2026-09-30", "--kind", "行政处罚", "--json", "--db", "/nonexistent-dir/none.sqlite"])
            #expect(out.exitCode == 0)
            let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
            #expect((json["rule"] as? [String: Any])?["kind"] as? String == "composite")
            #expect(json["due"] as? String == "2026-10-15")
            #expect(json["provisional"] as? Bool == false)
            #expect((json["explanation"] as? String)?.contains("国庆节") == true)
        }

        /// 15 calendar days after the quarter ends, counted from the next day (民法典 第二百零一条): 2026-09-30 + 15.
        @Test func daysAfterTheQuarterEnds() async throws {
            let out = try await CommandRunner.run(["deadline", "每季度结束后15日内公开", "--period", "2026Q3", "--json"])
            #expect(out.exitCode == 0)
            let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
            #expect(json["due"] as? String == "2026-10-15")
            let explanation = try #require(json["explanation"] as? String)
            #expect(explanation.contains("每季度结束后15日"))
            #expect(explanation.contains("期末（2026-09-30）后第15日"))
            #expect(!explanation.contains("文本未给出具体日期"))
        }

        @Test func periodicNeedsAMatchingPeriod() async throws {
            let ok = try await CommandRunner.run(["deadline", "每年1月31日前公开", "--period", "2024", "--json"])
            let json = try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as! [String: Any]
            #expect(json["due"] as? String == "2025-01-31")
            #expect(try await CommandRunner.run(["deadline", "每年1月31日前公开", "--period", "2024Q2"]).exitCode == 1)
            #expect(try await CommandRunner.run(["deadline", "每年1月31日前公开", "--period", "明年"]).exitCode == 1)
            #expect(try await CommandRunner.run(["deadline", "20个工作日内", "--from", "2024-02-30"]).exitCode == 1)
        }

        @Test func workdaysCommands() async throws {
            #expect(try await CommandRunner.run(["workdays", "add", "2026-09-30", "5"]).stdout == "2026-10-13\n")
            #expect(try await CommandRunner.run(["workdays", "between", "2026-09-30", "2026-10-13"]).stdout == "5\n")
            #expect(try await CommandRunner.run(["workdays", "add", "2026-09-30", "-1"]).exitCode != 0)
        }

        @Test func calendarImportShowAndBadFiles() async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let db = directory.appendingPathComponent("g.sqlite").path
            let file = directory.appendingPathComponent("2027.json")
            try Data(#"{"year":2027,"papers":["测试"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#.utf8).write(to: file)
            let imported = try await CommandRunner.run(["calendar", "import", file.path, "--db", db])
            #expect(imported.exitCode == 0)
            #expect(imported.stdout.contains("已导入2027年"))
            #expect(try await CommandRunner.run(["workdays", "add", "2026-12-31", "1", "--db", db]).stdout == "2027-01-04\n")
            #expect(try await CommandRunner.run(["calendar", "show", "2027", "--db", db]).stdout.contains("2027-01-01"))
            let bad = directory.appendingPathComponent("bad.json")
            try Data(#"{"year":2027,"days":[{"name":"元旦","date":"2027-02-30","isOffDay":true}]}"#.utf8).write(to: bad)
            #expect(try await CommandRunner.run(["calendar", "import", bad.path, "--db", db]).exitCode == 1)
            let wrongYear = directory.appendingPathComponent("wrong.json")
            try Data(#"{"year":2028,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#.utf8).write(to: wrongYear)
            #expect(try await CommandRunner.run(["calendar", "import", wrongYear.path, "--db", db]).exitCode == 1)
        }
    }
}
