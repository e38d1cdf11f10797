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

    /// No part of a catalog package is larger unpacked (a sheet of 100,000 rows is far smaller).
    static let maximumEntrySize: UInt64 = 64 * 1024 * 1024

    struct TooLarge: Error {}

    /// One entry's bytes, refusing entries that claim more than the package holds or unpack beyond
    /// `maximumEntrySize` (a damaged or hostile package otherwise kept ZIPFoundation reading: found by
    /// `scripts/fuzz import`).
    static func extract(_ entry: Entry, from archive: Archive, packageSize: Int) throws -> Data {
        guard entry.compressedSize <= UInt64(packageSize), entry.uncompressedSize <= maximumEntrySize else { throw TooLarge() }
        var result = Data()
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
            result.append(chunk)
            if result.count > Int(maximumEntrySize) { throw TooLarge() }
        }
        return result
    }
}
