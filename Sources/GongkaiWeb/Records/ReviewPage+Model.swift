/// The review page: what changed since the version before, line by line.
struct ReviewPageModel: Sendable {
    var id: Int
    var recordURL: String
    var title: String
    var from: String
    var to: String
    var lines: [TextDiff.Line]
    var canReview: Bool
}
