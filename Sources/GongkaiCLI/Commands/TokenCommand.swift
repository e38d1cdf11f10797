import ArgumentParser
import GongkaiStore

/// `gongkai token create --user NAME --name LABEL`: an API token for scripts run by an operator (the API test,
/// deployment scripts), as the person would create on their own token page. Printed once; only its hash is kept.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "API 令牌。", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为用户创建 API 令牌，令牌只显示这一次。")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "用户名") var user: String
        @Option(help: "令牌用途，如“年报统计脚本”") var name: String

        func run() async throws {
            try await reportingErrors {
                let token = try await database.withDatabase { db in
                    let accounts = AccountRepository(db)
                    guard let account = try await accounts.user(username: user) else { throw UserFacingError("没有用户“\(user)”。") }
                    do { return try await accounts.issueAPIToken(for: account, name: name) } catch let error as AccountRepository.Failure {
                        throw UserFacingError(error.description)
                    }
                }
                print(token)
            }
        }
    }
}
