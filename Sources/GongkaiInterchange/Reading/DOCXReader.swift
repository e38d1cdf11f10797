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
        var blocks: [SourceBlock] = []
        var rowNumber = 0
        for element in body.children {
            switch element.name {
            case "p":
                let text = paragraphText(element)
                if !text.trimmed.isEmpty { blocks.append(.text(text, line: rowNumber)) }
            case "tbl":
                blocks += table(element, rowNumber: &rowNumber)
            default:
                continue
            }
        }
        return SourceDocument(blocks: blocks, unit: .row, exactColumns: true, recordsMerges: true)
    }

    private static func table(_ table: XMLElementNode, rowNumber: inout Int) -> [SourceBlock] {
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
        return rows.map { cells in
            rowNumber += 1
            let padded = cells + Array(repeating: SourceCell(""), count: width - cells.count)
            return .row(SourceRow(cells: padded, first: rowNumber, last: rowNumber))
        }
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
            default: node.children.forEach(walk)
            }
        }
        walk(paragraph)
        return text
    }
}
