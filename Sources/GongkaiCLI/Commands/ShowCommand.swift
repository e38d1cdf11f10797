import ArgumentParser
import Foundation
import GongkaiInterchange
import GongkaiStore

/// `gongkai show CATALOG [--json]`: the tree, or the whole catalog as JSON (docs/catalog-json.md).
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "显示目录的树形结构，或以 JSON 输出全部内容。")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "目录编号（见 gongkai catalogs），或目录标题、机关名称。") var catalog: String
    @Flag(help: "以 JSON 输出全部内容。") var json = false
    @Flag(help: "同时列出导入时的诊断。") var diagnostics = false

    func run() async throws {
        try await reportingErrors {
            let (summary, loaded, notes) = try await database.withDatabase { db in
                let repository = CatalogRepository(db)
                let summary = try await repository.find(catalog)
                let notes = diagnostics ? try await repository.diagnostics(catalogID: summary.id) : []
                return (summary, try await repository.load(id: summary.id), notes)
            }
            if json {
                print(String(decoding: try CatalogDocument(loaded, id: summary.id).jsonData(), as: UTF8.self))
                return
            }
            print(CatalogTreePrinter.render(loaded))
            for note in notes { print("  [\(note.severity.rawValue)] \(note.locationText)：\(note.message)") }
        }
    }
}
