import GongkaiCore

/// The text around the first match, HTML-escaped, with every match wrapped in <mark>.
enum Snippet {
    /// A hit's snippet: from the body where the query occurs in it, else from the attachments' text (labelled 附件),
    /// else the start of the body, or of the title when the body is empty.
    static func make(body: String, attachments: String, title: String, query: String) -> String {
        let needle = query.lowercased()
        if !body.lowercased().contains(needle), attachments.lowercased().contains(needle) {
            return "附件：" + make(attachments, query: query)
        }
        return make(body.isEmpty ? title : body, query: query)
    }

    static func make(_ text: String, query: String, radius: Int = 40) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let lowered = flat.lowercased(), needle = query.lowercased()
        guard let first = lowered.range(of: needle) else { return escape(String(flat.prefix(radius * 2))) + (flat.count > radius * 2 ? "…" : "") }
        let startOffset = max(0, lowered.distance(from: lowered.startIndex, to: first.lowerBound) - radius)
        let window = String(flat.dropFirst(startOffset).prefix(radius * 2 + needle.count))
        var html = startOffset > 0 ? "…" : ""
        var rest = Substring(window)
        while let range = rest.lowercased().range(of: needle) {
            let lower = rest.index(rest.startIndex, offsetBy: rest.lowercased().distance(from: rest.lowercased().startIndex, to: range.lowerBound))
            let upper = rest.index(lower, offsetBy: needle.count, limitedBy: rest.endIndex) ?? rest.endIndex
            html += escape(String(rest[..<lower])) + "<mark>" + escape(String(rest[lower..<upper])) + "</mark>"
            rest = rest[upper...]
        }
        html += escape(String(rest))
        return html + (startOffset + window.count < flat.count ? "…" : "")
    }

    static func escape(_ text: String) -> String { text.escapingHTML }
}
