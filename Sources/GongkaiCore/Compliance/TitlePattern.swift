/// The title format an item's records must follow, as agencies write it in their rules, e.g.
/// `对xx次会议第xx号建议/提案的答复`.
///
/// Syntax (see docs/compliance.md):
/// - `xx`, `XX`, `××` (any run of two or more x, X or ×) and `*` match any non-empty text.
/// - `(A|B)`, `(A/B)`, `[A/B]` (also `（A|B）`) match either alternative; `【】` and other brackets are literal.
/// - A bare `A/B` matches either word. The word after `/` runs up to the next wildcard, bracket, punctuation
///   mark or particle (的 之 与 和 及 或); the word before `/` has the same number of characters. So
///   `第xx号建议/提案的答复` offers 建议 or 提案, and `人大代表建议/政协委员提案` offers either whole name.
/// - The whole title must match; put `*` at either end to allow text before or after.
/// - Spaces are ignored and full-width letters, digits and punctuation equal their ASCII forms.
public struct TitlePattern: Sendable, Equatable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    enum Token: Equatable, Sendable {
        case literal([Character])
        case any
        case choice([[Character]])
    }

    /// The pattern as configured.
    public let text: String
    let tokens: [Token]

    public init(_ text: String) {
        self.text = text
        tokens = Self.tokenize(Self.normalize(text))
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { text }

    /// Whether the pattern is empty (no check).
    public var isEmpty: Bool { tokens.isEmpty }

    /// Whether `title` has the required format.
    public func matches(_ title: String) -> Bool {
        let chars = Array(Self.normalize(title))
        var failed = Set<Int>()
        func match(_ token: Int, _ position: Int) -> Bool {
            if token == tokens.count { return position == chars.count }
            let key = token * (chars.count + 1) + position
            if failed.contains(key) { return false }
            var result = false
            switch tokens[token] {
            case .literal(let literal):
                result = Self.hasPrefix(chars, literal, at: position) && match(token + 1, position + literal.count)
            case .choice(let options):
                result = options.contains { Self.hasPrefix(chars, $0, at: position) && match(token + 1, position + $0.count) }
            case .any:
                var end = position + 1
                while end <= chars.count, !result {
                    result = match(token + 1, end)
                    end += 1
                }
            }
            if !result { failed.insert(key) }
            return result
        }
        return match(0, 0)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static func hasPrefix(_ chars: [Character], _ literal: [Character], at position: Int) -> Bool {
        guard position + literal.count <= chars.count else { return false }
        return chars[position..<(position + literal.count)].elementsEqual(literal)
    }

    /// Without white space; full-width ASCII forms (U+FF01–FF5E) folded to ASCII.
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            if (0xFF01...0xFF5E).contains(scalar.value) {
                scalars.append(UnicodeScalar(scalar.value - 0xFEE0)!)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
