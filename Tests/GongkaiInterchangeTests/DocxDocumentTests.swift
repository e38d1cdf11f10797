import Foundation
@testable import GongkaiInterchange
import Testing

/// The .docx package: its parts, the body in order, the page of GB/T 9704, and escaping.
@Suite struct DocxDocumentTests {
    static func sample() -> DocxDocument {
        var document = DocxDocument(documentTitle: "测试文件", author: "沂源县医疗保障局")
        document.title("关于做好2026年政务公开工作的通知")
        document.line("各科室：")
        document.paragraph("为做好政务公开工作，现将有关事项通知如下。")
        document.heading("一、总体要求")
        document.heading("（一）主动公开", level: 2)
        document.paragraph("第一行\n第二行")
        document.signature("沂源县医疗保障局", date: "2026年9月21日")
        return document
    }

    @Test func everyPartIsWellFormedAndDeclared() throws {
        let entries = try DocxPackage.entries(try Self.sample().data())
        let expected = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                        "word/fontTable.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"]
        #expect(Set(entries.keys) == Set(expected))
        for (path, data) in entries { #expect(throws: Never.self, "\(path)") { try XMLElementNode.parse(data) } }

        let types = try XMLElementNode.parse(try #require(entries["[Content_Types].xml"]))
        let overridden = Set(types.children("Override").compactMap { $0.attribute("PartName") })
        for path in expected where !path.hasSuffix(".rels") && path != "[Content_Types].xml" {
            #expect(overridden.contains("/" + path), "\(path) has no content type")
        }
        let relationships = try XMLElementNode.parse(try #require(entries["word/_rels/document.xml.rels"]))
        for target in relationships.children("Relationship").compactMap({ $0.attribute("Target") }) {
            #expect(entries["word/" + target] != nil, "\(target) is referenced but missing")
        }
    }

    @Test func paragraphsKeepTheirOrderAndStyles() throws {
        let docx = try Self.sample().data()
        #expect(try DocxTestSupport.paragraphs(docx) == [
            "关于做好2026年政务公开工作的通知", "各科室：", "为做好政务公开工作，现将有关事项通知如下。", "一、总体要求", "（一）主动公开",
            "第一行\n第二行", "", "", "沂源县医疗保障局", "2026年9月21日",
        ])
        let body = try #require(try DocxTestSupport.part(docx, "word/document.xml").descendants("body").first)
        let styles = body.children("p").map { $0.child("pPr")?.child("pStyle")?.attribute("val") ?? "" }
        #expect(styles.prefix(5) == ["Title", "Normal", "Normal", "Heading1", "Heading2"])
        let indents = body.children("p").map { $0.child("pPr")?.child("ind")?.attribute("firstLineChars") }
        #expect(indents[2] == "200" && indents[3] == "200" && indents[1] == nil)
        // The date four characters from the right edge, the name centred over it.
        let signature = body.children("p").suffix(2).map { $0.child("pPr")?.child("ind")?.attribute("rightChars") }
        #expect(signature == ["325", "400"])
    }

    @Test func stylesUseChineseFonts() throws {
        let styles = try DocxTestSupport.part(try Self.sample().data(), "word/styles.xml")
        func font(_ id: String) -> String? {
            styles.children("style").first { $0.attribute("styleId") == id }?.child("rPr")?.child("rFonts")?.attribute("eastAsia")
        }
        #expect(font("Normal") == "仿宋" && font("Title") == "宋体" && font("Heading1") == "黑体" && font("Heading2") == "楷体")
        let title = try #require(styles.children("style").first { $0.attribute("styleId") == "Title" }?.child("rPr"))
        #expect(title.child("sz")?.attribute("val") == "44")
    }

    @Test func pageIsA4WithTheStandardMarginsAndPageNumbers() throws {
        let docx = try Self.sample().data()
        let section = try #require(try DocxTestSupport.part(docx, "word/document.xml").descendants("sectPr").first)
        #expect(section.child("pgSz")?.attribute("w") == "11906" && section.child("pgSz")?.attribute("h") == "16838")
        let margins = try #require(section.child("pgMar"))
        // 37mm, 35mm, 28mm, 26mm in twips.
        #expect([margins.attribute("top"), margins.attribute("bottom"), margins.attribute("left"), margins.attribute("right")]
            == ["2098", "1984", "1587", "1474"])
        let footer = try DocxTestSupport.part(docx, "word/footer1.xml")
        #expect(footer.descendants("instrText").first?.text == " PAGE ")
        #expect(DocxTestSupport.text(try #require(footer.child("p"))) == "— 1 —")
    }

    @Test func escapingKeepsMarkupCharactersAndDropsIllegalOnes() throws {
        #expect(XMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
        #expect(XMLEscaping.escape("甲\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}乙\u{FFFE}\u{FFFF}丙\t\n") == "甲乙丙\t\n")
        #expect(XMLEscaping.escape("😀\u{10FFFF}") == "😀\u{10FFFF}")

        var document = DocxDocument(documentTitle: "A & B <c>", author: "\"张\" 'san'\u{7}")
        document.paragraph("if a<b && c>\"d\" 'e'\u{1}\u{1B}[0m")
        let docx = try document.data()
        #expect(try DocxTestSupport.paragraphs(docx) == ["if a<b && c>\"d\" 'e'[0m"])
        let core = try DocxTestSupport.part(docx, "docProps/core.xml")
        #expect(core.child("title")?.text == "A & B <c>")
        #expect(core.child("creator")?.text == "\"张\" 'san'")
    }

    @Test func breaksAndTabsBecomeWordBreaksAndTabs() throws {
        let run = DocxParagraphXML.run(DocxRun("甲\t乙\n丙"))
        #expect(run.children.map(\.name) == ["w:t", "w:tab", "w:t", "w:br", "w:t"])
    }
}
