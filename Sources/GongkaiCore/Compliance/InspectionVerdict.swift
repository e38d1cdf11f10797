/// How one agency's columns fare against the 栏目 single-veto (单项否决) conditions of 《政府网站与政务新媒体
/// 检查指标》 (国办秘函〔2019〕19号): any condition met fails the site, whatever its score.
///
/// Only the column conditions are judged here. The other veto items (security incidents, site unreachable,
/// home page not updated in 2 weeks, poor interaction) are outside what the catalog knows.
public struct InspectionVerdict: Codable, Sendable, Equatable {
    public struct Condition: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// 动态、要闻类 not updated in 2 weeks + 通知公告、政策文件类 not updated in 6 months.
            case staleColumns
            /// 应更新但长期未更新的栏目 (other stale columns; our reading, see docs/compliance.md).
            case longUnupdatedColumns
            /// 空白栏目.
            case blankColumns
        }

        public var kind: Kind
        public var count: Int
        public var threshold: Int
        /// The items counted.
        public var itemIDs: [Int]

        /// "超过（含）": the count reaches the threshold.
        public var met: Bool { count >= threshold }

        public init(kind: Kind, itemIDs: [Int], threshold: Int) {
            self.kind = kind
            self.count = itemIDs.count
            self.threshold = threshold
            self.itemIDs = itemIDs
        }

        /// Chinese, e.g. "空白栏目5个（否决线5个）：达到否决线".
        public var explanation: String {
            let name = switch kind {
            case .staleColumns: "动态要闻类（2周）及通知公告、政策文件类（6个月）未更新栏目"
            case .longUnupdatedColumns: "应更新但长期未更新的栏目"
            case .blankColumns: "空白栏目"
            }
            return "\(name)\(count)个（否决线\(threshold)个）：\(met ? "达到否决线，单项否决" : "未达否决线")"
        }

        enum CodingKeys: String, CodingKey { case kind, count, threshold, itemIDs = "items", met, explanation }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(count, forKey: .count)
            try container.encode(threshold, forKey: .threshold)
            try container.encode(itemIDs, forKey: .itemIDs)
            try container.encode(met, forKey: .met)
            try container.encode(explanation, forKey: .explanation)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(kind: try container.decode(Kind.self, forKey: .kind),
                      itemIDs: try container.decode([Int].self, forKey: .itemIDs),
                      threshold: try container.decode(Int.self, forKey: .threshold))
        }
    }

    public var agencyID: Int
    public var conditions: [Condition]
    /// Published policies without a published 解读 (flag, not a veto).
    public var policiesWithoutInterpretation: [Int]
    /// Published records with unmasked personal data (flag, not a veto: 2018年政务公开工作要点 去标识化).
    public var personalDataRecords: [Int]

    public init(agencyID: Int, conditions: [Condition], policiesWithoutInterpretation: [Int] = [],
                personalDataRecords: [Int] = []) {
        self.agencyID = agencyID
        self.conditions = conditions
        self.policiesWithoutInterpretation = policiesWithoutInterpretation
        self.personalDataRecords = personalDataRecords
    }

    /// No veto condition met.
    public var passed: Bool { !conditions.contains(where: \.met) }

    public func condition(_ kind: Condition.Kind) -> Condition? { conditions.first { $0.kind == kind } }

    enum CodingKeys: String, CodingKey {
        case agencyID = "agency", passed, conditions, policiesWithoutInterpretation, personalDataRecords, summary
    }

    /// Encodes `passed` and `summary` too, for `gongkai compliance --json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agencyID, forKey: .agencyID)
        try container.encode(passed, forKey: .passed)
        try container.encode(conditions, forKey: .conditions)
        try container.encode(policiesWithoutInterpretation, forKey: .policiesWithoutInterpretation)
        try container.encode(personalDataRecords, forKey: .personalDataRecords)
        try container.encode(summary, forKey: .summary)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(agencyID: try container.decode(Int.self, forKey: .agencyID),
                  conditions: try container.decode([Condition].self, forKey: .conditions),
                  policiesWithoutInterpretation: try container.decode([Int].self, forKey: .policiesWithoutInterpretation),
                  personalDataRecords: try container.decode([Int].self, forKey: .personalDataRecords))
    }

    /// Chinese summary for the dashboard.
    public var summary: String {
        var lines = [passed ? "栏目类单项否决指标均未触发。" : "触发单项否决（国办秘函〔2019〕19号），网站检查将判为不合格。"]
        lines += conditions.map(\.explanation)
        if !policiesWithoutInterpretation.isEmpty { lines.append("政策文件未发布解读：\(policiesWithoutInterpretation.count)件") }
        if !personalDataRecords.isEmpty { lines.append("已发布信息含未去标识化的个人信息：\(personalDataRecords.count)条") }
        lines.append("注：仅检查栏目更新和空白栏目；站点可访问性、首页更新、互动回应等否决项不在本系统检查范围内。")
        return lines.joined(separator: "\n")
    }
}
