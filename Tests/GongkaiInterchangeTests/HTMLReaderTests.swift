import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// The HTML reader on the shapes real pages take: Word's "save as web page", sloppy markup, nested
/// layout tables, tables split into a header and a body table, and single-file (.mht) pages.
@Suite struct HTMLReaderTests {
    static let header = "<tr><th>序号</th><th>一级事项</th><th>二级事项</th><th>公开内容</th><th>公开时限</th><th>公开渠道</th></tr>"

    static func read(_ html: String, fileName: String = "page.html") throws -> ImportResult {
        try CatalogImporter.importData(Data(html.utf8), fileName: fileName)
    }

    @Test func entities() {
        #expect(HTMLEntities.decode("&ldquo;双随机&rdquo;&nbsp;&#8220;&#x25A1;&amp;&lt;&middot;&radic;&unknown;") == "“双随机”\u{A0}“□&<·√&unknown;")
        #expect(HTMLEntities.decode("A&amp B &#26041") == "A& B 方")
    }

    @Test func tokenizerToleratesSloppyMarkup() throws {
        let tokens = try HTMLTokenizer.tokenize(#"<TD width=120 class='a' nowrap>x<!-- <td> --><script>if (a<b) "</td>"</script><![if !supportLists]>1.<![endif]></td>"#)
        #expect(tokens == [.start("td", ["width": "120", "class": "a", "nowrap": ""], selfClosing: false), .text("x"),
                           .start("script", [:], selfClosing: false), .end("script"), .text("1."), .end("td")])
    }

    @Test func wordSavedAsWebPage() throws {
        // Word's markup: unquoted attributes, <o:p>, Wingdings ticks, unclosed <td>/<tr>/<p>; a stale gbk tag on UTF-8 bytes.
        let html = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
        <meta http-equiv=Content-Type content="text/html; charset=gbk"><title>目录</title></head>
        <body lang=ZH-CN><div class=WordSection1>
        <p class=MsoNormal align=center>某县教育局政务公开事项目录<o:p></o:p>
        <p class=MsoNormal>发布日期：2023年6月1日
        <table class=MsoTableGrid border=1>
        \(Self.header)
        <tr><td>1<td rowspan=2><p class=MsoNormal>教育政策<o:p></o:p></p><td>规范性文件<td>文件全文<td>20个工作日内
        <td><span style='font-family:Wingdings;mso-char-type:symbol;mso-symbol-font-family:Wingdings'>þ</span>政府网站<span style='font-family:Wingdings'>¨</span>政府公报
        <tr><td>2<td>政策解读<td>解读材料<td>同步公开<td><font face="Wingdings 2">R</font>政府网站
        </table>
        </div></body></html>
        """
        let result = try Self.read(html, fileName: "教育局目录.htm")
        #expect(result.catalog.agency.name == "某县教育局")
        #expect(result.publishedDate == CivilDate(year: 2023, month: 6, day: 1))
        let items = result.catalog.items
        #expect(items.map(\.path) == [["教育政策", "规范性文件"], ["教育政策", "政策解读"]])
        #expect(items[0].item.checkedChannelNames == ["政府网站"])
        #expect(items[0].item.channels.filter { !$0.checked }.map(\.name) == ["政府公报"])
        #expect(items[1].item.checkedChannelNames == ["政府网站"])
        #expect(items[1].item.channels.allSatisfy { $0.checked })
    }

    @Test func catalogNestedInALayoutTableWithItsTitleInAnother() throws {
        let html = """
        <html><body>
        <table><tr><td>青禾市人民政府</td><td>首页</td></tr></table>
        <table width=1000><tr><td>
          <table><tr><td class=title>青禾市民政局政务公开事项标准目录</td></tr><tr><td>发布日期：2024-01-08</td></tr></table>
          <table border=1>\(Self.header)
            <tr><td>1</td><td>社会救助</td><td>低保标准</td><td>城乡低保标准<br>调整情况</td><td>20个工作日内</td><td>■政府网站</td></tr>
          </table>
          <p>注：本目录动态调整。</p>
        </td></tr></table>
        <table><tr><td>主办单位：青禾市人民政府办公室</td></tr></table>
        </body></html>
        """
        let result = try Self.read(html)
        #expect(result.catalog.title == "青禾市民政局政务公开事项标准目录")
        #expect(result.catalog.agency.name == "青禾市民政局")
        #expect(result.publishedDate == CivilDate(year: 2024, month: 1, day: 8))
        #expect(result.catalog.items.first?.item.content == "城乡低保标准\n调整情况")
        #expect(result.catalog.notes == ["注：本目录动态调整。"])
        #expect(result.diagnostics.contains { $0.message == "页面共有5个表格，第4个（2行）被识别为目录" })
    }

    @Test func headerAndBodyInSeparateTables() throws {
        // Script-built pages (e.g. element-ui tables) render the header and the body as two tables.
        let html = """
        <!DOCTYPE html><html><body><h2>某区司法局政务公开目录</h2>
        <div class="el-table__header-wrapper"><table><thead>\(Self.header)</thead></table></div>
        <div class="el-table__body-wrapper"><table><tbody>
        <tr><td>1</td><td>法律服务</td><td>公证机构</td><td>名称、地址、电话</td><td>及时公开</td><td>☑政府网站 ☐政府公报</td></tr>
        <tr><td>2</td><td>法律服务</td><td>法律援助</td><td>申请条件和流程</td><td>及时公开</td><td>☑政府网站</td></tr>
        </tbody></table></div></body></html>
        """
        let result = try Self.read(html)
        #expect(result.catalog.items.map(\.path.last) == ["公证机构", "法律援助"])
        #expect(result.catalog.agency.name == "某区司法局")
        #expect(result.diagnostics.contains { $0.message.contains("第1个是目录的表头，第2个（2行）是目录的内容") })
    }

    @Test func hiddenTextAndTitleRowsInsideTheTable() throws {
        let html = """
        <table border=1>
        <tr><td colspan=6>某县文化和旅游局政务公开目录</td></tr>
        \(Self.header)
        <tr><td>1</td><td>公共文化</td><td>场馆开放</td><td>开放时间<span style="display:none">内部备注</span></td><td>即时</td><td>政府网站</td></tr>
        </table>
        """
        let result = try Self.read(html)
        #expect(result.catalog.title == "某县文化和旅游局政务公开目录")
        #expect(result.catalog.agency.name == "某县文化和旅游局")
        #expect(result.catalog.items.first?.item.content == "开放时间")
        #expect(result.diagnostics.contains { $0.message == "页面共有1个表格，第1个（3行）被识别为目录" })
    }

    @Test func singleFileWebPage() throws {
        let page = "<html><head><meta charset=\"utf-8\"></head><body><p>某县水利局政务公开目录</p><table>\(Self.header)<tr><td>1</td><td>水利工程</td><td>工程建设</td><td>项目批复</td><td>20个工作日内</td><td>■政府网站</td></tr></table></body></html>"
        let encoded = Data(page.utf8).map { byte -> String in
            byte >= 0x80 || byte == UInt8(ascii: "=") ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
        }.joined()
        let mht = """
        MIME-Version: 1.0\r
        Content-Type: multipart/related; boundary="----=_NextPart_01D9"\r
        \r
        此文档为单个文件网页。\r
        \r
        ------=_NextPart_01D9\r
        Content-Location: file:///C:/catalog.htm\r
        Content-Transfer-Encoding: quoted-printable\r
        Content-Type: text/html; charset="utf-8"\r
        \r
        \(encoded)\r
        ------=_NextPart_01D9--\r
        """
        let result = try CatalogImporter.importData(Data(mht.utf8), fileName: "目录.mht")
        #expect(result.format == "单个文件网页 (.mht)")
        #expect(result.catalog.agency.name == "某县水利局")
        #expect(result.catalog.items.map(\.path) == [["水利工程", "工程建设"]])
    }

    @Test func utf16TextWithByteOrderMark() throws {
        let text = "某县统计局政务公开目录\n一级事项\t二级事项\t公开内容\t公开时限\n统计信息\t统计公报\t年度统计公报\t每年3月底前\n统计信息\t统计数据\t月度数据\t每月15日前\n"
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let result = try CatalogImporter.importData(data, fileName: "Unicode文本.txt")
        #expect(result.encoding == "UTF-16LE")
        #expect(result.format == "TSV")
        #expect(result.catalog.items.count == 2)
    }
}

extension HTMLReaderTests {
    @Test func subHeaderSplittingOnlyTheItemColumn() throws {
        let html = """
        <table border=1>
        <tr><td rowspan=2>序号</td><td colspan=2>公开事项</td><td rowspan=2>公开内容</td><td rowspan=2>公开时限</td><td rowspan=2>公开主体</td></tr>
        <tr><td>一级事项</td><td>二级事项</td></tr>
        <tr><td>1</td><td rowspan=2>机构信息</td><td>机构职能</td><td>职责</td><td>20个工作日内</td><td rowspan=2>某县林业局</td></tr>
        <tr><td>2</td><td>领导信息</td><td>姓名、职务</td><td>20个工作日内</td></tr>
        </table>
        """
        let result = try Self.read(html)
        #expect(result.catalog.items.map(\.path) == [["机构信息", "机构职能"], ["机构信息", "领导信息"]])
        #expect(result.catalog.items.map(\.item.publisher) == ["某县林业局", "某县林业局"])
        #expect(result.catalog.agency.name == "某县林业局")
    }
}

extension HTMLReaderTests {
    @Test func catalogInAHiddenTabIsStillRead() throws {
        let html = """
        <html><body><h1>某县农业农村局政务公开目录</h1>
        <div class="tab" style="display: none"><table>\(Self.header)
        <tr><td>1</td><td>农业补贴</td><td>耕地地力保护补贴</td><td>补贴标准和发放情况</td><td>发放后20个工作日内</td><td>■政府网站</td></tr>
        </table></div></body></html>
        """
        let result = try Self.read(html)
        #expect(result.catalog.items.map(\.path) == [["农业补贴", "耕地地力保护补贴"]])
        #expect(result.catalog.agency.name == "某县农业农村局")
    }
}
