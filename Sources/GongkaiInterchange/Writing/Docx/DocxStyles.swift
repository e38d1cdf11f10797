/// `word/styles.xml` and `word/fontTable.xml`: the paragraph styles of an official document, so that
/// Word and WPS show 正文/标题/标题 1/标题 2 and a reader can restyle the whole document at once.
enum DocxStyles {
    static func stylesPart() -> XMLMarkup {
        XMLMarkup("w:styles", DocxNamespaces.main, [
            XMLMarkup("w:docDefaults", [], [
                XMLMarkup("w:rPrDefault", [], [runProperties(.fangSong, size: DocxSize.three, language: true)]),
                XMLMarkup("w:pPrDefault", [], [XMLMarkup("w:pPr", [], [exactSpacing(points: 28), .val("w:jc", "both")])]),
            ]),
            style("Normal", name: "Normal", font: .fangSong, size: DocxSize.three, paragraph: [exactSpacing(points: 28), .val("w:jc", "both")]),
            style("Title", name: "Title", font: .song, size: DocxSize.two, bold: true,
                  paragraph: [exactSpacing(points: 36), .val("w:jc", "center")]),
            style("Heading1", name: "heading 1", font: .hei, size: DocxSize.three,
                  paragraph: [XMLMarkup("w:keepNext"), exactSpacing(points: 28), .val("w:outlineLvl", "0")]),
            style("Heading2", name: "heading 2", font: .kai, size: DocxSize.three,
                  paragraph: [XMLMarkup("w:keepNext"), exactSpacing(points: 28), .val("w:outlineLvl", "1")]),
            style("TableText", name: "表格文字", font: .song, size: DocxSize.five,
                  paragraph: [singleSpacing(), .val("w:jc", "center")]),
            style("Footer", name: "footer", font: .song, size: DocxSize.four, paragraph: [singleSpacing(), .val("w:jc", "center")]),
        ])
    }

    private static func style(_ id: String, name: String, font: DocxFont, size: Double, bold: Bool = false,
                              paragraph: [XMLMarkup]) -> XMLMarkup {
        var children: [XMLMarkup] = [.val("w:name", name)]
        if id != "Normal" { children += [.val("w:basedOn", "Normal"), .val("w:next", "Normal")] }
        children += [XMLMarkup("w:qFormat"), XMLMarkup("w:pPr", [], paragraph), runProperties(font, size: size, bold: bold)]
        var attributes = [("w:type", "paragraph"), ("w:styleId", id)]
        if id == "Normal" { attributes.insert(("w:default", "1"), at: 1) }
        return XMLMarkup("w:style", attributes, children)
    }

    private static func runProperties(_ font: DocxFont, size: Double, bold: Bool = false, language: Bool = false) -> XMLMarkup {
        var children = [DocxParagraphXML.fonts(font)]
        if bold { children += [XMLMarkup("w:b"), XMLMarkup("w:bCs")] }
        children += [.val("w:sz", String(DocxUnits.halfPoints(size))), .val("w:szCs", String(DocxUnits.halfPoints(size)))]
        if language { children.append(XMLMarkup("w:lang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN"), ("w:bidi", "ar-SA")])) }
        return XMLMarkup("w:rPr", [], children)
    }

    /// 固定值 line spacing: the same lines per page whatever the font's own line height.
    private static func exactSpacing(points: Double) -> XMLMarkup {
        XMLMarkup("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", String(DocxUnits.twips(points: points))), ("w:lineRule", "exact")])
    }

    private static func singleSpacing() -> XMLMarkup {
        XMLMarkup("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")])
    }

    /// The fonts used, under their Chinese and Latin names, with what a program lacking one may substitute:
    /// an alternate name, the GB2312 character set (86) and serif (roman) or sans (swiss).
    static func fontTablePart() -> XMLMarkup {
        let fonts = DocxFont.all.flatMap { font in
            [font.eastAsia, font.latin].map { name in
                var children: [XMLMarkup] = []
                if let alternate = font.alternate, alternate != name { children.append(.val("w:altName", alternate)) }
                children += [.val("w:charset", "86"), .val("w:family", font.isSerif ? "roman" : "swiss"), .val("w:pitch", "variable")]
                return XMLMarkup("w:font", [("w:name", name)], children)
            }
        }
        return XMLMarkup("w:fonts", DocxNamespaces.main, fonts)
    }
}
