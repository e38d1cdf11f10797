import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
import Testing

/// SIGKILL while staff record 依申请公开 steps (receipt, extension, answer with its letter number) on many requests
/// at once: afterwards every acknowledged step is stored, and every request is whole — its events replay, the cached
/// phase/receipt/due date (the clock) agree with the events, each event has its audit entry, and letter numbers are
/// unique and present exactly for answered requests.
@Suite struct RequestCrashTests {
    struct Acknowledged: Sendable { var requestID: Int; var kind: String }

    static let requests = 45

    @Test(arguments: StoreBackend.allCases)
    func sigkillDuringRequestStateChangesLeavesNoHalfState(backend: StoreBackend) async throws {
        let today = CivilDate(localDate: Date()).description
        let (server, (token, ids)) = try await CrashHarness.start(backend) { fixture in
            let repository = RequestRepository(fixture.database)
            var ids: [Int] = []
            for n in 0..<Self.requests {
                ids.append(try await repository.submit(RequestSubmission(
                    agencyID: fixture.yiyuan, applicant: ApplicantIdentity(kind: .naturalPerson, name: "申请人\(n)", documentType: .passport,
                                                                           documentNumber: "E\(10_000_000 + n)", contact: "1380000\(String(format: "%04d", n))"),
                    requestedInformation: "崩溃测试\(n)", formRequirement: "", delivery: ""), address: "192.0.2.\(n % 200)").id)
            }
            return (try await fixture.accounts.createAPIToken(userID: fixture.users["agencyadmin"]!.id, name: "crash-test"), ids)
        }
        let steps = [
            ("received", #"{"type":"received","date":"\#(today)","channel":"online"}"#),
            ("extended", #"{"type":"extended","date":"\#(today)","workdays":20,"approver":"李主任"}"#),
            ("answered", #"{"type":"answered","date":"\#(today)","outcome":"disclosed"}"#),
        ]
        let acknowledged: [Acknowledged] = try await server.run(streams: 3, killAfter: 40) { stream, log in
            for id in ids where id % 3 == stream {
                for (kind, body) in steps {
                    guard let (status, _) = try? await server.request("/api/v1/requests/\(id)/events", method: "POST", token: token, body: body),
                          status == 200 else { return }
                    await log.add(Acknowledged(requestID: id, kind: kind))
                }
            }
        }
        #expect(acknowledged.count >= 40)
        // The kill came in the middle: not every step of every request was done.
        #expect(acknowledged.count < Self.requests * steps.count)

        let database = try await server.reopen()
        let calendar = WorkingCalendar(try HolidayData.bundledYears())
        let repository = RequestRepository(database)
        let stored = try await repository.all(agencyID: nil)
        #expect(stored.count == Self.requests)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) })
        for ack in acknowledged {
            let events = byID[ack.requestID]?.request.events.map(\.kind.rawValue) ?? []
            #expect(events.contains(ack.kind), "acknowledged \(ack.kind) of request \(ack.requestID) lost")
        }
        let audit = try await AuditLog(database).entries(limit: nil, filter: .init(objectType: "request"))
        var letters: [String] = []
        for request in stored {
            // The events replay under the workflow's strict rules, in the order they were accepted.
            #expect(throws: Never.self, "request \(request.id)") { _ = try request.request.state(calendar: calendar) }
            let kinds = request.request.events.map(\.kind.rawValue)
            #expect(kinds == Array(steps.map(\.0).prefix(kinds.count)), "request \(request.id): \(kinds)")
            for (kind, _) in steps {
                let logged = audit.filter { $0.objectID == String(request.id) && $0.action == "request.\(kind)" }.count
                #expect(logged == kinds.filter { $0 == kind }.count, "request \(request.id): \(kind) events vs audit entries")
            }
            #expect((request.letterNumber != nil) == kinds.contains("answered"), "request \(request.id): letter number")
            if let number = request.letterNumber { letters.append(number) }
        }
        #expect(Set(letters).count == letters.count)
        // The cached phase, receipt date and due date are what the events give: recomputing them changes nothing.
        #expect(try await repository.refreshCache(calendar: calendar) == 0)
        if case .broken(let id, let reason) = try await AuditLog(database).verify() { Issue.record("audit chain broken at \(id): \(reason)") }
        await database.close()
        await server.dispose()
    }
}
