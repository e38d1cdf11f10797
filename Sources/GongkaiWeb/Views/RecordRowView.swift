import Foundation
import GongkaiCore

/// A record in lists (dashboard, item page, review queue).
struct RecordRowView: Sendable {
    var id: Int
    var title: String
    var statusLabel: String
    var status: String
    var indexNumber: String
    var publishedDate: String
    var due: String
    var dueNote: String
    var onTime: Bool
    var late: Bool
    var url: String
    var reviewURL: String

    init(_ record: Record, due: DueDate? = nil) {
        id = record.id
        title = record.content.title
        statusLabel = record.status.label
        status = record.status.rawValue
        indexNumber = record.indexNumber ?? ""
        publishedDate = record.publishedDate?.description ?? ""
        url = SiteURL.adminRecord(record.id).path
        reviewURL = SiteURL.adminRecordReview(.value(record.id)).path
        self.due = due?.due?.description ?? ""
        dueNote = due.map { $0.provisional ? "（临时）" : "" } ?? ""
        if let dueDate = due?.due, let published = record.publishedDate {
            onTime = published <= dueDate
            late = !onTime
        } else {
            onTime = false
            late = false
        }
    }
}
