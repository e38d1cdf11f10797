import Foundation
import Testing

/// `gongkai serve --demo` (the real binary, built by scripts/test) on a random loopback port with a fresh SQLite file,
/// for the browser tests. Stopped with SIGTERM and its folder removed by `stop()`.
struct DemoServer {
    let base: String
    let databasePath: String
    /// axe-core, fetched by scripts/test, for the accessibility checks.
    let axe: URL
    private let process: Process
    private let directory: URL

    static func start(_ name: String) async throws -> DemoServer {
        let root = CrashSafetyTests.root
        let binary = root.appendingPathComponent(".build/debug/gongkai")
        let axe = root.appendingPathComponent(".build/test-tools/axe.min.js")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "run scripts/test, which builds the server")
        try #require(FileManager.default.fileExists(atPath: axe.path), "run scripts/test, which fetches axe-core")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("demo.sqlite").path
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--demo", "--db", path, "--port", String(port)]
        // A template key without a value answers 500 instead of rendering empty (PageCrawlTests looks for 5xx).
        process.environment = ProcessInfo.processInfo.environment.merging(["GONGKAI_STRICT_TEMPLATES": "1"]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = DemoServer(base: "http://127.0.0.1:\(port)", databasePath: path, axe: axe, process: process, directory: directory)
        var ready = false
        // serve --demo first writes a simulated year of records: about half a minute in a debug build alone, several
        // minutes when other demo servers and browser tests share the two cores of a CI machine.
        for _ in 0..<6_000 where !ready && process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? await CrashSafetyTests.request(server.base + "/healthz", method: "GET", token: nil, body: nil))?.0 == 200
        }
        guard ready else {
            server.stop()
            throw DemoServerError.notStarted
        }
        return server
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        try? FileManager.default.removeItem(at: directory)
    }

    enum DemoServerError: Error { case notStarted }
}
