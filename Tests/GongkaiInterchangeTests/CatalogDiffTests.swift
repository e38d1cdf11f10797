import Foundation
import GongkaiCore
import GongkaiTestSupport
@testable import GongkaiInterchange
import Testing

/// A bureau revises its catalog: items renamed, added, removed, moved to another category, deadlines changed.
@Suite struct CatalogDiffTests {
    static func seed() throws -> Catalog { try SeedFiles.load("000").catalog }

    @Test func theSameCatalogGivesAnEmptyDiff() throws {
        let diff = CatalogDiff.compute(from: try Self.seed(), to: try Self.seed())
        #expect(diff.isEmpty)
        #expect(diff.count(.unchanged) == 48)
    }

    @Test func aRevisedCopyShowsExactlyItsChanges() throws {
        let old = try Self.seed()
        let new = try SeedRevision.revise(old)

        let diff = CatalogDiff.compute(from: old, to: new)
        #expect(diff.count(.renamed) == 3)
        #expect(diff.count(.added) == 2)
        #expect(diff.count(.removed) == 1)
        #expect(diff.count(.moved) == 1)
        #expect(diff.count(.changed) == 2)
        #expect(diff.count(.unchanged) == 41)
        let renamed = diff.entries.filter { $0.change == .renamed }
        #expect(renamed.map { $0.newPath!.last! } == ["部门职能配置及内设机构情况", "部门重要会议", "法治政府建设年度报告"])
        #expect(renamed.allSatisfy { $0.matchedBy == .content && ($0.similarity ?? 0) >= CatalogDiff.contentThreshold })
        let moved = try #require(diff.entries.first { $0.change == .moved })
        #expect(moved.oldPath == ["社会保险", "医保定点"] && moved.newPath == ["社会救助", "医保定点"])
        #expect(diff.entries.filter { $0.change == .changed }.allSatisfy { $0.changedFields == ["公开时限"] })
        #expect(diff.entries.first { $0.change == .removed }?.oldPath == ["行政执法", "执法统计年报"])
    }
}
