/// One thing an importer inferred or could not read, with where it happened.
/// Messages are Chinese: they are shown to the staff who own the catalog.
public struct ImportDiagnostic: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable, Comparable {
        /// A value the importer supplied by rule: carried down, merged, dropped as an artifact.
        case inference
        /// The source allows more than one reading; the importer says which it chose.
        case ambiguous
        /// Something could not be read or looks wrong in the source.
        case warning
        /// The file could not be imported.
        case error

        private var rank: Int { [.inference: 0, .ambiguous: 1, .warning: 2, .error: 3][self]! }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    public enum Kind: String, Codable, Sendable {
        case carriedDown, mergedCell, continuationMerged, artifactDropped, spacesRemoved,
             columnGuessed, headerRepeated, codeExtracted, marksExtracted, centredCell,
             agencyRecognized, titleGenerated, channelInferred, nonStandardChannel,
             responsibleSplit, sectionCreated, noteExtracted, duplicateNumber, duplicateName,
             incompleteText, emptyValue, unknownColumn, truncatedStart, structure, unreadable
    }

    public var severity: Severity
    public var kind: Kind
    /// First and last source line (text) or row (spreadsheet, Word table); nil for the whole file.
    public var first: Int?
    public var last: Int?
    public var message: String

    public init(_ severity: Severity, _ kind: Kind, first: Int? = nil, last: Int? = nil, _ message: String) {
        self.severity = severity
        self.kind = kind
        self.first = first
        self.last = last ?? first
        self.message = message
    }

    /// "第12行" or "第12–19行", the way staff count lines in the source file.
    public var locationText: String {
        guard let first else { return "全文" }
        guard let last, last != first else { return "第\(first)行" }
        return "第\(first)–\(last)行"
    }
}
