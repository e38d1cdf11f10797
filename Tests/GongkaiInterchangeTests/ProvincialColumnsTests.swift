import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Provincial column sets: 事项类别/事项名称, 内容要求, 过程 with 五公开 boxes, 公开格式, phones, 更新频率, and a
/// column no template names; numbers written "1." and outline codes "一、".
@Suite struct ProvincialColumnsTests {
    static let text = """
    某县民政局社会救助领域政务公开事项目录
    序号 | 事项类别 | 事项名称 | 内容要求 | 公开依据 | 公开时限 | 公开主体 | 公开渠道 | 过程 | 公开格式 | 咨询及监督举报电话 | 更新频率 | 备查说明 |
    1. | 一、综合业务 | 政策法规文件 | 社会救助相关法律法规和政策文件 | 《社会救助暂行办法》 | 信息形成或者变更之日起20个工作日内 | 县民政局 | ■政府网站□政府公报 | □决策 ■执行 □管理 □服务 □结果 | 文本 | 0533-1234567 | 实时更新 | 无 |
    2. | | 办事指南 | 办理条件、申请材料、办理流程 | 《最低生活保障审核确认办法》 | 信息形成或者变更之日起20个工作日内 | 县民政局 | ■政府网站■公开查阅点 | □决策 □执行 □管理 ■服务 □结果 | 文本 | 0533-1234567 | 实时更新 | 无 |
    """

    @Test func everyColumnFindsItsPlace() throws {
        let result = try CatalogImporter.importData(Data(Self.text.utf8), fileName: "民政.txt")
        #expect(result.format == TextLayout.pipes.label)
        let catalog = result.catalog
        #expect(catalog.items.map(\.path) == [["综合业务", "政策法规文件"], ["综合业务", "办事指南"]])
        #expect(catalog.roots.first?.code == "一")
        let items = catalog.items.map(\.item)
        #expect(items.map(\.content) == ["社会救助相关法律法规和政策文件", "办理条件、申请材料、办理流程"])
        #expect(items.map(\.stages) == [[.execution], [.service]])
        #expect(items.allSatisfy { $0.updateFrequency == "实时更新" && $0.remarks.contains("咨询及监督举报电话：0533-1234567") })
        #expect(items.allSatisfy { $0.remarks.contains("备查说明：无") && $0.doubts == nil })
        #expect(items[1].checkedChannelNames == ["政府网站", "公开查阅点"])
    }
}
