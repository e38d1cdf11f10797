import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Tables as text: a 教育局 catalog copied from its web page (cells separated by " | ", rows wrapped where
/// cells had line breaks, a header over two lines, rowspanned cells missing) and a hospital's Markdown table.
@Suite struct PipeTableTests {
    static func load(_ name: String) throws -> ImportResult {
        try CatalogImporter.importFile(at: SeedFiles.fixtures.appendingPathComponent(name))
    }

    @Test func tableCopiedFromABrowser() throws {
        let result = try Self.load("web-catalog-copied.txt")
        #expect(result.format == "竖线分隔文本")
        let catalog = result.catalog
        #expect(catalog.title == "澄水区教育局政务公开事项标准目录")
        #expect(catalog.agency.name == "澄水区教育局")
        #expect(result.publishedDate == CivilDate(year: 2024, month: 3, day: 15))
        let items = catalog.items
        #expect(items.map(\.path) == [["教育规划", "教育发展规划"], ["教育规划", "教育统计"], ["招生入学", "义务教育招生政策"],
                                      ["招生入学", "招生结果"], ["学生资助", "资助政策"], ["学生资助", "资助名单"],
                                      ["教育督导", "督导评估报告"], ["安全管理", "校园安全事件"]])
        let item = items.map(\.item)
        // Wrapped rows: the line breaks inside a cell are kept, the row is one item spanning its lines.
        #expect(item[0].content == "区域教育事业发展规划\n年度工作计划和总结")
        #expect((item[0].provenance.first, item[0].provenance.last) == (7, 9))
        #expect(item[5].content == "受助学生名单（按要求去标识化）\n公示期不少于5个工作日")
        #expect(item.map(\.deadlineText) == ["自该信息形成或者变更之日起20个工作日内", "每年6月底前公开上年度统计公报", "招生工作开始前公开",
                                             "录取工作结束后5个工作日内", "自该信息形成或者变更之日起20个工作日内",
                                             "每学期资助评审结束后10个工作日内", "督导报告形成之日起20个工作日内", "即时公开"])
        // Cells a rowspan covered are missing from the copy: 公开依据 and 公开主体 come from the row above.
        #expect(item[1].legalBases.first?.documentNumber == "国务院令第711号")
        #expect(item[3].legalBasisText == "《中华人民共和国义务教育法》")
        #expect(item[5].legalBases.first?.documentNumber == "财教〔2021〕310号")
        #expect(item.map(\.publisher) == ["澄水区教育局", "澄水区教育局", "澄水区教育局、各中小学校", "澄水区教育局、各中小学校",
                                          "澄水区教育局", "澄水区教育局", "区人民政府教育督导室", "澄水区教育局"])
        #expect(item[3].responsibleUnits == ["澄水区教育局", "各中小学校"])
        #expect(item.map(\.checkedChannelNames) == [["政府网站", "两微一端"], ["政府网站"], ["政府网站", "两微一端", "公开查阅点"],
                                                    ["政府网站", "精准推送"], ["政府网站", "公开查阅点"], ["公开查阅点", "精准推送"],
                                                    ["政府网站"], ["政府网站", "两微一端"]])
        #expect(item.map(\.audiences) == [[.public], [.public], [.public], [.specific], [.public], [.specific], [.public], [.public]])
        #expect(item.allSatisfy { $0.modes == [.proactive] })
        // Trailing empty cells are kept: 街镇级 is unticked where the row ends in " | ".
        #expect(item.map(\.tiers) == [[.district], [.district], [.district, .township], [.district, .township], [.district],
                                      [.district, .township], [.district], [.district, .township]])
        #expect(catalog.notes == ["注：公开层级中的“街镇级”指街道办事处和镇人民政府。"])
        #expect(result.count(.warning) == 0)

        let joins = result.diagnostics.filter { $0.kind == .continuationMerged }.compactMap(\.first)
        #expect(joins == [5, 8, 9, 12, 14, 17, 20])
        #expect(result.diagnostics.contains { $0.first == 8 && $0.message.contains("接在第7行单元格") })
        let rowspans = result.diagnostics.filter { $0.kind == .mergedCell }
        #expect(rowspans.map(\.first) == [10, 13, 16])
        #expect(rowspans.allSatisfy { $0.severity == .inference && $0.message.contains("“序号”“一级事项”“公开依据”“公开主体”") })
        #expect(result.diagnostics.contains { $0.message == "目录发布日期取自第2行：“日期：2024年3月15日”，为2024-03-15" })
    }

    /// Browsers put TABs between the cells they copy: the same table, the same reading.
    @Test func tableCopiedWithTabs() throws {
        let text = try String(contentsOf: SeedFiles.fixtures.appendingPathComponent("web-catalog-copied.txt"), encoding: .utf8)
            .replacingOccurrences(of: " | ", with: "\t").replacingOccurrences(of: " |", with: "\t").replacingOccurrences(of: "| ", with: "\t")
        let tabbed = try CatalogImporter.importData(Data(text.utf8), fileName: "复制.txt")
        let piped = try Self.load("web-catalog-copied.txt")
        #expect(tabbed.format == "网页复制的表格（制表符分隔）")
        #expect(tabbed.catalog.items.map(\.path) == piped.catalog.items.map(\.path))
        #expect(tabbed.catalog.items.map(\.item.content) == piped.catalog.items.map(\.item.content))
        #expect(tabbed.catalog.items.map(\.item.publisher) == piped.catalog.items.map(\.item.publisher))
        #expect(tabbed.catalog.items.map(\.item.tiers) == piped.catalog.items.map(\.item.tiers))
        #expect(tabbed.catalog.items.map(\.item.checkedChannelNames) == piped.catalog.items.map(\.item.checkedChannelNames))
    }

    @Test func hospitalMarkdownTableWithThreeLevels() throws {
        let result = try Self.load("hospital-catalog.md")
        #expect(result.format == "Markdown 表格")
        let catalog = result.catalog
        #expect(catalog.agency.name == "清河县人民医院")
        #expect(catalog.title == "清河县人民医院院务公开事项目录（2024年版）")
        #expect(catalog.version == "2024年版")
        #expect(result.publishedDate == CivilDate(year: 2024, month: 3, day: 1))
        let items = catalog.items
        // 类别 | 一级 | 二级: 类别 is the top level, so the tree is three deep.
        #expect(items.map(\.path) == [["基本信息", "医院概况", "机构简介"], ["基本信息", "医院概况", "专家介绍"],
                                      ["基本信息", "服务指南", "就诊流程"], ["医疗服务", "价格收费", "医疗服务价格"],
                                      ["医疗服务", "价格收费", "住院费用清单"], ["医疗服务", "医疗质量", "医疗纠纷处理"],
                                      ["行风建设", "投诉管理", "投诉渠道"], ["行风建设", "信息公开", "依申请公开"]])
        #expect(result.diagnostics.contains { $0.kind == .columnGuessed && $0.message.contains("按从左到右依次作为一级至三级") })
        let item = items.map(\.item)
        #expect(item[2].content == "门诊、住院、急诊就诊流程\n预约挂号方式")
        // Empty cells under a value share it within the same top-level category.
        #expect(item[1].legalBases.first?.documentNumber == "国卫办发〔2021〕43号")
        #expect(item[4].legalBases.first?.documentNumber == "国卫财务发〔2019〕64号")
        #expect(item.map(\.deadlineText) == ["信息形成或者变更之日起20个工作日内", "出诊安排变更后3个工作日内", "及时公开并动态更新",
                                             "价格调整后即时公开", "每日提供", "信息形成或者变更之日起20个工作日内", "及时公开", "及时公开"])
        #expect(item.map(\.responsibleUnits) == [["院办公室"], ["医务科"], ["门诊部"], ["财务科", "价格管理科"], ["住院处"], ["医务科"],
                                                 ["党委办公室", "医务科"], ["院办公室"]])
        // √ ticks a channel; the hospital's own site and WeChat account are kept as written.
        #expect(item[0].checkedChannelNames == ["医院网站", "社区/村居/企事业单位公示栏（电子屏）"])
        #expect(item[0].channels.filter { !$0.checked }.map(\.name) == ["微信公众号"])
        #expect(item[3].checkedChannelNames == ["医院网站", "社区/村居/企事业单位公示栏（电子屏）", "电子显示屏"])
        #expect(item[4].checkedChannelNames == ["精准推送"])
        #expect(item.map(\.audiences) == [[.public], [.public], [.public], [.public], [.specific], [.public], [.public], [.public]])
        #expect(item[7].modes == [.proactive, .onRequest])
        #expect(item[0].modes == [.proactive])
        #expect(catalog.notes == ["注：本目录由院办公室负责解释。"])
        #expect(result.count(.warning) == 0)
    }

    @Test func wrappedRowsWithoutNumbersAndMarkdownDetails() throws {
        // No 序号 column: a line starts a row once the row before is full; "\|" is a pipe inside a cell.
        let text = """
        某镇人民政府政务公开目录
        一级事项 | 二级事项 | 公开内容 | 公开时限 | 公开主体
        财政信息 | 预算决算 | 镇本级预算、决算
        及“三公”经费 | 批复后20日内 | 某镇人民政府
        财政信息 | 惠民资金 | 补贴对象 \\| 补贴标准 | 每季度公开 | 某镇人民政府
        """
        let result = try CatalogImporter.importData(Data(text.utf8), fileName: "镇目录.txt")
        #expect(result.catalog.items.map(\.path) == [["财政信息", "预算决算"], ["财政信息", "惠民资金"]])
        #expect(result.catalog.items[0].item.content == "镇本级预算、决算\n及“三公”经费")
        #expect(result.catalog.items[1].item.content == "补贴对象 | 补贴标准")
        #expect(result.catalog.agency.name == "某镇人民政府")
    }

    @Test func markdownRowsShorterThanTheHeaderArePaddedAtTheEnd() throws {
        let text = """
        # 某街道办事处政务公开目录
        | 一级事项 | 二级事项 | 公开内容 | 公开时限 | 全社会 | 特定群体 |
        |---|---|---|---|---|---|
        | 机构信息 | 机构职能 | 职责、内设机构 | 20个工作日内 | √ |
        | 机构信息 | 领导信息 | 姓名、职务、分工 | 20个工作日内 |  | √ |
        """
        let result = try CatalogImporter.importData(Data(text.utf8), fileName: "街道.md")
        #expect(result.catalog.items.map(\.item.audiences) == [[.public], [.specific]])
        #expect(!result.diagnostics.contains { $0.kind == .mergedCell })
    }
}
