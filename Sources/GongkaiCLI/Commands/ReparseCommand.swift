import ArgumentParser
import GongkaiCore
import GongkaiStore

/// `gongkai reparse`: parses every stored 时限 text again (after a parser improvement) and reports changes.
struct ReparseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reparse", abstract: "用当前解析器重新解析所有已存的公开时限，并报告变化。")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "以 JSON 输出。") var json = false

    func run() async throws {
        try await reportingErrors {
            let report = try await database.withDatabase { try await DeadlineRuleRepository($0).reparseAll(using: DeadlineParser.parse) }
            if json { print(try Console.json(report)); return }
            print("共\(report.total)个事项，\(report.changed.count)个的时限规则发生变化。")
            for change in report.changed {
                print("  #\(change.nodeId) “\(change.text)”：\(change.before ?? "（无）") → \(change.after)")
            }
            print("各类规则数量：" + report.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))
        }
    }
}
