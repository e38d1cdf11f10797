import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A format the importer cannot read itself: LibreOffice (headless) converts it to .docx or .xlsx first.
struct LegacyFormat: Equatable, Sendable {
    enum Family: Sendable { case document, spreadsheet }
    var family: Family
    /// Shown to staff: "Word 97-2003 (.doc)", "WPS 表格 (.et)".
    var name: String
    /// The extension the input is given so that LibreOffice picks the right filter.
    var inputExtension: String

    var package: String { family == .document ? "libreoffice-writer-nogui" : "libreoffice-calc-nogui" }
}

/// Converts old binary office files (.doc, .wps, .xls, .et — OLE compound files), RTF, Office 2003 XML and
/// OpenDocument with `soffice --headless --convert-to`, then reads the result with the .docx/.xlsx readers.
/// Each conversion gets its own LibreOffice profile and temporary directory, a time limit, and cleanup.
enum LegacyOfficeConverter {
    static let timeLimit: TimeInterval = 120

    /// Which office program an OLE compound file (magic D0 CF 11 E0) comes from, by the stream names in its
    /// directory (UTF-16LE): "WordDocument" for Word and WPS 文字, "Workbook"/"Book" for Excel and WPS 表格.
    static func oleFormat(_ data: Data, fileName: String) -> LegacyFormat? {
        func has(_ stream: String) -> Bool {
            var pattern = Data()
            for unit in stream.utf16 { pattern.append(UInt8(unit & 0xFF)); pattern.append(UInt8(unit >> 8)) }
            pattern.append(contentsOf: [0, 0])
            return data.range(of: pattern) != nil
        }
        let ext = (fileName as NSString).pathExtension.lowercased()
        if has("WordDocument") || (["doc", "dot", "wps", "wpt"].contains(ext) && !has("Workbook") && !has("Book")) {
            return ext == "wps" || ext == "wpt" ? LegacyFormat(family: .document, name: "WPS 文字 (.\(ext))", inputExtension: "doc")
                                                : LegacyFormat(family: .document, name: "Word 97-2003 (.doc)", inputExtension: "doc")
        }
        if has("Workbook") || has("Book") || ["xls", "xlt", "et", "ett"].contains(ext) {
            return ext == "et" || ext == "ett" ? LegacyFormat(family: .spreadsheet, name: "WPS 表格 (.\(ext))", inputExtension: "xls")
                                               : LegacyFormat(family: .spreadsheet, name: "Excel 97-2003 (.xls)", inputExtension: "xls")
        }
        return nil
    }

    /// LibreOffice: `GONGKAI_SOFFICE` when set, else the usual install locations and PATH.
    static func locateSoffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let manager = FileManager.default
        if let configured = environment["GONGKAI_SOFFICE"], !configured.isEmpty {
            return manager.isExecutableFile(atPath: configured) ? URL(fileURLWithPath: configured) : nil
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").flatMap { ["\($0)/soffice", "\($0)/libreoffice"] }
        let candidates = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice",
                          "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"] + path
        return candidates.first { manager.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Converts and reads; the format shown to staff says how the file was read ("Word 97-2003 (.doc)，经 LibreOffice 转换").
    static func read(_ data: Data, format: LegacyFormat, fileName: String,
                     soffice: URL? = locateSoffice()) throws -> (SourceDocument, String, String?) {
        guard let soffice else {
            throw ImportError.needsLibreOffice(fileName, format: format.name, package: format.package)
        }
        let converted = try convert(data, format: format, fileName: fileName, soffice: soffice)
        let (document, _, _) = try OfficeReader.read(converted, fileName: format.family == .document ? "converted.docx" : "converted.xlsx",
                                                     allowConversion: false)
        return (document, "\(format.name)，经 LibreOffice 转换", nil)
    }

    static func convert(_ data: Data, format: LegacyFormat, fileName: String, soffice: URL,
                        timeLimit: TimeInterval = LegacyOfficeConverter.timeLimit) throws -> Data {
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("gongkai-lo-\(UUID().uuidString)")
        let output = work.appendingPathComponent("out")
        let input = work.appendingPathComponent("source.\(format.inputExtension)")
        let log = work.appendingPathComponent("soffice.log")
        func fail(_ reason: String) -> ImportError { .conversionFailed(fileName, format: format.name, reason: reason) }
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            try data.write(to: input)
            _ = manager.createFile(atPath: log.path, contents: nil)
        } catch {
            throw fail("无法写入临时目录 \(manager.temporaryDirectory.path)")
        }
        defer { try? manager.removeItem(at: work) }

        let target = format.family == .document ? "docx:MS Word 2007 XML" : "xlsx:Calc MS Excel 2007 XML"
        let process = Process()
        process.executableURL = soffice
        process.arguments = ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                             "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", target, "--outdir", output.path, input.path]
        process.currentDirectoryURL = work
        process.standardInput = FileHandle.nullDevice
        let logHandle = try? FileHandle(forWritingTo: log)
        defer { try? logHandle?.close() }
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw fail("无法启动 \(soffice.path)")
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            // Process starts the child in its own process group: end LibreOffice's helper processes too.
            kill(-process.processIdentifier, SIGKILL)
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw fail("转换超过\(Int(timeLimit))秒仍未完成")
        }
        let result = output.appendingPathComponent("source." + (format.family == .document ? "docx" : "xlsx"))
        guard process.terminationStatus == 0, let converted = try? Data(contentsOf: result), !converted.isEmpty else {
            let error = (try? String(contentsOf: log, encoding: .utf8))?
                .split(separator: "\n").first { $0.localizedCaseInsensitiveContains("error") }.map { $0.trimmed } ?? ""
            let detail = error.isEmpty || error.includes("could not be loaded") ? "" : "（\(error)）"
            throw fail("LibreOffice 打不开该文件\(detail)")
        }
        return converted
    }
}
