/// Reads an item's 更新频率 text (每周, 每月, 每季度, 每半年, 每年, 每3个月 …) into a staleness limit.
/// 实时 / 及时 / 动态 / 不定期 name no interval and give nil, so the column's inspection class applies.
public enum UpdateFrequency {
    public static func limit(_ text: String) -> StalenessLimit? {
        let normalized = TitlePattern.normalize(text)
        guard !normalized.isEmpty else { return nil }
        let source = StalenessLimit.Source.updateFrequency(text.trimmed)
        if ["实时", "即时", "及时", "动态", "随时", "不定期", "常态", "长期"].contains(where: normalized.includes) { return nil }
        if let (count, unit) = numbered(normalized) { return StalenessLimit(count: count, unit: unit, source: source) }
        let table: [([String], Int, StalenessLimit.Unit)] = [
            (["每日", "每天", "日更", "每个工作日"], 1, .workday),
            (["每两周", "每双周", "双周"], 14, .day),
            (["每周", "每星期", "周更", "每一周"], 7, .day),
            (["半月"], 15, .day),
            (["每旬", "旬"], 10, .day),
            (["每月", "按月", "月度", "每个月", "逐月", "月报"], 1, .month),
            (["季"], 3, .month),
            (["半年"], 6, .month),
            (["年"], 12, .month),
            (["月"], 1, .month),
        ]
        for (words, count, unit) in table where words.contains(where: normalized.includes) {
            return StalenessLimit(count: count, unit: unit, source: source)
        }
        return nil
    }

    /// "每3个月", "每两年", "每10天", "每2周".
    private static func numbered(_ text: String) -> (Int, StalenessLimit.Unit)? {
        let chars = Array(text)
        guard let start = chars.firstIndex(of: "每") else { return nil }
        var index = start + 1, value = 0
        let numerals: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        while index < chars.count {
            if let digit = chars[index].wholeNumberValue, chars[index].isASCII { value = value * 10 + digit }
            else if let numeral = numerals[chars[index]] { value = numeral == 10 ? max(value, 1) * 10 : value + numeral }
            else { break }
            index += 1
        }
        guard value > 0, index < chars.count else { return nil }
        let rest = String(chars[index...])
        if rest.hasPrefix("个工作日") { return (value, .workday) }
        if rest.hasPrefix("天") || rest.hasPrefix("日") { return (value, .day) }
        if rest.hasPrefix("周") || rest.hasPrefix("星期") { return (value * 7, .day) }
        if rest.hasPrefix("个月") || rest.hasPrefix("月") { return (value, .month) }
        if rest.hasPrefix("年") { return (value * 12, .month) }
        return nil
    }
}
