import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// The annual report converted to PDF by LibreOffice, read back with poppler's pdftotext. Without LibreOffice the
/// conversion must fail with the Chinese message naming the package. GONGKAI_RENDER_DIR keeps the .docx, the
/// .pdf and PNGs of every page there (年度报告-2026-1.png …), to look at.
@Suite struct AnnualReportPDFTests {
    @Test(arguments: [2026, 2020]) func libreOfficeConvertsTheReportToPDF(year: Int) throws {
        let report = AnnualReportSample.report(year: year)
        let published = CivilDate("\(year + 1)-01-20")!
        guard LegacyOfficeConverter.locateSoffice() != nil else {
            #expect(throws: DocumentExportError.needsLibreOffice(package: "libreoffice-writer-nogui")) {
                try AnnualReportWriter.pdf(report, publishedOn: published)
            }
            return
        }
        let pdf = try AnnualReportWriter.pdf(report, publishedOn: published)
        let keep = ProcessInfo.processInfo.environment["GONGKAI_RENDER_DIR"].map(URL.init(fileURLWithPath:))
        let directory = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let file = directory.appendingPathComponent("年度报告-\(year).pdf")
        try pdf.write(to: file)
        try AnnualReportWriter.docx(report, publishedOn: published).write(to: directory.appendingPathComponent("年度报告-\(year).docx"))

        let pdftotext = try #require(DocxTestSupport.tool("pdftotext"), "pdftotext (Debian poppler-utils) reads the PDF back")
        let (status, output) = try DocxTestSupport.run(pdftotext, ["-enc", "UTF-8", file.path, "-"])
        #expect(status == 0)
        // LibreOffice sets Latin text apart from Chinese with a little space, and cells and the title wrap.
        let text = output.filter { !$0.isWhitespace }
        let expected = ["某县医疗保障局\(year)年政府信息公开工作年度报告", "本报告根据《中华人民共和国政府信息公开条例》"]
            + NarrativeSection.headings
            + ["第二十条第（一）项", "本年新收政府信息公开申请数量", "申请人情况", "法人或其他组织", "未经复议直接起诉", "复议后起诉",
               "四、结转下年度继续办理", "\(year + 1)年1月20日", "—1—"]
        for string in expected { #expect(text.contains(string), "“\(string)” is not in the PDF text") }
        var position = text.startIndex
        for heading in NarrativeSection.headings {
            let found = try #require(text.range(of: heading, range: position..<text.endIndex), "“\(heading)” out of order")
            position = found.upperBound
        }

        let pdftoppm = try #require(DocxTestSupport.tool("pdftoppm"))
        let image = directory.appendingPathComponent("年度报告-\(year)")
        #expect(try DocxTestSupport.run(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file.path, image.path]).status == 0)
        let png = try Data(contentsOf: image.appendingPathExtension("png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
