/// One year of statutory holidays and adjusted workdays, in the per-year JSON schema of the
/// holiday-cn project: `{year, papers, days: [{name, date, isOffDay}]}`. Days not listed follow
/// the week: Monday–Friday work, Saturday and Sunday rest.
public struct HolidayYear: Codable, Sendable, Equatable {
    public struct Day: Codable, Sendable, Equatable {
        /// The holiday's name (春节); on an adjusted workday, the holiday it makes up for.
        public var name: String
        public var date: CivilDate
        /// true: a day off (法定节假日); false: an adjusted workday (调休上班).
        public var isOffDay: Bool

        public init(name: String, date: CivilDate, isOffDay: Bool) {
            self.name = name
            self.date = date
            self.isOffDay = isOffDay
        }
    }

    public var year: Int
    /// Sources: URLs or titles of the State Council notices.
    public var papers: [String]
    public var days: [Day]

    public init(year: Int, papers: [String] = [], days: [Day]) {
        self.year = year
        self.papers = papers
        self.days = days
    }

    /// Problems that make the data unusable, in Chinese; empty when valid.
    public func problems() -> [String] {
        var found: [String] = []
        if !(1949...2200).contains(year) { found.append("年份\(year)不合理") }
        var seen = Set<CivilDate>()
        for day in days {
            if day.date.year != year { found.append("\(day.date)不属于\(year)年") }
            if !seen.insert(day.date).inserted { found.append("\(day.date)重复出现") }
            if day.name.isEmpty { found.append("\(day.date)缺少节日名称") }
        }
        return found
    }
}
