import Foundation
import GongkaiCore

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
/// The conversion is a `LibreOfficeRun`.
enum LegacyOfficeConverter {
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

    static func locateSoffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        LibreOfficeRun.locate(environment: environment)
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
                        timeLimit: TimeInterval = LibreOfficeRun.timeLimit) throws -> Data {
        let target = format.family == .document ? "docx:MS Word 2007 XML" : "xlsx:Calc MS Excel 2007 XML"
        do {
            return try LibreOfficeRun(soffice: soffice, timeLimit: timeLimit)
                .convert(data, inputName: "source.\(format.inputExtension)", target: target,
                         outputName: "source." + (format.family == .document ? "docx" : "xlsx"))
        } catch let failure as LibreOfficeRun.Failure {
            let reason = switch failure {
            case .cannotWrite(let directory): "无法写入临时目录 \(directory)"
            case .cannotStart(let program): "无法启动 \(program)"
            case .timedOut(let seconds): "转换超过\(seconds)秒仍未完成"
            case .noOutput(let error): "LibreOffice 打不开该文件" + (error.isEmpty || error.includes("could not be loaded") ? "" : "（\(error)）")
            }
            throw ImportError.conversionFailed(fileName, format: format.name, reason: reason)
        }
    }
}
