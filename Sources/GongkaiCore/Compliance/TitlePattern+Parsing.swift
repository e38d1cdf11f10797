extension TitlePattern {
    static let wildcardLetters: Set<Character> = ["x", "X", "×"]
    /// Where a bare alternative's second word ends.
    static let wordStops: Set<Character> = ["的", "之", "与", "和", "及", "或", "、", "，", "。", "：", "；", ",", ".",
                                            ":", ";", "(", ")", "[", "]", "【", "】", "《", "》", "“", "”", "/", "|", "*"]
    static let closing: [Character: Character] = ["(": ")", "[": "]"]

    static func tokenize(_ pattern: String) -> [Token] {
        let chars = Array(pattern)
        var tokens: [Token] = []
        var literal: [Character] = []
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
        }
        func wildcardLength(at index: Int) -> Int {
            if chars[index] == "*" { return 1 }
            var end = index
            while end < chars.count, wildcardLetters.contains(chars[end]) { end += 1 }
            return end - index >= 2 ? end - index : 0
        }
        func word(from start: Int) -> [Character] {
            var end = start
            while end < chars.count, !wordStops.contains(chars[end]), wildcardLength(at: end) == 0 { end += 1 }
            return Array(chars[start..<end])
        }
        var index = 0
        while index < chars.count {
            let char = chars[index]
            let wildcard = wildcardLength(at: index)
            if wildcard > 0 {
                flush()
                if tokens.last != .any { tokens.append(.any) }
                index += wildcard
            } else if let close = closing[char], let end = chars[(index + 1)...].firstIndex(of: close),
                      chars[(index + 1)..<end].contains(where: { $0 == "|" || $0 == "/" }) {
                flush()
                let options = chars[(index + 1)..<end].split(whereSeparator: { $0 == "|" || $0 == "/" }).map(Array.init)
                tokens.append(.choice(options))
                index = end + 1
            } else if char == "/", !literal.isEmpty, !word(from: index + 1).isEmpty {
                var options = [word(from: index + 1)]
                index += 1 + options[0].count
                while index < chars.count, chars[index] == "/", !word(from: index + 1).isEmpty {
                    options.append(word(from: index + 1))
                    index += 1 + options.last!.count
                }
                let first = Array(literal.suffix(options[0].count))
                literal.removeLast(first.count)
                flush()
                tokens.append(.choice([first] + options))
            } else {
                literal.append(char)
                index += 1
            }
        }
        flush()
        return tokens
    }
}
