/// WordprocessingML for paragraphs and runs. Child elements follow the order the schema requires:
/// Word rejects a file whose `w:pPr` or `w:rPr` children are out of order.
enum DocxParagraphXML {
    static func block(_ block: DocxBlock, textWidth: Int) -> XMLMarkup {
        switch block {
        case .paragraph(let paragraph): self.paragraph(paragraph)
        case .table(let table): DocxTableXML.table(table, textWidth: textWidth)
        case .pageBreak: XMLMarkup("w:p", [], [XMLMarkup("w:r", [], [XMLMarkup("w:br", [("w:type", "page")])])])
        }
    }

    static func paragraph(_ paragraph: DocxParagraph, size: Double? = nil) -> XMLMarkup {
        var properties: [XMLMarkup] = [.val("w:pStyle", paragraph.style.rawValue)]
        if paragraph.keepWithNext { properties.append(XMLMarkup("w:keepNext")) }
        if let indent = indent(paragraph, size: size ?? paragraph.style.size) { properties.append(indent) }
        if let alignment = paragraph.alignment { properties.append(.val("w:jc", justification(alignment))) }
        return XMLMarkup("w:p", [], [XMLMarkup("w:pPr", [], properties)] + paragraph.runs.map { run($0) })
    }

    static func justification(_ alignment: DocxParagraph.Alignment) -> String {
        switch alignment {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        case .justified: "both"
        }
    }

    /// Indents in characters (`w:firstLineChars`, which Word and WPS use) and the same in twips at the
    /// paragraph's size (which LibreOffice uses). A negative first-line indent is a hanging indent.
    private static func indent(_ paragraph: DocxParagraph, size: Double) -> XMLMarkup? {
        var attributes: [(String, String)] = []
        let firstLine = paragraph.firstLineIndent
        for (name, characters) in [("left", paragraph.leftIndent), ("right", paragraph.rightIndent),
                                   (firstLine < 0 ? "hanging" : "firstLine", abs(firstLine))] where characters != 0 {
            attributes.append(("w:\(name)", String(DocxUnits.twips(points: characters * size))))
            attributes.append(("w:\(name)Chars", String(Int((characters * 100).rounded()))))
        }
        return attributes.isEmpty ? nil : XMLMarkup("w:ind", attributes)
    }

    static func run(_ run: DocxRun) -> XMLMarkup {
        var children: [XMLMarkup] = []
        if let properties = runProperties(font: run.font, size: run.size, bold: run.bold) { children.append(properties) }
        var text = ""
        func flushText() {
            if !text.isEmpty { children.append(XMLMarkup("w:t", [("xml:space", "preserve")], text: text)) }
            text = ""
        }
        for character in run.text {
            switch character {
            case "\n", "\r\n", "\r":
                flushText()
                children.append(XMLMarkup("w:br"))
            case "\t":
                flushText()
                children.append(XMLMarkup("w:tab"))
            default: text.append(character)
            }
        }
        flushText()
        return XMLMarkup("w:r", [], children)
    }

    static func runProperties(font: DocxFont?, size: Double?, bold: Bool) -> XMLMarkup? {
        var properties: [XMLMarkup] = []
        if let font { properties.append(fonts(font)) }
        if bold { properties += [XMLMarkup("w:b"), XMLMarkup("w:bCs")] }
        if let size {
            properties += [.val("w:sz", String(DocxUnits.halfPoints(size))), .val("w:szCs", String(DocxUnits.halfPoints(size)))]
        }
        return properties.isEmpty ? nil : XMLMarkup("w:rPr", [], properties)
    }

    /// `w:hint="eastAsia"` makes characters both scripts share (“—”, quotation marks) use the Chinese font,
    /// so that they are full width.
    static func fonts(_ font: DocxFont) -> XMLMarkup {
        XMLMarkup("w:rFonts", [("w:ascii", font.latin), ("w:hAnsi", font.latin), ("w:eastAsia", font.eastAsia),
                               ("w:cs", font.latin), ("w:hint", "eastAsia")])
    }
}
