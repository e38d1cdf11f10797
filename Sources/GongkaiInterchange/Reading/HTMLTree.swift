/// Builds an element tree from HTML tokens the way browsers repair sloppy pages: an unclosed `<td>`,
/// `<tr>` or `<p>` ends where the next one starts, stray end tags are ignored, end tags never reach
/// across a table boundary. Only a `<table>` still open at the end of a file that never reached
/// `</body>`/`</html>` is reported: that file was cut off.
final class HTMLElement {
    let name: String
    let attributes: [String: String]
    var children: [HTMLNode] = []

    init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// Child elements, in order.
    var elements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }
}

enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

struct HTMLTree {
    let root: HTMLElement
    /// Tables still open when the file ended although it never closed its body: the file was cut off.
    let unclosedTables: Int

    static let voidElements: Set<String> = ["br", "img", "input", "meta", "link", "hr", "col", "area", "base", "wbr",
                                            "param", "source", "embed", "basefont", "frame", "keygen", "track"]
    /// Start tags that end an open paragraph.
    private static let closesParagraph: Set<String> = ["p", "div", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                                                       "dl", "pre", "blockquote", "section", "article", "header", "footer",
                                                       "nav", "aside", "form", "hr", "address", "fieldset", "main"]
    private static let cellBoundary: Set<String> = ["td", "th", "table"]

    init(_ tokens: [HTMLToken]) {
        let root = HTMLElement(name: "#document")
        var stack = [root]
        var documentEnded = false

        func nearest(_ names: Set<String>, notCrossing boundary: Set<String>) -> Int? {
            for index in stack.indices.dropFirst().reversed() {
                if names.contains(stack[index].name) { return index }
                if boundary.contains(stack[index].name) { return nil }
            }
            return nil
        }
        func popThrough(_ index: Int) { stack.removeSubrange(index...) }
        func append(_ element: HTMLElement, open: Bool) {
            stack[stack.count - 1].children.append(.element(element))
            if open { stack.append(element) }
        }

        for token in tokens {
            switch token {
            case .text(let text):
                stack[stack.count - 1].children.append(.text(text))
            case .start(let name, let attributes, let selfClosing):
                switch name {
                case "td", "th":
                    if let open = nearest(["td", "th"], notCrossing: ["table"]) { popThrough(open) }
                    if ["table", "tbody", "thead", "tfoot"].contains(stack[stack.count - 1].name) {
                        append(HTMLElement(name: "tr"), open: true)
                    }
                case "tr":
                    if let open = nearest(["tr"], notCrossing: ["table"]) { popThrough(open) }
                    else if let cell = nearest(["td", "th"], notCrossing: ["table"]) { popThrough(cell) }
                case "tbody", "thead", "tfoot":
                    if let table = nearest(["table"], notCrossing: []), table + 1 < stack.count { popThrough(table + 1) }
                case "li":
                    if let open = nearest(["li"], notCrossing: ["ul", "ol", "td", "th", "table"]) { popThrough(open) }
                default:
                    break
                }
                if Self.closesParagraph.contains(name), let open = nearest(["p"], notCrossing: Self.cellBoundary) {
                    popThrough(open)
                }
                append(HTMLElement(name: name, attributes: attributes), open: !selfClosing && !Self.voidElements.contains(name))
            case .end(let name):
                switch name {
                case "table":
                    if let open = nearest(["table"], notCrossing: []) { popThrough(open) }
                case "td", "th", "tr", "tbody", "thead", "tfoot", "caption":
                    if let open = nearest(name == "td" || name == "th" ? ["td", "th"] : [name], notCrossing: ["table"]) { popThrough(open) }
                case "br":
                    append(HTMLElement(name: "br"), open: false)
                case "p":
                    if let open = nearest(["p"], notCrossing: Self.cellBoundary) { popThrough(open) }
                    else { append(HTMLElement(name: "p"), open: false) }
                case "body", "html":
                    documentEnded = true
                    if let open = nearest([name], notCrossing: []) { popThrough(open) }
                default:
                    if let open = nearest([name], notCrossing: ["td", "th", "tr", "table"]) { popThrough(open) }
                }
            }
        }
        self.root = root
        unclosedTables = documentEnded ? 0 : stack.filter { $0.name == "table" }.count
    }
}
