/// Splits HTML into tags and text, tolerantly: attributes with or without quotes, comments,
/// `<!DOCTYPE>` and Word's `<![if …]>` skipped, `<script>`/`<style>` dropped, entities decoded.
/// A file that ends inside a tag, comment or script was cut off: that is the one thing it refuses.
enum HTMLToken: Equatable {
    case start(String, [String: String], selfClosing: Bool)
    case end(String)
    case text(String)
}

enum HTMLSyntaxError: Error, Equatable {
    /// The file ends inside a tag, a comment or a script: it was cut off.
    case endsInside(String)
}

struct HTMLTokenizer {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var tokens: [HTMLToken] = []
    private var text = ""

    /// Elements whose content is not markup; script and style are dropped, the others kept as text.
    private static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp"]

    static func tokenize(_ html: String) throws(HTMLSyntaxError) -> [HTMLToken] {
        var tokenizer = HTMLTokenizer(s: Array(html.unicodeScalars))
        try tokenizer.run()
        return tokenizer.tokens
    }

    private init(s: [Unicode.Scalar]) { self.s = s }

    private mutating func run() throws(HTMLSyntaxError) {
        while i < s.count {
            let c = s[i]
            guard c == "<", i + 1 < s.count else {
                text.unicodeScalars.append(c)
                i += 1
                continue
            }
            let next = s[i + 1]
            if next == "!" {
                flushText()
                try declaration()
            } else if next == "?" {
                flushText()
                i = try position(of: ">", from: i + 2, inside: "<?…?>") + 1
            } else if next == "/" {
                flushText()
                try endTag()
            } else if Self.isLetter(next) {
                flushText()
                try startTag()
            } else {
                text.unicodeScalars.append(c)
                i += 1
            }
        }
        flushText()
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        tokens.append(.text(HTMLEntities.decode(text)))
        text = ""
    }

    /// `<!-- … -->`, `<![CDATA[ … ]]>`, `<!DOCTYPE …>`, Word's `<![if !supportLists]>` / `<![endif]>`.
    private mutating func declaration() throws(HTMLSyntaxError) {
        if matches("<!--", at: i) {
            guard let end = find("-->", from: i + 4) else { throw .endsInside("注释 <!-- … -->") }
            i = end + 3
        } else if matches("<![CDATA[", at: i) {
            guard let end = find("]]>", from: i + 9) else { throw .endsInside("<![CDATA[ … ]]>") }
            tokens.append(.text(String(String.UnicodeScalarView(s[(i + 9)..<end]))))
            i = end + 3
        } else {
            i = try position(of: ">", from: i + 2, inside: "<!…>") + 1
        }
    }

    private mutating func endTag() throws(HTMLSyntaxError) {
        var j = i + 2
        let nameStart = j
        while j < s.count, !Self.isSpace(s[j]), s[j] != ">" { j += 1 }
        let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
        i = try position(of: ">", from: j, inside: "结束标签 </\(name)>") + 1
        if !name.isEmpty { tokens.append(.end(name)) }
    }

    private mutating func startTag() throws(HTMLSyntaxError) {
        var j = i + 1
        let nameStart = j
        while j < s.count, !Self.isSpace(s[j]), s[j] != ">", s[j] != "/" { j += 1 }
        let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        let cut = HTMLSyntaxError.endsInside("标签 <\(name)>")
        while true {
            while j < s.count, Self.isSpace(s[j]) || s[j] == "/" {
                selfClosing = s[j] == "/"
                j += 1
            }
            guard j < s.count else { throw cut }
            if s[j] == ">" { j += 1; break }
            selfClosing = false
            let attrStart = j
            while j < s.count, !Self.isSpace(s[j]), s[j] != "=", s[j] != ">", s[j] != "/" { j += 1 }
            let attrName = String(String.UnicodeScalarView(s[attrStart..<j])).lowercased()
            while j < s.count, Self.isSpace(s[j]) { j += 1 }
            guard j < s.count else { throw cut }
            var value = ""
            if s[j] == "=" {
                j += 1
                while j < s.count, Self.isSpace(s[j]) { j += 1 }
                guard j < s.count else { throw cut }
                if s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    guard let end = s[(j + 1)...].firstIndex(of: quote) else { throw cut }
                    value = String(String.UnicodeScalarView(s[(j + 1)..<end]))
                    j = end + 1
                } else {
                    let valueStart = j
                    while j < s.count, !Self.isSpace(s[j]), s[j] != ">" { j += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<j]))
                }
            }
            if attributes[attrName] == nil { attributes[attrName] = HTMLEntities.decode(value) }
        }
        i = j
        tokens.append(.start(name, attributes, selfClosing: selfClosing))
        if Self.rawText.contains(name), !selfClosing {
            guard let end = findEndTag(name, from: i) else { throw .endsInside("<\(name)> 元素") }
            if name != "script", name != "style" {
                tokens.append(.text(HTMLEntities.decode(String(String.UnicodeScalarView(s[i..<end])))))
            }
            i = end
        }
    }

    private func position(of scalar: Unicode.Scalar, from start: Int, inside what: String) throws(HTMLSyntaxError) -> Int {
        guard start <= s.count, let index = s[start...].firstIndex(of: scalar) else { throw .endsInside(what) }
        return index
    }

    private func matches(_ literal: String, at index: Int) -> Bool {
        var k = index
        for scalar in literal.unicodeScalars {
            guard k < s.count, Self.lower(s[k]) == scalar else { return false }
            k += 1
        }
        return true
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        guard let first = literal.unicodeScalars.first else { return nil }
        var k = start
        while k < s.count {
            if Self.lower(s[k]) == first, matches(literal, at: k) { return k }
            k += 1
        }
        return nil
    }

    /// The `<` of `</name`, matched case-insensitively.
    private func findEndTag(_ name: String, from start: Int) -> Int? {
        var k = start
        while let found = find("</" + name, from: k) {
            let after = found + 2 + name.unicodeScalars.count
            if after >= s.count || Self.isSpace(s[after]) || s[after] == ">" { return found }
            k = found + 1
        }
        return nil
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
}

/// Character references: the named ones catalogs and Chinese pages use, and numeric ones.
enum HTMLEntities {
    private static let named: [String: String] = [
        "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "middot": "·", "hellip": "…", "mdash": "—",
        "ndash": "–", "bull": "•", "times": "×", "divide": "÷", "copy": "©", "reg": "®", "deg": "°",
        "plusmn": "±", "yen": "¥", "emsp": "\u{2003}", "ensp": "\u{2002}", "thinsp": "\u{2009}",
        "ideographicspace": "\u{3000}", "shy": "", "zwj": "", "zwnj": "", "laquo": "«", "raquo": "»",
        "sect": "§", "para": "¶", "le": "≤", "ge": "≥", "ne": "≠", "larr": "←", "rarr": "→", "uarr": "↑",
        "darr": "↓", "radic": "√", "check": "✓", "checkmark": "✓", "cross": "✗", "square": "□", "squ": "□",
        "blacksquare": "▪", "cir": "○", "bigcirc": "◯", "star": "☆", "starf": "★", "permil": "‰",
        "frac12": "½", "sup2": "²", "sup3": "³", "micro": "µ", "prime": "′", "Prime": "″",
    ]
    /// Entities browsers accept without the final semicolon.
    private static let legacy = ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]

    static func decode(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "&")) else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            if let (replacement, length) = reference(at: rest) {
                result += replacement
                rest = rest.dropFirst(length)
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    /// The character a reference at the start of `text` ("&nbsp;", "&#8220;", "&#x25A1;") stands for, and its length.
    private static func reference(at text: Substring) -> (String, Int)? {
        let body = text.dropFirst().prefix(32)
        if body.first == "#" {
            var digits = body.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            if hex { digits = digits.dropFirst() }
            let number = digits.prefix { hex ? $0.isHexDigit : ($0.isASCII && $0.isNumber) }
            guard !number.isEmpty, let value = UInt32(number, radix: hex ? 16 : 10) else { return nil }
            var length = 2 + (hex ? 1 : 0) + number.count
            if digits.dropFirst(number.count).first == ";" { length += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar.map { String(Character($0)) } ?? "\u{FFFD}", length)
        }
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !name.isEmpty else { return nil }
        if body.dropFirst(name.count).first == ";", let value = named[String(name)] ?? named[name.lowercased()] {
            return (value, name.count + 2)
        }
        if let bare = legacy.first(where: { name.hasPrefix($0) }), let value = named[bare] {
            return (value, bare.count + 1)
        }
        return nil
    }
}
