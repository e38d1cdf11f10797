import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Testing

extension CLITests {
    /// `gongkai import --revise AGENCY FILE` makes a draft of the next version; `catalog approve` adopts it. A kill -9
    /// in the middle of the approval leaves the old version in force with its records where they were.
    @Suite struct CatalogRevisionCommandTests {
        static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/gongkai")

        /// Seed 000 with two items renamed, as a bureau's revised file would be.
        static func revisedFile() throws -> String {
            let text = try String(contentsOfFile: CommandRunner.seed("000"), encoding: .utf8)
                .replacingOccurrences(of: "部门职能配置及内设机构", with: "部门职能配置及内设机构情况")
                .replacingOccurrences(of: "执法统计年报", with: "执法统计年度报告")
            let file = try CommandRunner.temporaryDirectory().appendingPathComponent("沂源目录（修订）.txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }

        @Test(arguments: StoreBackend.allCases)
        func aKilledApprovalLeavesTheOldVersionInForce(backend: StoreBackend) async throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: scripts/test runs `swift build`")
            let scratch = try await TestDatabase.scratch(backend)
            do {
                try await Self.killAndApprove(scratch)
                await scratch.dispose()
            } catch {
                await scratch.dispose()
                throw error
            }
        }

        static func killAndApprove(_ scratch: TestDatabase.Scratch) async throws {
            let database = ["--db", scratch.location, "--files", scratch.files]
            #expect(try await CommandRunner.run(["import", CommandRunner.seed("000")] + database).exitCode == 0)
            let recordID = try await publishUnderRenamedItem(scratch)

            let revised = try await CommandRunner.run(["import", "--revise", "淄博市医疗保障局沂源分局", try revisedFile(), "--json"] + database)
            let report = try #require((try JSONSerialization.jsonObject(with: Data(revised.stdout.utf8)) as? [[String: Any]])?.first)
            #expect(report["outcome"] as? String == "revisionDraft" && report["catalogId"] as? Int == 2 && report["revisesCatalogId"] as? Int == 1)
            #expect((report["changes"] as? [String: Int])?["renamed"] == 2 && (report["changes"] as? [String: Int])?["unchanged"] == 46)

            let process = Process()
            process.executableURL = binary
            process.arguments = ["catalog", "approve", "2", "--effective", "2026-12-01"] + database
            process.environment = ProcessInfo.processInfo.environment.merging(["GONGKAI_CRASH_AT": "catalog.approve"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

            let before = try await state(scratch, recordID: recordID)
            #expect(before.inForce == 1 && before.draftStatus == .draft && before.recordCatalog == 1 && before.moves == 0 && before.auditIntact)

            let approved = try await CommandRunner.run(["catalog", "approve", "2", "--effective", "2026-12-01", "--json"] + database)
            #expect(approved.exitCode == 0)
            let after = try await state(scratch, recordID: recordID)
            #expect(after.inForce == 2 && after.draftStatus == .adopted && after.recordCatalog == 2 && after.moves == 1 && after.auditIntact)
            let versions = try await CommandRunner.run(["catalog", "versions", "淄博市医疗保障局沂源分局"] + database)
            #expect(versions.stdout.contains("第1版  #1") && versions.stdout.contains("至 2026-11-30"))
            #expect(versions.stdout.contains("第2版  #2") && versions.stdout.contains("自 2026-12-01（现行）"))
        }

        /// A record published under the item the revision renames; returns its id.
        static func publishUnderRenamedItem(_ scratch: TestDatabase.Scratch) async throws -> Int {
            let database = try await scratch.open()
            do {
                let agency = try #require(try await AgencyDirectory(database).agencies().first)
                try await AgencyDirectory(database).setOrganisationCode(agencyID: agency.id, code: "11370323MB0000000X", actor: "test")
                let admin = try await AccountRepository(database, bcryptCost: 4).create(
                    username: "yiyuan", displayName: "沂源管理员", password: "correct horse battery", role: .agencyAdmin, agencyID: agency.id, actor: "test")
                let item = try await database.sql.raw("SELECT id FROM catalog_nodes WHERE name = '部门职能配置及内设机构'").first()!
                    .decode(column: "id", as: Int.self)
                let records = RecordRepository(database)
                let draft = try await records.createDraft(by: admin, itemNodeIDs: [item], content: RecordContent(title: "本局职能配置及内设机构"))
                _ = try await records.submit(by: admin, id: draft.id)
                _ = try await records.approve(by: admin, id: draft.id)
                await database.close()
                return draft.id
            } catch {
                await database.close()
                throw error
            }
        }

        struct State {
            var inForce: Int?
            var draftStatus: CatalogStatus?
            var recordCatalog: Int?
            var moves: Int
            var auditIntact: Bool
        }

        static func state(_ scratch: TestDatabase.Scratch, recordID: Int) async throws -> State {
            let database = try await scratch.open()
            do {
                let state = try await state(database, recordID: recordID)
                await database.close()
                return state
            } catch {
                await database.close()
                throw error
            }
        }

        static func state(_ database: GongkaiDatabase, recordID: Int) async throws -> State {
            let catalogs = CatalogRepository(database)
            let record = try #require(try await RecordRepository(database).record(id: recordID))
            let audit = AuditLog(database)
            return State(inForce: try await catalogs.current(agencyID: 1)?.id,
                         draftStatus: try await catalogs.list().first { $0.id == 2 }?.status,
                         recordCatalog: try await RecordRepository(database).itemContext(nodeID: record.itemNodeIDs[0])?.catalogID,
                         moves: try await database.rowCount("record_item_moves"),
                         auditIntact: try await audit.verify() == .intact(entries: try await audit.entries(limit: nil).count))
        }
    }
}
