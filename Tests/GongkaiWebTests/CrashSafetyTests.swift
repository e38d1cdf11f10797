import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Testing

/// Kills a real `gongkai serve` process (SIGKILL) in the middle of a stream of publishes through the API,
/// then checks the database: every acknowledged publish is there, complete, and the audit chain is intact.
/// The harness (CrashHarness) is shared with the other SIGKILL tests.
@Suite struct CrashSafetyTests {
    static let root = CrashHarness.root

    struct Acknowledged: Sendable { var id: Int; var indexNumber: String }

    @Test(arguments: StoreBackend.allCases)
    func sigkillDuringPublishingLosesNoAcknowledgedPublish(backend: StoreBackend) async throws {
        let (server, (token, item)) = try await CrashHarness.start(backend) { fixture in
            (try await fixture.accounts.createAPIToken(userID: fixture.users["agencyadmin"]!.id, name: "crash-test"), try await fixture.item("执法结果"))
        }
        let acknowledged: [Acknowledged] = try await server.run(streams: 3, killAfter: 15) { stream, log in
            for n in 0..<200 {
                let body = #"{"content":{"title":"崩溃测试\#(stream)-\#(n)","documentNumber":"","issuer":"","reportingPeriod":"","topic":"","body":"正文"}}"#
                guard let (status, created) = try? await server.request("/api/v1/items/\(item)/records", method: "POST", token: token, body: body),
                      status == 201, let id = created["id"] as? Int else { return }
                guard (try? await server.request("/api/v1/records/\(id)/submit", method: "POST", token: token, body: "{}"))?.0 == 200,
                      let (approved, record) = try? await server.request("/api/v1/records/\(id)/approve", method: "POST", token: token, body: "{}"),
                      approved == 200, let number = record["indexNumber"] as? String else { return }
                await log.add(Acknowledged(id: id, indexNumber: number))
            }
        }
        #expect(acknowledged.count >= 15)

        let database = try await server.reopen()
        let records = RecordRepository(database)
        for ack in acknowledged {
            let record = try #require(try await records.record(id: ack.id), "acknowledged record \(ack.id) lost")
            #expect(record.status == .published && record.indexNumber == ack.indexNumber)
            #expect(try await records.publicVersion(id: ack.id) != nil)
        }
        // No half-written record: every record has its item link and its version row.
        let orphans = try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_items i WHERE i.record_id = r.id)
               OR NOT EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.version)
            """).first()!.decode(column: "n", as: Int.self)
        #expect(orphans == 0)
        let published = try await database.sql.raw("SELECT COUNT(*) AS n FROM records WHERE index_number IS NOT NULL").first()!.decode(column: "n", as: Int.self)
        let distinct = try await database.sql.raw("SELECT COUNT(DISTINCT index_number) AS n FROM records WHERE index_number IS NOT NULL").first()!.decode(column: "n", as: Int.self)
        #expect(published == distinct && published >= acknowledged.count)
        if case .broken(let id, let reason) = try await AuditLog(database).verify() { Issue.record("audit chain broken at \(id): \(reason)") }
        await database.close()
        await server.dispose()
    }

    /// One JSON request to a running server (used by the browser and demo-server tests too).
    static func request(_ url: String, method: String, token: String?, body: String?) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 5
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }
}
