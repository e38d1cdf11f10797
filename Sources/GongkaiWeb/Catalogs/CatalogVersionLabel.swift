import GongkaiCore
import GongkaiStore

/// How a catalog version is named to readers: 第2版（自2026-12-01起施行） or 第1版（2026-11-30停止施行）.
enum CatalogVersionLabel {
    static func name(_ version: CatalogSummary) -> String {
        "第\(version.versionNumber ?? 1)版" + (version.version.map { "（\($0)）" } ?? "")
    }

    static func period(_ version: CatalogSummary, supersededOn: CivilDate?) -> String {
        let from = version.effectiveFrom.map { "自\($0)起施行" } ?? "自导入起施行"
        guard let supersededOn else { return from + "，现行" }
        return from + "，\(supersededOn.adding(days: -1))后停止施行"
    }

    /// As staff lists show it: an adopted version's name and period, else its status (待审核的修订稿, 已放弃).
    static func state(_ version: CatalogSummary, supersededOn: CivilDate?) -> String {
        version.status == .adopted ? name(version) + "，" + period(version, supersededOn: supersededOn) : version.status.label
    }
}
