import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Files every reader must refuse as a whole, with a Chinese message that names the cause: importData
/// throws, so nothing of them reaches the database.
@Suite struct BadInputTests {
    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: SeedFiles.fixtures.appendingPathComponent(name)) }

    static func page() throws -> String {
        try TextDecoding.decode(try fixture("web-catalog.html"), fileName: "web-catalog.html").text
    }

    static func failure(_ data: Data, _ fileName: String) -> ImportError? {
        #expect(throws: ImportError.self) { try CatalogImporter.importData(data, fileName: fileName) }
    }

    @Test func pageCutOffInsideTheCatalogTable() throws {
        let page = try Self.page()
        let cut = page.range(of: "双随机抽查结果")!.upperBound
        let error = Self.failure(Data(page[..<cut].utf8), "目录.html")
        #expect(error == .truncated("目录.html", format: "网页 (HTML)", reason: "表格没有结束（缺少 </table>），网页也没有结束标记 </html>"))
        #expect(error?.description.contains("不是完整的网页 (HTML)文件") == true)
    }

    @Test func pageCutOffInsideATag() throws {
        let page = try Self.page()
        let cut = page.range(of: "<td rowspan=\"2\">医")!.lowerBound
        let error = Self.failure(Data((page[..<cut] + "<td rowsp").utf8), "目录.htm")
        #expect(error?.description.contains("文件在标签 <td>中间结束") == true)
    }

    @Test func pageWithoutATable() {
        let html = "<html><head><meta charset=\"utf-8\"></head><body><h1>青禾市卫生健康委员会政务公开事项标准目录</h1><p>目录见附件。</p></body></html>"
        let error = Self.failure(Data(html.utf8), "通知.html")
        #expect(error?.description.contains("网页中没有表格") == true)
    }

    @Test func pageWithLayoutTablesOnly() {
        let html = """
        <html><body><table><tr><td>首页</td><td>政务公开</td></tr></table>
        <table><tr><td>主办单位：青禾市人民政府办公室</td></tr></table></body></html>
        """
        let error = Self.failure(Data(html.utf8), "首页.html")
        #expect(error?.description.contains("网页中有2个表格，但都不像主动公开目录") == true)
    }

    @Test func emptyDocFile() {
        let error = Self.failure(Data(), "目录.doc")
        #expect(error == .emptyFile("目录.doc"))
        #expect(error?.description == "“目录.doc”是空文件，没有可导入的内容。")
    }

    @Test func docWithoutATable() throws {
        let error = Self.failure(try Self.fixture("no-table.doc"), "说明.doc")
        if LegacyOfficeConverter.locateSoffice() != nil {
            #expect(error == .notACatalog("说明.doc", reason: "文件中没有表格"))
        } else {
            #expect(error?.description.contains("libreoffice-writer-nogui") == true)
        }
    }

    @Test func docCutOff() throws {
        let data = try Self.fixture("web-catalog.doc").prefix(5000)
        let error = Self.failure(Data(data), "目录.doc")
        if LegacyOfficeConverter.locateSoffice() != nil {
            #expect(error == .conversionFailed("目录.doc", format: "Word 97-2003 (.doc)", reason: "LibreOffice 打不开该文件"))
            #expect(error?.description.contains("无法用 LibreOffice 转换") == true)
        } else {
            #expect(error?.description.contains("需要安装 LibreOffice") == true)
        }
    }

    @Test func missingLibreOfficeNamesThePackage() throws {
        let doc = try Self.fixture("web-catalog.doc")
        let word = try #require(LegacyOfficeConverter.oleFormat(doc, fileName: "目录.doc"))
        #expect(throws: ImportError.needsLibreOffice("目录.doc", format: "Word 97-2003 (.doc)", package: "libreoffice-writer-nogui")) {
            try LegacyOfficeConverter.read(doc, format: word, fileName: "目录.doc", soffice: nil)
        }
        let xls = try Self.fixture("web-catalog.xls")
        let excel = try #require(LegacyOfficeConverter.oleFormat(xls, fileName: "目录.et"))
        #expect(excel.name == "WPS 表格 (.et)")
        let error = ImportError.needsLibreOffice("目录.et", format: excel.name, package: excel.package)
        #expect(error.description == "“目录.et”是 WPS 表格 (.et) 格式，需要安装 LibreOffice（Debian 软件包 libreoffice-calc-nogui）才能转换导入；也可以在 Word 或 WPS 中另存为 .docx/.xlsx 后导入。")
        #expect(LegacyOfficeConverter.locateSoffice(environment: ["GONGKAI_SOFFICE": "/nonexistent/soffice"]) == nil)
    }

    @Test func aConversionThatHangsIsStoppedWithItsHelpers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fake-soffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("soffice")
        try "#!/bin/sh\nsleep 30 &\nsleep 30\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let started = Date()
        let format = LegacyFormat(family: .document, name: "Word 97-2003 (.doc)", inputExtension: "doc")
        #expect(throws: ImportError.conversionFailed("目录.doc", format: format.name, reason: "转换超过1秒仍未完成")) {
            try LegacyOfficeConverter.convert(Data([1, 2, 3]), format: format, fileName: "目录.doc", soffice: script, timeLimit: 1)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func oleFilesAreToldApartByTheirStreams() throws {
        // A Word file named .xls is still Word; an Excel file named .doc is still Excel.
        #expect(LegacyOfficeConverter.oleFormat(try Self.fixture("web-catalog.doc"), fileName: "a.xls")?.family == .document)
        #expect(LegacyOfficeConverter.oleFormat(try Self.fixture("web-catalog.xls"), fileName: "a.doc")?.family == .spreadsheet)
        let powerPoint = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0, count: 512)
        #expect(throws: ImportError.unsupported("a.ppt", format: "OLE 复合文档（不是 Word 或 Excel，可能是 PowerPoint 或加密文件）")) {
            try CatalogImporter.importData(powerPoint, fileName: "a.ppt")
        }
    }
}
