import ArgumentParser
import GongkaiStore

/// `gongkai catalogs [--json]`
struct CatalogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalogs", abstract: "列出已导入的目录。")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "以 JSON 输出。") var json = false

    func run() async throws {
        try await reportingErrors {
            let catalogs = try await database.withDatabase { try await CatalogRepository($0).list() }
            if json { print(try Console.json(catalogs)); return }
            if catalogs.isEmpty { print("还没有导入任何目录。用 gongkai import 文件 导入。"); return }
            for catalog in catalogs {
                let state = catalog.status == .adopted ? "第\(catalog.versionNumber ?? 1)版" + (catalog.effectiveFrom.map { "，自\($0)起施行" } ?? "")
                    : catalog.status.label
                print("#\(catalog.id)\t\(catalog.agency)\t\(catalog.title)\t\(catalog.itemCount)个事项\t\(state)")
            }
        }
    }
}
