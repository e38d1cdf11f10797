/// The period a periodic publication reports on: 2024, 2024H1, 2024Q3, 2024-03.
public struct ReportingPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Length: String, Codable, Sendable { case year, halfYear, quarter, month }

    public var year: Int
    public var length: Length
    /// 1-based index within the year (half, quarter or month); 1 for a year.
    public var index: Int

    public init(year: Int, length: Length, index: Int) {
        self.year = year
        self.length = length
        self.index = index
    }

    public init?(_ text: String) {
        let upper = text.uppercased()
        if upper.count == 4, let year = Int(upper) { self.init(year: year, length: .year, index: 1); return }
        let year = Int(upper.prefix(4))
        let rest = upper.dropFirst(4)
        guard let year else { return nil }
        if rest.hasPrefix("H"), let half = Int(rest.dropFirst()), (1...2).contains(half) { self.init(year: year, length: .halfYear, index: half); return }
        if rest.hasPrefix("Q"), let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) { self.init(year: year, length: .quarter, index: quarter); return }
        if rest.hasPrefix("-"), let month = Int(rest.dropFirst()), (1...12).contains(month) { self.init(year: year, length: .month, index: month); return }
        return nil
    }

    var months: Int { [.year: 12, .halfYear: 6, .quarter: 3, .month: 1][length]! }

    public var firstDay: CivilDate { CivilDate(year: year, month: (index - 1) * months + 1, day: 1)! }
    public var lastDay: CivilDate { firstDay.adding(months: months).adding(days: -1) }
    public var next: ReportingPeriod {
        let perYear = 12 / months
        return index == perYear ? ReportingPeriod(year: year + 1, length: length, index: 1)
                                : ReportingPeriod(year: year, length: length, index: index + 1)
    }

    public var description: String {
        switch length {
        case .year: "\(year)"
        case .halfYear: "\(year)H\(index)"
        case .quarter: "\(year)Q\(index)"
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        }
    }

    public var chinese: String {
        switch length {
        case .year: "\(year)年度"
        case .halfYear: "\(year)年\(index == 1 ? "上" : "下")半年"
        case .quarter: "\(year)年第\(["一", "二", "三", "四"][index - 1])季度"
        case .month: "\(year)年\(index)月"
        }
    }
}

extension PeriodicTerm.Frequency {
    public var periodLength: ReportingPeriod.Length {
        switch self {
        case .yearly: .year
        case .halfYearly: .halfYear
        case .quarterly: .quarter
        case .monthly: .month
        }
    }

    var chinese: String {
        switch self {
        case .yearly: "每年"
        case .halfYearly: "每半年"
        case .quarterly: "每季度"
        case .monthly: "每月"
        }
    }
}

extension ReportingPeriod {
    /// The period of `length` that contains `date`.
    public static func containing(_ date: CivilDate, length: Length) -> ReportingPeriod {
        let (year, month, _) = date.components
        return switch length {
        case .year: ReportingPeriod(year: year, length: .year, index: 1)
        case .halfYear: ReportingPeriod(year: year, length: .halfYear, index: (month - 1) / 6 + 1)
        case .quarter: ReportingPeriod(year: year, length: .quarter, index: (month - 1) / 3 + 1)
        case .month: ReportingPeriod(year: year, length: .month, index: month)
        }
    }

    /// The period before this one.
    public var previous: ReportingPeriod {
        guard index == 1 else { return ReportingPeriod(year: year, length: length, index: index - 1) }
        let perYear = switch length { case .year: 1; case .halfYear: 2; case .quarter: 4; case .month: 12 }
        return ReportingPeriod(year: year - 1, length: length, index: perYear)
    }
}
