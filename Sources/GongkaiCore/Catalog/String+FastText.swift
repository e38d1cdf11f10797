extension StringProtocol {
    /// Substring test on UTF-8 code units. Foundation's `contains` folds grapheme clusters through
    /// CFString and dominated import time; catalog text needs no canonical-equivalence matching.
    @inlinable
    public func includes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            let view = Array(self.utf8)
            return view.withUnsafeBufferPointer { ByteSearch.contains(pattern, in: $0) }
        }
    }
}

/// Substring search on UTF-8 bytes (for `includes`, and word lists matched against many texts).
public enum ByteSearch {
    @inlinable
    public static func contains(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard text.count >= pattern.count else { return false }
        var index = 0
        let last = text.count - pattern.count
        while index <= last {
            if text[index] == first {
                var offset = 1
                while offset < pattern.count && text[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (including U+3000).
    /// Stdlib-only: Foundation's `trimmingCharacters(in:)` bridges through NSString.
    @inlinable
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

extension StringProtocol {
    /// The text with the five HTML-significant characters escaped, for markup built outside templates
    /// (search snippets, record bodies, feeds). By Unicode scalar, as browsers read: a `<` or `"` followed by a
    /// combining mark is one Character that equals neither, and went through raw (found by scripts/fuzz body).
    public var escapingHTML: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension StringProtocol {
    /// The text with every `scalar` written twice (SQL and FTS5 quotes, CSV quotes). By Unicode scalar: a quote
    /// followed by a combining mark is one Character that equals no quote, and Character-based replacing left it
    /// single, ending the literal early.
    public func doubling(_ scalar: Unicode.Scalar) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for next in unicodeScalars {
            if next == scalar { result.unicodeScalars.append(next) }
            result.unicodeScalars.append(next)
        }
        return result
    }
}
