/// Yearly, half-yearly, quarterly and monthly due dates:
/// 每年1月31日前 · 次年1月31日前 · 每年6月底前 · 每季度首月15日前 · 每年4月、7月、10月和次年1月的10日前 ·
/// 2021年4月、7月、10月和2022年1月10日前 · 按季度 · 每半年 · 按年度 · 按月 · 每季度结束后15日内 (+AfterPeriod) ·
/// 每年第一季度 · 每年7月底前公开上半年 (+NamedPeriods).
enum PeriodicParser {
    /// A periodic term and, when the due date was inferred from the wording, how (Chinese).
    struct Reading {
        var term: PeriodicTerm
        var interpretation: String?
    }

    /// Which period the text says is reported: the one that ended (上一季度) or the current one (本年).
    struct Stated {
        var previous: Bool
        var same: Bool

        init(_ text: String) {
            previous = PeriodicParser.previousWords.contains(where: text.includes)
            same = !previous && PeriodicParser.sameWords.contains(where: text.includes) && !text.includes("当年的")
        }

        var inferred: Bool { !(previous || same) }
        /// Stated, or the period that just ended.
        var reported: PeriodicTerm.Reported { same ? .same : .previous }
    }

    static let previousWords = ["上一季度", "上季度", "上一年", "上年度", "上年", "上半年", "上月", "上一月", "上个月", "上1个月",
                                "次年", "上一个"]
    static let sameWords = ["当年", "本年", "本季度", "当季", "本月", "当月"]

    static func parse(_ text: String) -> Reading? {
        if let explicit = explicitDates(text) { return Reading(term: explicit) }
        let stated = Stated(text)
        if let after = afterPeriod(text) { return Reading(term: after) }

        // 每年4月、7月、10月和次年1月的10日前: quarterly, day 10 of each quarter's first month.
        if let day = number(before: "日前", in: text), text.includes("4月、7月、10月") {
            return Reading(term: PeriodicTerm(frequency: .quarterly, reported: .previous, reportedInferred: !stated.previous,
                                              dueMonth: 1, dueDay: day))
        }
        if let reading = quarterOfYear(text, stated) { return reading }
        if text.includes("季度") || text.includes("按季") {
            let day = number(before: "日前", in: text)
            return Reading(term: PeriodicTerm(frequency: .quarterly, reported: stated.reported, reportedInferred: stated.inferred,
                                              dueMonth: day == nil ? nil : 1, dueDay: day))
        }
        if text.includes("半年") {
            guard let (month, day) = yearMonthDay(text), let day else { return Reading(term: undated(.halfYearly, stated)) }
            return halfYear(text, month: month, day: day, stated)
        }
        let yearly = text.includes("每年") || text.includes("按年")
        if yearly || text.includes("次年") || text.includes("年度") && text.includes("月") && text.includes("前") {
            guard let (month, day) = yearMonthDay(text) else { return yearly ? Reading(term: undated(.yearly, stated)) : nil }
            guard let day else { return nil }
            // No period named: a January–March deadline reports on the year before, later ones on the same year.
            let reported: PeriodicTerm.Reported = stated.previous ? .previous : stated.same ? .same : (month <= 3 ? .previous : .same)
            return Reading(term: PeriodicTerm(frequency: .yearly, reported: reported, reportedInferred: stated.inferred,
                                              dueMonth: month, dueDay: day))
        }
        if ["每月", "每个月", "按月", "逐月"].contains(where: text.includes) {
            let day = number(before: "日前", in: text)
            return Reading(term: PeriodicTerm(frequency: .monthly, reported: stated.reported, reportedInferred: stated.inferred,
                                              dueMonth: day == nil ? nil : 1, dueDay: day))
        }
        return nil
    }

    /// Whether a clause belongs to the periodic reading of the whole text (names a period, a day or upkeep);
    /// the other clauses become notes.
    static func contributes(_ clause: String) -> Bool {
        parse(clause) != nil || DeadlineText.mentionsUpkeep(clause)
            || (previousWords + sameWords + ["季度", "半年", "年度", "次月", "首月", "月底", "月末", "日前"]).contains(where: clause.includes)
    }

    /// Once per period, no day given: the agency default applies (DeadlineDefaults.periodicWorkdaysAfterPeriod).
    static func undated(_ frequency: PeriodicTerm.Frequency, _ stated: Stated) -> PeriodicTerm {
        PeriodicTerm(frequency: frequency, reported: stated.reported, reportedInferred: stated.inferred, dueMonth: nil, dueDay: nil)
    }

    /// "每年6月底前" → (6, 0), "次年1月31日前" → (1, 31), "每年3月公开" → (3, nil); nil without a year-bound month.
    static func yearMonthDay(_ text: String) -> (month: Int, day: Int?)? {
        // "次年0月31日前" names no month (a crash in the due-date calculator, found by scripts/fuzz deadline).
        guard let month = number(before: "月", in: text, requireYearWord: true), (1...12).contains(month) else { return nil }
        let afterMonth = text.components(separatedBy: "\(month)月").dropFirst().joined(separator: "\(month)月")
        let day: Int? = afterMonth.hasPrefix("底") || afterMonth.hasPrefix("末") ? 0 : number(atStartOf: afterMonth)
        return (month, day)
    }

    /// "2021年4月、7月、10月和2022年1月10日前": the exact dates, all on the final day number.
    static func explicitDates(_ text: String) -> PeriodicTerm? {
        guard let dayEnd = text.range(of: "日前") else { return nil }
        let head = text[..<dayEnd.lowerBound]
        guard let day = Int(String(head.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())) else { return nil }
        var dates: [CivilDate] = []
        var year: Int?
        var digits = ""
        for char in head {
            if char.isASCII && char.isNumber { digits.append(char); continue }
            if char == "年" { year = Int(digits) }
            if char == "月", let year, let month = Int(digits), let date = CivilDate(year: year, month: month, day: day) {
                dates.append(date)
            }
            digits = ""
        }
        guard dates.count >= 2, text.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let spacing = dates[1].dayNumber - dates[0].dayNumber
        let frequency: PeriodicTerm.Frequency = spacing > 200 ? .yearly : spacing > 100 ? .halfYearly : spacing > 45 ? .quarterly : .monthly
        return PeriodicTerm(frequency: frequency, reported: .previous, reportedInferred: !text.includes("上一"),
                            dueMonth: 1, dueDay: day, explicitDates: dates)
    }

    /// The number right before `marker` ("15日前" → 15).
    static func number(before marker: String, in text: String, requireYearWord: Bool = false) -> Int? {
        var searchStart = text.startIndex
        while let range = text.range(of: marker, range: searchStart..<text.endIndex) {
            let head = text[..<range.lowerBound]
            let digits = String(head.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            if let value = Int(digits), value <= maximumNumber {
                let beforeDigits = head.dropLast(digits.count)
                if !requireYearWord || beforeDigits.hasSuffix("年") || beforeDigits.hasSuffix("每年") { return value }
            }
            searchStart = range.upperBound
        }
        return nil
    }

    static func number<S: StringProtocol>(atStartOf text: S) -> Int? {
        Int(String(text.prefix { $0.isASCII && $0.isNumber })).flatMap { $0 <= maximumNumber ? $0 : nil }
    }

    /// No count of days, workdays or months in a 时限 is larger (ten years of days); larger numbers are typos, and
    /// counting them out on the calendar would not end (found by scripts/fuzz deadline).
    static let maximumNumber = 3_660
}
