import Foundation
import GongkaiInterchange
import GongkaiStore

/// The two agencies most tests work with: 沂源 (seed 000) and 灌南 (seed 003), imported from the demo seeds and
/// given placeholder 统一社会信用代码, so that 索引号 can be issued.
public enum TestAgencies {
    public static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GongkaiCLI/Demo")

    /// The seed catalog whose file name starts with `prefix` (000–004), read as `gongkai import` would.
    public static func seed(_ prefix: String) throws -> ImportResult {
        let name = try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) }!
        return try CatalogImporter.importFile(at: seeds.appendingPathComponent(name), agency: prefix == "004" ? "某市医疗保障局" : nil)
    }

    /// Imports seeds 000 and 003; returns the agency ids of 沂源 and 灌南.
    public static func create(in database: GongkaiDatabase) async throws -> (yiyuan: Int, guannan: Int) {
        let catalogs = CatalogRepository(database)
        for prefix in ["000", "003"] {
            let result = try seed(prefix)
            try await catalogs.save(result.catalog, format: result.format, diagnostics: result.diagnostics)
        }
        let directory = AgencyDirectory(database)
        let agencies = try await directory.agencies()
        let yiyuan = agencies.first { $0.name.contains("沂源") }!.id, guannan = agencies.first { $0.name.contains("灌南") }!.id
        try await directory.setOrganisationCode(agencyID: yiyuan, code: "11370323MB0000000X", actor: "test")
        try await directory.setOrganisationCode(agencyID: guannan, code: "11320724MB0000000Y", actor: "test")
        return (yiyuan, guannan)
    }
}
