import Foundation
@testable import GongkaiWeb
import Hummingbird
import Mustache
import Testing

/// Every kind of page of the demo, anonymously and as each staff role, must render whole: Tests/Browser/page_crawl.py
/// follows every link and form and fails on a 5xx (a template key without a value is one, see TemplateKeyAudit),
/// a link to a 404, `href="#"`, empty ids, and headings, links, list items or lists rendered empty.
@Suite struct PageCrawlTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/page_crawl.py")

    @Test func theCrawlReportsEachDefectItLooksFor() async throws {
        let (status, output) = try await BrowserWalkthroughTests.run("/usr/bin/python3", [Self.script.path, "--self-test"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("0 failed"))
    }

    @Test func everyPageOfTheDemoRendersWhole() async throws {
        let server = try await DemoServer.start("crawl")
        defer { server.stop() }
        let (status, output) = try await BrowserWalkthroughTests.run(
            "/usr/bin/python3", [Self.script.path, server.base, "gongkai-demo-2026", "-", "admin", "manager1", "editor1", "reviewer1"])
        print(output)
        #expect(status == 0, "\(output)")
        let pages = output.split(separator: "\n").first { $0.hasPrefix("crawl: ") }
            .flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        // A crawl that lost its session or its links would pass on a handful of pages.
        #expect(pages > 200, "\(output)")
    }

    /// The audit behind the 5xx: a key that no view model has is reported; one that exists with nil is not.
    @Test func aKeyNoViewModelHasIsUnresolved() throws {
        struct Row { var name: String; var note: String? }
        struct Page { var title: String; var rows: [Row]; var anchor: String { "computed" } }
        let template = try MustacheTemplate(string: "{{title}}{{#rows}}{{name}}{{#note}}{{note}}{{/note}}{{titel}}{{/rows}}{{anchor}}")
        let audit = TemplateKeyAudit()
        let html = template.render(audit.audit(Page(title: "目录", rows: [Row(name: "甲", note: nil)])))
        #expect(html == "目录甲")
        // Mustache reads stored properties only: a computed one renders empty, as `anchor` did on the report page.
        #expect(audit.unresolved == ["anchor", "titel"])
    }
}
