import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// `gongkai bench import-accuracy DIR [--json]`: imports every catalog of a truth corpus into a throwaway
/// database, reads it back and compares it field by field with what a careful reader sees.
extension BenchCommand {
    struct AccuracyReport: Encodable {
        struct File: Encodable {
            var file: String
            var error: String?
            var format: String?
            var milliseconds: Double
            var accuracy: ImportAccuracy
        }
        var files: [File]
        var total: ImportAccuracy
        var rightPercent: Double
        var silentPercent: Double
        var averageMilliseconds: Double
    }

    func benchImportAccuracy() async throws {
        guard let directory else { throw ValidationError("请给出真值语料目录，如 gongkai bench import-accuracy ../shared/catalogs/real") }
        let folder = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".truth.json") }.sorted()
        guard !names.isEmpty else { throw ValidationError("目录“\(directory)”中没有 .truth.json 真值文件") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-accuracy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = try await GongkaiDatabase.open(path: scratch.appendingPathComponent("accuracy.sqlite").path)
        let repository = CatalogRepository(database)
        var files: [AccuracyReport.File] = []
        var total = ImportAccuracy()
        for (index, name) in names.enumerated() {
            let base = String(name.dropLast(".truth.json".count))
            if !json { Console.progress("[\(index + 1)/\(names.count)] \(base)") }
            let truth = try CatalogTruth.load(folder.appendingPathComponent(name))
            guard let source = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .first(where: { $0.hasPrefix(base + ".") && !$0.hasSuffix(".truth.json") }) else {
                throw ValidationError("真值“\(name)”旁没有同名的目录文件")
            }
            let data = try Data(contentsOf: folder.appendingPathComponent(source))
            var accuracy = ImportAccuracy()
            var error: String?
            var format: String?
            var times: [Double] = []
            do {
                var result = try CatalogImporter.importData(data, fileName: source)
                for _ in 0..<max(iterations / 4, 3) {
                    let start = ContinuousClock.now
                    result = try CatalogImporter.importData(data, fileName: source)
                    times.append(Self.milliseconds(ContinuousClock.now - start))
                }
                format = result.format
                let id = try await repository.save(result.catalog, format: result.format, diagnostics: result.diagnostics)
                let sections = result.diagnostics.contains { $0.kind == .sectionCreated }
                accuracy = ImportAccuracy.compare(try await repository.load(id: id), with: truth, sections: sections)
            } catch let failure as ImportError {
                error = failure.description
                accuracy = ImportAccuracy.compare(Catalog(title: "", agency: Agency(name: ""), sourceFile: source), with: truth)
            }
            total.add(accuracy)
            files.append(.init(file: source, error: error, format: format, milliseconds: Self.median(times), accuracy: accuracy))
        }
        await database.close()
        let fields = Double(max(total.fields, 1))
        let report = AccuracyReport(files: files, total: total, rightPercent: 100 * Double(total.right) / fields,
                                    silentPercent: 100 * Double(total.silent) / fields,
                                    averageMilliseconds: files.map(\.milliseconds).reduce(0, +) / Double(files.count))
        if json { print(try Console.json(report)); return }
        print(render(report))
    }

    private func render(_ report: AccuracyReport) -> String {
        func row(_ name: String, _ a: ImportAccuracy, _ ms: Double?) -> String {
            let percent = a.fields == 0 ? 100 : 100 * Double(a.right) / Double(a.fields)
            return String(format: "%@  事项 %2d/%2d  字段 %3d  对 %3d  错 %2d  缺 %2d  无声错误 %2d  存疑 %2d  %5.1f%%", name.padding(toLength: 28, withPad: " ", startingAt: 0),
                          a.importedItems, a.truthItems, a.fields, a.right, a.wrong, a.missing, a.silent, a.doubts, percent)
                + (ms.map { String(format: "  %.2f ms", $0) } ?? "")
        }
        var lines = ["真实目录导入准确率（字段比较忽略空白）"]
        for file in report.files {
            lines.append(row(file.file, file.accuracy, file.milliseconds) + "  " + (file.format ?? ""))
            if let error = file.error { lines.append("    ✘ \(error)") }
            for miss in file.accuracy.misses {
                lines.append("    \(miss.doubted ? "存疑" : "无声") #\(miss.item) \(miss.field.rawValue)：应为“\(miss.expected.prefix(40))”，得到“\(miss.got.prefix(40))”")
            }
        }
        lines.append(row("合计", report.total, nil))
        lines.append(String(format: "对 %.1f%%，无声错误 %.1f%%，平均每个目录 %.2f ms", report.rightPercent, report.silentPercent, report.averageMilliseconds))
        return lines.joined(separator: "\n")
    }
}
