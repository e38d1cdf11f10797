import Foundation

/// A Word document (.docx) in the layout of a Chinese official document: append titles, headings,
/// paragraphs, tables and a signature, then take `data()`. Opens in Word, WPS and LibreOffice.
public struct DocxDocument: Hashable, Sendable {
    public var blocks: [DocxBlock] = []
    /// The title in the document properties (文件属性), not shown on the page.
    public var documentTitle: String
    /// The author in the document properties.
    public var author: String
    /// When the document was made; written to the document properties when set.
    public var created: Date?
    /// “— 1 —” page numbers in the footer.
    public var pageNumbers = true

    public init(documentTitle: String = "", author: String = "") {
        self.documentTitle = documentTitle
        self.author = author
    }

    public mutating func append(_ block: DocxBlock) { blocks.append(block) }
    public mutating func append(_ paragraph: DocxParagraph) { blocks.append(.paragraph(paragraph)) }
    public mutating func append(_ table: DocxTable) { blocks.append(.table(table)) }

    /// The document title: 宋体 二号 bold, centred. "\n" breaks a long title into lines.
    public mutating func title(_ text: String) { append(DocxParagraph(text, style: .title)) }

    /// A body paragraph in 仿宋 三号 with the first line indented two characters.
    public mutating func paragraph(_ text: String) { append(DocxParagraph(text, firstLineIndent: 2)) }

    /// A heading: level 1 in 黑体 (“一、”), level 2 and below in 楷体 (“（一）”), indented like body text.
    public mutating func heading(_ text: String, level: Int = 1) {
        append(DocxParagraph(text, style: level <= 1 ? .heading1 : .heading2, firstLineIndent: 2, keepWithNext: true))
    }

    /// A line without indent (salutation, 发文字号), aligned as asked.
    public mutating func line(_ text: String, alignment: DocxParagraph.Alignment = .left) {
        append(DocxParagraph(text, alignment: alignment))
    }

    public mutating func blankLine() { append(DocxParagraph("")) }

    public mutating func pageBreak() { blocks.append(.pageBreak) }

    /// The signature of a document to be sealed (GB/T 9704 7.3.5.1): the date right-aligned four characters
    /// from the edge, the issuer's name centred over it. Two empty lines above leave room for the seal, whose
    /// top must come within one line of the text.
    public mutating func signature(_ name: String, date: String) {
        let dateIndent = 4.0
        let nameIndent = max(0, dateIndent + (DocxUnits.characterWidth(date) - DocxUnits.characterWidth(name)) / 2)
        for _ in 1...2 { append(DocxParagraph("", keepWithNext: true)) }
        append(DocxParagraph(name, alignment: .right, rightIndent: nameIndent, keepWithNext: true))
        append(DocxParagraph(date, alignment: .right, rightIndent: dateIndent))
    }

    /// `word/document.xml`.
    func documentPart() -> XMLMarkup {
        var body = blocks.map { DocxParagraphXML.block($0, textWidth: DocxPage.textWidth) }
        // Word wants a paragraph between a final table and the section properties.
        if case .table = blocks.last { body.append(DocxParagraphXML.paragraph(DocxParagraph(""))) }
        body.append(DocxPage.sectionProperties(pageNumbers: pageNumbers))
        return XMLMarkup("w:document", DocxNamespaces.main, [XMLMarkup("w:body", [], body)])
    }

    /// Every part of the package by its path, in the order they are stored.
    func parts() -> [(path: String, xml: XMLMarkup)] {
        var parts: [(String, XMLMarkup)] = [
            ("[Content_Types].xml", DocxParts.contentTypes(pageNumbers: pageNumbers)),
            ("_rels/.rels", DocxParts.packageRelationships()),
            ("docProps/core.xml", DocxParts.coreProperties(title: documentTitle, author: author, created: created)),
            ("docProps/app.xml", DocxParts.appProperties()),
            ("word/document.xml", documentPart()),
            ("word/styles.xml", DocxStyles.stylesPart()),
            ("word/settings.xml", DocxParts.settings()),
            ("word/fontTable.xml", DocxStyles.fontTablePart()),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships(pageNumbers: pageNumbers)),
        ]
        if pageNumbers { parts.append(("word/footer1.xml", DocxPage.footerPart())) }
        return parts
    }

    /// The .docx file.
    public func data() throws -> Data {
        try DocxPackage.zip(parts().map { ($0.path, Data($0.xml.document.utf8)) })
    }
}
