import GongkaiCore
import Mustache

/// Every template starts with `{{% CONTENT_TYPE: SAFEHTML}}`: values are escaped by Unicode scalar
/// (`escapingHTML`). swift-mustache's own HTML escaping compares whole Characters, so a `"` or `<` followed by a
/// combining mark (U+0301) is one Character that equals neither and went out raw: `"\u{301} onfocus=…` broke out of
/// an attribute (found while fuzzing the record bodies; the same flaw as fixed there).
struct ScalarHTMLContentType: MustacheContentType {
    static let name = "SAFEHTML"

    func escapeText(_ text: String) -> String { text.escapingHTML }

    static func register() { MustacheContentTypes.register(ScalarHTMLContentType(), named: name) }
}
