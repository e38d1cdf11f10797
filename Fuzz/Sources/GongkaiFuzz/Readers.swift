import Foundation
@testable import GongkaiInterchange

/// Each catalog reader on its own, fed bytes as the importer would hand them over.
enum Readers {
    /// Bytes → text as the importer decodes them (UTF-8, UTF-16, GB18030); undecodable bytes as lossy UTF-8.
    static func decode(_ data: Data) -> String {
        (try? TextDecoding.decode(data, fileName: "fuzz.txt").text) ?? String(decoding: data, as: UTF8.self)
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Text dumps (one cell per line), and the sniffer that tells text formats apart.
    @Sendable static func text(_ data: Data) {
        let text = decode(data)
        let lines = lines(text)
        _ = FormatSniffer.text(text, lines: lines, fileName: "fuzz.txt")
        if CellDumpReader.recognizes(lines) { _ = CellDumpReader.read(lines) }
        _ = CellDumpReader.read(lines)
    }

    /// CSV and TSV.
    @Sendable static func delimited(_ data: Data) {
        let text = decode(data)
        _ = DelimitedReader.read(text, delimiter: ",")
        _ = DelimitedReader.read(text, delimiter: "\t")
    }

    /// Pipe tables, Markdown tables, and tables copied from a browser (tab-separated).
    @Sendable static func pipe(_ data: Data) {
        let lines = lines(decode(data))
        _ = PipeTableReader.format(lines)
        _ = PipeTableReader.isBrowserCopy(lines)
        _ = PipeTableReader.read(lines)
        _ = PipeTableReader.read(lines, separator: "\t")
    }

    /// Web pages, and single-file web pages (.mht) around them.
    @Sendable static func html(_ data: Data) {
        var page = data
        if MIMEHTML.recognizes(data) {
            guard let extracted = MIMEHTML.extract(data) else { return }
            page = extracted
        }
        _ = try? HTMLTableReader.read(decode(page), fileName: "fuzz.html")
    }

    /// The body of a .docx (word/document.xml): the XML parser and the table reader behind it.
    @Sendable static func docx(_ data: Data) {
        _ = try? DOCXReader.read(data)
    }

    /// An .xlsx's parts, separated by NUL bytes in the input: workbook, its relationships, shared strings, sheets.
    @Sendable static func xlsx(_ data: Data) {
        let parts = data.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false).map { Data($0) }
        func part(_ index: Int) -> Data? { index < parts.count ? parts[index] : nil }
        let names = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"]
        _ = try? XLSXReader.read { path in
            if let index = names.firstIndex(of: path) { return part(index) }
            // Sheets: whatever path the relationships name, in the order asked.
            return path.hasPrefix("xl/") ? part(3) ?? part(4) : nil
        }
    }
}
