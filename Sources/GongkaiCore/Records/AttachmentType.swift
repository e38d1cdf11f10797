/// File types accepted as attachments, recognised from their first bytes, never from the name a user gave.
public enum AttachmentType: String, Codable, Sendable, CaseIterable {
    case pdf, docx, xlsx, png, jpeg, gif

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        }
    }

    public var fileExtension: String { rawValue == "jpeg" ? "jpg" : rawValue }

    public static let maxSize = 20 * 1024 * 1024

    /// Sniffs the content. Office files are ZIP packages told apart by the part names they contain.
    public static func sniff(_ bytes: [UInt8]) -> AttachmentType? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if contains(bytes, Array("word/document.xml".utf8)) { return .docx }
            if contains(bytes, Array("xl/workbook.xml".utf8)) { return .xlsx }
        }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
