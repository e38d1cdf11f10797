import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
import Logging
import Testing
@testable import GongkaiWeb

/// The folder of static pages an nginx in front serves: it holds the public pages as the site renders them, follows
/// every change, and a withdrawn record leaves it.
@Suite struct StaticMirrorTests {
    static let origin = URL(string: "https://xxgk.example.gov.cn")!

    static func mirror(_ fixture: WebFixture, root: URL) -> StaticMirror {
        StaticMirror(site: fixture.router, database: fixture.database, root: root, origin: origin, logger: Logger(label: "test"))
    }

    /// The fixture's site with its clock at `now`.
    static func mirror(_ fixture: WebFixture, root: URL, at now: Date) async throws -> StaticMirror {
        var config = WebConfig(bcryptCost: 4, contentCheckInterval: .zero, strictTemplates: true)
        config.clock = SiteClock { now }
        let site = try await buildSite(database: fixture.database, calendar: WorkingCalendar(try HolidayData.bundledYears()), config: config)
        return StaticMirror(site: site, database: fixture.database, root: root, origin: origin, logger: Logger(label: "test"))
    }

    static func page(_ root: URL, _ url: SiteURL) -> String? {
        (try? Data(contentsOf: StaticPageFolder(root: root).file(for: url.path))).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: StoreBackend.allCases)
    func theFolderFollowsPublicationAndWithdrawal(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-static-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let id = try await PortalTests.publish(fixture, "静态页面测试处罚决定")
            let item = try await fixture.item("执法结果")
            let mirror = Self.mirror(fixture, root: root)

            let (first, state) = try await mirror.update()
            #expect(first.full && first.written == first.pages && first.removed == 0)
            let record = try #require(Self.page(root, .record(id)))
            #expect(record.contains("静态页面测试处罚决定"))
            // Absolute links name the public origin, not the address the application listens on.
            #expect(record.contains("https://xxgk.example.gov.cn\(SiteURL.record(id).path)"))
            #expect(Self.page(root, .home)?.contains(SiteURL.record(id).path) == true)
            #expect(Self.page(root, .item(item))?.contains(SiteURL.record(id).path) == true)
            #expect(Self.page(root, .agency(fixture.yiyuan)) != nil && Self.page(root, .agency(fixture.guannan)) != nil)

            // Nothing changed: the record pages are not rendered again, and nothing is written.
            #expect(try await mirror.marker() == state.marker)
            let (again, _) = try await mirror.update(after: state)
            #expect(!again.full && again.written == 0 && again.removed == 0 && again.pages == first.pages - 1)

            // A second record: its page and the lists, not the first record's page.
            let second = try await PortalTests.publish(fixture, "第二份处罚决定")
            let (added, addedState) = try await mirror.update(after: state)
            #expect(!added.full && added.pages == first.pages && added.written >= 3)
            #expect(Self.page(root, .record(second))?.contains("第二份处罚决定") == true)

            _ = try await RecordRepository(fixture.database).withdraw(by: fixture.users["agencyadmin"]!, id: id, reason: "测试撤回")
            #expect(try await mirror.marker() != addedState.marker)
            let (after, _) = try await mirror.update(after: addedState)
            #expect(after.removed == 1)
            #expect(Self.page(root, .record(id)) == nil)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(StaticPage.Kind.record.folder + "/\(id)").path) == false)
            #expect(Self.page(root, .item(item))?.contains(SiteURL.record(id).path) == false)
            #expect(Self.page(root, .home)?.contains(SiteURL.record(id).path) == false)
            #expect(Self.page(root, .record(second)) != nil)
        }
    }

    /// A scheduled publication writes nothing when its minute comes: the count of public records tells the mirror.
    @Test func aScheduledRecordAppearsWhenItsTimeComes() async throws {
        try await WebFixture.with { fixture in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-static-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let records = RecordRepository(fixture.database)
            let admin = fixture.users["agencyadmin"]!
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [try await fixture.item("执法结果")],
                                                      content: RecordContent(title: "定时发布的处罚决定", body: "正文"))
            _ = try await records.submit(by: admin, id: draft.id)
            let later = Date().addingTimeInterval(3_600)
            _ = try await records.approve(by: admin, id: draft.id, publishAt: later)

            let now = Self.mirror(fixture, root: root)
            let (_, state) = try await now.update()
            #expect(Self.page(root, .record(draft.id)) == nil)
            let then = try await Self.mirror(fixture, root: root, at: later.addingTimeInterval(60))
            #expect(try await then.marker() != state.marker)
            let (report, _) = try await then.update(after: state)
            #expect(!report.full)
            #expect(Self.page(root, .record(draft.id))?.contains("定时发布的处罚决定") == true)
        }
    }
}
