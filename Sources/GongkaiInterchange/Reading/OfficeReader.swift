import Foundation
import ZIPFoundation
import GongkaiCore

/// Opens .xlsx and .docx packages and hands their XML to the matching reader. WPS saves .wps/.et in
/// the same packages; OpenDocument (.odt/.ods) goes through LibreOffice.
enum OfficeReader {
    static func read(_ data: Data, fileName: String, allowConversion: Bool = true) throws -> (SourceDocument, String, String?) {
        let lower = fileName.lowercased()
        let guess = lower.hasSuffix(".docx") ? "Word (.docx)" : "Excel (.xlsx)"
        let archive: Archive
        do { archive = try PackageArchive.open(data) } catch {
            throw ImportError.damagedOffice(fileName, format: guess)
        }
        func entry(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            do { return try PackageArchive.extract(entry, from: archive, packageSize: data.count) } catch {
                throw ImportError.damagedOffice(fileName, format: guess)
            }
        }
        if let document = try entry("word/document.xml") {
            return (try DOCXReader.read(document), "Word (.docx)", nil)
        }
        if archive["xl/workbook.xml"] != nil {
            return (try XLSXReader.read(entry: entry), "Excel (.xlsx)", nil)
        }
        if allowConversion, let mimetype = try entry("mimetype").map({ String(decoding: $0, as: UTF8.self) }),
           mimetype.hasPrefix("application/vnd.oasis.opendocument.") {
            let format = mimetype.includes("spreadsheet")
                ? LegacyFormat(family: .spreadsheet, name: "OpenDocument 表格 (.ods)", inputExtension: "ods")
                : LegacyFormat(family: .document, name: "OpenDocument 文本 (.odt)", inputExtension: "odt")
            return try LegacyOfficeConverter.read(data, format: format, fileName: fileName)
        }
        throw ImportError.damagedOffice(fileName, format: guess)
    }
}
