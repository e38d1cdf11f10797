import Foundation
import FuzzSupport
import GongkaiCore
@testable import GongkaiStore

/// The search query, everything done with it short of the database: the portal's parameters → SearchQuery (web) →
/// FTS5 MATCH literals, the date-range keys and the page offset both backends compute; the grams of short
/// queries; the highlighted snippet of a hit. Input: a query string ("q=…&page=…"), NUL, the text of a record.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let parts = data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let queryString = String(decoding: parts.first ?? Data(), as: UTF8.self)
    let body = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
    SearchInput.check(queryString: queryString, body: body)
    return 0
}

enum SearchInput {
    static func check(queryString: String, body: String) {
        var parameters: [String: String] = [:]
        for pair in queryString.split(separator: "&") {
            let (key, value) = pair.firstIndex(of: "=").map { (pair[..<$0], pair[pair.index(after: $0)...]) } ?? (pair, "")
            parameters[String(key).removingPercentEncoding ?? String(key)] = String(value).removingPercentEncoding ?? String(value)
        }
        let (query, _) = SearchQuery.parse { parameters[$0] ?? "" }
        // Both backends page with (page - 1) * pageSize.
        precondition(!(query.page - 1).multipliedReportingOverflow(by: query.pageSize).overflow, "page offset overflows: \(query.page)")
        precondition((1...100).contains(query.pageSize))
        let text = query.text.trimmed
        if let match = SQLiteRecordSearch.Match(text) {
            requireOneFTSString(match.all, text: text)
            _ = SQLiteRecordSearch.Scope(query, table: match.table).sql("1", match.all)
        }
        if !text.isEmpty { checkPostgres(text) }
        for term in SearchGrams.terms(body) + [SearchGrams.term(text)].compactMap({ $0 }) {
            precondition(term.hasPrefix("g") && term.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }, "gram \(term)")
        }
        if !text.isEmpty {
            let snippet = SearchExcerpt.make(body: body, attachments: body, title: body, query: text).html
            MarkupCheck.require(snippet, from: text + " | " + body, allowedTags: ["mark"])
        }
    }

    /// PostgreSQL: the LIKE pattern of a query matches exactly its text (no `%`, `_` or `\` left as a wildcard or
    /// escape), and the grams a long query probes cover every gram of the text.
    static func checkPostgres(_ text: String) {
        var unescaped = "", escaping = false
        for scalar in PostgresRecordSearch.escapeLike(text).unicodeScalars {
            if escaping { unescaped.unicodeScalars.append(scalar); escaping = false; continue }
            precondition(scalar != "%" && scalar != "_", "unescaped wildcard for \(text)")
            if scalar == "\\" { escaping = true } else { unescaped.unicodeScalars.append(scalar) }
        }
        precondition(!escaping && unescaped == text, "LIKE pattern does not match \(text) exactly")
        let probed = PostgresRecordSearch.Match.minimalGrams(text)
        for gram in SearchGrams.grams(text) {
            precondition(probed.contains { $0.contains(gram) }, "gram \(gram) of \(text) not covered by \(probed)")
        }
    }

    /// The MATCH argument is an SQL literal holding exactly one FTS5 string, so nothing typed becomes FTS5
    /// syntax or SQL. Read by Unicode scalar, as SQLite reads it: a quote followed by a combining mark is one
    /// Character to Swift but still a quote to SQLite.
    static func requireOneFTSString(_ literal: String, text: String) {
        guard let phrase = undoubled(literal, quote: "'") else { preconditionFailure("not one SQL literal: \(literal)") }
        if text.count < 3 {
            precondition(phrase.hasPrefix("\"g") && phrase.hasSuffix("\""), "gram phrase \(phrase)")
            return
        }
        guard let content = undoubled(phrase, quote: "\"") else { preconditionFailure("not one FTS5 string: \(phrase)") }
        precondition(content.unicodeScalars.elementsEqual(text.unicodeScalars), "phrase \(phrase) is not the query \(text)")
    }

    /// The inside of `quoted` (quote, text with the quote doubled, quote), or nil when it is not exactly that.
    static func undoubled(_ quoted: String, quote: Unicode.Scalar) -> String? {
        let scalars = Array(quoted.unicodeScalars)
        guard scalars.count >= 2, scalars.first == quote, scalars.last == quote else { return nil }
        var inner = String.UnicodeScalarView()
        var index = 1
        while index < scalars.count - 1 {
            if scalars[index] == quote {
                guard index + 1 < scalars.count - 1, scalars[index + 1] == quote else { return nil }
                index += 1
            }
            inner.append(scalars[index])
            index += 1
        }
        return String(inner)
    }
}
