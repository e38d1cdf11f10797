import GongkaiCore

/// HTML output helpers. Mustache escapes `{{values}}`; these are for the few places that build markup.
enum HTML {
    static func escape(_ text: String) -> String { text.escapingHTML }

    /// A record body as HTML (`RecordBody`: escaped first, a small Markdown subset, no raw HTML).
    static func renderBody(_ markdown: String) -> String { RecordBody.html(markdown) }
}
