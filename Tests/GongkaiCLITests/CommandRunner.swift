import ArgumentParser
import Foundation
import GongkaiCLI
import Testing

/// Every suite that runs commands nests in here: stdout is process-wide, so they must not overlap.
@Suite(.serialized) enum CLITests {}

/// Runs `gongkai` commands in-process, capturing what they print to stdout.
enum CommandRunner {
    struct Outcome {
        var stdout: String
        var exitCode: Int32
    }

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GongkaiCLI/Demo")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func seed(_ prefix: String) -> String {
        let name = try! FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) }!
        return seeds.appendingPathComponent(name).path
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func run(_ arguments: [String]) async throws -> Outcome {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: capture.path, contents: nil)
        let handle = try FileHandle(forWritingTo: capture)
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        dup2(handle.fileDescriptor, STDOUT_FILENO)
        var code: Int32 = 0
        do {
            var command = try GongkaiCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            code = GongkaiCommand.exitCode(for: error).rawValue
        }
        fflush(nil)
        dup2(saved, STDOUT_FILENO)
        close(saved)
        try handle.close()
        let output = try String(contentsOf: capture, encoding: .utf8)
        try? FileManager.default.removeItem(at: capture)
        return Outcome(stdout: output, exitCode: code)
    }
}
