import ArgumentParser
import GongkaiStore

/// `gongkai audit verify`: checks the whole hash chain and names the first broken entry.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计日志。", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "校验审计日志哈希链是否完整。")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let result = try await database.withDatabase { try await AuditLog($0).verify() }
                switch result {
                case .intact(let count):
                    print("审计日志完整：共\(count)条，哈希链无断点。")
                case .broken(let id, let reason):
                    print("审计日志在第\(id)条处断开：\(reason)")
                    throw ExitCode(1)
                }
            }
        }
    }
}
