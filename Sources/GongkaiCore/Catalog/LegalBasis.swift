import Foundation

/// One 公开依据: the raw text plus the parsed 《title》 and document number (文号),
/// e.g. 《中华人民共和国政府信息公开条例》（国务院令第711号） or （国办发〔2016〕8号）.
public struct LegalBasis: Codable, Sendable, Equatable {
    public var text: String
    public var title: String?
    public var documentNumber: String?
    /// False when a 《 or （ is left open, as happens when a cell is cut off.
    public var isComplete: Bool

    public init(text: String, title: String?, documentNumber: String?, isComplete: Bool) {
        self.text = text
        self.title = title
        self.documentNumber = documentNumber
        self.isComplete = isComplete
    }

    /// Splits a 公开依据 cell into its documents: on ；; and line breaks, and on 、 between two 《…》.
    public static func parseAll(_ text: String) -> [LegalBasis] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        let chars = Array(text)
        for (index, char) in chars.enumerated() {
            switch char {
            case "《": depth += 1
            case "》": depth = max(0, depth - 1)
            default: break
            }
            let next = index + 1 < chars.count ? chars[index + 1] : nil
            let separates = char == "；" || char == ";" || char == "\n"
                || (char == "、" && depth == 0 && next == "《" && (current.hasSuffix("》") || current.hasSuffix("）")))
            if separates {
                pieces.append(current)
                current = ""
            } else {
                current.append(char)
            }
        }
        pieces.append(current)
        return pieces
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "。，,"))) }
            .filter { !$0.isEmpty }
            .map(parse)
    }

    public static func parse(_ text: String) -> LegalBasis {
        LegalBasis(text: text, title: title(in: text), documentNumber: documentNumber(in: text),
                   isComplete: isBalanced(text))
    }

    /// The outermost 《…》, keeping nested 〈〉＜＞ as written.
    static func title(in text: String) -> String? {
        guard let open = text.firstIndex(of: "《") else { return nil }
        var depth = 0
        var index = open
        while index < text.endIndex {
            if text[index] == "《" { depth += 1 }
            if text[index] == "》" {
                depth -= 1
                if depth == 0 { return String(text[text.index(after: open)..<index]) }
            }
            index = text.index(after: index)
        }
        return String(text[text.index(after: open)...])
    }

    private static let numberPatterns: [NSRegularExpression] = [
        // 国家卫生健康委令第3号, 财政部令第87号 in brackets: the issuing body's name in full, from the bracket on.
        try! NSRegularExpression(pattern: #"(?<=[（(〔])\p{Han}{1,10}?(?:部|委|局|署|委员会)令\s*第?\s*\d+\s*号"#),
        // 国务院令第711号, 主席令第69号, 2019年国务院令711号
        try! NSRegularExpression(pattern: #"(?:国务院|主席|总理|部|委|局)令\s*第?\s*\d+\s*号"#),
        // 国办发〔2016〕8号, 国办发﹝2014﹞46号, 鲁政字[2019]247号
        try! NSRegularExpression(pattern: #"[\p{Han}A-Za-z]{1,10}\s*[〔\[﹝【(（]\s*\d{4}\s*[〕\]﹞】)）]\s*\d+\s*号"#),
    ]

    static func documentNumber(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for pattern in numberPatterns {
            if let match = pattern.firstMatch(in: text, range: range), let r = Range(match.range, in: text) {
                return normalizeDocumentNumber(String(text[r]))
            }
        }
        return nil
    }

    /// One spelling for every bracket and no spaces: 国办发﹝2014﹞46号 → 国办发〔2014〕46号.
    public static func normalizeDocumentNumber(_ raw: String) -> String {
        var result = raw.filter { !$0.isWhitespace }
        for (from, to) in [("﹝", "〔"), ("﹞", "〕"), ("[", "〔"), ("]", "〕"), ("【", "〔"), ("】", "〕")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        // Years in round brackets only when the bracket directly holds four digits.
        result = result.replacingOccurrences(of: #"[（(](\d{4})[）)]"#, with: "〔$1〕", options: .regularExpression)
        return result
    }

    static func isBalanced(_ text: String) -> Bool {
        Bracket.unclosed(in: text).isEmpty
    }
}

/// Bracket bookkeeping shared by the importers: catalogs cut off at page breaks leave 《（“ open.
public enum Bracket {
    static let pairs: [Character: Character] = ["《": "》", "（": "）", "(": ")", "“": "”", "〈": "〉", "＜": "＞", "[": "]", "〔": "〕"]
    static let closers: [Character: Character] = Dictionary(uniqueKeysWithValues: pairs.map { ($1, $0) })

    /// The openers left unclosed, innermost last. Closers with no opener are ignored
    /// (a continuation starts with them), and ASCII/full-width round brackets close each other
    /// because wrapped catalogs mix them.
    public static func unclosed(in text: String) -> [Character] {
        var stack: [Character] = []
        for char in text {
            if pairs[char] != nil {
                stack.append(char)
            } else if let opener = closers[char] {
                let round: Set<Character> = ["（", "("]
                if let last = stack.last, last == opener || (round.contains(last) && round.contains(opener)) {
                    stack.removeLast()
                }
            }
        }
        return stack
    }

    /// Whether the text starts by closing something (a continuation of a cut-off cell).
    public static func closesFirst(_ text: String) -> Bool {
        var depth = 0
        for char in text {
            if pairs[char] != nil { depth += 1 }
            if closers[char] != nil {
                if depth == 0 { return true }
                depth -= 1
            }
        }
        return false
    }
}
