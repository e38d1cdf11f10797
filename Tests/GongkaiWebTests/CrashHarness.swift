import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiStore
import GongkaiTestSupport
import Testing

/// A real `gongkai serve` process on a scratch database (SQLite or PostgreSQL), killed with SIGKILL in the middle of
/// work, and the database reopened afterwards. Each crash-safety test prepares its data, starts the server, runs
/// client streams that log what the server acknowledged, kills it, and checks that nothing acknowledged was lost and
/// nothing was left half-written.
struct CrashHarness: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let scratch: TestDatabase.Scratch
    let base: String
    private let pid: Int32

    /// What the clients were told succeeded, in order.
    actor Log<Entry: Sendable> {
        private(set) var entries: [Entry] = []
        private(set) var endedStreams = 0
        func add(_ entry: Entry) { entries.append(entry) }
        func streamEnded() { endedStreams += 1 }
        var count: Int { entries.count }
    }

    /// Builds the fixture on a fresh scratch database, lets `prepare` add data (returning what the test needs, such as
    /// ids and an API token), closes the database and starts the server on it.
    static func start<T: Sendable>(_ backend: StoreBackend, prepare: (WebFixture) async throws -> T) async throws -> (CrashHarness, T) {
        let binary = root.appendingPathComponent(".build/debug/gongkai")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the server first: scripts/test runs `swift build`")
        let scratch = try await TestDatabase.scratch(backend)
        let fixture = try await WebFixture.make(try await scratch.open())
        let prepared = try await prepare(fixture)
        await fixture.database.close()

        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = binary
        server.arguments = ["serve", "--db", scratch.location, "--files", scratch.files, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let harness = CrashHarness(scratch: scratch, base: "http://127.0.0.1:\(port)", pid: server.processIdentifier)
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? await harness.request("/healthz", method: "GET", token: nil, body: nil))?.0 == 200
        }
        if !ready { harness.kill() }
        try #require(ready, "server did not start")
        return (harness, prepared)
    }

    /// Runs `streams` client loops concurrently (`body(stream, log)`), SIGKILLs the server as soon as the log holds
    /// `killAfter` entries (or all streams have finished), waits for the streams to see the dead server, and returns the log.
    func run<Entry: Sendable>(streams: Int, killAfter: Int, _ body: @escaping @Sendable (Int, Log<Entry>) async -> Void) async throws -> [Entry] {
        let log = Log<Entry>()
        let tasks = (0..<streams).map { stream in Task { await body(stream, log); await log.streamEnded() } }
        while await log.count < killAfter, await log.endedStreams < streams {
            try await Task.sleep(for: .milliseconds(20))
        }
        kill()
        for task in tasks { await task.value }
        return await log.entries
    }

    /// SIGKILL (no chance to clean up) and wait for the process to be gone.
    func kill() {
        Glibc.kill(pid, SIGKILL)
        // Foundation's Process reaps the child; until then it is a zombie that holds no files or sockets.
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) != 0 { break }
            usleep(20_000)
        }
    }

    func reopen() async throws -> GongkaiDatabase { try await scratch.open() }

    func dispose() async { await scratch.dispose() }

    /// One JSON request; `(status, decoded object)`; throws when the connection fails (as it does once the server is dead).
    func request(_ path: String, method: String, token: String?, body: String?) async throws -> (Int, [String: Any]) {
        try await CrashSafetyTests.request(base + path, method: method, token: token, body: body)
    }
}
