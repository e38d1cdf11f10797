import Foundation
import GongkaiCore

/// What a table column holds, recognised from its header label or guessed from its cells.
enum ColumnRole: Hashable, Sendable {
    case sequence
    case level(Int)
    case code
    case content, legalBasis, deadline, publisher, responsible, channel
    case stageText, stageFlag(Stage)
    case audienceText, audienceFlag(Audience)
    case modeText, modeFlag(Mode)
    case tierText, tierFlag([Tier])
    case updateFrequency, remarks
    case unknown(String)
    /// Left out of the catalog, as staff chose (忽略).
    case ignored

    /// Chinese name used in diagnostics.
    var label: String {
        switch self {
        case .sequence: "序号"
        case .level(let n): "\(["一", "二", "三", "四", "五"][min(max(n, 1), 5) - 1])级事项"
        case .code: "目录编码"
        case .content: "公开内容"
        case .legalBasis: "公开依据"
        case .deadline: "公开时限"
        case .publisher: "公开主体"
        case .responsible: "责任主体"
        case .channel: "公开渠道和载体"
        case .stageText: "过程"
        case .stageFlag(let stage): stage.label
        case .audienceText: "公开对象"
        case .audienceFlag(let audience): audience.label
        case .modeText: "公开方式"
        case .modeFlag(let mode): mode.label
        case .tierText: "公开层级"
        case .tierFlag(let tiers): tiers.map(\.label).joined(separator: "、")
        case .updateFrequency: "更新频率"
        case .remarks: "备注"
        case .unknown(let text): text.isEmpty ? "（无表头）" : text
        case .ignored: "忽略"
        }
    }

    /// Roles whose sub-columns a two-row header lists under them (公开事项 → 一级事项, 二级事项…).
    var family: Int? {
        switch self {
        case .level: 1
        case .stageText, .stageFlag: 2
        case .audienceText, .audienceFlag: 3
        case .modeText, .modeFlag: 4
        case .tierText, .tierFlag: 5
        default: nil
        }
    }

    var isFlag: Bool {
        switch self {
        case .stageFlag, .audienceFlag, .modeFlag, .tierFlag: true
        default: false
        }
    }

    /// Recognises a header label; nil when the label is not one catalogs use.
    static func recognize(_ raw: String) -> ColumnRole? {
        // Labels are short; long cell texts (most cells of a data row) are never labels.
        guard raw.utf8.count <= 60 else { return nil }
        let label = raw.filter { !$0.isWhitespace }
        guard !label.isEmpty, label.count <= 12 else { return nil }
        let chars = Array(label)
        // 一级事项, 二级指标, 三级目录 …, and 一级/二级 alone.
        if chars.count >= 2, chars[1] == "级", let level = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5][chars[0]],
           ["", "指标", "事项", "目录", "栏目", "分类", "类别", "事项名称", "目录名称", "标题", "项目", "子项"].contains(String(chars[2...])) {
            return .level(level)
        }
        switch label {
        case "序号", "编号": return .sequence
        case "公开事项", "事项名称", "公开事项名称", "事项", "栏目", "类别", "分类", "大类", "事项类别", "信息类别", "公开类别",
             "目录类别", "栏目名称", "目录名称": return .level(1)
        case "小类", "子类", "子项", "子项名称", "具体事项", "事项子项": return .level(2)
        case "公开主体", "发布主体", "发布机构", "公开单位", "公开部门": return .publisher
        case "公开时间", "公开期限", "发布时间": return .deadline
        case "公开要素", "要素": return .content
        case "过程", "公开属性", "五公开", "公开环节": return .stageText
        case "公开对象": return .audienceText
        case "全社会", "社会公众": return .audienceFlag(.public)
        case "公开方式": return .modeText
        case "主动", "主动公开": return .modeFlag(.proactive)
        case "依申请", "依申请公开": return .modeFlag(.onRequest)
        case "公开层级": return .tierText
        case "更新频率": return .updateFrequency
        case "备注", "说明": return .remarks
        default: break
        }
        if label.hasPrefix("特定") { return .audienceFlag(.specific) }
        if label.includes("编码") || label == "代码" { return .code }
        if label.hasPrefix("公开内容") || label.hasPrefix("维护内容") || label == "内容" || label.hasPrefix("内容要素") { return .content }
        if label.includes("依据") { return .legalBasis }
        if label.includes("时限") { return .deadline }
        if label.includes("责任") { return .responsible }
        if label.includes("渠道") || label.includes("载体") { return .channel }
        if let stages = Stage.parse(label), stages.count == 1 { return .stageFlag(stages[0]) }
        if label.hasSuffix("级"), label.count <= 6 {
            let tiers = Tier.parse(label)
            if !tiers.isEmpty { return .tierFlag(tiers) }
        }
        return nil
    }
}
