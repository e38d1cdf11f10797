/// WordprocessingML for tables: fixed layout with the column widths given, single borders, vertically
/// centred cells.
enum DocxTableXML {
    static func table(_ table: DocxTable, textWidth: Int) -> XMLMarkup {
        let layout = DocxTableLayout(table)
        let widths = columnWidths(table.columnWidths, total: textWidth)
        let grid = XMLMarkup("w:tblGrid", [], widths.map { XMLMarkup("w:gridCol", [("w:w", String($0))]) })
        let rows = zip(table.rows, layout.rows).enumerated().map { index, pair in
            self.row(pair.0, placed: pair.1, widths: widths, table: table,
                     keepWithNext: table.keepTogether && index < table.rows.count - 1)
        }
        return XMLMarkup("w:tbl", [], [properties(width: widths.reduce(0, +)), grid] + rows)
    }

    /// Twips per column, summing to `total` exactly.
    static func columnWidths(_ weights: [Double], total: Int) -> [Int] {
        let sum = weights.map { max($0, 0) }.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in total / max(weights.count, 1) } }
        var widths = weights.map { Int((max($0, 0) / sum * Double(total)).rounded(.down)) }
        if !widths.isEmpty { widths[widths.count - 1] += total - widths.reduce(0, +) }
        return widths
    }

    private static func properties(width: Int) -> XMLMarkup {
        let border = { (side: String) in XMLMarkup("w:\(side)", [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")]) }
        // 1.5mm left and right, 1pt above and below: room around 五号 text without wasting lines.
        let margin = { (side: String) in XMLMarkup("w:\(side)", [("w:w", side == "top" || side == "bottom" ? "20" : "85"), ("w:type", "dxa")]) }
        return XMLMarkup("w:tblPr", [], [
            XMLMarkup("w:tblW", [("w:w", String(width)), ("w:type", "dxa")]),
            .val("w:jc", "center"),
            XMLMarkup("w:tblBorders", [], ["top", "left", "bottom", "right", "insideH", "insideV"].map(border)),
            XMLMarkup("w:tblLayout", [("w:type", "fixed")]),
            XMLMarkup("w:tblCellMar", [], ["top", "left", "bottom", "right"].map(margin)),
            XMLMarkup("w:tblLook", [("w:val", "0000"), ("w:firstRow", "0"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                                    ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")]),
        ])
    }

    private static func row(_ row: DocxTable.Row, placed: [DocxTableLayout.Placed], widths: [Int], table: DocxTable,
                            keepWithNext: Bool) -> XMLMarkup {
        var rowProperties = [XMLMarkup("w:cantSplit")]
        if row.isHeader { rowProperties.append(XMLMarkup("w:tblHeader")) }
        let cells = placed.map {
            cell($0, width: widths[$0.column..<$0.column + $0.span].reduce(0, +), header: row.isHeader, table: table, keepWithNext: keepWithNext)
        }
        return XMLMarkup("w:tr", [], [XMLMarkup("w:trPr", [], rowProperties)] + cells)
    }

    private static func cell(_ placed: DocxTableLayout.Placed, width: Int, header: Bool, table: DocxTable, keepWithNext: Bool) -> XMLMarkup {
        var properties = [XMLMarkup("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])]
        if placed.span > 1 { properties.append(.val("w:gridSpan", String(placed.span))) }
        switch placed.merge {
        case .none: break
        case .restart: properties.append(.val("w:vMerge", "restart"))
        case .continuation: properties.append(XMLMarkup("w:vMerge"))
        }
        properties.append(.val("w:vAlign", "center"))
        let lines = placed.cell.map { $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? [""]
        let paragraphs = lines.map { line in
            let run = DocxRun(line, font: table.font, size: table.size, bold: header || placed.cell?.bold == true)
            let paragraph = DocxParagraph(line.isEmpty ? [] : [run], style: .tableText, alignment: placed.cell?.alignment ?? .center,
                                          keepWithNext: keepWithNext)
            return DocxParagraphXML.paragraph(paragraph, size: table.size)
        }
        return XMLMarkup("w:tc", [], [XMLMarkup("w:tcPr", [], properties)] + paragraphs)
    }
}
