/// Yearly, half-yearly, quarterly and monthly due dates:
/// 每年1月31日前 · 次年1月31日前 · 每年6月底前 · 每季度首月15日前 · 每年4月、7月、10月和次年1月的10日前 ·
/// 2021年4月、7月、10月和2022年1月10日前 · 按季度 · 每半年.
enum PeriodicParser {
    static func parse(_ text: String) -> PeriodicTerm? {
        if let explicit = explicitDates(text) { return explicit }
        let previousWords = ["上一季度", "上季度", "上一年", "上年度", "上年", "上半年", "上月", "上一月", "上个月", "次年", "上一个"]
        let sameWords = ["当年", "本年", "本季度", "当季", "本月", "当月"]
        let statesPrevious = previousWords.contains(where: text.includes)
        let statesSame = !statesPrevious && sameWords.contains(where: text.includes) && !text.includes("当年的")

        // 每年4月、7月、10月和次年1月的10日前: quarterly, day 10 of each quarter's first month.
        if let day = number(before: "日前", in: text), text.includes("4月、7月、10月") {
            return PeriodicTerm(frequency: .quarterly, reported: .previous, reportedInferred: !statesPrevious, dueMonth: 1, dueDay: day)
        }
        if text.includes("季度") {
            let day = number(before: "日前", in: text)
            return PeriodicTerm(frequency: .quarterly, reported: statesSame ? .same : .previous,
                                reportedInferred: !(statesPrevious || statesSame), dueMonth: day == nil ? nil : 1, dueDay: day)
        }
        if text.includes("半年") {
            return PeriodicTerm(frequency: .halfYearly, reported: statesSame ? .same : .previous,
                                reportedInferred: !(statesPrevious || statesSame), dueMonth: nil, dueDay: nil)
        }
        if text.includes("每年") || text.includes("次年") || text.includes("年度") && text.includes("月") && text.includes("前") {
            guard let month = number(before: "月", in: text, requireYearWord: true) else {
                return text.includes("每年") ? PeriodicTerm(frequency: .yearly, reported: statesSame ? .same : .previous,
                                                          reportedInferred: !(statesPrevious || statesSame), dueMonth: nil, dueDay: nil) : nil
            }
            let afterMonth = text.components(separatedBy: "\(month)月").dropFirst().joined(separator: "\(month)月")
            let day: Int? = afterMonth.hasPrefix("底") || afterMonth.hasPrefix("末") ? 0 : number(atStartOf: afterMonth)
            guard let day else { return nil }
            // No period named: a January–March deadline reports on the year before, later ones on the same year.
            let reported: PeriodicTerm.Reported = statesPrevious ? .previous : statesSame ? .same : (month <= 3 ? .previous : .same)
            return PeriodicTerm(frequency: .yearly, reported: reported, reportedInferred: !(statesPrevious || statesSame),
                                dueMonth: month, dueDay: day)
        }
        if text.includes("每月") || text.includes("每个月") {
            let day = number(before: "日前", in: text)
            return PeriodicTerm(frequency: .monthly, reported: statesSame ? .same : .previous,
                                reportedInferred: !(statesPrevious || statesSame), dueMonth: day == nil ? nil : 1, dueDay: day)
        }
        return nil
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
            if let value = Int(digits) {
                let beforeDigits = head.dropLast(digits.count)
                if !requireYearWord || beforeDigits.hasSuffix("年") || beforeDigits.hasSuffix("每年") { return value }
            }
            searchStart = range.upperBound
        }
        return nil
    }

    static func number(atStartOf text: String) -> Int? {
        Int(String(text.prefix { $0.isASCII && $0.isNumber }))
    }
}
