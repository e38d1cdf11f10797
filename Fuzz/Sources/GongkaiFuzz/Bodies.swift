import FuzzSupport
import Foundation
import GongkaiCore

/// Record bodies as the portal shows them: only the tags the Markdown subset makes, nested and closed,
/// and nothing of the input's markup.
enum Bodies {
    static let tags: Set<String> = ["p", "br", "ul", "li", "h2", "h3", "h4", "h5", "h6"]

    @Sendable static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        MarkupCheck.require(RecordBody.html(text), from: text, allowedTags: tags, voidTags: ["br"])
        MarkupCheck.require(text.escapingHTML, from: text, allowedTags: [])
    }
}
