import Foundation

/// Tells formats apart by content; the file name only settles what the bytes leave open (an OLE file whose
/// streams name neither Word nor Excel, a CSV without commas). Saved pages named .doc or .xls, which many
/// web systems export, are read as the web pages they are.
enum FormatSniffer {
    enum Binary: Equatable {
        /// ZIP: .docx/.xlsx, WPS's .wps/.et in the new format, OpenDocument.
        case package
        /// Converted by LibreOffice: .doc/.wps/.xls/.et (OLE), RTF, Word/Excel 2003 XML.
        case converted(LegacyFormat)
        case unsupported(String)
    }

    /// Formats recognised from the first bytes; nil for text (web pages, dumps, TSV, CSV, pipe tables).
    static func binary(_ data: Data, fileName: String) -> Binary? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .package }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return LegacyOfficeConverter.oleFormat(data, fileName: fileName).map(Binary.converted)
                ?? .unsupported("OLE 复合文档（不是 Word 或 Excel，可能是 PowerPoint 或加密文件）")
        }
        if data.starts(with: Array("%PDF".utf8)) { return .unsupported("PDF") }
        if data.starts(with: Array("{\\rtf".utf8)) {
            return .converted(LegacyFormat(family: .document, name: "RTF", inputExtension: "rtf"))
        }
        let head = String(decoding: data.prefix(1024).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
        if head.hasPrefix("<?xml") {
            if head.includes("Word.Document") || head.includes("<w:wordDocument") {
                return .converted(LegacyFormat(family: .document, name: "Word 2003 XML", inputExtension: "xml"))
            }
            if head.includes("Excel.Sheet") || head.includes("urn:schemas-microsoft-com:office:spreadsheet") {
                return .converted(LegacyFormat(family: .spreadsheet, name: "Excel 2003 XML", inputExtension: "xml"))
            }
        }
        return nil
    }

    enum TextFormat: Equatable { case html, cellDump, tsv, tabbedBrowserCopy, pipes, csv }

    /// Which kind of text table the lines hold; nil when they hold none.
    static func text(_ text: String, lines: [Substring], fileName: String) -> TextFormat? {
        if HTMLTableReader.recognizes(text) { return .html }
        if CellDumpReader.recognizes(lines) { return .cellDump }
        let tabbed = lines.filter { $0.includes("\t") }.count
        let piped = lines.filter { PipeTableReader.isPipeLine($0) }.count
        if tabbed >= 2, tabbed >= piped { return PipeTableReader.isBrowserCopy(lines) ? .tabbedBrowserCopy : .tsv }
        let commas = lines.filter { $0.includes(",") }.count
        let csvName = fileName.lowercased().hasSuffix(".csv")
        if piped >= 2, !(csvName && commas > piped) { return .pipes }
        if csvName || commas * 2 > lines.count { return .csv }
        return nil
    }
}
