import Foundation
import ZIPFoundation

/// Opens an uploaded .docx/.xlsx for reading from a temporary file rather than from memory: ZIPFoundation's
/// in-memory archive crashes the process when a damaged package points past its end (found by `scripts/fuzz import`),
/// while reading a file just comes up short. The file is unlinked at once; the open archive keeps it readable.
enum PackageArchive {
    static func open(_ data: Data) throws -> Archive {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-package-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Archive(url: file, accessMode: .read)
    }
}
