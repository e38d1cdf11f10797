import ArgumentParser
import Foundation
import GongkaiStore

/// `--db PATH` on every command; default `GONGKAI_DB`, else ./gongkai.sqlite.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "数据库文件路径（默认取环境变量 GONGKAI_DB，否则为 ./gongkai.sqlite）")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["GONGKAI_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "gongkai.sqlite"
    }

    /// Opens the database for `body` and always closes it, also when `body` throws.
    func withDatabase<T>(_ body: (GongkaiDatabase) async throws -> T) async throws -> T {
        let database: GongkaiDatabase
        do {
            database = try await GongkaiDatabase.open(path: resolvedPath)
        } catch let error as StoreError {
            throw UserFacingError(error.description)
        }
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

/// An error whose message is already the Chinese sentence to show; exits with status 1.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, printing Chinese errors to stderr and exiting 1 on failure.
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as UserFacingError {
            Console.error("错误：" + error.description)
            throw ExitCode(1)
        } catch let error as StoreError {
            Console.error("错误：" + error.description)
            throw ExitCode(1)
        }
    }
}
