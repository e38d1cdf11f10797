import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Headers, levels, short rows, agencies and dates as catalogs outside 医疗保障 write them.
@Suite struct HeaderAndIdentityTests {
    @Test func levelLabels() {
        #expect(ColumnRole.recognize("一级") == .level(1))
        #expect(ColumnRole.recognize("二级") == .level(2))
        #expect(ColumnRole.recognize("三级事项名称") == .level(3))
        #expect(ColumnRole.recognize("类别") == .level(1))
        #expect(ColumnRole.recognize("市级") == .tierFlag([.city]))
        #expect(ColumnRole.recognize("街镇级") == .tierFlag([.township]))
        #expect(HeaderReader.renumberingLevels([.sequence, .level(1), .level(1), .level(2), .content])
                == [.sequence, .level(1), .level(2), .level(3), .content])
        #expect(HeaderReader.renumberingLevels([.level(1), .level(2), .content]) == nil)
    }

    /// A browser copy of a two-row header: the second row holds only the sub-labels.
    @Test func twoLineHeaderCopiedFromAPageGivesOneRolePerColumn() {
        let top = ["序号", "公开事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", "公开方式", "公开层级"]
        let sub = ["一级事项", "二级事项", "全社会", "特定对象", "主动", "依申请", "市级", "区级", "街镇级"]
        let roles = HeaderReader.roles(top: top, sub: sub, exactColumns: false)
        #expect(roles == [.sequence, .level(1), .level(2), .content, .legalBasis, .deadline, .publisher, .channel,
                          .audienceFlag(.public), .audienceFlag(.specific), .modeFlag(.proactive), .modeFlag(.onRequest),
                          .tierFlag([.city]), .tierFlag([.district]), .tierFlag([.township])])
    }

    @Test func shortRowsCopiedFromAPageLoseRowspannedColumns() throws {
        let roles: [ColumnRole] = [.sequence, .level(1), .level(2), .content, .legalBasis, .deadline, .publisher, .channel]
        // 序号 and 一级事项 and 公开主体 are covered by rowspans in the row above.
        let placement = try #require(RowspanAligner.align(["政策解读", "解读材料", "《条例》", "同步公开", "■政府网站"], to: roles,
                                                          levelCount: 2, previousMissing: [], previousEmpty: []))
        #expect(placement.missing == [0, 1, 6])
        #expect(placement.columns == [2, 3, 4, 5, 7])
    }

    @Test func channelNamesSeparatedBySpaces() {
        let reading = ChannelCell.read("政府网站 政府公报 两微一端")
        #expect(reading.marks.map(\.name) == ["政府网站", "政府公报", "两微一端"])
        #expect(ChannelCell.read("郓城县政府网站").marks.map(\.name) == ["政府网站"])
    }

    @Test func agenciesOutsideHealthInsurance() {
        #expect(AgencyRecognizer.fromHeadings(["清河县人民医院院务公开事项目录（2024年版）"]) == ["清河县人民医院"])
        #expect(AgencyRecognizer.fromHeadings(["某中学校务公开目录"]) == ["某中学"])
        #expect(AgencyRecognizer.fromHeadings(["澄水区教育局2024年政务公开事项标准目录"]) == ["澄水区教育局"])
        #expect(AgencyRecognizer.fromHeadings(["关于印发《青禾市卫生健康委员会政务公开事项标准目录》的通知"]) == ["青禾市卫生健康委员会"])
        // Page metadata and footers name the site, not the catalog's agency; sentences name nothing.
        #expect(AgencyRecognizer.fromHeadings(["发布时间：2023-05-10 来源：青禾市卫生健康委员会", "主办单位：青禾市人民政府办公室",
                                               "根据《医疗卫生机构信息公开管理办法》，本院主动公开以下事项。"]).isEmpty)
        #expect(AgencyRecognizer.fromHeadings(["单位：灌南县医疗保障局"]) == ["灌南县医疗保障局"])
        #expect(AgencyRecognizer.title(in: ["当前位置：首页 > 政务公开 > 部门信息公开目录", "现将目录公布如下。", "青禾市民政局政务公开目录"])
                == "青禾市民政局政务公开目录")
        #expect(AgencyRecognizer.fromColumns(publishers: ["清河县人民医院", "清河县人民医院", "院办公室"], responsible: []) == "清河县人民医院")
        #expect(AgencyRecognizer.fromColumns(publishers: [], responsible: ["清河县人民医院医务科", "清河县人民医院财务科、护理部"])
                == "清河县人民医院")
    }

    @Test(arguments: [
        ("发布时间：2023-05-10 09:30  来源：青禾市卫生健康委员会", "2023-05-10", "发布时间：2023-05-10"),
        ("日期：2024年3月15日", "2024-03-15", "日期：2024年3月15日"),
        ("发布日期: 2023/5/9", "2023-05-09", "发布日期: 2023/5/9"),
        ("成文日期：二〇二三年十二月二十一日", "2023-12-21", "成文日期：二〇二三年十二月二十一日"),
        ("来源：市政府办 更新时间：2022.11.30", "2022-11-30", "更新时间：2022.11.30"),
    ])
    func publishedDates(line: String, date: String, text: String) throws {
        let found = try #require(PublishedDate.find(in: line))
        #expect(found.date.description == date)
        #expect(found.text == text)
    }

    @Test func unlabelledOrImpossibleDatesAreNotTaken() {
        #expect(PublishedDate.find(in: "2023-05-10") == nil)
        #expect(PublishedDate.find(in: "时间：上午九时") == nil)
        #expect(PublishedDate.find(in: "发布日期：2023-02-30") == nil)
    }
}
