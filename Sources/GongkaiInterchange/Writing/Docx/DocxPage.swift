/// The page of an official document. The values are those of GB/T 9704—2012《党政机关公文格式》:
/// A4 paper; 天头（上白边）37mm, 订口（左白边）28mm, 版心 156mm × 225mm, which leaves 35mm at the
/// bottom and 26mm on the right; page numbers in 4号 宋体 as “— 1 —”, 7mm below the text area.
enum DocxPage {
    static let width = DocxUnits.twips(millimetres: 210)
    static let height = DocxUnits.twips(millimetres: 297)
    static let top = DocxUnits.twips(millimetres: 37)
    static let bottom = DocxUnits.twips(millimetres: 35)
    static let left = DocxUnits.twips(millimetres: 28)
    static let right = DocxUnits.twips(millimetres: 26)
    /// From the page's bottom edge to the bottom of the page number: 35mm − 7mm − about 5mm of 4号 type.
    static let footer = DocxUnits.twips(millimetres: 23)
    static let textWidth = width - left - right

    /// The relationship id of `word/footer1.xml` in `word/_rels/document.xml.rels`.
    static let footerRelationship = "rIdFooter1"

    static func sectionProperties(pageNumbers: Bool) -> XMLMarkup {
        var children: [XMLMarkup] = []
        if pageNumbers {
            children.append(XMLMarkup("w:footerReference", [("w:type", "default"), ("r:id", footerRelationship)]))
        }
        children += [
            XMLMarkup("w:pgSz", [("w:w", String(width)), ("w:h", String(height))]),
            XMLMarkup("w:pgMar", [("w:top", String(top)), ("w:right", String(right)), ("w:bottom", String(bottom)),
                                  ("w:left", String(left)), ("w:header", "851"), ("w:footer", String(footer)), ("w:gutter", "0")]),
            XMLMarkup("w:pgNumType", [("w:start", "1")]),
            XMLMarkup("w:cols", [("w:space", "425")]),
        ]
        return XMLMarkup("w:sectPr", [], children)
    }

    /// `word/footer1.xml`: “— PAGE —” centred (the standard puts odd pages right and even pages left;
    /// most agencies centre it, which needs no odd/even footers).
    static func footerPart() -> XMLMarkup {
        let dash = DocxRun("— ", font: .song, size: DocxSize.four)
        let trailing = DocxRun(" —", font: .song, size: DocxSize.four)
        let properties = DocxParagraphXML.runProperties(font: .song, size: DocxSize.four, bold: false)
        func fieldRun(_ child: XMLMarkup) -> XMLMarkup { XMLMarkup("w:r", [], [properties, child].compactMap { $0 }) }
        let field = [
            fieldRun(XMLMarkup("w:fldChar", [("w:fldCharType", "begin")])),
            fieldRun(XMLMarkup("w:instrText", [("xml:space", "preserve")], text: " PAGE ")),
            fieldRun(XMLMarkup("w:fldChar", [("w:fldCharType", "separate")])),
            fieldRun(XMLMarkup("w:t", text: "1")),
            fieldRun(XMLMarkup("w:fldChar", [("w:fldCharType", "end")])),
        ]
        let paragraph = XMLMarkup("w:p", [], [
            XMLMarkup("w:pPr", [], [.val("w:pStyle", "Footer"), .val("w:jc", "center")]),
            DocxParagraphXML.run(dash),
        ] + field + [DocxParagraphXML.run(trailing)])
        return XMLMarkup("w:ftr", DocxNamespaces.main, [paragraph])
    }
}

/// Namespace declarations of the WordprocessingML parts.
enum DocxNamespaces {
    static let main: [(String, String)] = [
        ("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ]
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
