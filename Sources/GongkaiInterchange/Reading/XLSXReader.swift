import Foundation
import GongkaiCore

/// Reads the sheets of an .xlsx workbook. Merged ranges are reported on the covered cells,
/// so the interpreter knows which empty cells share the value above.
enum XLSXReader {
    static func read(entry: (String) throws -> Data?) throws -> SourceDocument {
        let sharedStrings = try entry("xl/sharedStrings.xml").map(readSharedStrings) ?? []
        let sheets = try sheetPaths(entry: entry)
        var blocks: [SourceBlock] = []
        for (name, path) in sheets {
            guard let data = try entry(path) else { continue }
            let sheet = try XMLElementNode.parse(data)
            if sheets.count > 1 { blocks.append(.text(name, line: 0)) }
            blocks += rows(of: sheet, sharedStrings: sharedStrings)
        }
        return SourceDocument(blocks: blocks, unit: .row, exactColumns: true, recordsMerges: true)
    }

    static func sheetPaths(entry: (String) throws -> Data?) throws -> [(String, String)] {
        guard let workbookData = try entry("xl/workbook.xml") else { return [] }
        let workbook = try XMLElementNode.parse(workbookData)
        var targets: [String: String] = [:]
        if let relsData = try entry("xl/_rels/workbook.xml.rels") {
            for rel in try XMLElementNode.parse(relsData).descendants("Relationship") {
                guard let id = rel.attribute("Id"), let target = rel.attribute("Target") else { continue }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        return workbook.descendants("sheet").enumerated().map { index, sheet in
            let path = sheet.attributes["r:id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(index + 1).xml"
            return (sheet.attribute("name") ?? "Sheet\(index + 1)", path)
        }
    }

    static func readSharedStrings(_ data: Data) throws -> [String] {
        try XMLElementNode.parse(data).children("si").map(text(of:))
    }

    /// The text of a shared or inline string: its runs, without phonetic guides.
    private static func text(of node: XMLElementNode) -> String {
        if node.name == "t" { return node.text }
        return node.children.filter { $0.name != "rPh" }.map(text(of:)).joined()
    }

    /// The cell values of a sheet by row number (from 1), then column (from 0), and the width of its filled part.
    static func grid(of sheet: XMLElementNode, sharedStrings: [String]) -> (grid: [Int: [Int: String]], width: Int) {
        var grid: [Int: [Int: String]] = [:]
        var width = 0
        for row in sheet.descendants("row") {
            for cell in row.children("c") {
                guard let ref = cell.attribute("r"), let (column, rowNumber) = parseReference(ref) else { continue }
                let value: String
                switch cell.attribute("t") {
                case "s": value = Int(cell.child("v")?.text ?? "").flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
                case "inlineStr": value = cell.child("is").map(text(of:)) ?? ""
                default: value = cell.child("v")?.text ?? ""
                }
                grid[rowNumber, default: [:]][column] = value
                if !value.isEmpty { width = max(width, column + 1) }
            }
        }
        return (grid, width)
    }

    private static func rows(of sheet: XMLElementNode, sharedStrings: [String]) -> [SourceBlock] {
        let (values, filledWidth) = grid(of: sheet, sharedStrings: sharedStrings)
        var width = filledWidth
        var mergedAbove = Set<[Int]>()
        var mergedLeft = Set<[Int]>()
        for merge in sheet.descendants("mergeCell") {
            guard let ref = merge.attribute("ref"), let (from, to) = parseRange(ref) else { continue }
            width = max(width, to.0 + 1)
            for row in from.1...to.1 {
                for column in from.0...to.0 where (row, column) != (from.1, from.0) {
                    if column == from.0 { mergedAbove.insert([row, column]) } else { mergedLeft.insert([row, column]) }
                }
            }
        }
        guard let lastRow = values.keys.max(), lastRow >= 1 else { return [] }
        var blocks: [SourceBlock] = []
        for rowNumber in 1...lastRow {
            let rowValues = values[rowNumber] ?? [:]
            let cells = (0..<width).map { column in
                SourceCell(rowValues[column] ?? "", mergedFromAbove: mergedAbove.contains([rowNumber, column]),
                           mergedFromLeft: mergedLeft.contains([rowNumber, column]))
            }
            let filled = cells.filter { !$0.text.allSatisfy(\.isWhitespace) }
            if filled.isEmpty, !cells.contains(where: \.mergedFromAbove) {
                blocks.append(.pageBreak)
            } else if filled.count == 1, cells.count > 1, !cells[0].text.isEmpty, cells.dropFirst().allSatisfy({ $0.text.isEmpty && !$0.mergedFromAbove }),
                      cells.dropFirst().contains(where: \.mergedFromLeft) || blocks.allSatisfy({ if case .row = $0 { false } else { true } }) {
                blocks.append(.text(cells[0].text, line: rowNumber))
            } else {
                blocks.append(.row(SourceRow(cells: cells, first: rowNumber, last: rowNumber)))
            }
        }
        return blocks
    }

    /// "B12" → (column 1, row 12).
    /// "B3" → (column 1, row 3), within Excel's limits (XFD, row 1 048 576); anything else is no reference.
    static func parseReference(_ ref: String) -> (Int, Int)? {
        var column = 0, letters = 0
        var digits = ""
        for char in ref.uppercased() {
            if let ascii = char.asciiValue, ascii >= 65, ascii <= 90 {
                letters += 1
                guard letters <= 3, digits.isEmpty else { return nil }
                column = column * 26 + Int(ascii - 64)
            } else {
                digits.append(char)
            }
        }
        guard column > 0, column <= 16_384, digits.count <= 7, let row = Int(digits), row >= 1, row <= 1_048_576 else { return nil }
        return (column - 1, row)
    }

    /// A merged range, corners in order; ranges over more than `maximumMergedCells` cells are ignored (no catalog
    /// merges that many, and a forged one would cost memory).
    private static func parseRange(_ ref: String) -> ((Int, Int), (Int, Int))? {
        let parts = ref.split(separator: ":").map(String.init)
        guard parts.count == 2, let a = parseReference(parts[0]), let b = parseReference(parts[1]) else { return nil }
        let from = (min(a.0, b.0), min(a.1, b.1)), to = (max(a.0, b.0), max(a.1, b.1))
        guard (to.0 - from.0 + 1) * (to.1 - from.1 + 1) <= maximumMergedCells else { return nil }
        return (from, to)
    }

    static let maximumMergedCells = 100_000
}
