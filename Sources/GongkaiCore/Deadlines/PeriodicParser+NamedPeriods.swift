/// Texts that name a quarter or a half of the year instead of giving a cycle:
/// 每年第一季度公开上年度… · 每年7月底前公开上半年… · 次年1月底前公开下半年….
extension PeriodicParser {
    /// 每年第一季度 · 于每年一季度内: yearly, due by the last day of that quarter (第一季度 → 3月底前).
    /// 上一季度 / 每一季度 / 本季度 are not a named quarter.
    static func quarterOfYear(_ text: String, _ stated: Stated) -> Reading? {
        let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        let chars = Array(text)
        for index in chars.indices.dropFirst() where chars[index] == "季" {
            guard index + 1 < chars.count, chars[index + 1] == "度", let quarter = numerals[chars[index - 1]] else { continue }
            if index >= 2, "上下本每该当".contains(chars[index - 2]) { continue }
            let month = quarter * 3
            let reported: PeriodicTerm.Reported = stated.previous ? .previous : stated.same ? .same : (month <= 3 ? .previous : .same)
            let term = PeriodicTerm(frequency: .yearly, reported: reported, reportedInferred: stated.inferred, dueMonth: month, dueDay: 0)
            let name = "第" + ["一", "二", "三", "四"][quarter - 1] + "季度"
            return Reading(term: term, interpretation: "文本写的是在“\(name)”内公开，没有给出具体日期，按该季度最后一天（\(month)月底）前计算")
        }
        return nil
    }

    /// 每年7月底前公开上半年…: the calendar month becomes a month of the half-year after the reported one.
    /// The reported half is the one named: if the due month lies inside it, the same half (下半年计划 in July),
    /// otherwise the half that just ended.
    static func halfYear(_ text: String, month: Int, day: Int, _ stated: Stated) -> Reading {
        let first = text.includes("上半年"), second = text.includes("下半年")
        let named: ClosedRange<Int>? = first == second ? nil : first ? 1...6 : 7...12
        let reported = named.map { $0.contains(month) ? PeriodicTerm.Reported.same : .previous } ?? stated.reported
        let term = PeriodicTerm(frequency: .halfYearly, reported: reported, reportedInferred: named == nil && stated.inferred,
                                dueMonth: (month - 1) % 6 + 1, dueDay: day)
        guard named != nil else { return Reading(term: term) }
        let dayText = day == 0 ? "底" : "\(day)日"
        let otherMonth = (month + 5) % 12 + 1
        return Reading(term: term, interpretation: "文本只写了\(first ? "上" : "下")半年的截止时间（\(month)月\(dayText)前），"
                       + "\(first ? "下" : "上")半年按同一间隔推算（\(otherMonth)月\(dayText)前）")
    }
}
