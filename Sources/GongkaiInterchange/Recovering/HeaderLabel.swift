import GongkaiCore

/// A header cell of a disclosure catalog as the provincial and national templates name it.
enum HeaderLabel: Equatable, Sendable {
    case sequence
    /// 公开事项 and its kin: the columns naming the item (split into levels by a second header row).
    case items
    /// 事项类型/事项类别: a category column; right before 公开事项 it is the top level of the path.
    case category(String)
    case level(Int)
    case content, basis, deadline, publisher, responsible, channel
    case audienceGroup, audience(Audience)
    case modeGroup, mode(Mode)
    case tierGroup, tier(String)
    case stageGroup, stage(Stage)
    /// 公开属性: 主动公开/依申请公开 in some catalogs, 决策/执行/… in others; read by content.
    case attribute
    /// A column kept as written in the item's remarks (条款内容, 咨询电话, 链接…).
    case extra(String)
    /// A label that lost its second half ("公开" for 公开时限 or 公开主体): the column is found by its cells.
    case lost(String)

    /// Sub-labels belong under a group of the first header row.
    var isSubLabel: Bool {
        switch self {
        case .level, .audience, .mode, .tier, .stage: true
        default: false
        }
    }

    /// Whether `group` is the first-row label this sub-label sits under.
    func belongs(under group: HeaderLabel) -> Bool {
        switch (self, group) {
        case (.level, .items), (.audience, .audienceGroup), (.mode, .modeGroup), (.tier, .tierGroup),
             (.stage, .stageGroup), (.stage, .attribute), (.mode, .attribute): true
        default: false
        }
    }

    /// Text of a header cell without spaces, line breaks and explanations in brackets
    /// ("公开内容 (要素)", "公开渠道和载体(在标注范围内至少选择其一公开…)").
    static func normalize(_ text: String) -> String {
        var result = ""
        var depth = 0
        for char in text where !char.isWhitespace {
            if char == "(" || char == "（" { depth += 1; continue }
            if char == ")" || char == "）" { depth = max(depth - 1, 0); continue }
            if depth == 0 { result.append(char) }
        }
        return result
    }

    /// `longNames`: also the longer names of the usual columns (公开内容和标准); not for text joined from several cells,
    /// where "公开依据" + "公开" + "公开" would read as one long name.
    static func recognize(_ raw: String, longNames: Bool = true) -> HeaderLabel? {
        let label = normalize(raw)
        guard !label.isEmpty, label.count <= 14 else { return nil }
        let levels: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5]
        let chars = Array(label)
        if chars.count >= 2, chars[1] == "级", let level = levels[chars[0]],
           ["", "事项", "指标", "目录", "栏目", "分类", "类别", "事项名称"].contains(String(chars[2...])) {
            return .level(level)
        }
        switch label {
        case "序号", "编号": return .sequence
        case "公开事项", "事项名称", "公开事项名称", "事项", "信息名称": return .items
        case "事项类型", "事项类别", "信息类别", "类别": return .category(label)
        case "公开内容", "公开内容要素", "内容", "内容要素", "公开要素", "内容规范", "内容要求", "维护内容及要求", "公开内容要求":
            return .content
        case "公开依据", "依据": return .basis
        case "公开时限", "时限", "时限要求", "公开时间", "公开期限", "更新时限": return .deadline
        case "公开主体", "发布主体", "发布机构", "公开单位", "公开部门": return .publisher
        case "公开渠道和载体", "公开渠道", "公开载体", "公开形式", "渠道", "公开途径", "发布渠道": return .channel
        case "公开对象": return .audienceGroup
        case "全社会", "社会公众", "全社": return .audience(.public)
        case "公开方式": return .modeGroup
        case "主动", "主动公开": return .mode(.proactive)
        case "依申请", "依申请公开", "依申": return .mode(.onRequest)
        case "公开层级": return .tierGroup
        case "五公开", "过程", "公开环节", "公开过程": return .stageGroup
        case "公开属性": return .attribute
        case "公开": return .lost(label)
        default: break
        }
        if label.hasPrefix("特定") && label.count <= 4 { return .audience(.specific) }
        // Longer names of the usual columns: 公开内容和标准, 公开事项及类别, 公开依据（条款）, 公开渠道及方式, 公开责任.
        for (prefix, role) in [("公开内容", HeaderLabel.content), ("公开事项", .items), ("公开依据", .basis), ("公开时限", .deadline),
                               ("公开渠道", .channel), ("公开责任", .responsible), ("公开主体", .publisher)]
            where longNames && label.hasPrefix(prefix) {
            let rest = String(label.dropFirst(prefix.count))
            if rest.isEmpty || recognize(rest) == nil { return role }
        }
        if label.hasPrefix("责任") { return .responsible }
        if label.hasSuffix("电话") { return .extra(label) }
        if let stages = Stage.parse(label), stages.count == 1 { return .stage(stages[0]) }
        if label.hasSuffix("级"), label.count <= 5, !Tier.parse(label).isEmpty { return .tier(label) }
        for known in ["条款内容", "依据效力位阶", "对应职责", "咨询电话", "监督举报电话", "举报电话", "监督电话", "链接", "网址",
                      "更新频率", "公开格式", "备注", "说明", "政府网站", "事项类别", "公开范围", "保存期限", "主管部门"]
            where label.hasPrefix(known) {
            return .extra(known == "事项类别" ? label : known)
        }
        return nil
    }

    /// Labels whose presence makes a run of cells a catalog header rather than text that mentions one.
    var isStrong: Bool {
        switch self {
        case .sequence, .items, .content, .basis, .deadline, .publisher, .responsible, .channel, .audienceGroup, .modeGroup,
             .level:
            true
        default: false
        }
    }
}
