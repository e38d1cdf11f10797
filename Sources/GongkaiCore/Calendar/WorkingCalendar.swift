/// China's working-day calendar: a workday is a listed adjusted workday (调休上班), or a Monday–Friday
/// that is not listed as a day off. Years without data are answered by the weekend rule alone and
/// every answer that touches them is marked provisional.
public struct WorkingCalendar: Sendable {
    public enum DayStatus: Equatable, Sendable {
        case workday
        case weekend
        case holiday(String)
        case adjustedWorkday(String)

        public var isWorkday: Bool {
            switch self {
            case .workday, .adjustedWorkday: true
            case .weekend, .holiday: false
            }
        }
    }

    public let years: [Int: HolidayYear]
    private let offDays: [Int: String]
    private let adjustedWorkdays: [Int: String]
    /// Workdays counted from `tableStart`: cumulative[i] = workdays in [tableStart, tableStart + i).
    private let tableStart: Int
    private let cumulative: [Int32]

    public init(_ data: [HolidayYear]) {
        var years: [Int: HolidayYear] = [:]
        for year in data { years[year.year] = year }
        var off: [Int: String] = [:]
        var adjusted: [Int: String] = [:]
        for year in years.values {
            for day in year.days {
                if day.isOffDay { off[day.date.dayNumber] = day.name } else { adjusted[day.date.dayNumber] = day.name }
            }
        }
        self.years = years
        offDays = off
        adjustedWorkdays = adjusted
        let first = CivilDate(year: 1990, month: 1, day: 1)!.dayNumber
        let end = CivilDate(year: 2100, month: 1, day: 1)!.dayNumber
        var counts = [Int32](repeating: 0, count: end - first + 1)
        for index in 0..<(end - first) {
            let day = first + index
            let works = adjusted[day] != nil || (off[day] == nil && !CivilDate(dayNumber: day).isWeekend)
            counts[index + 1] = counts[index] + (works ? 1 : 0)
        }
        tableStart = first
        cumulative = counts
    }

    public var coveredYears: [Int] { years.keys.sorted() }

    public func status(_ date: CivilDate) -> DayStatus {
        if let name = adjustedWorkdays[date.dayNumber] { return .adjustedWorkday(name) }
        if let name = offDays[date.dayNumber] { return .holiday(name) }
        return date.isWeekend ? .weekend : .workday
    }

    public func isWorkday(_ date: CivilDate) -> Bool { status(date).isWorkday }

    /// Whether any day in [from, to] lies in a year without holiday data.
    public func isProvisional(from: CivilDate, to: CivilDate) -> Bool {
        let (low, high) = from <= to ? (from.year, to.year) : (to.year, from.year)
        return (low...high).contains { years[$0] == nil }
    }

    /// The `count`-th workday after `date` (the date itself is not counted). `count` ≥ 0; 0 gives `date`.
    public func adding(workdays count: Int, to date: CivilDate) -> CivilDate {
        precondition(count >= 0, "workday count must not be negative")
        if count == 0 { return date }
        let startIndex = date.dayNumber + 1 - tableStart
        if startIndex >= 0, startIndex < cumulative.count {
            let target = Int64(cumulative[startIndex]) + Int64(count)
            if Int64(cumulative[cumulative.count - 1]) >= target {
                // First index j with cumulative[j] >= target: the workday is day tableStart + j - 1.
                var low = startIndex + 1, high = cumulative.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if Int64(cumulative[mid]) >= target { high = mid } else { low = mid + 1 }
                }
                return CivilDate(dayNumber: tableStart + low - 1)
            }
        }
        var day = date, left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkday(day) { left -= 1 }
        }
        return day
    }

    /// Workdays after `from` up to and including `to` (negative when `to` is before `from`).
    public func workdays(from: CivilDate, to: CivilDate) -> Int {
        if to < from { return -workdays(from: to, to: from) }
        let a = from.dayNumber + 1 - tableStart, b = to.dayNumber + 1 - tableStart
        if a >= 0, b < cumulative.count { return Int(cumulative[b] - cumulative[a]) }
        var count = 0
        var day = from.adding(days: 1)
        while day <= to {
            if isWorkday(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The first workday on or after `date`.
    public func workdayOnOrAfter(_ date: CivilDate) -> CivilDate {
        isWorkday(date) ? date : adding(workdays: 1, to: date)
    }

    /// A calendar with `year` added or replaced.
    public func replacing(_ year: HolidayYear) -> WorkingCalendar {
        var all = years
        all[year.year] = year
        return WorkingCalendar(Array(all.values))
    }
}
