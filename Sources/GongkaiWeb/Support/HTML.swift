/// HTML output helpers. Mustache escapes `{{values}}`; these are for the few places that build markup.
enum HTML {
    static func escape(_ text: String) -> String { text.escapingHTML }

    /// A small, safe Markdown subset for record bodies: every character is escaped first, then blank-line
    /// paragraphs, `#` headings, `-` lists and line breaks become tags. No raw HTML is ever passed through.
    static func renderBody(_ markdown: String) -> String {
        var html = ""
        var listOpen = false
        for block in markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            guard !lines.isEmpty else { continue }
            for line in lines where line.hasPrefix("- ") {
                if !listOpen { html += "<ul>"; listOpen = true }
                html += "<li>\(escape(String(line.dropFirst(2))))</li>"
            }
            if lines.allSatisfy({ $0.hasPrefix("- ") }) { continue }
            if listOpen { html += "</ul>"; listOpen = false }
            let text = lines.filter { !$0.hasPrefix("- ") }
            if let first = text.first, first.hasPrefix("#") {
                let level = min(first.prefix { $0 == "#" }.count + 1, 6)
                html += "<h\(level)>\(escape(first.drop { $0 == "#" }.trimmed))</h\(level)>"
                if text.count > 1 { html += "<p>" + text.dropFirst().map(escape).joined(separator: "<br>") + "</p>" }
            } else {
                html += "<p>" + text.map(escape).joined(separator: "<br>") + "</p>"
            }
        }
        if listOpen { html += "</ul>" }
        return html
    }
}

import GongkaiCore
