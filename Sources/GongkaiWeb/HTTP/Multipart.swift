import Foundation

/// A minimal `multipart/form-data` reader (RFC 7578) for the attachment form: text fields and files.
struct Multipart: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var data: Data
    }

    var parts: [Part]

    /// The boundary from a `multipart/form-data; boundary=…` content type, or nil for other types.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    init(_ body: Data, boundary: String) {
        parts = []
        let delimiter = Data("--\(boundary)".utf8)
        var sections: [Data] = []
        var searchStart = body.startIndex
        var previous: Data.Index?
        while let range = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            if let previous { sections.append(body[previous..<range.lowerBound]) }
            previous = range.upperBound
            searchStart = range.upperBound
        }
        for var section in sections {
            if section.starts(with: Data("\r\n".utf8)) { section = section.dropFirst(2) }
            if section.suffix(2) == Data("\r\n".utf8) { section = section.dropLast(2) }
            guard let split = section.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let headers = String(decoding: section[section.startIndex..<split.lowerBound], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }) else { continue }
            func parameter(_ key: String) -> String? {
                guard let range = disposition.range(of: "\(key)=\"") else { return nil }
                let rest = disposition[range.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            }
            guard let name = parameter("name") else { continue }
            parts.append(Part(name: name, filename: parameter("filename"), data: Data(section[split.upperBound...])))
        }
    }

    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.filename != nil } }
}
