import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body (or query string), decoded as UTF-8.
struct FormData: Sendable {
    private var values: [String: [String]] = [:]

    init(_ encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
    }

    /// Fields already split (the text parts of a multipart form).
    init(values: [String: [String]]) { self.values = values }

    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    subscript(_ key: String) -> String? { values[key]?.first }
    var keys: [String] { Array(values.keys) }
    func all(_ key: String) -> [String] { values[key] ?? [] }
    func text(_ key: String) -> String { (values[key]?.first ?? "").trimmed }

    static func read(_ request: Request, context: WebContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return FormData(String(buffer: buffer))
    }
}

import GongkaiCore
