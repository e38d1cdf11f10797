/// The review queue (Templates/queue.mustache): the records submitted for review that the user may review.
struct QueuePageModel: Sendable {
    var records: [RecordRowView]
}
