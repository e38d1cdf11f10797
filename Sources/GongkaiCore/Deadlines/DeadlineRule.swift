/// A 公开时限 turned into something computable, with the text it came from.
/// `kind` values are a contract of `gongkai deadline --json`: relative, periodic, synchronous, prompt,
/// continuous, composite, statutory, unparsed.
public struct DeadlineRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case relative, periodic, synchronous, prompt, continuous, composite, statutory, unparsed
    }

    public var kind: Kind
    /// The text as written in the catalog.
    public var text: String
    /// The item must also be kept up to date (动态调整, 及时更新…) on top of its main rule.
    public var continuous: Bool
    public var relative: RelativeTerm?
    public var periodic: PeriodicTerm?
    /// synchronous: what the record is published together with (所解读文件).
    public var synchronousWith: String?
    public var branches: [Branch]?
    /// unparsed: why no date can be computed.
    public var reason: String?
    /// Parts of the text that do not change the computation ("法律、行政法规另有规定的从其规定"), and clauses
    /// that were neither a rule nor a branch label: no clause of the text is dropped.
    public var notes: [String]
    /// Chinese: how a wording without a stated number or date was read (实时公开 → 及时; 长期公开 → 持续更新;
    /// 每年第一季度 → 3月底前). Nil when the text states the rule.
    public var interpretation: String?

    public init(kind: Kind, text: String, continuous: Bool = false, relative: RelativeTerm? = nil,
                periodic: PeriodicTerm? = nil, synchronousWith: String? = nil, branches: [Branch]? = nil,
                reason: String? = nil, notes: [String] = [], interpretation: String? = nil) {
        self.kind = kind
        self.text = text
        self.continuous = continuous
        self.relative = relative
        self.periodic = periodic
        self.synchronousWith = synchronousWith
        self.branches = branches
        self.reason = reason
        self.notes = notes
        self.interpretation = interpretation
    }

    /// One branch of a composite rule: the record kinds it applies to (empty: all others) and its rule.
    public struct Branch: Codable, Sendable, Equatable {
        /// What the text calls the records this branch covers ("行政许可、行政处罚的执法决定信息").
        public var label: String
        /// Record kinds named in the label (行政许可, 行政处罚 …); empty for the default branch.
        public var recordKinds: [String]
        public var rule: DeadlineRule

        public init(label: String, recordKinds: [String], rule: DeadlineRule) {
            self.label = label
            self.recordKinds = recordKinds
            self.rule = rule
        }
    }
}

/// "N 工作日 / N 日 / N 个月 after a trigger". 0 日 is 当日: due on the trigger date itself.
public struct RelativeTerm: Codable, Sendable, Equatable {
    public enum Unit: String, Codable, Sendable { case workday, day, month }

    public var count: Int
    public var unit: Unit
    /// The event the period counts from, as named in the text (信息形成或者变更, 作出决定 …).
    public var trigger: String

    public init(count: Int, unit: Unit, trigger: String) {
        self.count = count
        self.unit = unit
        self.trigger = trigger
    }
}

/// Publication due once per period (year, half-year, quarter, month).
public struct PeriodicTerm: Codable, Sendable, Equatable {
    public enum Frequency: String, Codable, Sendable { case yearly, halfYearly, quarterly, monthly }
    public enum Reported: String, Codable, Sendable { case previous, same }

    public var frequency: Frequency
    /// Which period a publication reports on: the one that just ended (上一季度, 上年度) or the current one.
    public var reported: Reported
    /// false when the text states which period; true when it was inferred (and the explanation says so).
    public var reportedInferred: Bool
    /// Month of the due date counted from the start of the period after the reported one (1 = its first month),
    /// or for yearly rules the calendar month; nil when the text gives no day.
    public var dueMonth: Int?
    /// Day of month; 0 means the month's last day (月底).
    public var dueDay: Int?
    /// Exact due dates, when the text lists them (2021年4月、7月、10月和2022年1月10日前).
    public var explicitDates: [CivilDate]?
    /// Due N days, workdays or months after the reported period's last day (每季度结束后15日内).
    public var afterPeriodEnd: PeriodOffset?

    public init(frequency: Frequency, reported: Reported, reportedInferred: Bool, dueMonth: Int?, dueDay: Int?,
                explicitDates: [CivilDate]? = nil, afterPeriodEnd: PeriodOffset? = nil) {
        self.frequency = frequency
        self.reported = reported
        self.reportedInferred = reportedInferred
        self.dueMonth = dueMonth
        self.dueDay = dueDay
        self.explicitDates = explicitDates
        self.afterPeriodEnd = afterPeriodEnd
    }

    public var dayGiven: Bool { dueDay != nil || explicitDates != nil || afterPeriodEnd != nil }

    /// "结束后15日内": `count` units after the period's last day, which is not counted (民法典第二百零一条).
    public struct PeriodOffset: Codable, Sendable, Equatable {
        public var count: Int
        public var unit: RelativeTerm.Unit

        public init(count: Int, unit: RelativeTerm.Unit) {
            self.count = count
            self.unit = unit
        }
    }
}

/// What an agency decides where the law gives no number of days. Configurable per agency.
public struct DeadlineDefaults: Codable, Sendable, Equatable {
    /// 及时 / 即时: no statutory day count; 条例 第二十六条's 20 workdays unless the agency sets another.
    public var promptWorkdays: Int
    /// 按季度 / 每半年 without a day: workdays after the reported period ends.
    public var periodicWorkdaysAfterPeriod: Int

    public init(promptWorkdays: Int = 20, periodicWorkdaysAfterPeriod: Int = 20) {
        self.promptWorkdays = promptWorkdays
        self.periodicWorkdaysAfterPeriod = periodicWorkdaysAfterPeriod
    }

    public static let standard = DeadlineDefaults()
}
