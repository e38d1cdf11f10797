import Foundation
import Testing

extension CLITests {
    @Suite struct CatalogDiffCommandTests {
        @Test func reimportingASeedUnchangedChangesNothing() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("002")])
            let again = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("002"), "--json"])
            let report = try #require((try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]])?.first)
            #expect(report["outcome"] as? String == "unchanged" && report["catalogId"] as? Int == 1)
            #expect((report["changes"] as? [String: Int])?["unchanged"] == 65)
            let listed = try await CommandRunner.run(["catalogs", "--db", db, "--json"])
            #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])?.count == 1)
            let compared = try await CommandRunner.run(["catalog", "diff", "1", "1", "--db", db, "--json"])
            #expect(compared.exitCode == 0)
            let diff = try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as! [String: Any]
            let entries = try #require(diff["entries"] as? [[String: Any]])
            #expect(entries.count == 65)
            #expect(entries.allSatisfy { $0["change"] as? String == "unchanged" && ($0["changedFields"] as? [String])?.isEmpty == true })
            let text = try await CommandRunner.run(["catalog", "diff", "1", "1", "--db", db])
            #expect(text.stdout.hasPrefix("两个目录的事项完全相同"))
        }

        @Test func anUnknownCatalogFails() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("002")])
            let compared = try await CommandRunner.run(["catalog", "diff", "1", "9", "--db", db, "--json"])
            #expect(compared.exitCode != 0)
            #expect(!compared.stdout.contains("entries"))
        }
    }
}
