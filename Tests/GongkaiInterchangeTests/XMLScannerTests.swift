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

    /// External entities (XXE) and internal entity expansion ("billion laughs") are never resolved: the DOCTYPE is
    /// skipped, so its entities are unknown and the document is refused.
    @Test(arguments: [
        "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>",
        "<!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;&l;\">]><a>&l2;</a>",
    ])
    func entitiesFromADoctypeAreNeverResolved(_ text: String) {
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

/// Package inputs that crashed the process (found by `scripts/fuzz xlsx|import`): a merged range whose corners are
/// reversed or absurd, a damaged ZIP whose entries point past its end (ZIPFoundation's in-memory archive), and one
/// whose entry kept ZIPFoundation reading (a hang).
@Suite struct PackageFuzzRegressionTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz").appendingPathComponent(name))
    }

    @Test func reversedOrHugeMergedRangesAreIgnored() throws {
        #expect(XLSXReader.parseReference("B3").map { [$0.0, $0.1] } == [1, 3])
        #expect(XLSXReader.parseReference("ZZZZZZZZZZZZZZZ1") == nil)
        #expect(XLSXReader.parseReference("A0") == nil && XLSXReader.parseReference("A-5") == nil)
        let data = try Self.fixture("xlsx-merge-range")
        let parts = data.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false).map { Data($0) }
        let names = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"]
        func part(_ index: Int) -> Data? { index < parts.count ? parts[index] : nil }
        _ = try? XLSXReader.read { path in
            if let index = names.firstIndex(of: path) { return part(index) }
            return path.hasPrefix("xl/") ? part(3) ?? part(4) : nil
        }
    }

    @Test(arguments: ["import-zip-past-end", "import-zip-endless-entry"])
    func aDamagedZIPIsRefused(_ name: String) throws {
        let data = try Self.fixture(name)
        for name in ["目录.txt", "目录.csv", "目录.xlsx", "目录.docx", "目录.html", "目录.md"] {
            _ = try? CatalogImporter.importData(data, fileName: name)
        }
        #expect(throws: (any Error).self) { try CatalogImporter.importData(data, fileName: "目录.xlsx") }
    }
}
