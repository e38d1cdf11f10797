import Foundation
import GongkaiStore

/// An attachment as a record page lists it: name, download link and size.
struct AttachmentLink: Sendable {
    var name: String
    var url: String
    var size: String

    init(_ attachment: AttachmentStore.Attachment, url: String) {
        name = attachment.name
        self.url = url
        size = attachment.size >= 1_048_576 ? String(format: "%.1f MB", Double(attachment.size) / 1_048_576)
                                             : "\(max(1, attachment.size / 1024)) KB"
    }
}
