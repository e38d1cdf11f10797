/// What a compliance check looks at and the agency's settings.
public struct ComplianceOptions: Sendable {
    /// Today: the monitoring time point.
    public var at: CivilDate
    /// Obligations due in [windowStart, windowEnd] are reported. Default: 12 months back, 3 months ahead.
    public var windowStart: CivilDate
    public var windowEnd: CivilDate
    /// An open obligation due within this many workdays is "due soon".
    public var dueSoonWorkdays: Int
    public var calendar: WorkingCalendar
    public var deadlineDefaults: DeadlineDefaults
    /// Workdays a 解读 may follow its policy. 3 is confirmed only locally (郑州 2016: "最迟应在政策文件公开
    /// 发布后3个工作日内"); no national number was found (REGULATIONS §5.2). 0 means the same day (三同步).
    public var interpretationLagWorkdays: Int
    /// Staleness limit of an upkeep item (持续更新, 无时限) with no 更新频率 and no inspection class. Our choice,
    /// not law: one year, the longest interval the inspection rules use.
    public var defaultStaleness: StalenessLimit
    public var thresholds: InspectionThresholds
    /// Keep met event obligations in the report. Off for sweeps that only need findings and open items.
    public var includeMetObligations: Bool

    public init(at: CivilDate, calendar: WorkingCalendar, windowStart: CivilDate? = nil, windowEnd: CivilDate? = nil,
                dueSoonWorkdays: Int = 5, deadlineDefaults: DeadlineDefaults = .standard,
                interpretationLagWorkdays: Int = 3,
                defaultStaleness: StalenessLimit = StalenessLimit(count: 12, unit: .month, source: .defaultLimit),
                thresholds: InspectionThresholds = .standard, includeMetObligations: Bool = true) {
        self.at = at
        self.calendar = calendar
        self.windowStart = windowStart ?? at.adding(months: -12)
        self.windowEnd = windowEnd ?? at.adding(months: 3)
        self.dueSoonWorkdays = dueSoonWorkdays
        self.deadlineDefaults = deadlineDefaults
        self.interpretationLagWorkdays = interpretationLagWorkdays
        self.defaultStaleness = defaultStaleness
        self.thresholds = thresholds
        self.includeMetObligations = includeMetObligations
    }

    func inWindow(_ date: CivilDate) -> Bool { date >= windowStart && date <= windowEnd }

    /// Within the due-soon horizon from today (today included).
    func isDueSoon(_ due: CivilDate) -> Bool { due >= at && calendar.workdays(from: at, to: due) <= dueSoonWorkdays }
}

/// The column counts at which 国办秘函〔2019〕19号 vetoes a site ("超过（含）" = at least).
public struct InspectionThresholds: Codable, Sendable, Equatable {
    /// 动态要闻类 (2 weeks) plus 通知公告、政策文件类 (6 months) columns not updated: 5.
    public var staleColumns: Int
    /// 应更新但长期未更新的栏目: 10.
    public var longUnupdatedColumns: Int
    /// 空白栏目: 5.
    public var blankColumns: Int

    public init(staleColumns: Int = 5, longUnupdatedColumns: Int = 10, blankColumns: Int = 5) {
        self.staleColumns = staleColumns
        self.longUnupdatedColumns = longUnupdatedColumns
        self.blankColumns = blankColumns
    }

    public static let standard = InspectionThresholds()
}
