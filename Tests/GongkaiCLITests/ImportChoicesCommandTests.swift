import Foundation
import Testing

extension CLITests {
    /// `gongkai import --columns … --header-rows …`: staff's reading of the table.
    @Suite struct ImportChoicesCommandTests {
        /// A page copied as bars whose 时限 column is headed "完成要求", a label no catalog template uses.
        static let catalog = CommandRunner.fixtures.appendingPathComponent("deadline-column-misheaded.txt").path

        static func database() throws -> String {
            try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
        }

        @Test func columnsFixTheDeadlineColumnAndAreStored() async throws {
            let db = try Self.database()
            let imported = try await CommandRunner.run(["import", "--db", db, "--json", "--columns", "5=时限，6=忽略", "--header-rows", "1", Self.catalog])
            #expect(imported.exitCode == 0)
            let reports = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as! [[String: Any]]
            let messages = (reports[0]["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(messages.contains { $0.hasPrefix("各列角色按人工指定：第5列为“公开时限”，第6列为“忽略”") })

            let shown = try await CommandRunner.run(["show", "1", "--db", db, "--json"])
            let document = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [String: Any]
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.map { $0["deadlineText"] as? String } == ["自该信息形成或者变更之日起20个工作日内", "领导调整后10个工作日内", "每季度更新"])
            #expect(items.allSatisfy { ($0["publisher"] as? String ?? "").isEmpty })
        }

        @Test(arguments: ["5=时间限", "0=一级", "5=时限,5=依据"])
        func badColumnsAreRefusedBeforeAnythingIsRead(columns: String) async throws {
            let db = try Self.database()
            let result = try await CommandRunner.run(["import", "--db", db, "--columns", columns, Self.catalog])
            #expect(result.exitCode != 0)
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }
}
