import Foundation
import SQLiteNIO
import Testing

extension CLITests {
    @Suite struct AuditCommandTests {
        @Test func auditVerifyPassesThenNamesTheAlteredEntry() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            // Two imports write two audit entries; then the first is altered behind Gongkai's back.
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("003")])
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("000")])
            let seeded = try await CommandRunner.run(["audit", "verify", "--db", db])
            #expect(seeded.exitCode == 0)
            #expect(seeded.stdout.contains("审计日志完整：共2条"))
            let connection = try await SQLiteConnection.open(storage: .file(path: db))
            _ = try await connection.query("UPDATE audit_log SET after = 'altered' WHERE id = 1")
            try await connection.close()
            let broken = try await CommandRunner.run(["audit", "verify", "--db", db])
            #expect(broken.exitCode == 1)
            #expect(broken.stdout.contains("第1条"))
        }
    }
}
