import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts a .docx to PDF with LibreOffice headless (`soffice --convert-to pdf`), finding LibreOffice as the
/// importer does (`LegacyOfficeConverter.locateSoffice`). Each conversion gets its own profile and
/// temporary directory, a time limit, cleanup, and Chinese font substitutes (`LibreOfficeFonts`) unless
/// FONTCONFIG_FILE is set already. The process handling follows
/// `LegacyOfficeConverter.convert`, whose output format is fixed to .docx/.xlsx.
public enum PDFConverter {
    /// The Debian package that provides LibreOffice Writer without a desktop.
    public static let package = "libreoffice-writer-nogui"

    /// The PDF of a .docx; throws `DocumentExportError.needsLibreOffice` when LibreOffice is not installed.
    public static func pdf(fromDocx docx: Data) throws -> Data {
        try convert(docx, soffice: LegacyOfficeConverter.locateSoffice())
    }

    static func convert(_ docx: Data, soffice: URL?, timeLimit: TimeInterval = LegacyOfficeConverter.timeLimit) throws -> Data {
        guard let soffice else { throw DocumentExportError.needsLibreOffice(package: package) }
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("gongkai-lo-\(UUID().uuidString)")
        let output = work.appendingPathComponent("out")
        let input = work.appendingPathComponent("document.docx")
        let log = work.appendingPathComponent("soffice.log")
        let fonts = work.appendingPathComponent("fonts.conf")
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            try docx.write(to: input)
            try LibreOfficeFonts.configuration().write(to: fonts, atomically: true, encoding: .utf8)
            _ = manager.createFile(atPath: log.path, contents: nil)
        } catch {
            throw DocumentExportError.conversionFailed(reason: "无法写入临时目录 \(manager.temporaryDirectory.path)")
        }
        defer { try? manager.removeItem(at: work) }

        let process = Process()
        process.executableURL = soffice
        process.arguments = ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                             "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", "pdf:writer_pdf_Export", "--outdir", output.path, input.path]
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        if environment["FONTCONFIG_FILE"] == nil { environment["FONTCONFIG_FILE"] = fonts.path }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let logHandle = try? FileHandle(forWritingTo: log)
        defer { try? logHandle?.close() }
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw DocumentExportError.conversionFailed(reason: "无法启动 \(soffice.path)")
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            // Process starts the child in its own process group: end LibreOffice's helper processes too.
            kill(-process.processIdentifier, SIGKILL)
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw DocumentExportError.conversionFailed(reason: "转换超过\(Int(timeLimit))秒仍未完成")
        }
        guard process.terminationStatus == 0,
              let pdf = try? Data(contentsOf: output.appendingPathComponent("document.pdf")), pdf.starts(with: Data("%PDF".utf8)) else {
            let error = (try? String(contentsOf: log, encoding: .utf8))?
                .split(separator: "\n").first { $0.localizedCaseInsensitiveContains("error") }.map { $0.trimmed } ?? ""
            throw DocumentExportError.conversionFailed(reason: "LibreOffice 没有生成 PDF" + (error.isEmpty ? "" : "（\(error)）"))
        }
        return pdf
    }
}
