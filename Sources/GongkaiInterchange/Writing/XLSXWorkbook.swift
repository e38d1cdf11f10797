import Foundation
import GongkaiCore
import ZIPFoundation

/// A small .xlsx workbook: named sheets of text and number cells, with optional merged ranges and column widths.
/// Strings are written inline (no shared-string table) and there are no styles, which every spreadsheet program
/// and our own reader (`XLSXWorkbook.read`) accept.
public struct XLSXWorkbook: Sendable {
    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Int)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(integerLiteral value: Int) { self = .number(value) }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Ranges such as "A1:F1".
        public var merges: [String]
        /// Widths in characters, from column A; columns beyond the list keep the default width.
        public var columnWidths: [Int]

        public init(name: String, rows: [[Cell]], merges: [String] = [], columnWidths: [Int] = []) {
            self.name = name
            self.rows = rows
            self.merges = merges
            self.columnWidths = columnWidths
        }

        /// A sheet of text rows.
        public init(name: String, text rows: [[String]], merges: [String] = [], columnWidths: [Int] = []) {
            self.init(name: name, rows: rows.map { $0.map(Cell.text) }, merges: merges, columnWidths: columnWidths)
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook as .xlsx bytes.
    public func data() throws -> Data {
        let names = Self.sheetNames(sheets.map(\.name))
        let numbers = sheets.indices.map { $0 + 1 }
        let overrides = numbers.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        let sheetList = zip(numbers, names).map { number, name in
            "<sheet name=\"\(Self.escape(name))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
        }.joined()
        let relationships = numbers.map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        var files: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                \(overrides)</Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets>\(sheetList)</sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
                """),
        ]
        for (number, sheet) in zip(numbers, sheets) { files.append(("xl/worksheets/sheet\(number).xml", Self.worksheet(sheet))) }

        let archive = try Archive(accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let output = archive.data else { throw ImportError.unreadable("xlsx", reason: "无法生成 xlsx 文件") }
        return output
    }

    static func worksheet(_ sheet: Sheet) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            """
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>" + sheet.columnWidths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (index, cells) in sheet.rows.enumerated() {
            let number = index + 1
            xml += "<row r=\"\(number)\">"
            for (column, cell) in cells.enumerated() {
                let reference = "\(columnName(column))\(number)"
                switch cell {
                case .text(let text) where text.isEmpty: continue
                case .text(let text):
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        return xml + "</worksheet>"
    }

    /// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, not empty, unique.
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31)).trimmed
            if clean.isEmpty { clean = "Sheet\(index + 1)" }
            var candidate = clean, counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = "(\(counter))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// "A", "B", … "Z", "AA" for 0, 1, … 25, 26.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Cell text: what XML 1.0 allows (`XMLEscaping`, shared with the .docx writer).
    static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
