/// A small XML element tree for writing OOXML parts: each part is built by functions returning elements,
/// then rendered once, with every text and attribute value escaped.
struct XMLMarkup: Sendable {
    var name: String
    var attributes: [(String, String)]
    var children: [XMLMarkup]
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLMarkup] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = nil
    }

    /// An element holding only text, such as `<w:t>`.
    init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.init(name, attributes)
        self.text = text
    }

    /// The WordprocessingML idiom `<w:name w:val="value"/>`.
    static func val(_ name: String, _ value: String) -> XMLMarkup { XMLMarkup(name, [("w:val", value)]) }

    /// The element with its XML declaration, as a part of a package.
    var document: String { "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + rendered }

    var rendered: String {
        var output = ""
        render(into: &output)
        return output
    }

    private func render(into output: inout String) {
        output += "<" + name
        for (key, value) in attributes { output += " \(key)=\"\(XMLEscaping.escape(value))\"" }
        if children.isEmpty, text == nil {
            output += "/>"
            return
        }
        output += ">"
        if let text { output += XMLEscaping.escape(text) }
        for child in children { child.render(into: &output) }
        output += "</\(name)>"
    }
}

/// Escaping for XML 1.0 text and attribute values.
public enum XMLEscaping {
    /// Escapes `< & > " '` and drops what XML 1.0 cannot contain at all (control characters other than
    /// TAB, LF and CR; U+FFFE and U+FFFF), which would make Word refuse the whole file.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// The `Char` production of XML 1.0 (Swift scalars are never surrogates).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text without the characters XML 1.0 cannot contain.
    public static func legalCharacters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }
}
