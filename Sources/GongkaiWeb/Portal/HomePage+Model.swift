/// The portal's home page: 最新信息 and 通知公告 across agencies, and each agency's four doors (指南, 目录, 年报,
/// 依申请公开).
struct HomePageModel: Sendable {
    var agencies: [Agency]
    var latest: [RecordLink]
    var hasLatest: Bool
    var notices: [RecordLink]
    var hasNotices: Bool

    struct Agency: Sendable {
        var name: String
        var url: String
        var catalogTitle: String
        var catalogURL: String
        var itemCount: Int
        var guideURL: String?
        var reportURL: String?
        var applyURL: String
    }

    struct RecordLink: Sendable {
        var title: String
        var url: String
        var date: String
        var agency: String
    }
}
