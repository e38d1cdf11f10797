import Foundation
import Testing

/// `SiteURL` is the only place a path is written: no template and no other Swift file of the web layer or the store
/// spells one, so every link is built from a registered route.
@Suite struct RouteLiteralTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func files(_ folder: String, _ suffix: String) throws -> [URL] {
        let root = sources.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
    }

    @Test func templatesTakeEveryAddressFromTheirViewModel() throws {
        let literal = try Regex(#"(href|action|src)="/"#)
        var found: [String] = []
        for file in try Self.files("GongkaiWeb/Templates", ".mustache") {
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(literal) {
                found.append("\(file.lastPathComponent):\(number + 1): \(line.prefix(120))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func swiftWritesNoPathOutsideSiteURL() throws {
        // A string literal that starts with one of the site's first path segments.
        let literal = try Regex(#""/(admin|agencies|items|records|files|search|apply|login|logout|api|static|ical|display|sitemap|robots|healthz|metrics|openapi)\b"#)
        var found: [String] = []
        for file in try Self.files("GongkaiWeb", ".swift") + Self.files("GongkaiStore", ".swift") where file.lastPathComponent != "SiteURL.swift" {
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(literal) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                found.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces).prefix(120))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
