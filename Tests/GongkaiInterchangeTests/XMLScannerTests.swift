import Foundation
@testable import GongkaiInterchange
import Testing

/// The XML of .docx and .xlsx packages is read by `XMLScanner`: what Office writes, strictly, and never a crash.
@Suite struct XMLScannerTests {
    static func parse(_ text: String) throws -> XMLElementNode { try XMLElementNode.parse(Data(text.utf8)) }

    @Test func readsWhatOfficeWrites() throws {
        let root = try Self.parse("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- made by hand --><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space='preserve'>公开 &lt;时限&gt; &amp; &#x4E00;&#19968;</w:t></w:r></w:p>
            <w:tbl><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><![CDATA[<原样>]]></w:tc></w:tbl></w:body></w:document>
            """)
        #expect(root.name == "document")
        #expect(root.descendants("t").map(\.text) == ["公开 <时限> & 一一"])
        #expect(root.descendants("t")[0].attribute("space") == "preserve")
        #expect(root.descendants("vMerge")[0].attribute("val") == "restart")
        #expect(root.descendants("tc")[0].text == "<原样>")
    }

    @Test(arguments: [
        "", "<a>", "<a></b>", "<a><b></a></b>", "<a x=1/>", "<a x=\"1/>", "<a>&bogus;</a>", "<a>&#xFFFFFFFF;</a>", "<a/><b/>",
        "text<a/>", "<a><!-- open</a>", "<a><![CDATA[ open</a>", "</a>",
    ])
    func malformedXMLIsRefusedNotCrashed(_ text: String) {
        #expect(throws: XMLTreeError.self) { try Self.parse(text) }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: XMLTreeError.self) { try Self.parse(deep) }
    }

    /// Inputs on which Foundation's XMLParser crashed the process (found by `scripts/fuzz docx|xlsx|import`).
    @Test(arguments: ["docx-foundationxml-startelement", "xlsx-foundationxml-startelement", "import-foundationxml-startelement"])
    func formerXMLParserCrashes(_ name: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/crashes").appendingPathComponent(name)
        let data = try Data(contentsOf: file)
        _ = try? DOCXReader.read(data)
        _ = try? XMLElementNode.parse(data)
        for part in data.split(separator: 0, omittingEmptySubsequences: false) { _ = try? XMLElementNode.parse(Data(part)) }
        for name in ["目录.txt", "目录.csv", "目录.xlsx", "目录.docx", "目录.html", "目录.md"] {
            _ = try? CatalogImporter.importData(data, fileName: name)
        }
    }
}
