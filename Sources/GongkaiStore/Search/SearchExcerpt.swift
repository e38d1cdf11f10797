/// The plain text around a hit's first match, in pieces that are the query (case-insensitive) or not. How it is
/// shown (escaped, matches marked, elisions) is the web's business.
public struct SearchExcerpt: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable { case text, attachments }

    public struct Piece: Codable, Sendable, Equatable {
        public var text: String
        public var isMatch: Bool

        public init(_ text: String, isMatch: Bool = false) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// `.attachments` when the query occurs in the attachments' text and not in the body.
    public var source: Source = .text
    /// The text goes on before the first piece.
    public var isCutBefore: Bool
    public var pieces: [Piece]
    /// The text goes on after the last piece.
    public var isCutAfter: Bool

    public init(source: Source = .text, isCutBefore: Bool, pieces: [Piece], isCutAfter: Bool) {
        self.source = source
        self.isCutBefore = isCutBefore
        self.pieces = pieces
        self.isCutAfter = isCutAfter
    }
}

extension SearchExcerpt {
    /// A hit's excerpt: from the body where the query occurs in it, else from the attachments' text, else the start
    /// of the body, or of the title when the body is empty.
    static func make(body: String, attachments: String, title: String, query: String) -> SearchExcerpt {
        let needle = query.lowercased()
        if !body.lowercased().contains(needle), attachments.lowercased().contains(needle) {
            var excerpt = make(attachments, query: query)
            excerpt.source = .attachments
            return excerpt
        }
        return make(body.isEmpty ? title : body, query: query)
    }

    static func make(_ text: String, query: String, radius: Int = 40) -> SearchExcerpt {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let lowered = flat.lowercased(), needle = query.lowercased()
        guard let first = lowered.range(of: needle) else {
            return SearchExcerpt(isCutBefore: false, pieces: [Piece(String(flat.prefix(radius * 2)))], isCutAfter: flat.count > radius * 2)
        }
        let startOffset = max(0, lowered.distance(from: lowered.startIndex, to: first.lowerBound) - radius)
        let window = String(flat.dropFirst(startOffset).prefix(radius * 2 + needle.count))
        var pieces: [Piece] = []
        var rest = Substring(window)
        while let range = rest.lowercased().range(of: needle) {
            let lower = rest.index(rest.startIndex, offsetBy: rest.lowercased().distance(from: rest.lowercased().startIndex, to: range.lowerBound))
            let upper = rest.index(lower, offsetBy: needle.count, limitedBy: rest.endIndex) ?? rest.endIndex
            if lower > rest.startIndex { pieces.append(Piece(String(rest[..<lower]))) }
            pieces.append(Piece(String(rest[lower..<upper]), isMatch: true))
            rest = rest[upper...]
        }
        if !rest.isEmpty { pieces.append(Piece(String(rest))) }
        return SearchExcerpt(isCutBefore: startOffset > 0, pieces: pieces, isCutAfter: startOffset + window.count < flat.count)
    }
}
