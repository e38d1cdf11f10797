/// The visible text of HTML elements as lines: whitespace collapsed as a browser renders it, `<br>` and
/// block elements (`<p>`, `<div>`, rows and cells of inner tables) as line breaks, checkbox inputs as ☑/☐,
/// Wingdings checkbox characters (Word's "save as web page") as ☑/☐, hidden and script-like elements skipped.
/// Each line remembers the elements it sits in, so a page's title can be related to its catalog table.
struct HTMLText {
    struct Line {
        var text: String
        var ancestors: [ObjectIdentifier]
    }

    /// Where a table that is read as a grid (not as text) sits in the flow of lines.
    struct Marker {
        var table: ObjectIdentifier
        var position: Int
        var ancestors: [ObjectIdentifier]
    }

    private(set) var lines: [Line] = []
    private(set) var markers: [Marker] = []
    private var current = ""
    private var pendingSpace = false
    private var stack: [ObjectIdentifier] = []
    private let tablesAsMarkers: Set<ObjectIdentifier>

    private static let skipped: Set<String> = ["head", "title", "script", "style", "noscript", "select", "option", "template",
                                               "iframe", "object", "svg", "math", "button", "textarea", "map"]
    private static let blocks: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
                                              "table", "tr", "td", "th", "caption", "tbody", "thead", "tfoot", "blockquote",
                                              "section", "article", "header", "footer", "nav", "aside", "pre", "address", "form",
                                              "fieldset", "main", "center", "hr", "figure", "figcaption", "body", "html"]

    private enum SymbolFont { case wingdings, wingdings2 }

    init(tablesAsMarkers: Set<ObjectIdentifier> = []) {
        self.tablesAsMarkers = tablesAsMarkers
    }

    /// The text of one table cell (or any element), lines joined with "\n", blank runs collapsed.
    static func cellText(_ element: HTMLElement) -> String {
        var collector = HTMLText()
        collector.walkChildren(of: element, font: nil, pre: false)
        collector.endLine()
        var result: [String] = []
        for line in collector.lines.map(\.text) {
            if line.isEmpty, result.last?.isEmpty ?? true { continue }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    /// The lines of a whole page, with the given tables left out and marked in their place.
    static func flow(_ root: HTMLElement, tables: Set<ObjectIdentifier>) -> HTMLText {
        var collector = HTMLText(tablesAsMarkers: tables)
        collector.walk(root, font: nil, pre: false)
        collector.endLine()
        collector.lines.removeAll { $0.text.isEmpty }
        return collector
    }

    private mutating func walk(_ element: HTMLElement, font: SymbolFont?, pre: Bool) {
        let name = element.name
        if Self.skipped.contains(name) || Self.isHidden(element) {
            // A catalog in a hidden tab of the page is still the catalog; nothing else hidden is read.
            if !tablesAsMarkers.isEmpty { markTables(in: element) }
            return
        }
        if tablesAsMarkers.contains(ObjectIdentifier(element)) {
            endLine()
            markers.append(Marker(table: ObjectIdentifier(element), position: lines.count, ancestors: stack))
            return
        }
        switch name {
        case "br":
            endLine(force: true)
            return
        case "input":
            let type = element.attribute("type")?.lowercased() ?? ""
            if type == "checkbox" || type == "radio" { append(element.attribute("checked") != nil ? "☑" : "☐") }
            return
        default:
            break
        }
        let isBlock = Self.blocks.contains(name)
        if isBlock { endLine() }
        stack.append(ObjectIdentifier(element))
        walkChildren(of: element, font: Self.symbolFont(of: element) ?? font, pre: pre || name == "pre")
        if isBlock { endLine() }
        stack.removeLast()
    }

    private mutating func markTables(in element: HTMLElement) {
        for child in element.elements {
            if tablesAsMarkers.contains(ObjectIdentifier(child)) {
                endLine()
                markers.append(Marker(table: ObjectIdentifier(child), position: lines.count, ancestors: stack))
            } else {
                markTables(in: child)
            }
        }
    }

    private mutating func walkChildren(of element: HTMLElement, font: SymbolFont?, pre: Bool) {
        for child in element.children {
            switch child {
            case .element(let inner): walk(inner, font: font, pre: pre)
            case .text(let text): appendText(text, font: font, pre: pre)
            }
        }
    }

    private mutating func appendText(_ text: String, font: SymbolFont?, pre: Bool) {
        for char in text {
            if pre, char == "\n" || char == "\r\n" {
                endLine(force: true)
            } else if char == " " || char == "\t" || char == "\n" || char == "\r\n" || char == "\r" || char == "\u{A0}" || char == "\u{0C}" {
                pendingSpace = !current.isEmpty
            } else {
                append(font.flatMap { Self.symbol(char, in: $0) } ?? String(char))
            }
        }
    }

    private mutating func append(_ text: String) {
        if pendingSpace { current.append(" ") }
        pendingSpace = false
        current += text
    }

    /// Ends the current line; `force` keeps an empty line (a `<br>` on its own).
    private mutating func endLine(force: Bool = false) {
        if !current.isEmpty || force {
            lines.append(Line(text: current, ancestors: stack))
        }
        current = ""
        pendingSpace = false
    }

    private static func isHidden(_ element: HTMLElement) -> Bool {
        if element.attribute("hidden") != nil { return true }
        guard let style = element.attribute("style") else { return false }
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("mso-hide:all")
    }

    private static func symbolFont(of element: HTMLElement) -> SymbolFont? {
        let style = (element.attribute("style") ?? "").lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        let face = (element.attribute("face") ?? "").lowercased().filter { !$0.isWhitespace }
        let declared = ["font-family:", "mso-symbol-font-family:"].compactMap { key -> String? in
            guard let range = style.range(of: key) else { return nil }
            return String(style[range.upperBound...].prefix { $0 != ";" && $0 != "," })
        } + [face]
        if declared.contains(where: { $0.hasPrefix("wingdings2") }) { return .wingdings2 }
        if declared.contains(where: { $0.hasPrefix("wingdings") }) { return .wingdings }
        return nil
    }

    /// Checkbox characters of the symbol fonts, as the glyphs they show.
    private static func symbol(_ char: Character, in font: SymbolFont) -> String? {
        switch font {
        case .wingdings: ["þ": "☑", "ý": "☒", "ü": "✓", "û": "✗", "¨": "☐", "o": "☐", "q": "☐", "n": "■", "l": "●", "¡": "○"][char]
        case .wingdings2: ["R": "☑", "T": "☒", "S": "☒", "P": "✓", "£": "☐", "O": "✗"][char]
        }
    }
}
