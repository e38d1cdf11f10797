/// Checks markup built from untrusted text: every `<` and `>` belongs to an allowed tag, tags nest and close,
/// and every `&` starts one of the escapes `escapingHTML` writes. Works on Unicode scalars, as a browser reads
/// them, so a `<` hidden in a grapheme cluster (`<` + U+0301) counts as a raw `<`.
public enum MarkupCheck {
    public static let escapes = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

    /// Nil when the markup is well formed; else what is wrong.
    public static func problem(_ html: String, allowedTags: Set<String>, voidTags: Set<String> = []) -> String? {
        let scalars = Array(html.unicodeScalars)
        var open: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "<":
                guard let end = scalars[index...].firstIndex(of: ">") else { return "unclosed < at \(index)" }
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst())
                    guard open.popLast() == name else { return "</\(name)> closes nothing open at \(index)" }
                } else {
                    guard allowedTags.contains(tag) else { return "raw or unexpected tag <\(tag)> at \(index)" }
                    if !voidTags.contains(tag) { open.append(tag) }
                }
                index = end + 1
            case ">":
                return "raw > at \(index)"
            case "&":
                // Compared by scalar: "&lt;" + U+200D is one Character, so String.hasPrefix would say no.
                let rest = scalars[index..<min(index + 6, scalars.count)]
                guard escapes.contains(where: { rest.starts(with: $0.unicodeScalars) }) else { return "bare & at \(index)" }
                index += 1
            case "\"", "'":
                return "raw quote at \(index)"
            default:
                index += 1
            }
        }
        return open.isEmpty ? nil : "unclosed <\(open.last!)>"
    }

    /// Stops the fuzzer with the input shown (libFuzzer saves it as crash-…).
    public static func require(_ html: String, from input: String, allowedTags: Set<String>, voidTags: Set<String> = []) {
        if let problem = problem(html, allowedTags: allowedTags, voidTags: voidTags) {
            fatalError("\(problem)\ninput: \(input.debugDescription)\noutput: \(html.debugDescription)")
        }
    }
}
