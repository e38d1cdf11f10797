import Foundation
import GongkaiCore

/// Reads paragraphs and tables from a .docx body. gridSpan and vMerge are turned into covered cells,
/// so every row has one cell per grid column, as in a spreadsheet. Rows are numbered across all tables.
enum DOCXReader {
    /// Wingdings code points Word uses for ticked and empty boxes.
    private static let symbolGlyphs: [String: String] = [
        "F0FE": "☑", "F052": "☑", "F0FD": "☑", "F0FC": "☑", "F0A8": "☐", "F06F": "☐", "F071": "☐", "F0A3": "☐",
    ]

    static func read(_ data: Data) throws -> SourceDocument {
        let root = try XMLElementNode.parse(data)
        guard let body = root.descendants("body").first else { return SourceDocument(blocks: [], unit: .row, exactColumns: true) }
        enum Part { case paragraph(String), table([[SourceCell]]) }
        let parts: [Part] = body.children.compactMap { element in
            switch element.name {
            case "p": .paragraph(paragraphText(element))
            case "tbl": .table(table(element))
            default: nil
            }
        }
        func hasHeader(_ rows: [[SourceCell]]) -> Bool { rows.prefix(10).contains { HeaderReader.isHeader($0.map(\.text)) } }
        let anyHeader = parts.contains { if case .table(let rows) = $0 { hasHeader(rows) } else { false } }
        var blocks: [SourceBlock] = []
        var diagnostics: [ImportDiagnostic] = []
        var rowNumber = 0
        var tableNumber = 0
        var catalogWidth: Int?
        for part in parts {
            switch part {
            case .paragraph(let text):
                if !text.trimmed.isEmpty { blocks.append(.text(text, line: rowNumber)) }
            case .table(let rows):
                tableNumber += 1
                let width = rows.first?.count ?? 0
                if hasHeader(rows) { catalogWidth = width }
                // Layout tables of a page saved as a document (banner, navigation, footer) and small signature
                // tables: without a header, before the catalog or after it with other columns. Their text is kept.
                let obligations = rows.filter { ColumnGuesser.statesObligation($0.map(\.text)) }.count
                if anyHeader, !hasHeader(rows), (catalogWidth == nil && obligations < 3) || (rows.count <= 3 && width != catalogWidth) {
                    diagnostics.append(.init(.inference, .structure, first: rowNumber + 1, last: rowNumber + rows.count,
                        "第\(tableNumber)个表格（\(rows.count)行）没有表头，\(catalogWidth == nil ? "在目录表格之前" : "列数与目录不同")，不是目录的一部分，其文字按表格外的文字处理"))
                }  else {
                    for cells in rows {
                        rowNumber += 1
                        blocks.append(.row(SourceRow(cells: cells, first: rowNumber, last: rowNumber)))
                    }
                    continue
                }
                for cells in rows {
                    rowNumber += 1
                    let text = unique(cells.map { $0.text.trimmed }.filter { !$0.isEmpty }).joined(separator: " ")
                    if !text.isEmpty { blocks.append(.text(text, line: rowNumber)) }
                }
            }
        }
        return SourceDocument(blocks: blocks, unit: .row, exactColumns: true, recordsMerges: true, diagnostics: diagnostics)
    }

    private static func table(_ table: XMLElementNode) -> [[SourceCell]] {
        var rows: [[SourceCell]] = []
        for tr in table.children("tr") {
            var cells: [SourceCell] = []
            if let before = tr.child("trPr")?.child("gridBefore")?.attribute("val").flatMap(Int.init) {
                cells += Array(repeating: SourceCell(""), count: before)
            }
            for tc in tr.children("tc") {
                let properties = tc.child("tcPr")
                let span = properties?.child("gridSpan")?.attribute("val").flatMap(Int.init) ?? 1
                let vMerge = properties?.child("vMerge")
                let continues = vMerge != nil && vMerge?.attribute("val") != "restart"
                let text = tc.children("p").map(paragraphText).joined(separator: "\n")
                cells.append(SourceCell(continues ? "" : text, mergedFromAbove: continues))
                for _ in 1..<max(span, 1) { cells.append(SourceCell("", mergedFromAbove: continues, mergedFromLeft: true)) }
            }
            rows.append(cells)
        }
        let width = rows.map(\.count).max() ?? 0
        return rows.map { $0 + Array(repeating: SourceCell(""), count: width - $0.count) }
    }

    /// The visible text of a paragraph: runs, tabs, breaks and symbol-font checkboxes.
    private static func paragraphText(_ paragraph: XMLElementNode) -> String {
        var text = ""
        func walk(_ node: XMLElementNode) {
            switch node.name {
            case "t": text += node.text
            case "tab": text += " "
            case "br", "cr": text += "\n"
            case "sym": text += node.attribute("char").flatMap { symbolGlyphs[$0.uppercased()] } ?? ""
            case "delText", "instrText", "rPh": return
            case "r" where node.child("rPr")?.child("vanish") != nil: return
            default: node.children.forEach(walk)
            }
        }
        walk(paragraph)
        return text
    }
}
