import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiStore

extension CatalogCommand {
    /// `gongkai catalog versions AGENCY [--json]`: the agency's versions with their dates, and drafts waiting.
    struct Versions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "versions", abstract: "列出一个机关目录的各版本与待审核的修订稿。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "机关：目录编号、标题或机关名称。") var agency: String
        @Flag(help: "以 JSON 输出。") var json = false

        func run() async throws {
            try await reportingErrors {
                let versions = try await database.withDatabase { db in
                    let repository = CatalogRepository(db)
                    return try await repository.list(agencyID: try await repository.find(agency).agencyId)
                }
                if json { print(try Console.json(versions)); return }
                let adopted = versions.filter { $0.status == .adopted }.sorted { ($0.versionNumber ?? 0) < ($1.versionNumber ?? 0) }
                for (index, version) in adopted.enumerated() {
                    let from = version.effectiveFrom.map { "自 \($0)" } ?? "自导入"
                    let until = index + 1 < adopted.count ? adopted[index + 1].effectiveFrom.map { " 至 \($0.adding(days: -1))" } ?? "" : "（现行）"
                    print("第\(version.versionNumber ?? 1)版  #\(version.id)  \(version.title)  \(version.itemCount)个事项  \(from)\(until)")
                }
                for draft in versions where draft.status != .adopted {
                    print("\(draft.status.label)  #\(draft.id)  \(draft.title)  \(draft.itemCount)个事项  修订 #\(draft.revisesId ?? 0)，导入于 \(draft.importedAt.prefix(10))")
                }
            }
        }
    }

    /// `gongkai catalog approve DRAFT --effective DATE`
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve", abstract: "批准修订稿：自施行日期起成为现行目录，匹配事项下的信息随之迁移，未匹配的旧事项停用。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "修订稿的目录编号。") var draft: Int
        @Option(help: "施行日期（YYYY-MM-DD）。") var effective: String
        @Option(help: "记入审计日志的操作人。") var actor = "cli"
        @Flag(help: "以 JSON 输出。") var json = false

        func run() async throws {
            try await reportingErrors {
                guard let date = CivilDate(effective) else { throw ValidationError("施行日期“\(effective)”不是 YYYY-MM-DD 格式的日期。") }
                let approval = try await database.withDatabase { try await CatalogRepository($0).approve(draftID: draft, effective: date, actor: actor) }
                if json { print(try Console.json(approval)); return }
                print("已批准：目录 #\(approval.catalogID) 为第\(approval.versionNumber)版，自 \(approval.effectiveFrom) 起施行；"
                      + "迁移记录 \(approval.movedRecords) 条，停用事项 \(approval.retiredItems) 个。")
            }
        }
    }

    /// `gongkai catalog discard DRAFT`
    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "discard", abstract: "放弃修订稿；现行目录不变。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "修订稿的目录编号。") var draft: Int
        @Option(help: "记入审计日志的操作人。") var actor = "cli"

        func run() async throws {
            try await reportingErrors {
                try await database.withDatabase { try await CatalogRepository($0).discard(draftID: draft, actor: actor) }
                print("已放弃修订稿 #\(draft)；现行目录未变。")
            }
        }
    }

    /// `gongkai catalog match DRAFT NEW_ITEM [OLD_ITEM]`: corrects one match of a draft.
    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match", abstract: "更正修订稿的事项对应：新事项承接哪个旧事项（不给旧事项则作为新增）。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "修订稿的目录编号。") var draft: Int
        @Argument(help: "修订稿中的事项编号。") var newItem: Int
        @Argument(help: "现行目录中的事项编号；省略表示新增事项。") var oldItem: Int?
        @Option(help: "记入审计日志的操作人。") var actor = "cli"

        func run() async throws {
            try await reportingErrors {
                try await database.withDatabase {
                    try await CatalogRepository($0).correctMatch(draftID: draft, newNodeID: newItem, oldNodeID: oldItem, actor: actor)
                }
                print("已更正：事项 #\(newItem) " + (oldItem.map { "承接旧事项 #\($0)" } ?? "作为新增事项"))
            }
        }
    }
}
