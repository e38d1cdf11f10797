import Foundation
import Testing

extension CLITests {
    @Suite struct ImportCommandTests {
        @Test func importAllSeedsThenListThem() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            let imported = try await CommandRunner.run(["import", "--db", db, "--json"] + ["000", "001", "002", "003"].map(CommandRunner.seed))
            #expect(imported.exitCode == 0)
            let reports = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as! [[String: Any]]
            #expect(reports.map { $0["itemCount"] as? Int } == [48, 45, 65, 33])
            #expect(reports[0]["agency"] as? String == "淄博市医疗保障局沂源分局")
            #expect(reports.allSatisfy { ($0["inferences"] as? Int ?? 0) > 0 && $0["warnings"] != nil })
            let city = try await CommandRunner.run(["import", "--db", db, "--agency", "某市医疗保障局", CommandRunner.seed("004")])
            #expect(city.exitCode == 0)
            #expect(city.stdout.contains("公开事项：44 个"))

            let listed = try await CommandRunner.run(["catalogs", "--db", db, "--json"])
            let catalogs = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
            #expect(catalogs.count == 5)
            #expect(catalogs.map { $0["itemCount"] as? Int } == [48, 45, 65, 33, 44])
            #expect(catalogs.allSatisfy { $0["id"] is Int && $0["agency"] is String && $0["title"] is String })
        }

        @Test func showJSONCarriesTheContractFields() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["import", "--db", db, "--agency", "某市医疗保障局", CommandRunner.seed("004")])
            let shown = try await CommandRunner.run(["show", "1", "--db", db, "--json"])
            #expect(shown.exitCode == 0)
            let document = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [String: Any]
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.count == 44)
            let first = items[0]
            #expect(first["path"] as? [String] == ["政策法规", "部门文件"])
            #expect(first["code"] as? String == "010100")
            #expect((first["content"] as? String)?.hasPrefix("本部门印发的规范性文件") == true)
            #expect(first["deadlineText"] as? String == "自该信息形成或者变更之日起20个工作日内。")
            #expect(first["responsible"] as? [String] == ["法规监察科"])
            #expect(first["channels"] as? [String] == ["政府网站", "政府公报", "两微一端", "公开查阅点", "政务服务中心"])
            let tree = try await CommandRunner.run(["show", "1", "--db", db])
            #expect(tree.stdout.contains("• 部门文件 [010100]"))
        }

        @Test func gb18030TextImports() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            let result = try await CommandRunner.run(["import", "--db", db, CommandRunner.fixtures.appendingPathComponent("guannan-gb18030.txt").path])
            #expect(result.exitCode == 0)
            #expect(result.stdout.contains("灌南县医疗保障局"))
            #expect(result.stdout.contains("公开事项：33 个"))
        }

        /// Each bad input fails with exit code 1, and the database keeps exactly what it had.
        @Test(arguments: ["empty", "binary", "prose", "latin1", "truncated-xlsx", "truncated-docx", "missing"])
        func badInputIsRejectedAndTheDatabaseIsUnchanged(kind: String) async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let db = directory.appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("003")])
            let before = try Data(contentsOf: URL(fileURLWithPath: db))
            let bad = try BadInputs.write(kind, into: directory)
            let result = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("000"), bad])
            #expect(result.exitCode == 1)
            #expect(result.stdout.contains("✘"))
            let listed = try await CommandRunner.run(["catalogs", "--db", db, "--json"])
            let catalogs = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
            #expect(catalogs.count == 1)
            let after = try Data(contentsOf: URL(fileURLWithPath: db))
            #expect(before == after)
        }

        @Test func exportRequiresAnOutputFileForXLSX() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("003")])
            #expect(try await CommandRunner.run(["export", "1", "--db", db, "--format", "xlsx"]).exitCode == 1)
            #expect(try await CommandRunner.run(["show", "99", "--db", db]).exitCode == 1)
        }
    }
}

/// Bad files a user might hand the importer.
enum BadInputs {
    static func write(_ kind: String, into directory: URL) throws -> String {
        let url: URL
        let data: Data
        switch kind {
        case "empty": (url, data) = (directory.appendingPathComponent("empty.txt"), Data("\n  \n".utf8))
        case "binary": (url, data) = (directory.appendingPathComponent("garbage.txt"), Data((0..<4096).map { UInt8(($0 * 7919) % 256) }))
        case "prose": (url, data) = (directory.appendingPathComponent("letter.txt"), Data("关于做好2024年政务公开工作的通知\n各科室：\n请按时报送材料。\n".utf8))
        case "latin1": (url, data) = (directory.appendingPathComponent("latin1.txt"), Data([0x41, 0x09, 0xFF, 0xFE, 0x80, 0x0A, 0x42, 0x09, 0xFF, 0x0A]))
        case "truncated-xlsx":
            let whole = try Data(contentsOf: CommandRunner.fixtures.appendingPathComponent("catalog-merged.xlsx"))
            (url, data) = (directory.appendingPathComponent("cut.xlsx"), whole.prefix(whole.count / 2))
        case "truncated-docx":
            let whole = try Data(contentsOf: CommandRunner.fixtures.appendingPathComponent("catalog-merged.docx"))
            (url, data) = (directory.appendingPathComponent("cut.docx"), whole.prefix(whole.count / 2))
        default: return directory.appendingPathComponent("does-not-exist.txt").path
        }
        try data.write(to: url)
        return url.path
    }
}
