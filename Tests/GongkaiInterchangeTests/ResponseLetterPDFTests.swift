import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// The letter converted to PDF by LibreOffice, read back with poppler's pdftotext. Without LibreOffice the
/// conversion must fail with the Chinese message naming the package. GONGKAI_RENDER_DIR keeps the .docx,
/// the .pdf and a PNG of page 1 there, to look at.
@Suite struct ResponseLetterPDFTests {
    @Test func libreOfficeConvertsTheLetterToPDF() throws {
        let letter = ResponseLetterTests.letter()
        guard LegacyOfficeConverter.locateSoffice() != nil else {
            #expect(throws: DocumentExportError.needsLibreOffice(package: "libreoffice-writer-nogui")) { try ResponseLetterWriter.pdf(letter) }
            return
        }
        let pdf = try ResponseLetterWriter.pdf(letter)
        let directory = ProcessInfo.processInfo.environment["GONGKAI_RENDER_DIR"].map(URL.init(fileURLWithPath:))
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-letter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["GONGKAI_RENDER_DIR"] == nil { try? FileManager.default.removeItem(at: directory) } }
        let file = directory.appendingPathComponent("答复书.pdf")
        try pdf.write(to: file)
        try ResponseLetterWriter.docx(letter).write(to: directory.appendingPathComponent("答复书.docx"))

        let pdftotext = try #require(DocxTestSupport.tool("pdftotext"), "pdftotext (Debian poppler-utils) reads the PDF back")
        let (status, output) = try DocxTestSupport.run(pdftotext, ["-enc", "UTF-8", file.path, "-"])
        #expect(status == 0)
        // LibreOffice sets Latin text apart from Chinese with a little space, which pdftotext shows as spaces.
        let text = output.filter { $0 != " " }
        for expected in ["政府信息公开申请答复书", "沂医保依申复〔2026〕3号", "张三：", "部分公开", "行政复议", "淄博市医疗保障局沂源分局",
                         "2026年10月9日", "—1—"] {
            #expect(text.contains(expected), "“\(expected)” is not in the PDF text")
        }
        let pdftoppm = try #require(DocxTestSupport.tool("pdftoppm"))
        let image = directory.appendingPathComponent("page")
        #expect(try DocxTestSupport.run(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file.path, image.path]).status == 0)
        let png = try Data(contentsOf: image.appendingPathExtension("png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// LibreOffice takes the merged cells of an annual-report table.
    @Test func aTableWithMergedCellsConverts() throws {
        var document = DocxDocument()
        document.title("沂源县医疗保障局2026年政府信息公开工作年度报告")
        document.heading("三、收到和处理政府信息公开申请情况")
        document.append(DocxTableTests.table())
        guard LegacyOfficeConverter.locateSoffice() != nil else {
            #expect(throws: DocumentExportError.needsLibreOffice(package: "libreoffice-writer-nogui")) { try PDFConverter.pdf(fromDocx: document.data()) }
            return
        }
        let pdf = try PDFConverter.pdf(fromDocx: document.data())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if let keep = ProcessInfo.processInfo.environment["GONGKAI_RENDER_DIR"] {
            try pdf.write(to: URL(fileURLWithPath: keep).appendingPathComponent("表格.pdf"))
        }
        try pdf.write(to: directory.appendingPathComponent("table.pdf"))
        let pdftotext = try #require(DocxTestSupport.tool("pdftotext"), "pdftotext (Debian poppler-utils) reads the PDF back")
        let text = try DocxTestSupport.run(pdftotext, ["-enc", "UTF-8", directory.appendingPathComponent("table.pdf").path, "-"]).output
        for expected in ["申请人情况", "法人或其他组织", "三、本年度办理结果", "（二）部分公开", "四、结转下年度继续办理"] {
            #expect(text.filter { !$0.isWhitespace }.contains(expected), "“\(expected)” is not in the PDF text")
        }
    }

    @Test func withoutLibreOfficeTheErrorNamesThePackage() throws {
        let docx = try ResponseLetterWriter.docx(ResponseLetterTests.letter())
        #expect(throws: DocumentExportError.needsLibreOffice(package: "libreoffice-writer-nogui")) {
            try PDFConverter.convert(docx, soffice: nil)
        }
        #expect(DocumentExportError.needsLibreOffice(package: PDFConverter.package).description
            == "生成 PDF 需要安装 LibreOffice（Debian 软件包 libreoffice-writer-nogui）；也可以下载 Word 文件，在 Word 或 WPS 中另存为 PDF。")
    }

    @Test func aConversionWithoutOutputIsReportedInChinese() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fake-soffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("soffice")
        try "#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 1\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let error = DocumentExportError.conversionFailed(reason: "LibreOffice 没有生成 PDF（Error: source file could not be loaded）")
        #expect(throws: error) { try PDFConverter.convert(Data([1, 2, 3]), soffice: script) }
        #expect(error.description.hasPrefix("无法用 LibreOffice 把 Word 文件转换为 PDF"))
    }
}
