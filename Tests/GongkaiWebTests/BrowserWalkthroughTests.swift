import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Runs Tests/Browser/walkthrough.py in headless Chromium against a live server on a loopback port.
/// Needs Debian's chromium, chromium-driver and python3-selenium: scripts/test installs them.
@Suite struct BrowserWalkthroughTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/walkthrough.py")

    @Test func publishingWalkthroughInChromium() async throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            #expect(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run scripts/test, which installs it")
        }
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let (status, output) = try await Self.run("/usr/bin/python3", [Self.script.path, "http://127.0.0.1:\(port)", "sysadmin", WebFixture.password])
                print(output)
                #expect(status == 0, "\(output)")
                #expect(output.contains("browser: 7 passed, 0 failed"))
            }
        }
    }

    /// Runs a program without blocking a Swift concurrency thread (the server under test needs them).
    static func run(_ executable: String, _ arguments: [String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }
}
