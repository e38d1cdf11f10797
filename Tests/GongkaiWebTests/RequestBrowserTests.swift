import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Runs Tests/Browser/requests.py in headless Chromium against `gongkai serve --demo` (the real binary): a person files,
/// staff ask for 补正, the person corrects, staff answer, the person downloads the letter; then checks the database.
@Suite struct RequestBrowserTests {
    static let root = CrashSafetyTests.root

    @Test func fileCorrectAnswerDownloadInChromiumWithAxe() async throws {
        let binary = Self.root.appendingPathComponent(".build/debug/gongkai")
        let axe = Self.root.appendingPathComponent(".build/test-tools/axe.min.js")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "run scripts/test, which builds the server")
        try #require(FileManager.default.fileExists(atPath: axe.path), "run scripts/test, which fetches axe-core")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-requests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo.sqlite").path
        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = binary
        server.arguments = ["serve", "--demo", "--db", path, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGTERM) } }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        // serve --demo first writes a simulated year of records (about half a minute in a debug build).
        for _ in 0..<1_800 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? await CrashSafetyTests.request(base + "/healthz", method: "GET", token: nil, body: nil))?.0 == 200
        }
        try #require(ready, "server did not start")

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
