/// The tokens of the short-query index: every distinct character and every distinct pair of adjacent
/// characters of a text (letters and digits only, lowercased), written as space-separated words for FTS5's
/// unicode61 tokenizer. A query of one or two characters is then one token.
enum SearchGrams {
    static func isIndexed(_ char: Character) -> Bool { char.isLetter || char.isNumber }

    /// Each gram is written as a word prefixed with "g" so that unicode61 never splits or folds it oddly.
    static func document(_ text: String) -> String {
        var seen = Set<String>()
        var words: [String] = []
        var previous: Character?
        for raw in text.lowercased() {
            guard isIndexed(raw) else { previous = nil; continue }
            let single = String(raw)
            if seen.insert(single).inserted { words.append(encode(single)) }
            if let previous {
                let pair = String([previous, raw])
                if seen.insert(pair).inserted { words.append(encode(pair)) }
            }
            previous = raw
        }
        return words.joined(separator: " ")
    }

    /// The FTS5 query for a one- or two-character query, or nil when it has other characters.
    static func query(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard (1...2).contains(lowered.count), lowered.allSatisfy(isIndexed) else { return nil }
        return "\"\(encode(lowered))\""
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Hex-encodes the UTF-8 bytes: gram words are ASCII, so the tokenizer keeps them whole.
    static func encode(_ gram: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "g")]
        for byte in gram.utf8 {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
