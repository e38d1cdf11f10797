import Foundation
@testable import GongkaiCLI
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
import Testing

extension CLITests {
    /// `gongkai backup`, `gongkai restore` and `gongkai migrate` on the simulated year (with an attachment): the
    /// copy must export the same catalogs and requests, hold the same rows in every data table, keep the attachment
    /// files and verify its audit chain.
    @Suite struct BackupCommandTests {
        @Test func sqliteBackupRestoresIntoAnEmptyFile() async throws {
            let year = try await DemoYearFixture.shared.location()
            let target = try await TestDatabase.scratch(.sqlite)
            defer { Task { await target.dispose() } }
            let archive = try CommandRunner.temporaryDirectory().appendingPathComponent("year.zip").path
            let backup = try await CommandRunner.run(["backup", "--out", archive] + year.arguments)
            #expect(backup.exitCode == 0, "\(backup.stdout)")
            // A second backup to the same name would overwrite the first: refused.
            #expect(try await CommandRunner.run(["backup", "--out", archive] + year.arguments).exitCode == 1)
            let restore = try await CommandRunner.run(["restore", archive, "--db", target.location, "--files", target.files])
            #expect(restore.exitCode == 0 && restore.stdout.contains("审计日志完整"), "\(restore.stdout)")
            try await expectSameInstallation(year, Location(target))
        }

        @Test func sqliteMovesToPostgreSQL() async throws {
            let year = try await DemoYearFixture.shared.location()
            let target = try await TestDatabase.scratch(.postgresql)
            defer { Task { await target.dispose() } }
            let move = try await CommandRunner.run(["migrate", "--from", year.location, "--from-files", year.files,
                                                    "--to", target.location, "--files", target.files])
            #expect(move.exitCode == 0 && move.stdout.contains("审计日志完整"), "\(move.stdout)")
            try await expectSameInstallation(year, Location(target))
            // Identity sequences continue after the copied ids: a new row gets the next id, not a duplicate.
            let database = try await target.open()
            let next = try await database.sql.raw("SELECT nextval(pg_get_serial_sequence('records', 'id')) AS n").first()!.decode(column: "n", as: Int.self)
            let largest = try await database.sql.raw("SELECT MAX(id) AS n FROM records").first()!.decode(column: "n", as: Int.self)
            #expect(next == largest + 1)
            await database.close()
            // Moving again into the now full database is refused.
            #expect(try await CommandRunner.run(["migrate", "--from", year.location, "--from-files", year.files,
                                                 "--to", target.location, "--files", target.files]).exitCode == 1)
        }

        @Test func postgresBackupRestoresIntoAnEmptyDatabase() async throws {
            let year = try await DemoYearFixture.shared.location()
            let source = try await TestDatabase.scratch(.postgresql), target = try await TestDatabase.scratch(.postgresql)
            defer { Task { await source.dispose(); await target.dispose() } }
            let move = try await CommandRunner.run(["migrate", "--from", year.location, "--from-files", year.files,
                                                    "--to", source.location, "--files", source.files])
            #expect(move.exitCode == 0)
            let archive = try CommandRunner.temporaryDirectory().appendingPathComponent("pg.zip").path
            let backup = try await CommandRunner.run(["backup", "--out", archive, "--db", source.location, "--files", source.files])
            #expect(backup.exitCode == 0, "\(backup.stdout)")
            // The target was already created and migrated (empty): restore replaces its empty tables.
            await (try await target.open()).close()
            let restore = try await CommandRunner.run(["restore", archive, "--db", target.location, "--files", target.files])
            #expect(restore.exitCode == 0 && restore.stdout.contains("审计日志完整"), "\(restore.stdout)")
            try await expectSameInstallation(Location(source), Location(target))
            // A PostgreSQL backup does not go into an SQLite file.
            let file = try await TestDatabase.scratch(.sqlite)
            #expect(try await CommandRunner.run(["restore", archive, "--db", file.location]).exitCode == 1)
            await file.dispose()
        }

        @Test(arguments: StoreBackend.allCases)
        func restoreRefusesADatabaseThatHoldsData(backend: StoreBackend) async throws {
            let target = try await TestDatabase.scratch(backend)
            defer { Task { await target.dispose() } }
            #expect(try await CommandRunner.run(["demo", "--db", target.location, "--files", target.files]).exitCode == 0)
            let database = try await target.open()
            let message = await #expect(throws: UserFacingError.self) { try await RestoreCheck.requireEmpty(database) }
            #expect(message?.description.contains("已有数据") == true)
            let before = try await database.dataRowCounts()
            await database.close()
            let year = try await DemoYearFixture.shared.location()
            let archive = try CommandRunner.temporaryDirectory().appendingPathComponent("year.zip").path
            #expect(try await CommandRunner.run(["backup", "--out", archive] + year.arguments).exitCode == 0)
            #expect(try await CommandRunner.run(["restore", archive, "--db", target.location, "--files", target.files]).exitCode == 1)
            let after = try await target.open()
            #expect(try await after.dataRowCounts() == before)
            await after.close()
        }

        @Test func restoreRejectsAFileThatIsNoBackup() async throws {
            let directory = try CommandRunner.temporaryDirectory()
            let text = directory.appendingPathComponent("notes.zip")
            try Data("这不是备份".utf8).write(to: text)
            let error = #expect(throws: UserFacingError.self) { try BackupArchive.Reader(text) }
            #expect(error?.description.contains("不是 gongkai 备份文件") == true)
            let missing = #expect(throws: UserFacingError.self) { try BackupArchive.Reader(directory.appendingPathComponent("none.zip")) }
            #expect(missing?.description.contains("找不到备份文件") == true)
            #expect(try await CommandRunner.run(["restore", text.path, "--db", directory.appendingPathComponent("t.sqlite").path]).exitCode == 1)
        }
    }
}

/// A database location and its attachment folder, as command arguments.
struct Location {
    let location: String
    let files: String
    var arguments: [String] { ["--db", location, "--files", files] }

    init(location: String, files: String) {
        self.location = location
        self.files = files
    }

    init(_ scratch: TestDatabase.Scratch) { self.init(location: scratch.location, files: scratch.files) }
}

/// The simulated year 2026 in an SQLite file, made once for the suite, with one PDF attached to a draft record.
actor DemoYearFixture {
    static let shared = DemoYearFixture()
    private var made: Location?

    func location() async throws -> Location {
        if let made { return made }
        let scratch = try await TestDatabase.scratch(.sqlite)
        let location = Location(scratch)
        let demo = try await CommandRunner.run(["demo", "--year", "2026", "--at", "2026-11-30"] + location.arguments)
        guard demo.exitCode == 0 else { throw DemoFailed(output: demo.stdout) }
        let database = try await scratch.open()
        let user = try #require(try await AccountRepository(database).users(agencyID: nil).first { $0.role == .systemAdmin })
        let draft = try #require(try await database.sql.raw("SELECT id FROM records WHERE status IN ('draft', 'rejected') ORDER BY id LIMIT 1")
            .first()).decode(column: "id", as: Int.self)
        let pdf = try Data(contentsOf: CommandRunner.fixtures.appendingPathComponent("attachment.pdf"))
        _ = try await AttachmentStore(database).attach(pdf, name: "附件.pdf", text: "备份测试附件", to: draft, by: user)
        // A published annual report, so its versions and snapshot travel too.
        let reports = AnnualReports(database: database, calendar: WorkingCalendar(try HolidayData.bundledYears()))
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        _ = try await reports.save(by: user, agencyID: 1, year: 2026, figures: ["二.fee.amount": "0"], sections: [6: "备份测试。"],
                                   expectedVersion: 0, today: today)
        _ = try await reports.submit(by: user, agencyID: 1, year: 2026, today: today)
        try await reports.approve(by: user, agencyID: 1, year: 2026, today: today)
        await database.close()
        made = location
        return location
    }

    struct DemoFailed: Error { let output: String }
}

/// The same catalogs and requests exported, the same rows in every data table, the same attachment files, and
/// an audit chain that verifies.
func expectSameInstallation(_ original: Location, _ copy: Location, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let left = try await fingerprint(original), right = try await fingerprint(copy)
    #expect(left.exports.count >= 6, sourceLocation: sourceLocation)
    #expect(left.exports == right.exports, sourceLocation: sourceLocation)
    #expect(left.counts == right.counts, sourceLocation: sourceLocation)
    for table in left.rows.keys.sorted() where left.rows[table] != right.rows[table] {
        Issue.record("table \(table) differs", sourceLocation: sourceLocation)
    }
    #expect(left.rows.keys.sorted() == right.rows.keys.sorted(), sourceLocation: sourceLocation)
    #expect(!left.files.isEmpty && left.files == right.files, sourceLocation: sourceLocation)
    let audit = try await CommandRunner.run(["audit", "verify"] + copy.arguments)
    #expect(audit.exitCode == 0 && audit.stdout.contains("审计日志完整"), "\(audit.stdout)", sourceLocation: sourceLocation)
}

struct Fingerprint {
    var exports: [String] = []
    var counts: [String: Int] = [:]
    var rows: [String: [String]] = [:]
    var files: [String: Data] = [:]
}

/// Everything compared between an installation and its copy. The search queue is left out (a move drains what has
/// come due), and so is the search index (laid out per backend).
func fingerprint(_ location: Location) async throws -> Fingerprint {
    var result = Fingerprint()
    let database = try await GongkaiDatabase.open(location: location.location, files: location.files)
    let catalogs = try await database.sql.raw("SELECT id FROM catalogs ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
    let tables = try await database.dataRowCounts().keys.filter { $0 != "search_pending" }.sorted()
    for table in tables {
        let columns = try await database.columns(of: table)
        result.rows[table] = try await database.sql.raw("SELECT * FROM \(ident: table)").all().map { row in
            try columns.map { column in
                if try row.decodeNil(column: column.name) { return "∅" }
                return column.isInteger ? String(try row.decode(column: column.name, as: Int.self)) : try row.decode(column: column.name, as: String.self)
            }.joined(separator: "\u{1F}")
        }.sorted()
        result.counts[table] = result.rows[table]!.count
    }
    for relative in BackupArchive.attachmentFiles(in: database.filesDirectory) {
        result.files[relative] = try Data(contentsOf: database.filesDirectory.appendingPathComponent(relative))
    }
    await database.close()
    let scratch = try CommandRunner.temporaryDirectory()
    for id in catalogs {
        let file = scratch.appendingPathComponent("catalog-\(id).json")
        let exported = try await CommandRunner.run(["export", String(id), "--format", "json", "--out", file.path] + location.arguments)
        #expect(exported.exitCode == 0)
        result.exports.append(try String(contentsOf: file, encoding: .utf8))
    }
    let requests = try await CommandRunner.run(["requests", "--at", "2026-11-30", "--json"] + location.arguments)
    #expect(requests.exitCode == 0)
    result.exports.append(requests.stdout)
    return result
}
