import Foundation
import GongkaiTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Template values are escaped by Unicode scalar: a quote or `<` followed by a combining mark cannot break out of
/// an attribute or open a tag (swift-mustache's own escaping compares whole Characters and let them through).
@Suite struct TemplateEscapingTests {
    @Test func aCombiningMarkAfterAQuoteDoesNotBreakOutOfTheSearchField() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: fixture.router)
            try await app.test(.router) { client in
                let attack = "\"\u{301} autofocus onfocus=alert(1) x=\"<\u{301}script>"
                let ascii = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                let encoded = attack.addingPercentEncoding(withAllowedCharacters: ascii)!
                let response = try await client.get("/search?q=\(encoded)", cookie: nil)
                // Quotes and combining marks are search text like any other (they once broke the FTS5 phrase: 500).
                #expect(response.status == .ok)
                let page = response.text
                let raw = String(attack.prefix(12)), escaped = "&quot;\u{301} autofocus onfocus=alert(1) x=&quot;&lt;\u{301}script&gt;"
                let scalars = Array(page.unicodeScalars), rawScalars = Array(raw.unicodeScalars)
                let hasRaw = scalars.indices.contains { start in
                    start + rawScalars.count <= scalars.count && Array(scalars[start..<(start + rawScalars.count)]) == rawScalars
                }
                #expect(!hasRaw)
                #expect(page.contains(escaped))
                // The same with a single quote: it once ended the SQL literal of the FTS5 query early.
                let quote = "医保'\u{301}) OR 1=1 --".addingPercentEncoding(withAllowedCharacters: ascii)!
                #expect(try await client.get("/search?q=\(quote)", cookie: nil).status == .ok)
            }
        }
    }
}
