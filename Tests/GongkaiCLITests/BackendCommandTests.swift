import Foundation
import GongkaiTestSupport
import Testing

extension CLITests {
    /// Commands with `--db` set to an SQLite file and to a PostgreSQL URL.
    @Suite struct BackendCommandTests {
        /// `gongkai demo`, then `gongkai export N --format json` of each seed catalog and `gongkai audit verify`.
        static func demoExports(_ backend: StoreBackend) async throws -> [String] {
            let scratch = try await TestDatabase.scratch(backend)
            let database = ["--db", scratch.location, "--files", scratch.files]
            var exports: [String] = []
            do {
                let demo = try await CommandRunner.run(["demo"] + database)
                #expect(demo.exitCode == 0 && demo.stdout.contains("#5"), "\(backend)")
                // Written with --out: a megabyte on captured stdout can interleave with other suites' output under load.
                for id in 1...5 {
                    let file = URL(fileURLWithPath: scratch.files).deletingLastPathComponent().appendingPathComponent("export-\(id).json")
                    let exported = try await CommandRunner.run(["export", String(id), "--format", "json", "--out", file.path] + database)
                    #expect(exported.exitCode == 0)
                    exports.append(try String(contentsOf: file, encoding: .utf8))
                }
                let audit = try await CommandRunner.run(["audit", "verify"] + database)
                #expect(audit.exitCode == 0 && audit.stdout.contains("审计日志完整：共5条"), "\(backend): \(audit.stdout)")
            } catch {
                await scratch.dispose()
                throw error
            }
            await scratch.dispose()
            return exports
        }

        @Test func demoCatalogsExportIdenticallyFromSQLiteAndPostgreSQL() async throws {
            let sqlite = try await Self.demoExports(.sqlite), postgres = try await Self.demoExports(.postgresql)
            #expect(sqlite.count == 5 && sqlite.allSatisfy { $0.contains("\"items\"") })
            #expect(sqlite == postgres)
        }

        @Test(arguments: StoreBackend.allCases)
        func importedCalendarYearIsStoredAndUsed(backend: StoreBackend) async throws {
            let scratch = try await TestDatabase.scratch(backend)
            let database = ["--db", scratch.location, "--files", scratch.files]
            let file = URL(fileURLWithPath: scratch.files).deletingLastPathComponent().appendingPathComponent("2027.json")
            try Data(#"{"year":2027,"papers":["测试"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#.utf8).write(to: file)
            let imported = try await CommandRunner.run(["calendar", "import", file.path] + database)
            #expect(imported.exitCode == 0 && imported.stdout.contains("已导入2027年"))
            #expect(try await CommandRunner.run(["workdays", "add", "2026-12-31", "1"] + database).stdout == "2027-01-04\n")
            #expect(try await CommandRunner.run(["calendar", "show", "2027"] + database).stdout.contains("2027-01-01"))
            await scratch.dispose()
        }

        @Test func anUnreachableServerFailsTheCommand() async throws {
            #expect(try await CommandRunner.run(["catalogs", "--db", "postgres://gongkai:secret@127.0.0.1:1/gongkai"]).exitCode == 1)
        }
    }
}
