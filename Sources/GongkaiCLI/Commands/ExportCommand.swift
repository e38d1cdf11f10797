import ArgumentParser
import Foundation
import GongkaiInterchange
import GongkaiStore

/// `gongkai export CATALOG --format json|csv|xlsx [--out FILE]`
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "按标准列导出目录（JSON、CSV 或 Excel）。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, xlsx }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "目录编号、标题或机关名称。") var catalog: String
    @Option(help: "导出格式：json、csv 或 xlsx。") var format: Format
    @Option(help: "输出文件（json、csv 默认输出到屏幕）。") var out: String?

    func run() async throws {
        try await reportingErrors {
            guard format != .xlsx || out != nil else { throw UserFacingError("导出 xlsx 需要用 --out 指定文件名。") }
            let (summary, loaded) = try await database.withDatabase { db in
                let repository = CatalogRepository(db)
                let summary = try await repository.find(catalog)
                return (summary, try await repository.load(id: summary.id))
            }
            let data: Data
            switch format {
            case .json: data = try CatalogDocument(loaded, id: summary.id).jsonData() + Data("\n".utf8)
            case .csv: data = Data(CatalogCSVWriter.write(loaded).utf8)
            case .xlsx: data = try CatalogXLSXWriter.write(loaded)
            }
            if let out {
                do { try data.write(to: URL(fileURLWithPath: out)) } catch {
                    throw UserFacingError("无法写入“\(out)”：目录不存在或没有写权限。")
                }
                Console.progress("已导出 \(loaded.items.count) 个事项到 \(out)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
