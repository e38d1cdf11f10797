import GongkaiCore

/// The date a catalog was published, from a labelled line near its title: "发布时间：2023-05-10 10:30",
/// "日期：2023年5月10日", "发布日期：二〇二三年五月十日". Unlabelled dates are not taken: a page has many.
enum PublishedDate {
    /// Longest first, so "发布日期" is not read as "日期".
    private static let labels = ["发布时间", "发布日期", "公布时间", "公布日期", "印发时间", "印发日期", "发文日期", "成文日期",
                                 "更新时间", "更新日期", "发布", "日期", "时间"]

    /// The date and the labelled text it was read from ("发布时间：2023-05-10").
    static func find(in line: String) -> (date: CivilDate, text: String)? {
        let chars = Array(line)
        var index = 0
        while index < chars.count {
            guard let label = labels.first(where: { matches($0, chars, at: index) }) else {
                index += 1
                continue
            }
            var cursor = index + label.count
            while cursor < chars.count, chars[cursor].isWhitespace { cursor += 1 }
            guard cursor < chars.count, chars[cursor] == "：" || chars[cursor] == ":" else {
                index += label.count
                continue
            }
            cursor += 1
            while cursor < chars.count, chars[cursor].isWhitespace { cursor += 1 }
            if let (date, length) = parse(chars[cursor...]) {
                return (date, String(chars[index..<(cursor + length)]))
            }
            index = cursor
        }
        return nil
    }

    private static func matches(_ label: String, _ chars: [Character], at index: Int) -> Bool {
        let labelChars = Array(label)
        guard index + labelChars.count <= chars.count else { return false }
        return chars[index..<(index + labelChars.count)].elementsEqual(labelChars)
    }

    /// "2023-05-10", "2023/5/10", "2023.5.10", "2023年5月10日", "二〇二三年五月十日"; returns the date and its length.
    static func parse(_ text: ArraySlice<Character>) -> (CivilDate, Int)? {
        var cursor = text.startIndex
        func number(maxDigits: Int) -> Int? {
            var run: [Character] = []
            while cursor < text.endIndex, run.count < maxDigits + 1, digit(text[cursor]) != nil || text[cursor] == "十" {
                run.append(text[cursor])
                cursor += 1
            }
            guard !run.isEmpty else { return nil }
            if let ten = run.firstIndex(of: "十") {
                let tens = run[..<ten].reduce(0) { $0 * 10 + (digit($1) ?? 0) }
                let ones = run[(ten + 1)...].reduce(0) { $0 * 10 + (digit($1) ?? 0) }
                return (ten == 0 ? 1 : tens) * 10 + ones
            }
            guard run.count <= maxDigits else { return nil }
            return run.reduce(0) { $0 * 10 + digit($1)! }
        }
        func separator(_ allowed: Set<Character>) -> Bool {
            while cursor < text.endIndex, text[cursor] == " " { cursor += 1 }
            guard cursor < text.endIndex, allowed.contains(text[cursor]) else { return false }
            cursor += 1
            while cursor < text.endIndex, text[cursor] == " " { cursor += 1 }
            return true
        }
        guard let year = number(maxDigits: 4), year >= 1990, year <= 2100, separator(["-", "/", ".", "年"]),
              let month = number(maxDigits: 2), separator(["-", "/", ".", "月"]),
              let day = number(maxDigits: 2), let date = CivilDate(year: year, month: month, day: day) else { return nil }
        if cursor < text.endIndex, text[cursor] == "日" || text[cursor] == "号" { cursor += 1 }
        return (date, cursor - text.startIndex)
    }

    private static func digit(_ char: Character) -> Int? {
        if let ascii = char.wholeNumberValue, char.isASCII || ("０"..."９").contains(char) { return ascii }
        return ["〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9][char]
    }
}
