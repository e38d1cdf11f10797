/// The inspection class of a column (栏目), which sets how often it must be updated.
///
/// 国办秘函〔2019〕19号 单项否决 "栏目不更新": 动态、要闻类 columns not updated in the 2 weeks before the
/// monitoring time and 通知公告、政策文件类 一级栏目 not updated in 6 months count together (≥5 vetoes the site).
/// The 1-year rule for 人事、规划计划类 comes from the 2015 census monitoring tool; whether the 2019 指标
/// keeps it is UNCONFIRMED (REGULATIONS §3.1).
///
/// Matching a catalog item to a class by keywords in its name and path is our **inference**: inspectors
/// judge columns by their content, and the rule's "一级栏目" restriction is not applied.
public enum ColumnCategory: String, Codable, Sendable, CaseIterable {
    /// 动态、要闻类: 2 weeks.
    case news
    /// 通知公告、政策文件类: 6 months.
    case notices
    /// 人事、规划计划类: 1 year.
    case personnelPlanning
    /// Anything else: no inspection interval of its own.
    case other

    /// Keywords, tried on the item's name first, then on its ancestors from the nearest up; within one name
    /// the classes are tried in this order.
    static let keywords: [(ColumnCategory, [String])] = [
        (.news, ["动态", "要闻", "新闻", "资讯", "快讯"]),
        // Not 公示: 双公示 (行政许可、行政处罚) columns follow their events, not a 6-month rhythm.
        (.notices, ["通知公告", "公告", "通知", "政策文件", "规范性文件", "政策法规", "文件"]),
        (.personnelPlanning, ["人事", "任免", "招录", "招聘", "招考", "规划", "计划"]),
    ]

    /// The class of an item called `name` under `path` (ancestor names, top level first; may end with `name`).
    public static func classify(name: String, path: [String]) -> ColumnCategory {
        var names = [name]
        for ancestor in path.reversed() where ancestor != name { names.append(ancestor) }
        for text in names {
            for (category, words) in keywords where words.contains(where: text.includes) { return category }
        }
        return .other
    }

    /// The interval inspectors allow between updates; nil for `.other`.
    public var inspectionLimit: StalenessLimit? {
        switch self {
        case .news: StalenessLimit(count: 14, unit: .day, source: .inspection(self))
        case .notices: StalenessLimit(count: 6, unit: .month, source: .inspection(self))
        case .personnelPlanning: StalenessLimit(count: 12, unit: .month, source: .inspection(self))
        case .other: nil
        }
    }

    /// 动态要闻类 / 通知公告、政策文件类 / 人事、规划计划类 / 其他
    public var label: String {
        switch self {
        case .news: "动态、要闻类"
        case .notices: "通知公告、政策文件类"
        case .personnelPlanning: "人事、规划计划类"
        case .other: "其他"
        }
    }
}
