import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `soffice --headless --convert-to` run, for the importer (old office formats to .docx/.xlsx) and the
/// report writer (.docx to PDF): its own profile and temporary directory, a time limit that also ends
/// LibreOffice's helper processes, its log kept for the error, and cleanup.
struct LibreOfficeRun {
    static let timeLimit: TimeInterval = 120

    enum Failure: Error, Equatable {
        case cannotWrite(directory: String)
        case cannotStart(program: String)
        case timedOut(seconds: Int)
        /// LibreOffice ended without the output; `logError` is the first line of its log that mentions an error.
        case noOutput(logError: String)
    }

    let soffice: URL
    var timeLimit: TimeInterval = Self.timeLimit

    /// Converts `input` (written as `inputName`, whose extension picks LibreOffice's filter) with `--convert-to
    /// target`, and returns the file named `outputName` that it wrote. `withChineseFonts` points fontconfig at
    /// substitutes for the fonts Chinese documents name, unless FONTCONFIG_FILE is set already.
    func convert(_ input: Data, inputName: String, target: String, outputName: String, withChineseFonts: Bool = false) throws -> Data {
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("gongkai-lo-\(UUID().uuidString)")
        let output = work.appendingPathComponent("out")
        let source = work.appendingPathComponent(inputName)
        let log = work.appendingPathComponent("soffice.log")
        let fonts = work.appendingPathComponent("fonts.conf")
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            try input.write(to: source)
            if withChineseFonts { try LibreOfficeFonts.configuration().write(to: fonts, atomically: true, encoding: .utf8) }
            _ = manager.createFile(atPath: log.path, contents: nil)
        } catch {
            throw Failure.cannotWrite(directory: manager.temporaryDirectory.path)
        }
        defer { try? manager.removeItem(at: work) }

        let process = Process()
        process.executableURL = soffice
        process.arguments = ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                             "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", target, "--outdir", output.path, source.path]
        process.currentDirectoryURL = work
        if withChineseFonts {
            var environment = ProcessInfo.processInfo.environment
            if environment["FONTCONFIG_FILE"] == nil { environment["FONTCONFIG_FILE"] = fonts.path }
            process.environment = environment
        }
        process.standardInput = FileHandle.nullDevice
        let logHandle = try? FileHandle(forWritingTo: log)
        defer { try? logHandle?.close() }
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw Failure.cannotStart(program: soffice.path)
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            // Process starts the child in its own process group: end LibreOffice's helper processes too.
            kill(-process.processIdentifier, SIGKILL)
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw Failure.timedOut(seconds: Int(timeLimit))
        }
        guard process.terminationStatus == 0, let converted = try? Data(contentsOf: output.appendingPathComponent(outputName)),
              !converted.isEmpty else {
            let error = (try? String(contentsOf: log, encoding: .utf8))?
                .split(separator: "\n").first { $0.localizedCaseInsensitiveContains("error") }.map { $0.trimmed } ?? ""
            throw Failure.noOutput(logError: error)
        }
        return converted
    }

    /// LibreOffice: `GONGKAI_SOFFICE` when set, else the usual install locations and PATH.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let manager = FileManager.default
        if let configured = environment["GONGKAI_SOFFICE"], !configured.isEmpty {
            return manager.isExecutableFile(atPath: configured) ? URL(fileURLWithPath: configured) : nil
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").flatMap { ["\($0)/soffice", "\($0)/libreoffice"] }
        let candidates = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice",
                          "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"] + path
        return candidates.first { manager.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }
}
