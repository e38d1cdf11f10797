import GongkaiCore
import SQLKit

/// Copies what the compliance sweep reads from a record's published content into columns of `records`
/// (Migration 008 explains why), in the publishing transaction.
enum ComplianceColumns {
    static func write(_ record: Record, personalData: [PersonalDataKind], override: String?, in db: any SQLDatabase) async throws {
        try await writeContent(recordID: record.id, record.content, in: db)
        try await db.update("records")
            .set("personal_data", to: personalData.map(\.rawValue).joined(separator: ","))
            .set("personal_data_override", to: override)
            .where("id", .equal, record.id).run()
    }

    static func writeContent(recordID: Int, _ content: RecordContent, in db: any SQLDatabase) async throws {
        try await db.update("records")
            .set("trigger_date", to: content.triggerDate?.description)
            .set("written_date", to: content.writtenDate?.description)
            .set("reporting_period", to: content.reportingPeriod.isEmpty ? nil : content.reportingPeriod)
            .set("validity", to: content.validity?.rawValue)
            .set("valid_until", to: content.validUntil?.description)
            .where("id", .equal, recordID).run()
    }
}
