import Foundation
import FuzzSupport
import GongkaiCore
@testable import GongkaiStore

/// The search query, everything done with it short of the database: the portal's parameters → SearchQuery →
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
        for term in SearchGrams.terms(body) + [SearchGrams.term(text)].compactMap({ $0 }) {
            precondition(term.hasPrefix("g") && term.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }, "gram \(term)")
        }
        if !text.isEmpty {
            let snippet = Snippet.make(body: body, attachments: body, title: body, query: text)
            MarkupCheck.require(snippet, from: text + " | " + body, allowedTags: ["mark"])
        }
    }

    /// The MATCH argument is an SQL literal holding exactly one FTS5 string, so nothing typed becomes FTS5
    /// syntax or SQL.
    static func requireOneFTSString(_ literal: String, text: String) {
        precondition(literal.hasPrefix("'") && literal.hasSuffix("'") && literal.count >= 2, "not an SQL literal: \(literal)")
        let inner = literal.dropFirst().dropLast()
        precondition(!inner.replacingOccurrences(of: "''", with: "").contains("'"), "lone ' in \(literal)")
        let phrase = inner.replacingOccurrences(of: "''", with: "'")
        if text.count < 3 {
            precondition(phrase.hasPrefix("\"g") && phrase.hasSuffix("\""), "gram phrase \(phrase)")
            return
        }
        precondition(phrase.hasPrefix("\"") && phrase.hasSuffix("\"") && phrase.count >= 2, "not an FTS5 string: \(phrase)")
        let content = phrase.dropFirst().dropLast()
        precondition(!content.replacingOccurrences(of: "\"\"", with: "").contains("\""), "lone \" in \(phrase)")
        precondition(content.replacingOccurrences(of: "\"\"", with: "\"") == text, "phrase \(phrase) is not the query \(text)")
    }
}
