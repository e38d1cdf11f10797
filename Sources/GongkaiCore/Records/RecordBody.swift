/// The HTML of a record body. Bodies are a small, safe Markdown subset: every character is escaped first, then
/// blank-line paragraphs, `#` headings, `-` lists and line breaks become tags. No raw HTML is ever passed through.
/// Lives here, without the web module, so the fuzz target (Fuzz/) can reach it.
public enum RecordBody {
    public static func html(_ markdown: String) -> String {
        var html = ""
        var listOpen = false
        for block in markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            guard !lines.isEmpty else { continue }
            for line in lines where line.hasPrefix("- ") {
                if !listOpen { html += "<ul>"; listOpen = true }
                html += "<li>\(String(line.dropFirst(2)).escapingHTML)</li>"
            }
            if lines.allSatisfy({ $0.hasPrefix("- ") }) { continue }
            if listOpen { html += "</ul>"; listOpen = false }
            let text = lines.filter { !$0.hasPrefix("- ") }
            if let first = text.first, first.hasPrefix("#") {
                let level = min(first.prefix { $0 == "#" }.count + 1, 6)
                html += "<h\(level)>\(String(first.drop { $0 == "#" }).trimmed.escapingHTML)</h\(level)>"
                if text.count > 1 { html += "<p>" + text.dropFirst().map(\.escapingHTML).joined(separator: "<br>") + "</p>" }
            } else {
                html += "<p>" + text.map(\.escapingHTML).joined(separator: "<br>") + "</p>"
            }
        }
        if listOpen { html += "</ul>" }
        return html
    }
}
