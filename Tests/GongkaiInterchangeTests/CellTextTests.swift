@testable import GongkaiInterchange
import Testing

@Suite struct CellTextTests {
    @Test func spacesInsideChineseAreRemovedButNotBetweenLatinWords() {
        #expect(CellText.singleLine("协议 定点 医药 机构 服务").text == "协议定点医药机构服务")
        #expect(CellText.singleLine("2021 年 4 月").text == "2021年4月")
        #expect(CellText.singleLine("PDF file").text == "PDF file")
        #expect(CellText.singleLine("建议提案\n办理").text == "建议提案办理")
    }

    @Test func namesLoseCodesMarksAndBookmarks() {
        #expect(NameCell.parse("政策法规\n010000") == NameCell(name: "政策法规", code: "010000", marks: nil))
        #expect(NameCell.parse("★●行政权力运行结果\n210100") == NameCell(name: "行政权力运行结果", code: "210100", marks: "★●"))
        #expect(NameCell.parse("规划计划030000").code == "030000")
        #expect(CellText.removingArtifacts("6 [bookmark: _Hlk1][bookmark: OLE_LINK7]") == "6 ")
    }

    @Test func parentCodes() {
        #expect(LevelResolver.parentCode(of: "010100") == "010000")
        #expect(LevelResolver.parentCode(of: "210200") == "210000")
        #expect(LevelResolver.parentCode(of: "010000") == nil)
    }

    @Test func headerLabels() {
        #expect(ColumnRole.recognize("公  开  依  据") == .legalBasis)
        #expect(ColumnRole.recognize("时限要求及方式") == .deadline)
        #expect(ColumnRole.recognize("三级指标") == .level(3))
        #expect(ColumnRole.recognize("依申\n请公开") == .modeFlag(.onRequest))
        #expect(ColumnRole.recognize("乡、村级") == .tierFlag([.township, .village]))
        #expect(ColumnRole.recognize("维护内容及要求") == .content)
    }

    @Test func checkboxCells() {
        let glyphs = ChannelCell.read("■政府网站   □政府公报\n■两微一端")
        #expect(glyphs.marks.map(\.checked) == [true, false, true])
        let html = ChannelCell.read(#"<input checked="" type="checkbox"/> 政府网站 <input type="checkbox"/> 政府公报"#)
        #expect(html.marks.map(\.name) == ["政府网站", "政府公报"])
        #expect(html.marks.map(\.checked) == [true, false])
        let plain = ChannelCell.read("“高青县人民政府”网站公开")
        #expect(plain.inferredFromText && plain.marks.first?.standard == .website)
    }
}
