import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Runs Tests/Browser/requests.py in headless Chromium against `gongkai serve --demo` (the real binary): a person files,
/// staff ask for 补正, the person corrects, staff answer, the person downloads the letter; then checks the database.
@Suite struct RequestBrowserTests {
    static let root = CrashSafetyTests.root

    @Test func fileCorrectAnswerDownloadInChromiumWithAxe() async throws {
        let server = try await DemoServer.start("requests")
        defer { server.stop() }
        let base = server.base, axe = server.axe, path = server.databasePath

        let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [
            Self.root.appendingPathComponent("Tests/Browser/requests.py").path, base, "gongkai-demo-2026", axe.path,
        ])
        print(output)
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("{") })
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(seen["docx"] as? String == "PK")
        #expect(seen["pdf"] as? String == "%PDF")

        // What the browser did is in the database: the event log and the audit trail.
        let code = try #require(seen["code"] as? String)
        let database = try await GongkaiDatabase.open(path: path)
        let stored = try await RequestRepository(database).all(agencyID: nil).first { $0.code == code }
        let actions = try await AuditLog(database).entries(limit: nil, filter: .init(objectType: "request", objectID: stored.map { String($0.id) }))
            .map(\.action)
        await database.close()
        #expect(stored?.request.events.map(\.kind) == [.received, .clarificationRequested, .clarificationReceived, .answered])
        #expect(stored?.letterNumber?.contains("依申复〔") == true)
        #expect(actions.contains("request.viewed"))
    }
}
