/// The tokens of the short-query index: every distinct character and every distinct pair of adjacent
/// characters of a text (letters and digits only, lowercased), written as space-separated words for FTS5's
/// unicode61 tokenizer. A query of one or two characters is then one token.
enum SearchGrams {
    static func isIndexed(_ char: Character) -> Bool { char.isLetter || char.isNumber }

    /// The distinct grams of `text`, encoded, in order of first appearance.
    static func terms(_ text: String) -> [String] { grams(text).map(encode) }

    /// The distinct grams of `text` as plain lowercased text (PostgreSQL's postings), in order of first appearance.
    static func grams(_ text: String) -> [String] {
        var seen = Set<String>()
        var grams: [String] = []
        var previous: Character?
        for raw in text.lowercased() {
            guard isIndexed(raw) else { previous = nil; continue }
            let single = String(raw)
            if seen.insert(single).inserted { grams.append(single) }
            if let previous {
                let pair = String([previous, raw])
                if seen.insert(pair).inserted { grams.append(pair) }
            }
            previous = raw
        }
        return grams
    }

    /// The text stored in a grams column.
    static func document(_ text: String) -> String { terms(text).joined(separator: " ") }

    /// The encoded term for a one- or two-character query, or nil when it has other characters.
    static func term(_ text: String) -> String? { gram(text).map(encode) }

    /// The plain gram a one- or two-character query is, or nil when it has other characters.
    static func gram(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard (1...2).contains(lowered.count), lowered.allSatisfy(isIndexed) else { return nil }
        return lowered
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Each gram is written as "g" and the hex of its UTF-8 bytes: gram words are ASCII, so unicode61 never
    /// splits or folds them.
    static func encode(_ gram: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "g")]
        for byte in gram.utf8 {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
