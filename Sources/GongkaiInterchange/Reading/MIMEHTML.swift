import Foundation

/// A "single file web page" (.mht/.mhtml, Word's and browsers' one-file save): a MIME message whose
/// text/html part is the page, quoted-printable or base64 encoded.
enum MIMEHTML {
    static func recognizes(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        return head.includes("mime-version:") && head.includes("multipart/")
    }

    /// The page's bytes (their encoding is told from their content, as for any page).
    static func extract(_ data: Data) -> Data? {
        // ISO Latin 1 keeps every byte as one character, so raw 8-bit parts survive the round trip.
        guard let message = String(data: data, encoding: .isoLatin1),
              let boundary = parameter("boundary", in: message.prefix(4096)) else { return nil }
        for part in message.components(separatedBy: "--" + boundary).dropFirst() {
            let normalized = part.replacingOccurrences(of: "\r\n", with: "\n")
            guard let split = normalized.range(of: "\n\n") else { continue }
            let headers = normalized[..<split.lowerBound].replacingOccurrences(of: "\n ", with: " ")
                .replacingOccurrences(of: "\n\t", with: " ")
            let lower = headers.lowercased()
            guard lower.includes("content-type: text/html") || lower.includes("content-type:text/html") else { continue }
            let body = String(normalized[split.upperBound...])
            let encoding = lower.components(separatedBy: "content-transfer-encoding:").dropFirst().first?
                .split(separator: "\n").first?.trimmed ?? ""
            let bytes: Data?
            switch encoding {
            case "quoted-printable": bytes = quotedPrintable(body)
            case "base64": bytes = Data(base64Encoded: body.filter { !$0.isWhitespace })
            default: bytes = body.data(using: .isoLatin1)
            }
            guard let bytes else { return nil }
            return bytes
        }
        return nil
    }

    private static func parameter(_ name: String, in text: Substring) -> String? {
        guard let range = text.range(of: name + #"\s*=\s*"?([^";\r\n]+)"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let value = text[range].drop { $0 != "=" }.dropFirst().trimmed
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    private static func quotedPrintable(_ text: String) -> Data? {
        var bytes: [UInt8] = []
        let scalars = Array(text.replacingOccurrences(of: "=\n", with: "").unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "=", index + 2 < scalars.count,
               let value = UInt8(String(String.UnicodeScalarView(scalars[(index + 1)...(index + 2)])), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                guard scalar.value < 256 else { return nil }
                bytes.append(UInt8(scalar.value))
                index += 1
            }
        }
        return Data(bytes)
    }
}
