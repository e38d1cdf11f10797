import Foundation

/// Text handling shared by the deadline parsers.
enum DeadlineText {
    /// No spaces, ASCII digits, 号 → 日 after a number, one spelling of Chinese punctuation,
    /// small Chinese numerals before a unit turned into digits.
    static func normalize(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            default:
                switch scalar {
                case ",": result += "，"
                case ";": result += "；"
                case "(": result += "（"
                case ")": result += "）"
                case ".": result += "。"
                case ":": result += "："
                default: result.unicodeScalars.append(scalar)
                }
            }
        }
        var chars = Array(replacingChineseNumerals(result))
        for index in chars.indices.dropFirst() where chars[index] == "号" && chars[index - 1].isASCII && chars[index - 1].isNumber {
            chars[index] = "日"
        }
        return String(chars)
    }

    /// "二十个工作日" → "20个工作日", "十五日" → "15日", "一个月" → "1个月".
    static func replacingChineseNumerals(_ text: String) -> String {
        let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let units = ["个工作日", "工作日", "日内", "天", "个月", "日前", "日起"]
        let chars = Array(text)
        var index = 0
        var output = ""
        while index < chars.count {
            var end = index
            while end < chars.count, digits[chars[end]] != nil || chars[end] == "十" { end += 1 }
            if end > index, units.contains(where: { String(chars[end...]).hasPrefix($0) }), end - index <= 3 {
                var value = 0, current = 0
                for char in chars[index..<end] {
                    if char == "十" { value += (current == 0 ? 1 : current) * 10; current = 0 } else { current = digits[char]! }
                }
                output += String(value + current)
                index = end
                continue
            }
            output.append(chars[index])
            index += 1
        }
        return output
    }

    /// Splits on ，；。 outside brackets.
    static func clauses(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        for char in text {
            if char == "（" || char == "《" || char == "“" { depth += 1 }
            if char == "）" || char == "》" || char == "”" { depth = max(0, depth - 1) }
            if depth == 0, char == "，" || char == "；" || char == "。" {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else if char == "（", current.isEmpty == false, depth == 1 {
                // A bracketed aside ends the clause: "…20个工作日内（另有规定的从其规定）".
                result.append(current)
                current = "（"
            } else {
                current.append(char)
            }
        }
        if !current.isEmpty { result.append(current) }
        return rejoined(result).map { $0.hasPrefix("（") && $0.hasSuffix("）") ? String($0.dropFirst().dropLast()) : $0 }
    }

    /// Undoes splits inside one clause: a bracket with text after it is inline ("信息形成（变更）20个工作日内"),
    /// and "法律、法规另有规定的，从其规定" is one proviso even with a comma inside.
    private static func rejoined(_ clauses: [String]) -> [String] {
        var result: [String] = []
        for clause in clauses {
            guard let last = result.last else { result.append(clause); continue }
            if clause.hasPrefix("（") && !clause.hasSuffix("）") {
                result[result.count - 1] = last + clause
            } else if last.includes("另有规定"), !last.includes("其规定"), clause.includes("其规定") {
                result[result.count - 1] = last + "，" + clause
            } else {
                result.append(clause)
            }
        }
        return result
    }

    private static let upkeepWords = ["动态调整", "动态更新", "实时更新", "及时更新", "随时更新", "动态管理"] + standingWords

    /// Standing information (长期公开): published once and kept public and current from then on.
    static let standingWords = ["长期公开", "常年公开", "常态化公开", "长期", "常年", "常态化"]

    /// 动态调整 / 实时更新 / 根据…变化及时更新 / 长期公开: the item must also be kept current.
    static func mentionsUpkeep(_ text: String) -> Bool {
        upkeepWords.contains(where: text.includes)
    }

    /// Why an upkeep-only text has no due date, for wordings that do not say "更新" themselves.
    static func upkeepInterpretation(_ text: String) -> String? {
        if let word = standingWords.first(where: text.includes) {
            return "“\(word)”指常设信息：公开后须一直保持公开，内容变化时随之更新，没有单一的到期日"
        }
        if text.includes("实时更新") {
            return "“实时更新”指内容变化时随即更新，属于持续维护，没有单一的到期日"
        }
        return nil
    }

    /// A cell that says nothing: "——", "/", "无", "暂无".
    static func isBlank(_ text: String) -> Bool {
        let stripped = text.filter { !"—–-－_/／\\、，。；：…·".contains($0) }
        return stripped.isEmpty || ["无", "暂无", "空", "略"].contains(stripped)
    }

    /// A clause that only says "publish" ("予以公开", "并及时公开"): nothing to keep as a note.
    static func isFiller(_ clause: String) -> Bool {
        var rest = clause
        for word in ["按照规定", "按规定", "向社会", "予以", "应当", "主动", "及时", "公开", "发布", "公布", "公示", "应", "要", "并", "须"] {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        return rest.isEmpty
    }

    /// The clause without its upkeep part: "及时公开并动态调整" → "及时公开"; "并根据职能变化动态调整更新" → "".
    static func removingUpkeep(_ clause: String) -> String {
        guard mentionsUpkeep(clause) else { return clause }
        for marker in ["并根据", "并", "根据"] {
            if let range = clause.range(of: marker) { return String(clause[..<range.lowerBound]) }
        }
        return ""
    }

    static let recordKindVocabulary = ["行政许可", "行政处罚", "行政强制", "行政检查", "行政确认", "行政奖励",
                                       "行政给付", "行政裁决", "行政征收", "行政征用"]

    static func recordKinds(in label: String) -> [String] {
        recordKindVocabulary.filter { label.includes($0) }
    }
}
