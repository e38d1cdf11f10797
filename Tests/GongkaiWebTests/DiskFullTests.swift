import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// A real full disk under the attachment folder: a 1 MB tmpfs mounted there (as root, else through `sudo -n`, as
/// scripts/test installs packages). The upload that does not fit is refused with a clear Chinese message and a 507,
/// leaves no file or row behind, and the record and its earlier attachment stay intact; after space is freed the same
/// upload works.
@Suite(.serialized) struct DiskFullTests {
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = (getuid() == 0 ? [] : ["sudo", "-n"]) + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func files(under folder: URL) -> [String] {
        (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])?.compactMap { $0 as? URL } ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }.map(\.lastPathComponent).sorted()
    }

    @Test func aFullAttachmentDiskGivesAClearErrorAndNoCorruptedRecord() async throws {
        let scratch = try await TestDatabase.scratch(.sqlite)
        let folder = URL(fileURLWithPath: scratch.files)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(try Self.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0777", "tmpfs", folder.path]) == 0,
                     "mounting a 1 MB tmpfs needs root or password-less sudo")
        defer { _ = try? Self.run(["umount", folder.path]) }
        let database = try await scratch.open()
        do {
            let fixture = try await WebFixture.make(database)
            let admin = fixture.users["agencyadmin"]!
            let records = RecordRepository(fixture.database)
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")], content: RecordContent(title: "磁盘已满"))
            let session = try await fixture.session("agencyadmin")
            // Leave about 200 KB free.
            let filler = folder.appendingPathComponent("filler")
            try Data(count: 800 * 1024).write(to: filler)
            try await Application(router: fixture.router).test(.router) { client in
                func upload(_ name: String, _ data: Data) async throws -> TestResponse {
                    let (type, body) = RecordFeatureTests.multipart(["_csrf": session.csrf], file: (name, data))
                    return try await client.execute(uri: "/admin/records/\(draft.id)/attachments", method: .post,
                                                    headers: [.contentType: type, .cookie: session.cookie], body: body)
                }
                let small = FileSecurityTests.png(size: 64 * 1024)
                #expect(try await upload("小图.png", small).status == .seeOther)
                let large = FileSecurityTests.png(size: 400 * 1024)
                let refused = try await upload("大图.png", large)
                #expect(refused.status.code == 507)
                #expect(refused.text.contains("服务器的附件存储空间已满，附件没有保存"))
                // Nothing half-written: only the filler and the first file are on the disk, only the first in the database.
                let stored = try await AttachmentStore(fixture.database).attachments(recordID: draft.id)
                #expect(stored.map(\.name) == ["小图.png"])
                #expect(Self.files(under: folder) == [stored[0].sha256, "filler"].sorted())
                #expect(try await fixture.database.sql.raw("SELECT COUNT(*) AS n FROM attachments").first()!.decode(column: "n", as: Int.self) == 1)
                let page = try await client.get("/admin/records/\(draft.id)", cookie: session.cookie)
                #expect(page.status == .ok && page.text.contains("磁盘已满"))
                let download = try await client.get("/admin/records/\(draft.id)/files/\(stored[0].sha256)", cookie: session.cookie)
                #expect(download.status == .ok && Data(buffer: download.body) == small)
                // The public request form's files go to the same folder: the applicant is told, no request is created.
                await #expect(throws: RequestFailure.invalid(["服务器的附件存储空间已满，附件没有保存（已填写的信息未受影响）。请联系系统管理员清理或扩容附件目录后重新上传。"])) {
                    try await RequestRepository(fixture.database).submit(RequestSubmission(
                        agencyID: fixture.yiyuan, applicant: ApplicantIdentity(kind: .naturalPerson, name: "满", documentType: .passport,
                                                                               documentNumber: "E12345678", contact: "13800000000"),
                        requestedInformation: "满", formRequirement: "", delivery: "", attachments: [RequestFile(name: "证明.png", data: large)]),
                        address: "192.0.2.1")
                }
                #expect(try await RequestRepository(fixture.database).all(agencyID: nil).isEmpty)
                // Space freed: the same upload now succeeds and the file is whole.
                try FileManager.default.removeItem(at: filler)
                #expect(try await upload("大图.png", large).status == .seeOther)
                let after = try await AttachmentStore(fixture.database).attachments(recordID: draft.id)
                #expect(after.map(\.name) == ["小图.png", "大图.png"])
                #expect(try Data(contentsOf: AttachmentStore(fixture.database).fileURL(after[1].sha256)) == large)
            }
        } catch {
            Issue.record(error)
        }
        await database.close()
        _ = try? Self.run(["umount", folder.path])
        await scratch.dispose()
    }
}
