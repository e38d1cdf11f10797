/// How long a column may go without a new publication.
public struct StalenessLimit: Codable, Sendable, Equatable {
    public enum Unit: String, Codable, Sendable { case workday, day, month }

    /// Where the limit comes from, strongest first. JSON: `{"kind": "updateFrequency", "text": "每月"}`,
    /// `{"kind": "inspection", "category": "news"}`, `{"kind": "defaultLimit"}`.
    public enum Source: Codable, Sendable, Equatable {
        /// The item's own 更新频率 text.
        case updateFrequency(String)
        /// The inspection class of the column (国办秘函〔2019〕19号; 人事/规划 from the 2015 census).
        case inspection(ColumnCategory)
        /// `ComplianceOptions.defaultStaleness`, for upkeep items with neither (our inference).
        case defaultLimit

        enum CodingKeys: String, CodingKey { case kind, text, category }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "updateFrequency": self = .updateFrequency(try container.decode(String.self, forKey: .text))
            case "inspection": self = .inspection(try container.decode(ColumnCategory.self, forKey: .category))
            default: self = .defaultLimit
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .updateFrequency(let text):
                try container.encode("updateFrequency", forKey: .kind)
                try container.encode(text, forKey: .text)
            case .inspection(let category):
                try container.encode("inspection", forKey: .kind)
                try container.encode(category, forKey: .category)
            case .defaultLimit:
                try container.encode("defaultLimit", forKey: .kind)
            }
        }
    }

    public var count: Int
    public var unit: Unit
    public var source: Source

    public init(count: Int, unit: Unit, source: Source) {
        self.count = count
        self.unit = unit
        self.source = source
    }

    /// The last day a column last updated on `last` is still current.
    public func lastCurrentDay(after last: CivilDate, calendar: WorkingCalendar) -> CivilDate {
        switch unit {
        case .workday: calendar.adding(workdays: count, to: last)
        case .day: last.adding(days: count)
        case .month: last.adding(months: count)
        }
    }

    /// 2周 / 6个月 / 1年 / 1个工作日
    public var chinese: String {
        switch unit {
        case .workday: "\(count)个工作日"
        case .day: count % 7 == 0 ? "\(count / 7)周" : "\(count)天"
        case .month: count % 12 == 0 ? "\(count / 12)年" : "\(count)个月"
        }
    }

    /// Why this limit, in Chinese.
    public var sourceText: String {
        switch source {
        case .updateFrequency(let text): "本事项更新频率“\(text)”"
        case .inspection(.personnelPlanning): "人事、规划计划类栏目检查要求（2015年全国政府网站普查监测口径，2019年指标是否保留待确认）"
        case .inspection(let category): "\(category.label)栏目检查要求（国办秘函〔2019〕19号）"
        case .defaultLimit: "本机关默认更新周期（无法定依据）"
        }
    }
}
