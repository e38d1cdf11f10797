import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// A bureau revises its catalog: the revision is a draft of the next version, not a second catalog; approval moves
/// the records of matched items, keeps the removed item's records under the old version, and the monitor judges
/// the days before the effective date by the old items.
@Suite struct CatalogRevisionTests {
    static let today = CivilDate(localDate: Date())
    static func daysAgo(_ days: Int) -> Date { Date().addingTimeInterval(-Double(days) * 86_400) }

    @Test(arguments: StoreBackend.allCases)
    func reimportingTheCatalogInForceChangesNothing(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let (yiyuan, _) = try await TestAgencies.create(in: database)
            let repository = CatalogRepository(database)
            let before = try await database.dataRowCounts()
            let seed = try TestAgencies.seed("000")
            let outcome = try await repository.store(seed.catalog, format: seed.format, diagnostics: seed.diagnostics)
            #expect(outcome.kind == .unchanged)
            #expect(outcome.diff?.isEmpty == true && outcome.diff?.count(.unchanged) == 48)
            #expect(outcome.catalogID == (try await repository.current(agencyID: yiyuan))?.id)
            #expect(try await database.dataRowCounts() == before)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anApprovedRevisionCarriesTheRecordsOver(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let repository = CatalogRepository(database)
            let old = try #require(try await repository.current(agencyID: fixture.yiyuan))

            // Records under the items the revision renames, moves and removes, and one published late.
            var filed: [String: Int] = [:]
            for name in SeedRevision.renamed.map({ $0.0.last! }) + [SeedRevision.moved.from.last!, SeedRevision.removed.last!] {
                let record = try await fixture.publish(RecordContent(title: "\(name)（2026年）"), item: try await fixture.item(name, agencyID: fixture.yiyuan),
                                                       agencyID: fixture.yiyuan, publishAt: Self.daysAgo(40))
                filed[name] = record.id
            }
            let fraudItem = try await fixture.item(SeedRevision.changed[0].last!, agencyID: fixture.yiyuan)
            let late = try await fixture.publish(RecordContent(title: "欺诈骗保典型案例通报", triggerDate: Self.today.adding(days: -90)),
                                                 item: fraudItem, agencyID: fixture.yiyuan, publishAt: Self.daysAgo(30))
            let calendar = WorkingCalendar(try HolidayData.bundledYears())
            let sweep = ComplianceSweep(database: database, calendar: calendar)
            let findingsBefore = try await sweep.run(agencyID: fixture.yiyuan, at: Self.today).findings
            #expect(findingsBefore.contains { $0.kind == .late && $0.recordID == late.id })

            // The revised file becomes a draft with exactly the revision's diff; nothing public changes yet.
            let revised = try SeedRevision.revise(try TestAgencies.seed("000").catalog)
            let outcome = try await repository.store(revised, format: "TSV", diagnostics: [], actor: "yiyuan")
            #expect(outcome.kind == .revisionDraft && outcome.revisesID == old.id)
            let stored = try await repository.revisionDiff(draftID: outcome.catalogID).diff
            let expected: [CatalogDiff.Change: Int] = [.renamed: 3, .added: 2, .removed: 1, .moved: 1, .changed: 2, .unchanged: 41]
            for (change, count) in expected { #expect(stored.count(change) == count, "\(change)") }
            #expect(stored == outcome.diff)
            #expect(try await repository.current(agencyID: fixture.yiyuan)?.id == old.id)
            #expect(try await repository.list(agencyID: fixture.yiyuan).count == 2)

            // No record may be filed under a draft's item.
            let draftItem = try #require(try await CatalogRepository.itemNodeIDs(catalogID: outcome.catalogID, in: database.sql).first)
            await #expect(throws: RecordFailure.self) {
                try await fixture.records.createDraft(by: fixture.yiyuanAdmin, itemNodeIDs: [draftItem], content: RecordContent(title: "草稿下的信息"))
            }

            let effective = Self.today.adding(days: -10)
            let approval = try await repository.approve(draftID: outcome.catalogID, effective: effective, actor: "reviewer")
            #expect(approval.versionNumber == 2 && approval.movedRecords == 5 && approval.retiredItems == 1)
            #expect(try await repository.current(agencyID: fixture.yiyuan)?.id == outcome.catalogID)
            let history = try await repository.history(agencyID: fixture.yiyuan)
            #expect(history.map(\.version.id) == [old.id, outcome.catalogID])
            #expect(history[0].supersededOn == effective && history[1].supersededOn == nil)

            // Renamed and moved items hold their records under the new names; the removed item's stay with the old version.
            let newItems = Set(try await CatalogRepository.itemNodeIDs(catalogID: outcome.catalogID, in: database.sql))
            let oldItems = Set(try await CatalogRepository.itemNodeIDs(catalogID: old.id, in: database.sql))
            for (name, recordID) in filed {
                let record = try #require(try await fixture.records.record(id: recordID))
                #expect(record.status == .published)
                let home = name == SeedRevision.removed.last! ? oldItems : newItems
                #expect(record.itemNodeIDs.allSatisfy(home.contains), "\(name)")
            }
            for (path, name) in SeedRevision.renamed {
                let record = try #require(try await fixture.records.record(id: filed[path.last!]!))
                let context = try #require(try await fixture.records.itemContext(nodeID: record.itemNodeIDs[0]))
                #expect(context.path.last == name)
            }

            // After the effective date: no blank column for a renamed or moved item, the late finding from before kept.
            let after = try await sweep.run(agencyID: fixture.yiyuan, at: Self.today).findings
            let carried = Set(try await fixture.records.record(id: filed[SeedRevision.moved.from.last!]!)!.itemNodeIDs
                + SeedRevision.renamed.asyncMap { try await fixture.records.record(id: filed[$0.0.last!]!)!.itemNodeIDs[0] })
            #expect(!after.contains { $0.kind == .emptyItem && carried.contains($0.itemID ?? 0) })
            #expect(!after.contains { $0.kind == .emptyItem && oldItems.contains($0.itemID ?? 0) })
            let lateAfter = try #require(after.first { $0.kind == .late && $0.recordID == late.id })
            #expect(oldItems.contains(lateAfter.itemID ?? 0))
            let blanks = { (findings: [Finding]) in findings.filter { $0.kind == .emptyItem }.count }
            #expect(blanks(after) == blanks(findingsBefore) + 2, "only the 2 added items are new blank columns")

            await #expect(throws: CatalogVersionError.notADraft(outcome.catalogID)) {
                try await repository.approve(draftID: outcome.catalogID, effective: effective, actor: "reviewer")
            }
            #expect(try await AuditLog(database).verify() == .intact(entries: try await AuditLog(database).entries(limit: nil).count))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func staffCorrectAMatchBeforeApproval(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let repository = CatalogRepository(database)
            let revised = try SeedRevision.revise(try TestAgencies.seed("000").catalog)
            let draft = try await repository.store(revised, format: "TSV", diagnostics: []).catalogID
            let diff = try await repository.revisionDiff(draftID: draft)
            let added = try #require(diff.entries.first { $0.entry.change == .added })
            let removed = try #require(diff.entries.first { $0.entry.change == .removed })
            // The bureau says the new 医保基金监管 continues the removed 执法统计年报.
            try await repository.correctMatch(draftID: draft, newNodeID: added.newNodeID!, oldNodeID: removed.oldNodeID!, actor: "yiyuan")
            let corrected = try await repository.revisionDiff(draftID: draft)
            #expect(corrected.diff.count(.removed) == 0 && corrected.diff.count(.added) == 1 && corrected.diff.count(.moved) == 2)
            let entry = try #require(corrected.entries.first { $0.newNodeID == added.newNodeID })
            #expect(entry.oldNodeID == removed.oldNodeID && entry.confirmedBy == "yiyuan")
            let taken = try #require(corrected.entries.first { $0.entry.change == .renamed }?.oldNodeID)
            await #expect(throws: CatalogVersionError.nodeAlreadyMatched(taken)) {
                try await repository.correctMatch(draftID: draft, newNodeID: added.newNodeID!, oldNodeID: taken, actor: "yiyuan")
            }
            try await repository.discard(draftID: draft, actor: "yiyuan")
            #expect(try await repository.current(agencyID: fixture.yiyuan)?.id == diff.revisedID)
            await #expect(throws: CatalogVersionError.notADraft(draft)) {
                try await repository.approve(draftID: draft, effective: CivilDate(localDate: Date()), actor: "yiyuan")
            }
        }
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
