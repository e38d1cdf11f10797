import Foundation
import ZIPFoundation

/// Zips the parts of an OOXML package in memory, and unzips them again.
enum DocxPackage {
    static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, data) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let output = archive.data else { throw DocumentExportError.packaging("压缩包为空") }
            return output
        } catch let error as DocumentExportError {
            throw error
        } catch {
            throw DocumentExportError.packaging("无法写入压缩包（\(error)）")
        }
    }

    /// Every file of a package by its path.
    static func entries(_ package: Data) throws -> [String: Data] {
        do {
            let archive = try Archive(data: package, accessMode: .read)
            var entries: [String: Data] = [:]
            for entry in archive where entry.type == .file {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                entries[entry.path] = data
            }
            return entries
        } catch {
            throw DocumentExportError.packaging("无法读取压缩包（\(error)）")
        }
    }
}
