import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Catalogs published as PDF attachments: a Word table printed to PDF (made by LibreOffice from
/// scripts/fixtures/catalog-pdf.html; cells wrap in narrow columns, 一级 merged over two rows, the two header
/// rows held together by merged cells), and a scanned PDF without a text layer. Needs poppler's pdftotext.
@Suite struct PDFCatalogTests {
    @Test func textPDFTableIsRebuiltFromWordPositions() throws {
        let result = try CatalogImporter.importFile(at: SeedFiles.fixtures.appendingPathComponent("catalog-text.pdf"))
        #expect(result.format == CatalogImporter.pdfFormat)
        let items = result.catalog.items
        #expect(items.map(\.path) == [["政策法规", "行政规范性文件"], ["政策法规", "政策解读"], ["医保待遇", "门诊慢特病"], ["基金监管", "举报奖励"]])
        #expect(items[0].item.content == "1.部门印发的行政规范性文件；2.现行有效规范性文件目录")
        #expect(items.map(\.item.deadlineText) == ["信息形成或变更之日起20个工作日内", "与政策文件同步发布",
                                                    "信息形成或变更之日起20个工作日内", "每季度结束后15个工作日内"])
        #expect(items.map(\.item.publisher) == ["某县医疗保障局", "某县医疗保障局", "待遇保障股", "基金监管股"])
        #expect(items[0].item.checkedChannelNames == ["政府网站", "两微一端"])
        #expect(items.map(\.item.audiences) == [[.public], [.public], [.specific], [.public]])
        #expect(items[3].item.modes == [.proactive, .onRequest])
        #expect(items.allSatisfy { $0.item.doubts == nil })
    }

    @Test func scannedPDFIsRefusedInChinese() throws {
        #expect {
            try CatalogImporter.importFile(at: SeedFiles.fixtures.appendingPathComponent("catalog-scanned.pdf"))
        } throws: { error in
            (error as? ImportError)?.description.contains("扫描版 PDF") == true
        }
    }
}
