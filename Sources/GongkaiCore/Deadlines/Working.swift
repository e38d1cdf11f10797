/// Describes the days between a trigger and a due date: holidays and weekends skipped (by name),
/// adjusted workdays counted.
enum Working {
    static func describe(_ calendar: WorkingCalendar, after start: CivilDate, through end: CivilDate) -> String {
        guard start < end else { return "" }
        var holidays: [(name: String, first: CivilDate, last: CivilDate)] = []
        var weekends: [CivilDate] = []
        var adjusted: [(CivilDate, String)] = []
        var day = start.adding(days: 1)
        while day <= end {
            switch calendar.status(day) {
            case .holiday(let name):
                if let last = holidays.last, last.name == name, last.last.adding(days: 1) == day {
                    holidays[holidays.count - 1].last = day
                } else {
                    holidays.append((name, day, day))
                }
            case .weekend: weekends.append(day)
            case .adjustedWorkday(let name): adjusted.append((day, name))
            case .workday: break
            }
            day = day.adding(days: 1)
        }
        var parts: [String] = []
        if !holidays.isEmpty {
            parts.append("跳过法定节假日：" + holidays.map { h in
                h.first == h.last ? "\(h.first)（\(h.name)）" : "\(h.first)至\(h.last)（\(h.name)）"
            }.joined(separator: "、"))
        }
        if !weekends.isEmpty {
            let shown = weekends.prefix(6).map(\.shortChinese).joined(separator: "、")
            parts.append("跳过周末\(weekends.count)天（\(shown)\(weekends.count > 6 ? "等" : "")）")
        }
        if !adjusted.isEmpty {
            parts.append("计入调休上班日：" + adjusted.map { "\($0.0)（\($0.1)调休）" }.joined(separator: "、"))
        }
        return parts.isEmpty ? "期间内没有节假日或周末。" : parts.joined(separator: "；") + "。"
    }

    static func statusText(_ status: WorkingCalendar.DayStatus) -> String {
        switch status {
        case .workday: "工作日"
        case .weekend: "周末"
        case .holiday(let name): "\(name)假期"
        case .adjustedWorkday(let name): "\(name)调休上班"
        }
    }
}
