import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiStore

/// `gongkai catalog diff A B [--json]`: what changed from catalog A to catalog B, item by item; `versions`,
/// `approve`, `discard` and `match` keep an agency's versions (CatalogCommand+Versions).
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "目录的版本：比较、列出、审核修订稿。",
                                                    subcommands: [Diff.self, Versions.self, Approve.self, Discard.self, Match.self])

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "比较两个目录（如同一机关的新旧版本）：未变、内容变更（哪些栏目）、更名、移动、新增、删除。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "旧目录：编号、标题或机关名称。") var old: String
        @Argument(help: "新目录：编号、标题或机关名称。") var new: String
        @Flag(help: "以 JSON 输出。") var json = false
        @Flag(name: .customLong("all"), help: "也列出未变的事项。") var showUnchanged = false

        func run() async throws {
            try await reportingErrors {
                let diff = try await database.withDatabase { db in
                    let repository = CatalogRepository(db)
                    let a = try await repository.find(old), b = try await repository.find(new)
                    return CatalogDiff.compute(from: try await repository.load(id: a.id), to: try await repository.load(id: b.id))
                }
                if json { print(try Console.json(diff)); return }
                print(render(diff))
            }
        }

        private func render(_ diff: CatalogDiff) -> String {
            let counts = CatalogDiff.Change.allCases.map { "\($0.label) \(diff.count($0))" }.joined(separator: "，")
            var lines = [diff.isEmpty ? "两个目录的事项完全相同（\(counts)）" : counts]
            for entry in diff.entries where showUnchanged || entry.change != .unchanged { lines.append("  " + CatalogDiffText.line(entry)) }
            return lines.joined(separator: "\n")
        }
    }
}
