/// The standard 公开渠道和载体 (glossary), in the order catalogs print them.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case website, gazette, newMedia, pressConference, broadcast, print, readingRoom,
         serviceCentre, serviceStation, onSite, noticeBoard, targetedPush, other

    public var label: String {
        switch self {
        case .website: "政府网站"
        case .gazette: "政府公报"
        case .newMedia: "两微一端"
        case .pressConference: "发布会/听证会"
        case .broadcast: "广播电视"
        case .print: "纸质媒体"
        case .readingRoom: "公开查阅点"
        case .serviceCentre: "政务服务中心"
        case .serviceStation: "便民服务站"
        case .onSite: "入户/现场"
        case .noticeBoard: "社区/村居/企事业单位公示栏（电子屏）"
        case .targetedPush: "精准推送"
        case .other: "其他"
        }
    }

    /// Matches a checkbox label (spaces already removed) to a standard channel.
    /// Only exact spellings seen in catalogs are accepted; anything else stays free text.
    public static func matching(_ label: String) -> Channel? {
        switch label {
        case "政府网站", "网站": .website
        case "政府公报", "公报": .gazette
        case "两微一端", "政务新媒体": .newMedia
        case "发布会", "听证会", "发布会/听证会", "新闻发布会": .pressConference
        case "广播电视", "广播", "电视": .broadcast
        case "纸质媒体", "报刊": .print
        case "公开查阅点", "公开查询点", "查阅点", "查询点", "公开查阅点/查询点": .readingRoom
        case "政务服务中心": .serviceCentre
        case "便民服务站": .serviceStation
        case "入户/现场", "入户", "现场": .onSite
        case "精准推送": .targetedPush
        case "其他", "其它": .other
        default:
            label.includes("公示栏") ? .noticeBoard : nil
        }
    }
}

/// One channel as a catalog marks it: a standard channel or free text, checked or not.
public struct ChannelMark: Codable, Sendable, Equatable {
    /// The standard label, or the text as written for channels outside the standard set.
    public var name: String
    public var standard: Channel?
    public var checked: Bool

    public init(name: String, standard: Channel?, checked: Bool) {
        self.name = name
        self.standard = standard
        self.checked = checked
    }

    public init(label: String, checked: Bool) {
        let standard = Channel.matching(label)
        self.init(name: standard?.label ?? label, standard: standard, checked: checked)
    }
}
